package dev.candor.fairness.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The weighted median absolute error (one stable radix sort of the errors with their weights) against
 * the definition of scikit-learn's lower weighted median: the smallest error e such that the weight of
 * the errors at most e reaches half the total weight. Whole weights (zeros included) keep every sum
 * exact, so the two must agree to the bit, on errors with many ties or none.
 */
class WeightedMedianPropertyTest {

    @Property(tries = 200)
    void isTheSmallestErrorReachingHalfTheWeight(@ForAll @IntRange(min = 1, max = 2000) int n, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] target = new double[n];
        double[] predicted = new double[n];
        double[] weight = new double[n];
        boolean ties = r.nextBoolean();
        double total = 0;
        for (int i = 0; i < n; i++) {
            target[i] = ties ? r.nextInt(4) : r.nextGaussian();
            predicted[i] = ties ? r.nextInt(4) : r.nextGaussian();
            weight[i] = r.nextInt(5) == 0 ? 0 : r.nextInt(1, 4);
            total += weight[i];
        }
        RegressionSample sample = RegressionSample.of(target, predicted, weight);
        if (total == 0) {
            assertThat(RegressionMetric.MEDIAN_ABSOLUTE_ERROR.compute(sample).isDefined()).isFalse();
            return;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            double e = Math.abs(predicted[c] - target[c]);
            if (e >= best) {
                continue;
            }
            double below = 0;
            for (int i = 0; i < n; i++) {
                if (Math.abs(predicted[i] - target[i]) <= e) {
                    below += weight[i];
                }
            }
            if (below >= total / 2) {
                best = e;
            }
        }
        assertThat(RegressionMetric.MEDIAN_ABSOLUTE_ERROR.compute(sample).value()).isEqualTo(best);
    }
}
