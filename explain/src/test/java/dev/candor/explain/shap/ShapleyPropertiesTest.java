package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.explain.Background;
import dev.candor.explain.Model;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The Shapley axioms (Shapley 1953) and the linear-model corollary (Lundberg and Lee 2017,
 * arXiv:1705.07874, Corollary 1) on random models, backgrounds and rows.
 */
class ShapleyPropertiesTest {

    /** A smooth nonlinear model with random coefficients: sigmoid of a quadratic form plus a product. */
    static Model randomModel(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[d];
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = r.nextDouble(-2, 2);
            q[j] = r.nextDouble(-0.5, 0.5);
        }
        return rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double[] x = rows[i];
                double z = 0.1;
                for (int j = 0; j < d; j++) {
                    z += w[j] * x[j] + q[j] * x[j] * x[(j + 1) % d];
                }
                out[i] = 1 / (1 + Math.exp(-z));
            }
            return out;
        };
    }

    static double[][] randomRows(int n, int d, SplittableRandom r) {
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextInt(4) == 0 ? 0 : r.nextGaussian();
            }
        }
        return rows;
    }

    @Property(tries = 60)
    void valuesAddUpToPredictionMinusBase(@ForAll @IntRange(min = 1, max = 12) int d,
                                          @ForAll @IntRange(min = 1, max = 8) int n,
                                          @ForAll @IntRange(min = 0, max = 300) int extra,
                                          @ForAll boolean logit, @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Background bg = Background.of(randomRows(n, d, r));
        KernelShap shap = KernelShap.builder(randomModel(d, seed), bg).nsamples(2 * d + extra).seed(seed).threads(1)
                .link(logit ? Link.LOGIT : Link.IDENTITY).build();
        double[][] xs = randomRows(3, d, r);
        for (ShapExplanation e : shap.explainAll(xs).explanations()) {
            double scale = Math.max(1, Math.abs(e.prediction()) + Math.abs(e.baseValue()));
            assertThat(e.efficiencyResidual()).isCloseTo(0, within(1e-9 * scale));
        }
    }

    @Property(tries = 40)
    void linearModelGivesWeightTimesDistanceFromWeightedBackgroundMean(
            @ForAll @IntRange(min = 2, max = 16) int d, @ForAll @IntRange(min = 1, max = 10) int n,
            @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = r.nextDouble(-3, 3);
        }
        double c = r.nextDouble(-1, 1);
        Model linear = rows -> {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double s = c;
                for (int j = 0; j < d; j++) {
                    s += w[j] * rows[i][j];
                }
                out[i] = s;
            }
            return out;
        };
        double[][] bgRows = randomRows(n, d, r);
        double[] bw = new double[n];
        for (int i = 0; i < n; i++) {
            bw[i] = r.nextDouble(0.1, 3);
        }
        Background bg = Background.weighted(bgRows, bw);
        double[] nw = bg.weights();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += nw[i] * bgRows[i][j];
            }
        }
        // sampled (2d + 40 coalitions when 2^d - 2 is larger): a linear game is fitted exactly by any
        // full-rank coalition set
        KernelShap shap = KernelShap.builder(linear, bg).nsamples(2 * d + 40).seed(seed).threads(1).build();
        double[] x = randomRows(1, d, r)[0];
        ShapExplanation e = shap.explain(x);
        for (int j = 0; j < d; j++) {
            boolean varies = false;
            for (double[] z : bgRows) {
                varies |= z[j] != x[j];
            }
            double expected = varies ? w[j] * (x[j] - mean[j]) : 0.0;
            assertThat(e.value(j)).as("feature %d", j).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
        }
    }

    @Property(tries = 30)
    void interchangeableFeaturesGetEqualValues(@ForAll @IntRange(min = 3, max = 9) int d,
                                               @ForAll @IntRange(min = 1, max = 6) int n,
                                               @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Model inner = randomModel(d, seed);
        // f symmetric in x0 and x1: evaluate the inner model on (x0 + x1, x0 * x1, x2, ...)
        Model sym = rows -> {
            double[][] t = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                t[i] = rows[i].clone();
                t[i][0] = rows[i][0] + rows[i][1];
                t[i][1] = rows[i][0] * rows[i][1];
            }
            return inner.predict(t);
        };
        double[][] bgRows = randomRows(n, d, r);
        for (double[] z : bgRows) {
            z[1] = z[0];
        }
        double[] x = randomRows(1, d, r)[0];
        x[1] = x[0];
        Background bg = Background.of(bgRows);
        ShapExplanation k = KernelShap.builder(sym, bg).nsamples((1 << d) - 2).threads(1).build().explain(x);
        ShapExplanation e = ExactShap.builder(sym, bg).build().explain(x);
        assertThat(k.exact()).isTrue();
        assertThat(k.value(0)).isCloseTo(k.value(1), within(1e-9));
        assertThat(e.value(0)).isCloseTo(e.value(1), within(1e-12));
        for (int j = 0; j < d; j++) {
            assertThat(k.value(j)).isCloseTo(e.value(j), within(1e-9));
        }
    }

    @Property(tries = 30)
    void featureTheModelIgnoresGetsZero(@ForAll @IntRange(min = 2, max = 9) int d,
                                        @ForAll @IntRange(min = 1, max = 6) int n,
                                        @ForAll @LongRange long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int dummy = r.nextInt(d + 1);
        Model inner = randomModel(d, seed);
        Model m = rows -> inner.predict(java.util.Arrays.stream(rows).map(row -> {
            double[] t = new double[d];
            for (int j = 0, k = 0; j <= d; j++) {
                if (j != dummy) {
                    t[k++] = row[j];
                }
            }
            return t;
        }).toArray(double[][]::new));
        double[][] bgRows = randomRows(n, d + 1, r);
        double[] x = randomRows(1, d + 1, r)[0];
        x[dummy] = bgRows[0][dummy] + 1.5; // make sure the ignored feature varies
        Background bg = Background.of(bgRows);
        ShapExplanation k = KernelShap.builder(m, bg).nsamples((1 << (d + 1)) - 2).threads(1).build().explain(x);
        ShapExplanation e = ExactShap.builder(m, bg).build().explain(x);
        assertThat(k.value(dummy)).isCloseTo(0, within(1e-9));
        assertThat(e.value(dummy)).isCloseTo(0, within(1e-12));
    }

    /**
     * f(x) = x0 x1 + x2 with background (0, 0, 0) and x = (1, 1, 1): v(S) = [0, 1 in S] + [2 in S],
     * so by hand phi = (1/2, 1/2, 1) (the product is split evenly, x2 is additive).
     */
    @Example
    void handComputedGame() {
        Model f = rows -> java.util.Arrays.stream(rows).mapToDouble(x -> x[0] * x[1] + x[2]).toArray();
        Background bg = Background.of(new double[][] {{0, 0, 0}});
        double[] x = {1, 1, 1};
        ShapExplanation e = ExactShap.builder(f, bg).build().explain(x);
        ShapExplanation k = KernelShap.builder(f, bg).threads(1).build().explain(x);
        assertThat(e.values()).containsExactly(new double[] {0.5, 0.5, 1.0}, within(1e-15));
        assertThat(k.values()).containsExactly(new double[] {0.5, 0.5, 1.0}, within(1e-12));
        assertThat(e.baseValue()).isZero();
        assertThat(e.prediction()).isEqualTo(2.0);
        assertThat(k.coalitions()).isEqualTo(6);
    }
}
