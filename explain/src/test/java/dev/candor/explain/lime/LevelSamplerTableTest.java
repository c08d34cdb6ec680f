package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The flat sampling table (alias draws, inlined truncated normals) against closed forms. */
class LevelSamplerTableTest {

    /**
     * Level frequencies of the alias draw against the training frequencies: each count is within
     * 5 binomial standard deviations of n·p, for skewed counts and for a single level.
     */
    @Test
    void aliasDrawsFollowTheTrainingFrequencies() {
        long[][] countsByFeature = {{1, 5, 300, 2, 692}, {7}, {1, 1, 1}, {999, 1}};
        LevelSampler[] samplers = new LevelSampler[countsByFeature.length];
        for (int j = 0; j < samplers.length; j++) {
            double[] values = new double[countsByFeature[j].length];
            for (int t = 0; t < values.length; t++) {
                values[t] = 10 * j + t;
            }
            samplers[j] = LevelSampler.categorical(countsByFeature[j], values);
        }
        LevelSampler.Table table = new LevelSampler.Table(samplers);
        SplittableRandom rng = new SplittableRandom(3);
        int n = 400_000;
        for (int j = 0; j < samplers.length; j++) {
            long[] counts = countsByFeature[j];
            long total = java.util.Arrays.stream(counts).sum();
            long[] seen = new long[counts.length];
            for (int i = 0; i < n; i++) {
                int pos = table.draw(j, rng);
                int t = table.level[pos];
                assertThat(table.value(pos, rng)).isEqualTo(10.0 * j + t);
                seen[t]++;
            }
            for (int t = 0; t < counts.length; t++) {
                double p = (double) counts[t] / total;
                double sd = Math.sqrt(n * p * (1 - p));
                assertThat((double) seen[t]).as("feature %d level %d", j, t).isCloseTo(n * p,
                        org.assertj.core.data.Offset.offset(5 * sd + 1e-9));
            }
        }
    }

    /**
     * Values drawn in a bin (mean 0, std 1, bounds [a, b]) against the mean and variance of the
     * truncated standard normal, Z = Φ(b) − Φ(a), E = (φ(a) − φ(b)) / Z,
     * Var = 1 + (aφ(a) − bφ(b)) / Z − E² (Johnson, Kotz and Balakrishnan, §10.1), one interval per
     * proposal branch; the tolerance is 5 standard errors.
     */
    @ParameterizedTest
    @CsvSource({"-1, 1", "-3, 3", "-3.3, 0.38", "0.5, 0.7", "2, 10", "-9, -8", "0, 0.2", "-0.4, 5"})
    void binValuesFollowTheTruncatedNormal(double a, double b) {
        NormalDistribution nd = new NormalDistribution(0, 1);
        double z = nd.cumulativeProbability(b) - nd.cumulativeProbability(a);
        double mean = (nd.density(a) - nd.density(b)) / z;
        double var = 1 + (a * nd.density(a) - b * nd.density(b)) / z - mean * mean;
        LevelSampler s = LevelSampler.bins(List.of(new BinStats(10, a, b, 0, 1)), false);
        LevelSampler.Table table = new LevelSampler.Table(new LevelSampler[] {s});
        SplittableRandom rng = new SplittableRandom(11);
        int draws = 200_000;
        double[] x = new double[draws];
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            x[i] = table.value(table.draw(0, rng), rng);
            assertThat(x[i]).isBetween(a, b);
            sum += x[i];
        }
        double m = sum / draws;
        double m2 = 0;
        double m4 = 0;
        for (double xi : x) {
            double d = (xi - m) * (xi - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= draws;
        m4 /= draws;
        assertThat(m).isCloseTo(mean, org.assertj.core.data.Offset.offset(5 * Math.sqrt(var / draws)));
        // standard error of a sample variance: sqrt((μ₄ − σ⁴) / n)
        assertThat(m2).isCloseTo(var, org.assertj.core.data.Offset.offset(5 * Math.sqrt((m4 - m2 * m2) / draws)));
    }

    /**
     * Kolmogorov–Smirnov distance of 200,000 table draws from the closed-form CDF of the bin's
     * truncated normal, F(v) = (Φ((v − μ)/σ) − Φ(a)) / (Φ(b) − Φ(a)), below the 0.1 % critical value
     * 1.95 / √n (Massey 1951, doi:10.1080/01621459.1951.10500769): bins cut into equal-probability
     * cells (central, one-sided, reaching into a tail, narrow) and bins drawn whole by Robert's sampler
     * (deep tails), with a mean and scale other than 0 and 1.
     */
    @ParameterizedTest
    @CsvSource({"-1.7, 1.7", "-0.9, 2.6", "-3.3, 0.38", "0.5, 0.7", "-2.2, -0.1", "-1, 6", "-5, 5", "2, 10",
            "-9, -8", "-40, 1", "0, 0.2", "-0.4, 5", "-1e-3, 2e-3"})
    void binValuesFollowTheTruncatedNormalCdf(double a, double b) {
        double mu = 3.5;
        double sigma = 2.25;
        NormalDistribution nd = new NormalDistribution(0, 1);
        LevelSampler s = LevelSampler.bins(List.of(new BinStats(10, mu + sigma * a, mu + sigma * b, mu, sigma)), false);
        LevelSampler.Table table = new LevelSampler.Table(new LevelSampler[] {s});
        double fa = nd.cumulativeProbability(a);
        double mass = nd.cumulativeProbability(b) - fa;
        SplittableRandom rng = new SplittableRandom(19);
        int draws = 200_000;
        double[] v = new double[draws];
        for (int i = 0; i < draws; i++) {
            v[i] = table.value(table.draw(0, rng), rng);
            assertThat(v[i]).isBetween(mu + sigma * a, mu + sigma * b);
        }
        java.util.Arrays.sort(v);
        double ks = 0;
        for (int i = 0; i < draws; i++) {
            double z = (v[i] - mu) / sigma;
            double f = a < -38 ? nd.cumulativeProbability(z) / nd.cumulativeProbability(b)
                    : (nd.cumulativeProbability(z) - fa) / mass;
            ks = Math.max(ks, Math.max(Math.abs(f - (double) i / draws), Math.abs(f - (double) (i + 1) / draws)));
        }
        assertThat(ks).as("KS distance on [%s, %s]", a, b).isLessThan(1.95 / Math.sqrt(draws));
    }

    /**
     * The cuts of a bin have equal probability under the normal, against Commons Math's Φ, on the
     * central and tail intervals (relative to the bin's probability).
     */
    @ParameterizedTest
    @CsvSource({"-1.7, 1.7", "-3.3, 0.38", "0.5, 0.7", "2, 10", "-9, -8", "-1e11, 0"})
    void cutsHaveEqualProbability(double a, double b) {
        int k = LevelSampler.Table.CELLS;
        double[] cut = TruncatedNormal.equalMassCuts(a, b, k);
        assertThat(cut).hasSize(k + 1);
        assertThat(cut[0]).isEqualTo(a);
        assertThat(cut[k]).isEqualTo(b);
        boolean lowerTail = a + b <= 0;
        // Φ on the side where it is small keeps the relative accuracy in the tails
        java.util.function.DoubleUnaryOperator tail = z -> 0.5 * org.apache.commons.math3.special.Erf.erfc(
                (lowerTail ? -z : z) / Math.sqrt(2));
        double mass = Math.abs(tail.applyAsDouble(b) - tail.applyAsDouble(a));
        for (int i = 0; i < k; i++) {
            assertThat(cut[i + 1]).isGreaterThan(cut[i]);
            double cell = Math.abs(tail.applyAsDouble(cut[i + 1]) - tail.applyAsDouble(cut[i]));
            assertThat(cell * k / mass).as("cell %d of [%s, %s]", i, a, b).isCloseTo(1.0,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
