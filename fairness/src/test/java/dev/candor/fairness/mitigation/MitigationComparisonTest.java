package dev.candor.fairness.mitigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.fairness.ConfidenceInterval;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class MitigationComparisonTest {

    private static final PostProcessingGolden G = PostProcessingGolden.german();
    private static final String[] SEX = G.column("sex");

    @Test
    void unmitigatedRowEqualsTheGoldenAuditOfThePredictions() throws IOException {
        // ../shared/golden/fairness/german_audit.json: AIF360 / fairlearn metrics of pred = score >= 0.5.
        JsonNode audit = new ObjectMapper().readTree(SharedData.golden("fairness/german_audit.json").toFile());
        MitigationComparison c = MitigationComparison.builder("male").resamples(0).addThreshold("none", 0.5)
                .compare(G.score, G.label, SEX);
        MitigationComparison.Entry e = c.entry("none");
        assertEquals(audit.get("overall.accuracy").asDouble(), e.value("accuracy"), 1e-12);
        for (String k : new String[] {"statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference", "demographic_parity_difference",
            "equalized_odds_difference"}) {
            assertEquals(audit.get("protected.sex.metrics." + k).asDouble(), e.value(k), 1e-12, k);
        }
    }

    @Test
    void equalizedOddsThresholdsCloseTheGapAtFairlearnsExpectedAccuracy() {
        ThresholdOptimizer to = ThresholdOptimizer.builder().constraint(ThresholdConstraint.EQUALIZED_ODDS)
                .fit(G.score, G.label, SEX);
        MitigationComparison c = MitigationComparison.builder("male").resamples(200).seed(3)
                .addThreshold("none", 0.5).add("threshold_optimizer", to).compare(G.score, G.label, SEX);
        MitigationComparison.Entry e = c.entry("threshold_optimizer");
        assertEquals(0, e.value("equalized_odds_difference"), 1e-12);
        assertEquals(0, e.value("equal_opportunity_difference"), 1e-12);
        assertEquals(G.number("threshold_optimizer.sex.equalized_odds.accuracy_score.overall.expected.accuracy"),
                e.value("accuracy"), 1e-12);
        ConfidenceInterval ci = e.intervals().get("accuracy");
        assertTrue(ci.lower() < e.value("accuracy") && e.value("accuracy") < ci.upper(), ci.toString());
        assertTrue(c.entry("none").value("equalized_odds_difference") > 0.08);
    }

    @Test
    void intervalsDependOnlyOnTheSeed() {
        EqOddsPostprocessing eo = EqOddsPostprocessing.builder("male").fit(G.score, G.label, SEX);
        MitigationComparison a = MitigationComparison.builder("male").resamples(100).seed(5).add("eq_odds", eo)
                .compare(G.score, G.label, SEX);
        MitigationComparison b = MitigationComparison.builder("male").resamples(100).seed(5)
                .addThreshold("none", 0.5).add("eq_odds", eo).compare(G.score, G.label, SEX);
        assertEquals(a.entry("eq_odds").intervals(), b.entry("eq_odds").intervals());
        assertTrue(a.toString().contains("eq_odds"));
        assertEquals(8, ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) a.asMap().get("methods")).get("eq_odds")).size());
    }
}
