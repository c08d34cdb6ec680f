package dev.candor.fairness.mitigation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.core.BadInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every post-processor promises beyond the golden numbers: seeded decisions and named bad input. */
class PostProcessorContractTest {

    private static final PostProcessingGolden G = PostProcessingGolden.german();
    private static final String[] SEX = G.column("sex");

    private static List<PostProcessor> all() {
        return List.of(
                ThresholdOptimizer.builder().constraint(ThresholdConstraint.EQUALIZED_ODDS).fit(G.score, G.label, SEX),
                RejectOptionClassification.builder().privileged("male").fit(G.score, G.label, SEX),
                EqOddsPostprocessing.builder("male").fit(G.score, G.label, SEX),
                CalibratedEqOddsPostprocessing.builder("male").costConstraint(CostConstraint.FNR)
                        .fit(G.score, G.label, SEX));
    }

    @Test
    void decisionsDependOnlyOnSeedAndRowIndex() {
        for (PostProcessor p : all()) {
            int[] a = p.decide(G.score, SEX, 7L);
            assertArrayEquals(a, p.decide(G.score, SEX, 7L), p.method());
            int[] prefix = p.decide(Arrays.copyOf(G.score, 100), Arrays.copyOf(SEX, 100), 7L);
            assertArrayEquals(Arrays.copyOf(a, 100), prefix, p.method());
        }
    }

    @Test
    void decisionsFollowTheProbabilities() {
        ThresholdOptimizer to = ThresholdOptimizer.builder().constraint(ThresholdConstraint.EQUALIZED_ODDS)
                .fit(G.score, G.label, SEX);
        double[] q = to.favorableProbability(G.score, SEX);
        int[] d = to.decide(G.score, SEX, 11L);
        double expected = 0;
        double variance = 0;
        int observed = 0;
        for (int i = 0; i < q.length; i++) {
            assertTrue(q[i] >= 0 && q[i] <= 1);
            if (q[i] == 0) {
                assertEquals(0, d[i]);
            } else if (q[i] == 1) {
                assertEquals(1, d[i]);
            }
            expected += q[i];
            variance += q[i] * (1 - q[i]);
            observed += d[i];
        }
        assertTrue(Math.abs(observed - expected) <= 4 * Math.sqrt(variance), observed + " vs " + expected);
        assertNotEquals(Arrays.toString(d), Arrays.toString(to.decide(G.score, SEX, 12L)));
    }

    @Test
    void aScoreOutsideTheUnitIntervalIsRefusedWithItsRow() {
        double[] s = G.score.clone();
        s[3] = 1.5;
        BadInputException e = assertThrows(BadInputException.class,
                () -> EqOddsPostprocessing.builder("male").fit(s, G.label, SEX));
        assertTrue(e.getMessage().contains("scores[3] = 1.5"), e.getMessage());
        for (PostProcessor p : List.of(all().get(1), all().get(2), all().get(3))) {
            assertThrows(BadInputException.class, () -> p.favorableProbability(s, SEX), p.method());
        }
    }

    @Test
    void aGroupAbsentFromCalibrationIsRefusedByName() {
        String[] groups = SEX.clone();
        groups[5] = "nonbinary";
        for (PostProcessor p : all()) {
            BadInputException e = assertThrows(BadInputException.class, () -> p.favorableProbability(G.score, groups));
            assertTrue(e.getMessage().contains("nonbinary"), p.method() + ": " + e.getMessage());
        }
    }

    @Test
    void aGroupWithOneLabelValueIsRefusedByName() {
        int[] labels = G.label.clone();
        for (int i = 0; i < labels.length; i++) {
            if (SEX[i].equals("female")) {
                labels[i] = 1;
            }
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> ThresholdOptimizer.builder().fit(G.score, labels, SEX));
        assertTrue(e.getMessage().contains("'female' has only favorable labels"), e.getMessage());
        e = assertThrows(BadInputException.class,
                () -> CalibratedEqOddsPostprocessing.builder("male").fit(G.score, labels, SEX));
        assertTrue(e.getMessage().contains("unprivileged [female] has only favorable labels"), e.getMessage());
        assertThrows(BadInputException.class,
                () -> RejectOptionClassification.builder().privileged("male").fit(G.score, labels, SEX));
        assertThrows(BadInputException.class, () -> EqOddsPostprocessing.builder("male").fit(G.score, labels, SEX));
    }

    @Test
    void aGroupWithOnlyOnePredictionValueCannotBeEqualizedByTheLinearProgram() {
        double[] s = G.score.clone();
        for (int i = 0; i < s.length; i++) {
            if (SEX[i].equals("female")) {
                s[i] = 0.2;
            }
        }
        BadInputException e = assertThrows(BadInputException.class,
                () -> EqOddsPostprocessing.builder("male").fit(s, G.label, SEX));
        assertTrue(e.getMessage().contains("unprivileged [female] has only unfavorable predictions"), e.getMessage());
    }

    @Test
    void aPrivilegedValueMissingFromTheDataIsRefused() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> EqOddsPostprocessing.builder("Male").fit(G.score, G.label, SEX));
        assertTrue(e.getMessage().contains("[Male]"), e.getMessage());
    }

    @Test
    void equalizedOddsRefusesAnObjectiveFairlearnRefuses() {
        assertThrows(BadInputException.class, () -> ThresholdOptimizer.builder()
                .constraint(ThresholdConstraint.EQUALIZED_ODDS).objective(ThresholdObjective.SELECTION_RATE)
                .fit(G.score, G.label, SEX));
        assertEquals(ThresholdConstraint.DEMOGRAPHIC_PARITY, ThresholdConstraint.of("selection_rate_parity"));
        assertThrows(BadInputException.class, () -> ThresholdObjective.of("precision_score"));
    }

    @Test
    void descriptionsUseTheReferenceLibrariesNames() {
        Map<String, Object> to = all().get(0).describe();
        @SuppressWarnings("unchecked")
        Map<String, Object> female = (Map<String, Object>) ((Map<String, Object>) to.get("groups")).get("female");
        assertTrue(female.keySet().containsAll(List.of("p0", "operation0", "p1", "operation1", "p_ignore",
                "prediction_constant")), female.keySet().toString());
        assertTrue(all().get(1).describe().keySet().containsAll(List.of("classification_threshold", "ROC_margin")));
        assertTrue(((Map<?, ?>) all().get(2).describe().get("model_params")).keySet()
                .containsAll(List.of("sp2p", "sn2p", "op2p", "on2p")));
        assertTrue(all().get(3).describe().keySet().containsAll(List.of("priv_mix_rate", "unpriv_mix_rate")));
        for (PostProcessor p : all()) {
            assertEquals(1000, p.provenance().input().rows());
        }
    }

    @Test
    void reweighingIsAMitigationWithAif360sCellNames() {
        Mitigation rw = Reweighing.builder().privileged("male").fit(G.label, SEX);
        assertEquals("reweighing", rw.method());
        Map<String, Object> d = rw.describe();
        // AIF360 Reweighing on German sex: w_p_fav = n_fav * n_p / (n * n_p_fav) = 700 * 690 / (1000 * 499)
        assertEquals(700.0 * 690 / (1000.0 * 499), (Double) d.get("w_p_fav"), 1e-15);
        assertTrue(d.keySet().containsAll(List.of("w_p_unfav", "w_up_fav", "w_up_unfav", "cells")));
    }
}
