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
        LevelSampler s = LevelSampler.bins(List.of(new BinStats(10, mu + sigma * a, mu + sigma * b, mu, sigma)), false);
        LevelSampler.Table table = new LevelSampler.Table(new LevelSampler[] {s});
        java.util.function.DoubleUnaryOperator cdf = KolmogorovSmirnov.truncatedNormalCdf(a, b);
        SplittableRandom rng = new SplittableRandom(19);
        int draws = 200_000;
        double[] v = new double[draws];
        for (int i = 0; i < draws; i++) {
            v[i] = table.value(table.draw(0, rng), rng);
            assertThat(v[i]).isBetween(mu + sigma * a, mu + sigma * b);
        }
        double ks = KolmogorovSmirnov.distance(v, x -> cdf.applyAsDouble((x - mu) / sigma));
        assertThat(ks).as("KS distance on [%s, %s]", a, b).isLessThan(KolmogorovSmirnov.critical(draws));
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

    /**
     * The hot loop that fills a neighbourhood: three bin features (truncated normals, a bin without
     * spread), two indicator features and a five-valued one (drawn in a joint group). Each level's
     * frequency is within 5 binomial standard deviations of its training frequency, the values within
     * every truncated-normal bin pass the Kolmogorov–Smirnov test against the closed-form CDF at the
     * 0.1 % level, the values of point levels are exact, and the listed differences are exactly the
     * features whose level differs from x's.
     */
    @Test
    void sampledRowsFollowLevelsAndBinDistributions() {
        List<BinStats> wide = List.of(new BinStats(250, -3, 0, -1, 0.8), new BinStats(500, 0, 1, 0.5, 0.3),
                new BinStats(250, 1, 9, 2, 1.5));
        List<BinStats> narrow = List.of(new BinStats(100, 10, 10, 10, 0), new BinStats(900, 10, 12, 11.2, 0.5));
        List<BinStats> tail = List.of(new BinStats(600, -2, -1.9, -1.99, 0.01), new BinStats(400, 5, 40, 6, 2));
        LevelSampler[] samplers = {
            LevelSampler.bins(wide, false),
            LevelSampler.categorical(new long[] {300, 700}, new double[] {0, 1}),
            LevelSampler.bins(narrow, false),
            LevelSampler.categorical(new long[] {1, 2, 3, 4, 90}, new double[] {10, 20, 30, 40, 50}),
            LevelSampler.bins(tail, false),
            LevelSampler.categorical(new long[] {999, 1}, new double[] {0, 1}),
        };
        List<List<BinStats>> bins = java.util.Arrays.asList(wide, null, narrow, null, tail, null);
        long[][] counts = {{250, 500, 250}, {300, 700}, {100, 900}, {1, 2, 3, 4, 90}, {600, 400}, {999, 1}};
        LevelSampler.Table table = new LevelSampler.Table(samplers);
        int n = 200_000;
        int m = samplers.length;
        double[][] rows = new double[n][m];
        int[] xLevel = {1, 0, 1, 4, 0, 0};
        int[] diff = new int[(n - 1) * m + 1];
        int[] start = new int[n + 1];
        table.sample(rows, xLevel, diff, start, new SplittableRandom(23));
        NormalDistribution nd = new NormalDistribution(0, 1);
        for (int j = 0; j < m; j++) {
            int levels = samplers[j].size();
            long[] seen = new long[levels];
            List<List<Double>> values = new java.util.ArrayList<>();
            for (int t = 0; t < levels; t++) {
                values.add(new java.util.ArrayList<>());
            }
            for (int i = 1; i < n; i++) {
                int t = levelOf(samplers[j], bins.get(j), rows[i][j]);
                seen[t]++;
                values.get(t).add(rows[i][j]);
                boolean listed = false;
                for (int q = start[i]; q < start[i + 1]; q++) {
                    listed |= diff[q] == j;
                }
                assertThat(listed).as("row %d feature %d", i, j).isEqualTo(samplers[j].level(t) != xLevel[j]);
            }
            double total = java.util.Arrays.stream(counts[j]).sum();
            for (int t = 0; t < levels; t++) {
                double p = counts[j][t] / total;
                double sd = Math.sqrt((n - 1) * p * (1 - p));
                assertThat((double) seen[t]).as("feature %d level %d", j, t)
                        .isCloseTo((n - 1) * p, org.assertj.core.data.Offset.offset(5 * sd + 1e-9));
                if (bins.get(j) == null || bins.get(j).get(t).std() == 0) {
                    continue;
                }
                BinStats b = bins.get(j).get(t);
                double a = (b.min() - b.mean()) / b.std();
                double fa = nd.cumulativeProbability(a);
                double mass = nd.cumulativeProbability((b.max() - b.mean()) / b.std()) - fa;
                double[] v = values.get(t).stream().mapToDouble(Double::doubleValue).toArray();
                double ks = KolmogorovSmirnov.distance(v,
                        x -> (nd.cumulativeProbability((x - b.mean()) / b.std()) - fa) / mass);
                assertThat(ks).as("KS distance of feature %d bin %d", j, t).isLessThan(KolmogorovSmirnov.critical(v.length));
            }
        }
    }

    /** The level (position) a sampled value belongs to: its category, or the bin whose bounds hold it. */
    private static int levelOf(LevelSampler s, List<BinStats> bins, double v) {
        for (int t = 0; t < s.size(); t++) {
            if (bins == null) {
                if (s.value(t, new SplittableRandom(0)) == v) {
                    return t;
                }
            } else {
                BinStats b = bins.get(s.level(t));
                if (v >= b.min() && v <= b.max()) {
                    if (b.min() == b.max()) {
                        assertThat(v).isEqualTo(b.min());
                    }
                    return t;
                }
            }
        }
        throw new AssertionError("value " + v + " belongs to no level");
    }

    /**
     * Within its cell every draw is exact, not just cell by cell: the position of each draw in its
     * cell's own CDF, (Φ(z) − Φ(z_i)) / (Φ(z_i+1) − Φ(z_i)), is uniform (Kolmogorov–Smirnov at the
     * 0.1 % level over 400,000 draws). Accepting every uniform proposal of a cell would bend these
     * positions by up to about (1 − squeeze)/8 and fail.
     */
    @ParameterizedTest
    @CsvSource({"-1, 6", "-3.3, 0.38", "0.5, 3"})
    void positionsWithinCellsAreUniform(double a, double b) {
        LevelSampler s = LevelSampler.bins(List.of(new BinStats(10, a, b, 0, 1)), false);
        LevelSampler.Table table = new LevelSampler.Table(new LevelSampler[] {s});
        double[] cut = TruncatedNormal.equalMassCuts(a, b, LevelSampler.Table.CELLS);
        NormalDistribution nd = new NormalDistribution(0, 1);
        SplittableRandom rng = new SplittableRandom(29);
        int draws = 400_000;
        double[] position = new double[draws];
        for (int i = 0; i < draws; i++) {
            double v = table.value(table.draw(0, rng), rng);
            int c = java.util.Arrays.binarySearch(cut, v);
            c = c >= 0 ? Math.min(c, cut.length - 2) : -c - 2;
            double lo = nd.cumulativeProbability(cut[c]);
            position[i] = (nd.cumulativeProbability(v) - lo) / (nd.cumulativeProbability(cut[c + 1]) - lo);
        }
        double ks = KolmogorovSmirnov.distance(position, x -> x);
        assertThat(ks).as("KS distance of cell positions on [%s, %s]", a, b)
                .isLessThan(KolmogorovSmirnov.critical(draws));
    }
}
