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
}
