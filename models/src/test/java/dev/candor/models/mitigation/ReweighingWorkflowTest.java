package dev.candor.models.mitigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.SharedData;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.GermanCreditDataset;
import dev.candor.datasets.SyntheticCredit;
import dev.candor.models.ClassifierKind;
import dev.candor.models.ClassifierTrainer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ReweighingWorkflowTest {

    @Test
    void germanTrainingLabelMetricsMatchAif360BeforeAndAfter() throws IOException {
        // Golden fairness/german_reweighing.json: AIF360 label metrics of all 1000 German rows (sex,
        // privileged male) with unit weights and with the reweighing weights.
        JsonNode g = new ObjectMapper().readTree(SharedData.golden("fairness/german_reweighing.json").toFile());
        Dataset german = GermanCreditDataset.load();
        ReweighingComparison c = ReweighingWorkflow.on("sex")
                .withTrainer(ClassifierTrainer.of(ClassifierKind.RANDOM_FOREST).withTrees(30))
                .run(german, german);
        assertThat(c.labelParityDifferenceBefore())
                .isCloseTo(g.get("label_metrics.before.statistical_parity_difference").asDouble(), within(1e-12));
        assertThat(c.labelParityDifferenceAfter())
                .isCloseTo(g.get("label_metrics.after.statistical_parity_difference").asDouble(), within(1e-12));
        assertThat(c.trainingLabelsAfter().labelMetrics().get("disparate_impact").value())
                .isCloseTo(g.get("label_metrics.after.disparate_impact").asDouble(), within(1e-12));
        assertThat(c.reweighing().weight("female", 0)).isCloseTo(g.get("w_up_unfav").asDouble(), within(1e-12));
        assertThat(c.after().settings().get("weights")).startsWith("weighted resampling");
        assertThat(c.provenance().algorithm()).isEqualTo("ReweighingWorkflow");
    }

    @Test
    void syntheticBiasIsReducedInThePredictions() {
        // SyntheticCredit builds a 15-point approval gap against female applicants into the labels
        // (and a zip-region proxy); reweighing the training labels must shrink the gap of the
        // predictions of a logistic model on held-out rows.
        ReweighingComparison c = ReweighingWorkflow.on("sex").run(SyntheticCredit.generate(), 0.3, 11L);
        assertThat(c.labelParityDifferenceBefore()).isLessThan(-0.08);
        assertThat(c.labelParityDifferenceAfter()).isCloseTo(0.0, within(1e-12));
        double before = c.before().statisticalParityDifference();
        double after = c.after().statisticalParityDifference();
        assertThat(before).isLessThan(-0.05);
        assertThat(Math.abs(after)).isLessThan(0.5 * Math.abs(before));
        assertThat(c.after().disparateImpact()).isGreaterThan(c.before().disparateImpact());
        // Reference: scikit-learn 1.2.1 on the same rows (the generator's train and test parts written
        // to CSV with level names), numeric columns age, income, credit_amount, duration, existing_debt
        // through StandardScaler, housing, purpose, employment, zip_region through OneHotEncoder,
        // LogisticRegression(solver='newton-cholesky', tol=1e-12), sample_weight = the reweighing
        // weights on (sex, y), privileged male; predictions score >= 0.5 (smallest |score - 0.5| is
        // 1.0e-4). Printed: unweighted accuracy 0.694, AUC 0.7332291240577339, SPD -0.1063170945129226,
        // DI 0.8503513385822472; weighted accuracy 0.676, AUC 0.7244912493426051,
        // SPD -0.027620675538550743, DI 0.9588456190357804.
        assertThat(before).isCloseTo(-0.1063170945129226, within(1e-12));
        assertThat(after).isCloseTo(-0.027620675538550743, within(1e-12));
        assertThat(c.before().disparateImpact()).isCloseTo(0.8503513385822472, within(1e-12));
        assertThat(c.after().disparateImpact()).isCloseTo(0.9588456190357804, within(1e-12));
        assertThat(c.before().scores().accuracy()).isCloseTo(0.694, within(1e-12));
        assertThat(c.after().scores().accuracy()).isCloseTo(0.676, within(1e-12));
        assertThat(c.before().scores().auc()).isCloseTo(0.7332291240577339, within(1e-8));
        assertThat(c.after().scores().auc()).isCloseTo(0.7244912493426051, within(1e-8));
    }

    @Test
    void badConfigurationIsNamed() {
        Dataset german = GermanCreditDataset.load();
        assertThatThrownBy(() -> ReweighingWorkflow.on("race").run(german, german))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("race");
        assertThatThrownBy(() -> ReweighingWorkflow.on("sex").withPrivileged("robot").run(german, german))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("privileged value 'robot'");
        assertThatThrownBy(() -> ReweighingWorkflow.on("sex").withThreshold(1.5))
                .hasMessageContaining("threshold must be in [0, 1]");
    }
}
