package dev.candor.fairness.mitigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedRatesTest {

    @Test
    void zeroOneDecisionsGiveTheGoldenAuditRates() throws IOException {
        // ../shared/golden/fairness/german_audit.json: the rates of pred = score >= 0.5 (AIF360, fairlearn).
        JsonNode audit = new ObjectMapper().readTree(SharedData.golden("fairness/german_audit.json").toFile());
        PostProcessingGolden g = PostProcessingGolden.german();
        double[] pred = new double[g.score.length];
        for (int i = 0; i < pred.length; i++) {
            pred[i] = g.score[i] >= 0.5 ? 1 : 0;
        }
        ExpectedRates all = ExpectedRates.overall(pred, g.label, 1);
        assertEquals(audit.get("overall.accuracy").asDouble(), all.accuracy(), 1e-15);
        assertEquals(audit.get("overall.selection_rate").asDouble(), all.selectionRate(), 1e-15);
        assertEquals(audit.get("overall.false_positive_rate").asDouble(), all.falsePositiveRate(), 1e-15);
        Map<String, ExpectedRates> bySex = ExpectedRates.byGroup(pred, g.label, 1, g.column("sex"));
        assertEquals(List.of("female", "male"), List.copyOf(bySex.keySet()));
        for (String s : bySex.keySet()) {
            String p = "protected.sex.groups." + s + ".";
            assertEquals(audit.get(p + "accuracy").asDouble(), bySex.get(s).accuracy(), 1e-15, s);
            assertEquals(audit.get(p + "true_positive_rate").asDouble(), bySex.get(s).truePositiveRate(), 1e-15, s);
        }
    }
}
