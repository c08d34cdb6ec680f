package dev.candor.report;

import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.UndefinedMetricException;
import org.junit.jupiter.api.Test;

class AuditJsonTest {

    private static final int[] Y = {1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0};
    private static final int[] P = {1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0};
    private static final String[] SEX = {"f", "f", "f", "f", "f", "f", "m", "m", "m", "m", "m", "m"};
    private static final String[] AGE = {"y", "o", "y", "o", "y", "o", "y", "o", "y", "o", "y", "o"};

    @Test
    void jsonHasTheDesignShapeWithPairsBetweenGroupsAndProvenance() {
        AuditResult r = Audit.builder(Y, P).attribute("sex", SEX, "m").attribute("age", AGE, null)
                .intersection("sex", "age").build().run();
        JsonNode j = AuditJson.toTree(r, null);
        assertThat(j.get("rows").asInt()).isEqualTo(12);
        // f: tp 2 (rows 0, 4), fp 1, tn 2, fn 1 -> selection 3/6; m: tp 2, fp 1, tn 2, fn 1 -> 3/6
        assertThat(j.at("/protected/sex/groups/f/tp").asInt()).isEqualTo(2);
        assertThat(j.at("/protected/sex/groups/f/selection_rate").asDouble()).isEqualTo(0.5);
        assertThat(j.at("/protected/sex/metrics/disparate_impact").asDouble()).isEqualTo(1.0);
        assertThat(j.at("/protected/sex/unprivileged/0").asText()).isEqualTo("f");
        assertThat(j.at("/protected/age/privileged").isNull()).isTrue();
        assertThat(j.at("/protected/age/metrics/statistical_parity_difference").isMissingNode()).isTrue();
        // age: y selects rows 0,2,4,6,8 = 5/6, o selects row 7 = 1/6 -> dp difference 4/6, ratio 1/5
        assertThat(j.at("/protected/age/metrics/demographic_parity_difference").asDouble()).isEqualTo(5.0 / 6 - 1.0 / 6);
        assertThat(j.at("/protected/age/compared_groups/demographic_parity_difference/group").asText()).isEqualTo("y");
        assertThat(j.at("/protected/age/compared_groups/demographic_parity_ratio/group").asText()).isEqualTo("o");
        assertThat(j.at("/protected/age/between_groups/selection_rate/ratio").asDouble()).isEqualTo((1.0 / 6) / (5.0 / 6));
        assertThat(j.at("/protected/sex&age/groups/f&y/count").asInt()).isEqualTo(3);
        assertThat(j.at("/individual/gini").isNumber()).isTrue();
        assertThat(j.at("/policy/passed").asBoolean()).isTrue();
        assertThat(j.at("/provenance/input/rows").asInt()).isEqualTo(12);
        assertThat(j.at("/provenance/algorithm").asText()).isEqualTo("candor audit");
    }

    @Test
    void intervalsAreReproducibleAndStrictModeNamesTheUndefinedValue() {
        AuditResult a = Audit.builder(Y, P).attribute("sex", SEX, "m")
                .intervals(Bootstrap.builder().resamples(100).seed(5).build()).build().run();
        AuditResult b = Audit.builder(Y, P).attribute("sex", SEX, "m")
                .intervals(Bootstrap.builder().resamples(100).seed(5).threads(1).build()).build().run();
        assertThat(a.attribute("sex").bootstrap()).isEqualTo(b.attribute("sex").bootstrap());
        assertThat(a.attribute("sex").significance()).containsKey("selection_rate");
        JsonNode j = AuditJson.toTree(a, null);
        assertThat(j.at("/protected/sex/groups/f/ci/selection_rate/lower").asDouble()).isBetween(0.0, 0.5);
        assertThat(j.at("/individual/ci/theil_index/upper").isNumber()).isTrue();

        int[] y = {0, 0, 1, 1};
        int[] p = {0, 1, 1, 0};
        assertThatThrownBy(() -> Audit.builder(y, p).attribute("g", new String[] {"a", "a", "b", "b"}, "a")
                .strict(true).build().run())
                .isInstanceOf(UndefinedMetricException.class).hasMessageContaining("of g=a").hasMessageContaining("no_positives");
    }

    @Test
    void badBuilderInputIsRejected() {
        assertThatThrownBy(() -> Audit.builder(Y, P).attribute("sex", SEX, "x"))
                .hasMessageContaining("privileged value 'x' of attribute 'sex' occurs in no row");
        assertThatThrownBy(() -> Audit.builder(Y, P).attribute("sex", SEX, null).intersection("sex", "age").build().run())
                .hasMessageContaining("'age', which is not among the protected attributes");
        assertThatThrownBy(() -> Audit.builder(Y, new int[3]).attribute("sex", SEX, null).build().run())
                .hasMessageContaining("yPred has length 3 but yTrue has length 12");
    }
}
