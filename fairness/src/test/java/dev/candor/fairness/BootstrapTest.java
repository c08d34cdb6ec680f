package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void binomialSamplerHasTheBinomialMeanAndVariance() {
        // n p and n p (1 - p) within 5 standard errors of the sample moments (fixed seed: deterministic)
        SplittableRandom r = new SplittableRandom(99);
        long[][] cases = {{1_000_000, 3}, {5_000, 50}, {40, 20}, {123_457, 99}};
        for (long[] c : cases) {
            long n = c[0];
            double p = c[1] / 100.0;
            int draws = 20_000;
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < draws; i++) {
                long x = Sampling.binomial(r, n, p);
                assertThat(x).isBetween(0L, n);
                s += x;
                s2 += (double) x * x;
            }
            double mean = s / draws;
            double var = s2 / draws - mean * mean;
            double sd = Math.sqrt(n * p * (1 - p));
            assertThat(mean).isCloseTo(n * p, within(5 * sd / Math.sqrt(draws)));
            assertThat(var / (n * p * (1 - p))).isCloseTo(1.0, within(5 * Math.sqrt(2.0 / draws)));
        }
    }

    @Test
    void multinomialDrawsSumToN() {
        long[] out = new long[5];
        Sampling.multinomial(new SplittableRandom(1), 1_000_000, new long[] {10, 0, 500, 3, 7}, out);
        assertThat(out[0] + out[1] + out[2] + out[3] + out[4]).isEqualTo(1_000_000);
        assertThat(out[1]).isZero();
    }

    private static GroupCounts sampleCounts() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000;
        int[] y = new int[n];
        int[] p = new int[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            g[i] = r.nextDouble() < 0.3 ? 0 : 1;
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            p[i] = r.nextDouble() < (y[i] == 1 ? 0.7 : 0.2) + 0.05 * g[i] ? 1 : 0;
        }
        return GroupCounter.count(y, p, new GroupAttribute("a", g, List.of("u", "p")));
    }

    @Test
    void resultsAreIdenticalForAnyThreadCountAndContainTheEstimate() {
        GroupCounts c = sampleCounts();
        BootstrapSample s = BootstrapSample.of(c);
        List<String> names = List.of("statistical_parity_difference", "disparate_impact", "equalized_odds_difference");
        java.util.function.Function<GroupCounts, double[]> stat = x -> {
            GroupMetrics m = GroupMetrics.of(x).withPrivileged("p");
            return names.stream().mapToDouble(k -> m.metric(k).value()).toArray();
        };
        BootstrapResult one = Bootstrap.builder().resamples(400).seed(3).threads(1).build().run(s, names, stat);
        BootstrapResult four = Bootstrap.builder().resamples(400).seed(3).threads(4).build().run(s, names, stat);
        assertThat(four).isEqualTo(one);
        BootstrapResult other = Bootstrap.builder().resamples(400).seed(4).threads(2).build().run(s, names, stat);
        assertThat(other.intervals()).isNotEqualTo(one.intervals());
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        for (String k : names) {
            assertThat(one.interval(k).contains(m.metric(k).value())).as(k).isTrue();
        }
        assertThat(one.method()).contains("multinomial over 8");
    }

    /**
     * The multinomial-over-cells resample and plain row resampling draw from the same distribution:
     * the standard error of the selection-rate difference agrees with the closed form
     * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2) (delta method; group sizes vary too, which changes it little).
     */
    @Test
    void bootstrapSpreadMatchesTheClosedFormStandardError() {
        GroupCounts c = sampleCounts();
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        double p1 = m.rate("u", Rate.SELECTION_RATE).value();
        double p2 = m.rate("p", Rate.SELECTION_RATE).value();
        double se = Math.sqrt(p1 * (1 - p1) / c.counts("u").total() + p2 * (1 - p2) / c.counts("p").total());
        BootstrapResult r = Bootstrap.builder().resamples(2000).level(0.6826894921370859).seed(8).build()
                .run(BootstrapSample.of(c), List.of("spd"),
                        x -> new double[] {GroupMetrics.of(x).withPrivileged("p").metric("statistical_parity_difference").value()});
        double halfWidth = (r.interval("spd").upper() - r.interval("spd").lower()) / 2;
        assertThat(halfWidth / se).isCloseTo(1.0, within(0.1));
    }

    @Test
    void weightedRowsWithFewDistinctWeightsUseAnExactCellTable() {
        int n = 1000;
        int[] y = new int[n];
        int[] p = new int[n];
        int[] g = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            p[i] = i % 4 == 0 ? 1 : 0;
            g[i] = i % 2;
            w[i] = g[i] == 0 ? 0.5 : 2.0;
        }
        GroupAttribute a = new GroupAttribute("a", g, List.of("x", "y"));
        BootstrapSample s = BootstrapSample.of(y, p, w, a);
        assertThat(s.isCellTable()).isTrue();
        assertThat(s.original()).isEqualTo(GroupCounter.count(y, p, w, a));
        double[] distinct = new double[n];
        for (int i = 0; i < n; i++) {
            distinct[i] = 1 + i * 1e-3;
        }
        BootstrapSample rows = BootstrapSample.of(y, p, distinct, a);
        assertThat(rows.isCellTable()).isFalse();
        BootstrapResult r = Bootstrap.builder().resamples(50).build().run(rows, List.of("sr"),
                x -> new double[] {Rate.SELECTION_RATE.of(x.overall()).value()});
        assertThat(r.interval("sr").contains(Rate.SELECTION_RATE.of(GroupCounter.count(y, p, distinct, a).overall()).value()))
                .isTrue();
    }

    /**
     * The Poisson path (many distinct weights) has the same spread: weights 1 + i·1e-7 are distinct but
     * practically 1, so the half-width of the 68.27% interval of the selection-rate difference must match
     * sqrt(p1(1-p1)/n1 + p2(1-p2)/n2).
     */
    @Test
    void poissonBootstrapOfDistinctWeightsHasTheClosedFormSpread() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 20_000;
        int[] y = new int[n];
        int[] p = new int[n];
        int[] g = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = r.nextDouble() < 0.3 ? 0 : 1;
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            p[i] = r.nextDouble() < (y[i] == 1 ? 0.7 : 0.2) + 0.05 * g[i] ? 1 : 0;
            w[i] = 1 + i * 1e-7;
        }
        GroupAttribute a = new GroupAttribute("a", g, List.of("u", "p"));
        BootstrapSample s = BootstrapSample.of(y, p, w, a);
        assertThat(s.isCellTable()).isFalse();
        assertThat(s.method()).contains("Poisson");
        GroupCounts c = GroupCounter.count(y, p, w, a);
        GroupMetrics m = GroupMetrics.of(c).withPrivileged("p");
        double p1 = m.rate("u", Rate.SELECTION_RATE).value();
        double p2 = m.rate("p", Rate.SELECTION_RATE).value();
        double se = Math.sqrt(p1 * (1 - p1) / c.counts("u").rows() + p2 * (1 - p2) / c.counts("p").rows());
        BootstrapResult res = Bootstrap.builder().resamples(2000).level(0.6826894921370859).seed(8).build()
                .run(s, List.of("spd"),
                        x -> new double[] {GroupMetrics.of(x).withPrivileged("p").metric("statistical_parity_difference").value()});
        double halfWidth = (res.interval("spd").upper() - res.interval("spd").lower()) / 2;
        assertThat(halfWidth / se).isCloseTo(1.0, within(0.1));
        assertThat(res.interval("spd").contains(m.metric("statistical_parity_difference").value())).isTrue();
    }
}
