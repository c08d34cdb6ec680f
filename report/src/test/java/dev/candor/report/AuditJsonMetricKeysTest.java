package dev.candor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.report.assemble.MetricDefinitions;
import dev.candor.report.sections.MethodsSection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit JSON's {@code metrics} block and the methods appendix are the {@link FairnessMetric} registry. */
class AuditJsonMetricKeysTest {

    private static final int[] Y = {1, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 0};
    private static final int[] P = {1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0};
    private static final String[] SEX = {"f", "f", "f", "f", "f", "f", "m", "m", "m", "m", "m", "m"};

    private static List<String> keys(JsonNode metrics) {
        List<String> out = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(k -> {
            if (!k.equals("undefined") && !k.equals("ci")) {
                out.add(k);
            }
        });
        return out;
    }

    @Test
    void metricsBlockHoldsExactlyTheRegistryKeysInRegistryOrder() {
        AuditResult r = Audit.builder(Y, P).attribute("sex", SEX, "m").attribute("any", SEX, null).build().run();
        JsonNode j = AuditJson.toTree(r, null);
        assertThat(keys(j.at("/protected/sex/metrics"))).isEqualTo(FairnessMetric.keys());
        assertThat(keys(j.at("/protected/any/metrics"))).isEqualTo(FairnessMetric.keys().stream()
                .filter(k -> !FairnessMetric.fromKey(k).needsPrivileged()).toList());
        assertThat(keys(j.at("/protected/sex/label_metrics"))).isEqualTo(
                FairnessMetric.LABEL_METRICS.stream().map(FairnessMetric::key).toList());
    }

    @Test
    void methodsAppendixReadsNameFormulaBandAndReferenceFromTheRegistry() {
        List<MethodsSection.Definition> defs = MetricDefinitions.of(FairnessMetric.keys());
        assertThat(defs).hasSize(FairnessMetric.values().length);
        MethodsSection.Definition di = MetricDefinitions.of(List.of("disparate_impact")).get(0);
        assertThat(di.toString()).contains("Disparate impact").contains("SR(u) / SR(p)").contains("[0.8, 1.25]")
                .contains("Feldman");
        assertThat(MetricDefinitions.name("equalized_odds_ratio_mean")).isEqualTo("Equalized odds ratio (mean)");
        assertThat(MetricDefinitions.of(List.of("equalized_odds_difference")).get(0).toString()).contains("≤ 0.1");
    }
}
