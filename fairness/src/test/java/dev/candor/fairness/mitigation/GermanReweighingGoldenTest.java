package dev.candor.fairness.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AIF360 0.6.1 {@code Reweighing} on German credit (protected sex, privileged male, favorable good),
 * golden file {@code fairness/german_reweighing.json}, and the weighted label metrics of
 * {@code fairness/german_audit_weighted.json}. Tolerance 1e-12.
 */
class GermanReweighingGoldenTest {

    private static final double TOL = 1e-12;
    private static JsonNode golden;
    private static JsonNode weightedAudit;
    private static GermanPredictions german;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper om = new ObjectMapper();
        golden = om.readTree(SharedData.golden("fairness/german_reweighing.json").toFile());
        weightedAudit = om.readTree(SharedData.golden("fairness/german_audit_weighted.json").toFile());
        german = GermanPredictions.load();
    }

    private static double g(String key) {
        JsonNode v = golden.get(key);
        assertThat(v).as(key).isNotNull();
        return v.asDouble();
    }

    @Test
    void privilegedFormGivesAif360CellWeightsAndCounts() {
        Reweighing rw = Reweighing.builder().privileged("male").fit(german.credit(), german.sex());
        assertThat(rw.weight("male", 1)).isCloseTo(g("w_p_fav"), within(TOL));
        assertThat(rw.weight("male", 0)).isCloseTo(g("w_p_unfav"), within(TOL));
        assertThat(rw.weight("female", 1)).isCloseTo(g("w_up_fav"), within(TOL));
        assertThat(rw.weight("female", 0)).isCloseTo(g("w_up_unfav"), within(TOL));
        assertThat(rw.cell("male", 1).rows()).isEqualTo((long) g("n_p_fav"));
        assertThat(rw.cell("male", 0).rows()).isEqualTo((long) g("n_p_unfav"));
        assertThat(rw.cell("female", 1).rows()).isEqualTo((long) g("n_up_fav"));
        assertThat(rw.cell("female", 0).rows()).isEqualTo((long) g("n_up_unfav"));
        assertThat(rw.cell("female", 0).group()).isEqualTo(Reweighing.UNPRIVILEGED);
        assertThat(rw.cell("male", 1).group()).isEqualTo(Reweighing.PRIVILEGED);
        assertThat(rw.unfavorableLabel()).isZero();
        assertThat(rw.rows()).isEqualTo((int) g("n"));
        assertThat(rw.totalWeight()).isEqualTo(g("n"));
    }

    @Test
    void everyRowWeightMatchesAif360InstanceWeights() {
        JsonNode iw = golden.get("instance_weights");
        for (Reweighing rw : new Reweighing[] {
                Reweighing.builder().privileged("male").fit(german.credit(), german.sex()),
                Reweighing.fit(german.credit(), german.sex())}) {
            double[] w = rw.weights();
            assertThat(w).hasSize(iw.size());
            for (int i = 0; i < w.length; i++) {
                assertThat(w[i]).as("row %d", i).isCloseTo(iw.get(i).asDouble(), within(TOL));
                assertThat(w[i]).as("csv weight row %d", i).isCloseTo(german.weight()[i], within(TOL));
            }
            // transform of the training rows gives the same weights
            assertThat(rw.transform(german.credit(), german.sex())).containsExactly(w);
            double sum = 0;
            double sumMale = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i];
                sumMale += german.sex()[i].equals("male") ? w[i] : 0;
            }
            assertThat(sum).isCloseTo(g("weights.sum"), within(1e-10));
            assertThat(sumMale).isCloseTo(g("weights.sum_privileged"), within(1e-10));
        }
    }

    @Test
    void labelMetricsBeforeAndAfterMatchAif360() {
        LabelParity before = LabelParity.of(german.credit(), german.sex(), null, 1, "male");
        assertThat(before.baseRatePrivileged()).isCloseTo(g("label_metrics.before.base_rate_privileged"), within(TOL));
        assertThat(before.baseRateUnprivileged())
                .isCloseTo(g("label_metrics.before.base_rate_unprivileged"), within(TOL));
        assertThat(before.statisticalParityDifference())
                .isCloseTo(g("label_metrics.before.statistical_parity_difference"), within(TOL));
        assertThat(before.disparateImpact()).isCloseTo(g("label_metrics.before.disparate_impact"), within(TOL));

        double[] w = Reweighing.builder().privileged("male").fit(german.credit(), german.sex()).weights();
        LabelParity after = LabelParity.of(german.credit(), german.sex(), w, 1, "male");
        assertThat(after.baseRatePrivileged()).isCloseTo(g("label_metrics.after.base_rate_privileged"), within(TOL));
        assertThat(after.baseRateUnprivileged())
                .isCloseTo(g("label_metrics.after.base_rate_unprivileged"), within(TOL));
        assertThat(after.statisticalParityDifference())
                .isCloseTo(g("label_metrics.after.statistical_parity_difference"), within(TOL))
                .isCloseTo(0.0, within(TOL));
        assertThat(after.disparateImpact()).isCloseTo(g("label_metrics.after.disparate_impact"), within(TOL))
                .isCloseTo(1.0, within(TOL));
    }

    @Test
    void weightedLabelMetricsMatchTheWeightedAuditForSexAndAge() {
        double[] w = Reweighing.builder().privileged("male").fit(german.credit(), german.sex()).weights();
        LabelParity sex = LabelParity.of(german.credit(), german.sex(), w, 1, "male");
        assertThat(sex.statisticalParityDifference()).isCloseTo(
                weightedAudit.get("protected.sex.label_metrics.statistical_parity_difference").asDouble(),
                within(TOL));
        assertThat(sex.disparateImpact()).isCloseTo(
                weightedAudit.get("protected.sex.label_metrics.disparate_impact").asDouble(), within(TOL));
        // Reweighing on sex does not remove the age disparity; the weighted age metrics still agree.
        LabelParity age = LabelParity.of(german.credit(), german.ageGroup(), w, 1, "gt25");
        assertThat(age.statisticalParityDifference()).isCloseTo(
                weightedAudit.get("protected.age_group.label_metrics.statistical_parity_difference").asDouble(),
                within(TOL));
        assertThat(age.disparateImpact()).isCloseTo(
                weightedAudit.get("protected.age_group.label_metrics.disparate_impact").asDouble(), within(TOL));
    }

    @Test
    void favorableLabelOtherThanOneGivesTheSameWeights() {
        // German's own coding: 1 = good (favorable), 2 = bad.
        int[] coded = new int[german.credit().length];
        for (int i = 0; i < coded.length; i++) {
            coded[i] = german.credit()[i] == 1 ? 1 : 2;
        }
        Reweighing rw = Reweighing.builder().favorable(1).privileged("male").fit(coded, german.sex());
        assertThat(rw.unfavorableLabel()).isEqualTo(2);
        assertThat(rw.weight("female", 2)).isCloseTo(g("w_up_unfav"), within(TOL));
        // Bad credit as the favorable label: fav and unfav cells swap roles, the weights do not change.
        Reweighing flipped = Reweighing.fit(german.credit(), german.sex(), 0);
        assertThat(flipped.weights()).containsExactly(
                Reweighing.fit(german.credit(), german.sex()).weights(), within(TOL));
    }
}
