package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Model;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LimeTabularTest {

    /** 400 rows of 5 features with different shapes: integers, uniform reals, a 0/1 flag, a skewed column. */
    private static double[][] training() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] d = new double[400][5];
        for (double[] r : d) {
            r[0] = rng.nextInt(1, 7);
            r[1] = rng.nextDouble() * 10;
            r[2] = rng.nextDouble() < 0.3 ? 1 : 0;
            r[3] = Math.exp(rng.nextGaussian());
            r[4] = rng.nextDouble() * 2 - 1;
        }
        return d;
    }

    /** A model linear in the binary representation of row x: c0 + Σ c_j [bin_j(row) == bin_j(x)]. */
    private static Model binaryLinear(Discretizer d, double[] x, double c0, double[] c) {
        int[] xb = new int[c.length];
        for (int j = 0; j < c.length; j++) {
            xb[j] = d.bin(j, x[j]);
        }
        return rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double v = c0;
                for (int j = 0; j < c.length; j++) {
                    v += d.bin(j, rows[i][j]) == xb[j] ? c[j] : 0;
                }
                out[i] = v;
            }
            return out;
        };
    }

    private static final double[] X = {3, 4.2, 0, 1.1, -0.3};

    @Test
    void aModelLinearInTheBinaryRepresentationIsRecoveredExactly() {
        double[][] train = training();
        double[] c = {0.5, -0.25, 0.125, 0.3, -0.05};
        Discretizer d = LimeTabular.builder(r -> new double[r.length], train).build().discretizer();
        LimeTabular lime = LimeTabular.builder(binaryLinear(d, X, 0.2, c), train).numSamples(2000).ridgeAlpha(0)
                .seed(5).build();
        LimeExplanation e = lime.explain(X);
        for (int j = 0; j < 5; j++) {
            assertThat(e.weights()[j]).as("f%d", j).isCloseTo(c[j], within(1e-10));
        }
        assertThat(e.intercept()).isCloseTo(0.2, within(1e-10));
        assertThat(e.score()).isCloseTo(1.0, within(1e-12));
        assertThat(e.localPrediction()).isCloseTo(0.2 + 0.5 - 0.25 + 0.125 + 0.3 - 0.05, within(1e-10));
        assertThat(e.modelPrediction()).isEqualTo(0.2 + 0.5 - 0.25 + 0.125 + 0.3 - 0.05);
        assertThat(e.features()).containsExactly(0, 3, 1, 2, 4);
    }

    @Test
    void withoutDiscretizationALinearModelGivesItsCoefficientTimesTheScale() {
        // f(v) = 0.7 + sum c_j v_j is linear in the standardized z_j = (v_j - mu_j) / sigma_j with
        // slope c_j sigma_j (sigma the population std of the training column), so least squares
        // on z returns exactly c_j sigma_j, whatever the samples.
        double[][] train = training();
        double[] c = {0.2, -0.1, 0.4, 0.05, 1.0};
        Model f = rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double v = 0.7;
                for (int j = 0; j < 5; j++) {
                    v += c[j] * rows[i][j];
                }
                out[i] = v;
            }
            return out;
        };
        for (boolean around : new boolean[] {false, true}) {
            LimeExplanation e = LimeTabular.builder(f, train).discretization(Discretization.NONE)
                    .sampleAroundInstance(around).ridgeAlpha(0).numSamples(1000).build().explain(X);
            for (int j = 0; j < 5; j++) {
                double mu = 0;
                for (double[] r : train) {
                    mu += r[j] / train.length;
                }
                double ss = 0;
                for (double[] r : train) {
                    ss += (r[j] - mu) * (r[j] - mu);
                }
                double sigma = Math.sqrt(ss / train.length);
                assertThat(e.weights()[j]).as("f%d around=%s", j, around).isCloseTo(c[j] * sigma, within(1e-9));
            }
            assertThat(e.score()).isCloseTo(1.0, within(1e-12));
            assertThat(e.localPrediction()).isCloseTo(e.modelPrediction(), within(1e-9));
            assertThat(e.conditions()).containsExactly("f0", "f1", "f2", "f3", "f4");
        }
    }

    @Test
    void sameSeedGivesTheSameExplanationsWithAnyThreadCount() {
        double[][] train = training();
        Model model = rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = 1 / (1 + Math.exp(-(rows[i][0] - 3 + rows[i][1] * 0.2 - rows[i][3])));
            }
            return out;
        };
        double[][] rows = java.util.Arrays.copyOf(train, 7);
        List<LimeExplanation> one = LimeTabular.builder(model, train).seed(9).threads(1).numSamples(1000).build()
                .explainAll(rows);
        List<LimeExplanation> three = LimeTabular.builder(model, train).seed(9).threads(3).numSamples(1000).build()
                .explainAll(rows);
        assertThat(three).isEqualTo(one);
        LimeTabular lime = LimeTabular.builder(model, train).seed(9).numSamples(1000).build();
        for (int i = 0; i < rows.length; i++) {
            assertThat(lime.explain(rows[i], i)).isEqualTo(one.get(i));
            assertThat(one.get(i).provenance().parameters()).containsEntry("row", String.valueOf(i));
        }
        assertThat(lime.explain(rows[2], 0)).isEqualTo(lime.explain(rows[2]));
        assertThat(LimeTabular.builder(model, train).seed(10).numSamples(1000).build().explain(rows[0]))
                .isNotEqualTo(lime.explain(rows[0]));
        LimeExplanation e = one.get(0);
        assertThat(e.provenance().seed()).isEqualTo(9L);
        assertThat(e.provenance().algorithm()).isEqualTo("LimeTabular");
        assertThat(e.provenance().parameters()).containsEntry("numSamples", "1000")
                .containsEntry("discretization", "QUARTILE");
        assertThat(e.provenance().input().rows()).isEqualTo(400);
    }

    @Test
    void progressIsReportedOncePerRow() {
        double[][] train = training();
        AtomicLong calls = new AtomicLong();
        AtomicLong maxDone = new AtomicLong();
        LimeTabular.builder(r -> new double[r.length], train).numSamples(50).threads(2).build()
                .explainAll(java.util.Arrays.copyOf(train, 5), (done, total) -> {
                    calls.incrementAndGet();
                    maxDone.accumulateAndGet(done, Math::max);
                    assertThat(total).isEqualTo(5);
                });
        assertThat(calls.get()).isEqualTo(5);
        assertThat(maxDone.get()).isEqualTo(5);
    }

    @Test
    void featureSelectionKeepsTheStrongestFeatures() {
        double[][] train = training();
        double[] c = {0.5, 0.0, 0.3, 0.0, 0.02};
        Discretizer d = LimeTabular.builder(r -> new double[r.length], train).build().discretizer();
        Model model = binaryLinear(d, X, 0.1, c);
        for (FeatureSelection s : new FeatureSelection[] {FeatureSelection.FORWARD_SELECTION,
                FeatureSelection.HIGHEST_WEIGHTS, FeatureSelection.AUTO}) {
            LimeExplanation e = LimeTabular.builder(model, train).numFeatures(2).featureSelection(s).numSamples(2000)
                    .build().explain(X);
            assertThat(e.features()).as("%s", s).containsExactly(0, 2);
            assertThat(e.weights()[1]).isEqualTo(0.0);
            assertThat(e.weights()[3]).isEqualTo(0.0);
            assertThat(e.weights()[4]).isEqualTo(0.0);
        }
        LimeExplanation all = LimeTabular.builder(model, train).numFeatures(2).featureSelection(FeatureSelection.NONE)
                .numSamples(2000).build().explain(X);
        assertThat(all.features()).hasSize(5);
    }

    @Test
    void stabilityFlagsTiedFeaturesAndNotADominantOne() {
        // f1 and f2 have identical training columns and identical effects: their order in the top 2
        // is a coin flip from run to run. f0 dominates and is always first.
        SplittableRandom rng = new SplittableRandom(4);
        double[][] train = new double[300][4];
        for (double[] r : train) {
            r[0] = rng.nextInt(1, 5);
            r[1] = rng.nextInt(1, 5);
            r[2] = r[1];
            r[3] = rng.nextDouble();
        }
        double[] x = {2, 3, 3, 0.5};
        Discretizer d = LimeTabular.builder(r -> new double[r.length], train).build().discretizer();
        Model tied = binaryLinear(d, x, 0.0, new double[] {0.6, 0.2, 0.2, 0.0});
        LimeTabular lime = LimeTabular.builder(tied, train).numSamples(500).seed(3).build();
        LimeStability s = lime.explainStability(x, 30, 2);
        assertThat(s.runs()).isEqualTo(30);
        assertThat(s.explanations().get(0)).isEqualTo(lime.explain(x));
        assertThat(s.features().get(0).topKFrequency()).isEqualTo(1.0);
        assertThat(s.features().get(0).nearTie()).isFalse();
        assertThat(s.features().get(1).nearTie()).isTrue();
        assertThat(s.features().get(2).nearTie()).isTrue();
        assertThat(s.features().get(1).topKFrequency() + s.features().get(2).topKFrequency()).isCloseTo(1.0, within(1e-12));
        assertThat(s.meanTopKJaccard()).isLessThan(1.0);
        assertThat(s.nearTies()).extracting(LimeStability.FeatureStability::feature).containsExactly(1, 2);
        double mean = s.explanations().stream().mapToDouble(e -> e.weights()[0]).average().orElseThrow();
        assertThat(s.features().get(0).meanWeight()).isCloseTo(mean, within(1e-15));

        Model clear = binaryLinear(d, x, 0.0, new double[] {0.6, 0.3, 0.0, 0.0});
        LimeStability c = LimeTabular.builder(clear, train).numSamples(500).seed(3).build().explainStability(x, 30, 2);
        assertThat(c.nearTies()).isEmpty();
        assertThat(c.meanTopKJaccard()).isEqualTo(1.0);
        assertThat(c.features().get(1).topKFrequency()).isEqualTo(1.0);
    }

    @Test
    void categoricalFeaturesUseTheirNamesAndSameCategoryIndicator() {
        SplittableRandom rng = new SplittableRandom(8);
        double[][] train = new double[300][2];
        for (double[] r : train) {
            r[0] = rng.nextInt(0, 3);
            r[1] = rng.nextDouble() * 50;
        }
        // output depends only on housing == own (code 1): weight exactly 0.4 with alpha 0
        Model model = rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i][0] == 1 ? 0.9 : 0.5;
            }
            return out;
        };
        LimeTabular lime = LimeTabular.builder(model, train).featureNames("housing", "age").categoricalFeatures(0)
                .categoryNames(0, "rent", "own", "free").ridgeAlpha(0).numSamples(1000).build();
        LimeExplanation e = lime.explain(new double[] {1, 30});
        assertThat(e.conditions().get(0)).isEqualTo("housing=own");
        assertThat(e.conditions().get(1)).matches("\\d+\\.\\d\\d < age <= \\d+\\.\\d\\d");
        assertThat(e.weights()[0]).isCloseTo(0.4, within(1e-10));
        assertThat(e.weights()[1]).isCloseTo(0.0, within(1e-10));
        assertThat(e.asList().get(0)).isEqualTo(java.util.Map.entry("housing=own", e.weights()[0]));
        assertThatThrownBy(() -> lime.explain(new double[] {7, 30})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 0 (housing) is 7.0").hasMessageContaining("never seen");
    }

    @Test
    void aConstantTrainingColumnHasOneBinAndWeightZero() {
        double[][] train = training();
        for (double[] r : train) {
            r[2] = 4.0;
        }
        Model model = rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = 0.1 * rows[i][0] + 0.3 * rows[i][2];
            }
            return out;
        };
        LimeTabular lime = LimeTabular.builder(model, train).numSamples(500).build();
        assertThat(lime.discretizer().edges(2)).containsExactly(4.0);
        LimeExplanation e = lime.explain(new double[] {3, 4.2, 4.0, 1.1, -0.3});
        assertThat(e.weights()[2]).isEqualTo(0.0);
        assertThat(e.conditions().get(2)).isEqualTo("f2 <= 4.00");
    }

    @Test
    void aConstantModelHasAnUndefinedScore() {
        LimeExplanation e = LimeTabular.builder(r -> {
            double[] out = new double[r.length];
            java.util.Arrays.fill(out, 0.25);
            return out;
        }, training()).numSamples(200).build().explain(X);
        assertThat(e.score()).isNaN();
        assertThat(e.scoreStatus()).isEqualTo(LimeExplanation.ScoreStatus.CONSTANT_MODEL_OUTPUT);
        assertThat(e.weights()).containsOnly(0.0);
        assertThat(e.localPrediction()).isEqualTo(0.25);
    }

    @Test
    void badInputIsRejectedWithItsLocation() {
        double[][] train = training();
        Model ok = r -> new double[r.length];
        double[][] nan = training();
        nan[3][1] = Double.NaN;
        assertThatThrownBy(() -> LimeTabular.builder(ok, nan)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trainingData: row 3, column 1 is NaN");
        assertThatThrownBy(() -> LimeTabular.builder(ok, new double[0][])).hasMessageContaining("at least one row");
        LimeTabular lime = LimeTabular.builder(ok, train).numSamples(100).build();
        assertThatThrownBy(() -> lime.explain(new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x: has 4 values, the training data has 5 columns");
        assertThatThrownBy(() -> lime.explain(new double[] {1, Double.NaN, 0, 0, 0}))
                .hasMessageContaining("x: column 1 is NaN");
        assertThatThrownBy(() -> lime.explainAll(new double[][] {X, {1, 2, 3, 4, Double.POSITIVE_INFINITY}}))
                .hasMessageContaining("rows[1]: column 4 is Infinity");
        assertThatThrownBy(() -> LimeTabular.builder(ok, train).numSamples(1)).hasMessageContaining("numSamples");
        assertThatThrownBy(() -> LimeTabular.builder(ok, train).discretization(Discretization.ENTROPY).build())
                .hasMessageContaining("labels");
        assertThatThrownBy(() -> LimeTabular.builder(ok, train).categoryNames(1, "a").build())
                .hasMessageContaining("not declared in categoricalFeatures");
        assertThatThrownBy(() -> LimeTabular.builder(ok, train).categoricalFeatures(0).categoryNames(0, "a", "b").build())
                .hasMessageContaining("row 0, column 0 (f0)");
        assertThatThrownBy(() -> lime.explainStability(X, 0)).hasMessageContaining("runs");
    }

    @Test
    void aFailingModelIsReportedWithTheRow() {
        double[][] train = training();
        Model throwing = r -> {
            throw new UnsupportedOperationException("boom");
        };
        assertThatThrownBy(() -> LimeTabular.builder(throwing, train).numSamples(100).build().explain(X, 4))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("row 4").hasMessageContaining("boom")
                .hasCauseInstanceOf(UnsupportedOperationException.class);
        Model shortOutput = r -> new double[r.length - 1];
        assertThatThrownBy(() -> LimeTabular.builder(shortOutput, train).numSamples(100).build().explain(X))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("99 outputs");
        Model nanOutput = r -> {
            double[] out = new double[r.length];
            out[7] = Double.NaN;
            return out;
        };
        assertThatThrownBy(() -> LimeTabular.builder(nanOutput, train).numSamples(100).threads(2).build()
                .explainAll(new double[][] {X, X, X})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NaN for sample 7");
    }

    @Test
    void entropyBinsComeFromTheTrainingLabels() {
        double[][] train = training();
        int[] labels = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            labels[i] = train[i][1] > 6.5 ? 1 : 0;
        }
        LimeTabular lime = LimeTabular.builder(r -> new double[r.length], train).discretization(Discretization.ENTROPY)
                .trainingLabels(labels).numSamples(100).build();
        // the label is a threshold on f1: the root split separates it perfectly, at the midpoint of
        // the two training values around 6.5 (computed on float-rounded values as scikit-learn does)
        double below = Double.NEGATIVE_INFINITY;
        double above = Double.POSITIVE_INFINITY;
        for (double[] r : train) {
            float v = (float) r[1];
            if (r[1] <= 6.5) {
                below = Math.max(below, v);
            } else {
                above = Math.min(above, v);
            }
        }
        assertThat(lime.discretizer().edges(1)).containsExactly(below / 2.0 + above / 2.0);
    }
}
