package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Background;
import dev.candor.explain.ExplanationFailedException;
import dev.candor.explain.Model;
import dev.candor.explain.Models;
import dev.candor.explain.MultiOutputModel;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact Shapley on the shared coalition evaluator: multi-output models, batches, failures. */
class ExactShapTest {

    private final GoldenGerman.Logistic model = GoldenGerman.Logistic.load("german_model.json");
    private final Background bg = Background.of(GoldenGerman.csv("german_background.csv", 24));
    private final double[][] rows = GoldenGerman.csv("german_explain_rows.csv", 24);
    private final FeatureGroups six = FeatureGroups.of(24, new int[][] {{0, 1, 2}, {3, 4, 5, 6, 7, 8, 9, 10, 11},
        {12}, {13, 14}, {15, 16, 17, 18}, {19, 20, 21, 22, 23}}, null);

    /** Three outputs: p, 1 - p and the log-odds of p, so each output is a different game. */
    private final MultiOutputModel three = new MultiOutputModel() {
        @Override
        public double[][] predict(double[][] r) {
            double[] p = model.predict(r);
            double[][] out = new double[r.length][];
            for (int i = 0; i < r.length; i++) {
                out[i] = new double[] {p[i], 1 - p[i], Math.log(p[i] / (1 - p[i]))};
            }
            return out;
        }

        @Override
        public int outputs() {
            return 3;
        }
    };

    @Test
    void exactShapleyOfAMultiOutputModelEqualsExactShapleyOfEachOutputSeparately() {
        ExactShap all = ExactShap.builder(three, bg).groups(six).build();
        assertThat(all.outputs()).isEqualTo(3);
        for (int r = 0; r < 4; r++) {
            List<ShapExplanation> e = all.explainOutputs(rows[r]);
            assertThat(e).hasSize(3);
            for (int k = 0; k < 3; k++) {
                ShapExplanation alone = ExactShap.builder(Models.output(three, k), bg).groups(six).build()
                        .explain(rows[r]);
                assertThat(e.get(k).values()).containsExactly(alone.values());
                assertThat(e.get(k).baseValue()).isEqualTo(alone.baseValue());
                assertThat(e.get(k).prediction()).isEqualTo(alone.prediction());
                assertThat(e.get(k).exact()).isTrue();
                assertThat(e.get(k).efficiencyResidual()).isCloseTo(0, within(1e-12));
            }
            // output 1 is 1 - output 0, so its values are the negated ones
            for (int j = 0; j < 6; j++) {
                assertThat(e.get(1).value(j)).isCloseTo(-e.get(0).value(j), within(1e-12));
            }
        }
    }

    @Test
    void exactShapleyOfAMultiOutputModelEqualsKernelShapInExactEnumerationMode() {
        ExactShap exact = ExactShap.builder(three, bg).groups(six).build();
        KernelShap kernel = KernelShap.builder(three, bg).groups(six).threads(1).build(); // 2^6 - 2 <= 2 M + 2048
        for (int r = 0; r < rows.length; r++) {
            List<ShapExplanation> x = exact.explainOutputs(rows[r]);
            List<ShapExplanation> k = kernel.explainOutputs(rows[r], r);
            for (int o = 0; o < 3; o++) {
                assertThat(k.get(o).exact()).isTrue();
                assertThat(k.get(o).values()).containsExactly(x.get(o).values(), within(1e-12));
                assertThat(k.get(o).baseValue()).isEqualTo(x.get(o).baseValue());
                // KernelShap evaluates f(x) itself, exact Shapley the background-weighted mean of f(x): rounding apart
                assertThat(k.get(o).prediction()).isCloseTo(x.get(o).prediction(), within(1e-12));
            }
        }
    }

    @Test
    void batchSizeAndDeduplicationDoNotChangeTheValues() {
        ShapExplanation a = ExactShap.builder(model, bg).groups(six).maxBatchRows(1 << 20).deduplicateRows(false)
                .build().explain(rows[3]);
        ShapExplanation b = ExactShap.builder(model, bg).groups(six).maxBatchRows(7).build().explain(rows[3]);
        ShapExplanation c = ExactShap.builder(model, bg).groups(six).maxBatchRows(333).deduplicateRows(false)
                .build().explain(rows[3]);
        assertThat(b.values()).containsExactly(a.values());
        assertThat(c.values()).containsExactly(a.values());
        assertThat(a.coalitions()).isEqualTo(64);
    }

    @Test
    void explainAllGivesTheSameBitsOnOneAndFourThreadsAsSingleCalls() {
        ExactShap one = ExactShap.builder(model, bg).groups(six).threads(1).build();
        ExactShap four = ExactShap.builder(model, bg).groups(six).threads(4).build();
        double[][] v1 = one.explainAll(rows).values();
        double[][] v4 = four.explainAll(rows).values();
        for (int i = 0; i < rows.length; i++) {
            assertThat(v4[i]).containsExactly(v1[i]);
            assertThat(one.explain(rows[i]).values()).containsExactly(v1[i]);
        }
        assertThat(one.explainAll(rows).provenance().algorithm()).isEqualTo("ExactShap");
    }

    @Test
    void aModelFailingOnRow7IsReportedAsRow7WithTheModelsException() {
        IllegalStateException down = new IllegalStateException("scoring service unavailable");
        Model failsOnRow7 = r -> {
            for (double[] row : r) {
                if (Arrays.equals(row, rows[7])) {
                    throw down;
                }
            }
            return model.predict(r);
        };
        assertThatThrownBy(() -> ExactShap.builder(failsOnRow7, bg).groups(six).threads(4).build().explainAll(rows))
                .isInstanceOf(ExplanationFailedException.class).hasMessageContaining("row 7").hasCause(down);
    }
}
