package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariances of the weighted objective that any correct solver must reproduce. */
class WeightedLogisticRegressionPropertiesTest {

    @Property(tries = 30)
    void integerWeightsGiveTheFitOfDuplicatedRows(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int p) {
        Random r = new Random(seed);
        int n = 60;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = r.nextBoolean() ? 1 : 0;
            w[i] = r.nextInt(4); // 0 to 3 copies
            total += (int) w[i];
        }
        w[0] = 1;
        y[0] = 1;
        w[1] = 1;
        y[1] = 0;
        total = 0;
        for (double wi : w) {
            total += (int) wi;
        }
        double[][] dx = new double[total][];
        int[] dy = new int[total];
        for (int i = 0, k = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++, k++) {
                dx[k] = x[i];
                dy[k] = y[i];
            }
        }
        WeightedLogisticRegression lr = WeightedLogisticRegression.withDefaults().withL2(0.7);
        LogisticModel weighted = lr.fit(x, y, w);
        LogisticModel duplicated = lr.fit(dx, dy);
        assertThat(weighted.intercept()).isCloseTo(duplicated.intercept(), within(1e-9));
        assertThat(weighted.coefficients()).containsExactly(duplicated.coefficients(), within(1e-9));
    }

    @Property(tries = 30)
    void scalingTheWeightsIsScalingThePenalty(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int p) {
        // sum c w loss + lambda/2 |b|^2 = c (sum w loss + (lambda / c)/2 |b|^2): same minimizer.
        Random r = new Random(seed);
        int n = 80;
        double[][] x = new double[n][p];
        int[] y = new int[n];
        double[] w = new double[n];
        double[] cw = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = i % 2 == 0 ? 1 : r.nextInt(2);
            w[i] = r.nextDouble() * 2;
            cw[i] = 3 * w[i];
        }
        LogisticModel a = WeightedLogisticRegression.withDefaults().withL2(1.5).fit(x, y, cw);
        LogisticModel b = WeightedLogisticRegression.withDefaults().withL2(0.5).fit(x, y, w);
        assertThat(a.intercept()).isCloseTo(b.intercept(), within(1e-9));
        assertThat(a.coefficients()).containsExactly(b.coefficients(), within(1e-9));
    }
}
