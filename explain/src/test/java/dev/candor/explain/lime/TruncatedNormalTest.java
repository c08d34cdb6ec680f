package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TruncatedNormalTest {

    /**
     * Sample mean and variance against the closed form of the truncated standard normal:
     * Z = Φ(b) − Φ(a), E = (φ(a) − φ(b)) / Z, Var = 1 + (aφ(a) − bφ(b)) / Z − E²
     * (Johnson, Kotz and Balakrishnan, Continuous Univariate Distributions 1, 2nd ed., §10.1).
     * One interval per proposal branch, plus the reference's [−1e11, 0] bins.
     */
    @ParameterizedTest
    @CsvSource({"-1, 1", "-3, 3", "-3.3, 0.38", "0.5, 0.7", "2, 10", "-9, -8", "-1e11, 0", "0, 0.2", "-0.4, 5"})
    void momentsMatchTheClosedForm(double a, double b) {
        NormalDistribution n = new NormalDistribution(0, 1);
        double z = n.cumulativeProbability(b) - n.cumulativeProbability(a);
        if (a < -40) { // Φ(a) underflows to 0 and φ(a) to 0
            z = n.cumulativeProbability(b);
        }
        double pa = a < -40 ? 0 : n.density(a);
        double pb = n.density(b);
        double mean = (pa - pb) / z;
        double var = 1 + ((a < -40 ? 0 : a * pa) - b * pb) / z - mean * mean;
        TruncatedNormal t = TruncatedNormal.of(a, b);
        SplittableRandom rng = new SplittableRandom(42);
        int draws = 200_000;
        double s = 0;
        double ss = 0;
        for (int i = 0; i < draws; i++) {
            double v = t.sample(rng);
            assertThat(v).isBetween(a, b);
            s += v;
            ss += v * v;
        }
        double m = s / draws;
        double v = ss / draws - m * m;
        assertThat(Math.abs(m - mean)).as("mean on [%s, %s]", a, b).isLessThan(4 * Math.sqrt(var / draws));
        assertThat(v / var).as("variance on [%s, %s]", a, b).isBetween(0.97, 1.03);
    }

    @Property(tries = 300)
    void drawsStayWithinTheBounds(@ForAll @DoubleRange(min = -20, max = 20) double a,
                                  @ForAll @DoubleRange(min = 0.001, max = 30) @net.jqwik.api.constraints.Scale(4) double width) {
        TruncatedNormal t = TruncatedNormal.of(a, a + width);
        SplittableRandom rng = new SplittableRandom(Double.doubleToLongBits(a) ^ Double.doubleToLongBits(width));
        for (int i = 0; i < 50; i++) {
            assertThat(t.sample(rng)).isBetween(a, a + width);
        }
    }

    /**
     * Kolmogorov–Smirnov distance of 100,000 draws from the closed-form CDF of the truncated normal,
     * F(z) = (Φ(z) − Φ(a)) / (Φ(b) − Φ(a)), below the 0.1 % critical value 1.95 / √n (Massey 1951,
     * doi:10.1080/01621459.1951.10500769), on intervals served by each of Robert's proposals: the
     * normal, the central and tail uniforms, the exponential tail, and the reference's [−1e11, 0].
     */
    @ParameterizedTest
    @CsvSource({"-1.7, 1.7", "-0.9, 2.6", "-3.3, 0.38", "0.5, 0.7", "-2.2, -0.1", "-1, 6", "-5, 5", "2, 10",
            "-9, -8", "-1e11, 0", "-40, 1"})
    void drawsFollowTheTruncatedNormalCdf(double a, double b) {
        TruncatedNormal t = TruncatedNormal.of(a, b);
        SplittableRandom rng = new SplittableRandom(7);
        int draws = 100_000;
        double[] v = new double[draws];
        for (int i = 0; i < draws; i++) {
            v[i] = t.sample(rng);
        }
        double ks = KolmogorovSmirnov.distance(v, KolmogorovSmirnov.truncatedNormalCdf(a, b));
        assertThat(ks).as("KS distance on [%s, %s]", a, b).isLessThan(KolmogorovSmirnov.critical(draws));
    }
}
