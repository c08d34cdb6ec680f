package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyJsonTest {

    @TempDir
    Path tmp;

    /** Selection rates: a = 2/4 (privileged), b = 1/4, c = 0/2 (no favorable true label in c). */
    private static AuditResult audit() {
        int[] y = {1, 1, 0, 0, 1, 0, 0, 1, 0, 0};
        int[] p = {1, 1, 0, 0, 1, 0, 0, 0, 0, 0};
        String[] g = {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c"};
        return Audit.builder(y, p).attribute("g", g, "a").attribute("h", new String[] {"x", "y", "x", "y", "x", "y",
            "x", "y", "x", "y"}, null).build().run();
    }

    private static Policy parse(String json) throws IOException {
        return PolicyJson.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void boundsUndefinedValuesAndSkippedAttributesAreReported() throws IOException {
        AuditResult a = audit();
        // g: unprivileged (b|c) selection 1/6 vs a 2/4 -> disparate impact = (1/6)/(1/2) = 1/3
        PolicyResult r = PolicyResult.evaluate(parse("{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.8,"
                + "\"undefined\":\"pass\"},"
                + "{\"metric\":\"fairlearn_equal_opportunity_ratio\",\"min\":0.5,\"attributes\":[\"g\"]},"
                + "{\"metric\":\"individual.theil_index\",\"max\":0}]}"), a);
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).hasSize(2);
        assertThat(r.violations().get(0).value()).isEqualTo(1.0 / 3.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(r.violations().get(0).message()).contains("below the minimum 0.8");
        // TPR: a 2/2 = 1, b 1/2, c undefined (skipped by fairlearn's form) -> ratio 0.5 passes
        assertThat(r.skipped()).extracting(PolicyResult.Skipped::attribute).containsExactly("h");
        assertThat(r.checked()).isEqualTo(3);
        assertThat(r.violations().get(1).metric()).isEqualTo("individual.theil_index");
        assertThat(r.violations().get(1).attribute()).isNull();
    }

    @Test
    void undefinedValueIsAViolationUnlessTheRuleSaysPass() throws IOException {
        AuditResult a = audit();
        // equal_opportunity_difference of g: unprivileged b|c pooled TPR = 1/2 is defined; use FOR of c alone instead
        String rule = "{\"metric\":\"false_discovery_rate_ratio\",\"max\":2,\"attributes\":[\"g\"]}";
        // FDR: privileged a 0/2 = 0 -> ratio undefined (zero_reference_rate)
        PolicyResult strict = PolicyResult.evaluate(parse("{\"rules\":[" + rule + "]}"), a);
        assertThat(strict.passed()).isFalse();
        assertThat(strict.violations().get(0).undefined().key()).isEqualTo("zero_reference_rate");
        PolicyResult lenient = PolicyResult.evaluate(parse("{\"undefined\":\"pass\",\"rules\":[" + rule + "]}"), a);
        assertThat(lenient.passed()).isTrue();
    }

    @Test
    void aRuleThatCannotBeEvaluatedIsAViolationUnlessTheRuleSaysPass() throws IOException {
        // h has no privileged value, so disparate_impact is not computed for it
        PolicyResult r = PolicyResult.evaluate(parse("{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.3,"
                + "\"attributes\":[\"h\"]}]}"), audit());
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).singleElement().satisfies(v -> {
            assertThat(v.attribute()).isEqualTo("h");
            assertThat(v.undefined()).isEqualTo(dev.candor.fairness.UndefinedReason.NO_PRIVILEGED_GROUP);
            assertThat(v.message()).contains("cannot be evaluated").contains("--privileged h=VALUE");
        });
    }

    @Test
    void aPolicyThatChecksNothingNeverPasses() throws IOException {
        // the only rule lets its undefined value pass, so nothing is checked at all
        PolicyResult r = PolicyResult.evaluate(parse("{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":0.3,"
                + "\"attributes\":[\"h\"],\"undefined\":\"pass\"}]}"), audit());
        assertThat(r.checked()).isZero();
        assertThat(r.skipped()).hasSize(1);
        assertThat(r.passed()).isFalse();
        assertThat(r.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("0 checks"));
        PolicyResult empty = PolicyResult.evaluate(parse("{\"rules\":[]}"), audit());
        assertThat(empty.passed()).isFalse();
        assertThat(empty.violations().get(0).message()).contains("no rules");
    }

    @Test
    void malformedPoliciesAreRejectedNamingTheProblem() throws IOException {
        assertThatThrownBy(() -> parse("{\"rules\":[{\"metric\":\"disparate_impact\"}]}"))
                .hasMessageContaining("rules[0]").hasMessageContaining("needs 'min' or 'max'");
        assertThatThrownBy(() -> parse("{\"rules\":[{\"metric\":\"x\",\"min\":\"high\"}]}"))
                .hasMessageContaining("rules[0].min must be a number");
        assertThatThrownBy(() -> parse("{\"rule\":[]}")).hasMessageContaining("unknown policy field 'rule'");
        assertThatThrownBy(() -> PolicyResult.evaluate(parse("{\"rules\":[{\"metric\":\"dispar_impact\",\"min\":1}]}"),
                audit())).hasMessageContaining("unknown metric 'dispar_impact'");
        assertThatThrownBy(() -> PolicyResult.evaluate(parse("{\"rules\":[{\"metric\":\"disparate_impact\",\"min\":1,"
                + "\"attributes\":[\"race\"]}]}"), audit())).hasMessageContaining("rules[0]")
                .hasMessageContaining("attribute 'race', which is not audited");
        Path bad = tmp.resolve("p.json");
        Files.writeString(bad, "{\"rules\": [ }");
        assertThatThrownBy(() -> PolicyJson.read(bad)).hasMessageContaining("p.json: not valid JSON");
    }
}
