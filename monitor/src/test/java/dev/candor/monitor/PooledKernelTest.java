package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The one-pass merge of two sorted samples into distinct values and multiplicities ({@link Pooled#of})
 * against counting with a sorted map, the histogram of its distinct values against a bin search per
 * value, and the drift analysis on several threads against one thread: identical reports.
 */
class PooledKernelTest {

    private static double[] sample(SplittableRandom r, int n, int shape) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (shape) {
                case 0 -> r.nextInt(6);                       // few values, ties on both sides
                case 1 -> r.nextGaussian();                   // distinct
                default -> r.nextInt(3) == 0 ? 0.0 : Math.rint(r.nextGaussian() * 50) / 4;
            };
        }
        return x;
    }

    @Property(tries = 200)
    void poolingEqualsCountingWithASortedMap(@ForAll @IntRange(min = 1, max = 5000) int n,
            @ForAll @IntRange(min = 1, max = 5000) int m, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = sample(r, n, r.nextInt(3));
        double[] b = sample(r, m, r.nextInt(3));
        FeatureSamples s = FeatureSamples.numeric("x", a, b);
        Pooled p = s.pooled();
        TreeMap<Double, long[]> counts = new TreeMap<>();
        for (double v : a) {
            counts.computeIfAbsent(v == 0 ? 0.0 : v, k -> new long[2])[0]++;
        }
        for (double v : b) {
            counts.computeIfAbsent(v == 0 ? 0.0 : v, k -> new long[2])[1]++;
        }
        assertThat(p.size()).isEqualTo(counts.size());
        int j = 0;
        for (Map.Entry<Double, long[]> e : counts.entrySet()) {
            assertThat(p.values[j]).isEqualTo(e.getKey());
            assertThat((long) p.ref[j]).isEqualTo(e.getValue()[0]);
            assertThat((long) p.cur[j]).isEqualTo(e.getValue()[1]);
            j++;
        }
        assertThat(p.nRef).isEqualTo(n);
        assertThat(p.nCur).isEqualTo(m);
        double[] sortedA = new double[n];
        for (int i = 0; i < n; i++) {
            sortedA[i] = a[i] == 0 ? 0.0 : a[i]; // -0.0 is read as 0.0
        }
        java.util.Arrays.sort(sortedA);
        assertThat(s.sorted(Side.REFERENCE)).containsExactly(sortedA);
    }

    @Property(tries = 20)
    void reportsDoNotDependOnTheThreadCount(@ForAll @IntRange(min = 2, max = 8) int threads, @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        DriftAnalysis.Builder one = DriftAnalysis.builder().threads(1).allTests().corrections();
        DriftAnalysis.Builder many = DriftAnalysis.builder().threads(threads).allTests().corrections();
        for (int f = 0; f < 7; f++) {
            int n = r.nextInt(50, 3000);
            double[] ref = sample(r, n, f % 3);
            double[] cur = sample(r, n + r.nextInt(3) * 7, f % 3);
            one.numeric("n" + f, ref, cur);
            many.numeric("n" + f, ref, cur);
            String[] rc = new String[n];
            String[] cc = new String[n];
            for (int i = 0; i < n; i++) {
                rc[i] = "c" + r.nextInt(4);
                cc[i] = "c" + r.nextInt(1 + f % 4);
            }
            one.categorical("c" + f, rc, cc);
            many.categorical("c" + f, rc, cc);
        }
        DriftReport a = one.build().run();
        DriftReport b = many.build().run();
        assertThat(b.features()).isEqualTo(a.features());
        assertThat(b.dataset()).isEqualTo(a.dataset());
        assertThat(b.corrections()).isEqualTo(a.corrections());
    }

    @Test
    void weightedSamplesAreSortedStablyWithTheirWeights() {
        double[] v = {3, 1, 2, 1, 3, Double.NaN, 1};
        double[] w = {0.5, 1, 2, 0, 4, 9, 0.25};
        FeatureSamples s = FeatureSamples.numeric("x", v, w, new double[] {1, 2}, new double[] {1, 1});
        assertThat(s.sorted(Side.REFERENCE)).containsExactly(1, 1, 2, 3, 3);
        assertThat(s.weights(Side.REFERENCE)).containsExactly(1, 0.25, 2, 0.5, 4);
        assertThat(s.missing(Side.REFERENCE)).isEqualTo(1);
    }

    @Test
    void aThreadCountBelowOneIsRefused() {
        assertThatThrownBy(() -> DriftAnalysis.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Property(tries = 200)
    void histogramWalkEqualsABinSearchPerValue(@ForAll @IntRange(min = 1, max = 3000) int n,
            @ForAll @IntRange(min = 1, max = 3000) int m, @ForAll @IntRange(min = 1, max = 40) int bins,
            @ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        FeatureSamples s = FeatureSamples.numeric("x", sample(r, n, r.nextInt(3)), sample(r, m, r.nextInt(3)));
        Pooled p = s.pooled();
        // edges over part of the range or beyond it, some repeated: values fall below, between and above
        double[] edges = new double[bins + 1];
        double lo = p.values[0] + r.nextGaussian() * 3;
        edges[0] = lo;
        for (int e = 1; e <= bins; e++) {
            edges[e] = edges[e - 1] + (r.nextInt(5) == 0 ? 0 : r.nextDouble() * 4);
        }
        for (boolean reference : new boolean[] {true, false}) {
            long[] expected = new long[bins];
            int[] c = reference ? p.ref : p.cur;
            for (int j = 0; j < p.size(); j++) {
                int b = EvidentlyBinning.bin(edges, p.values[j]);
                if (b >= 0 && b < bins) {
                    expected[b] += c[j];
                }
            }
            assertThat(EvidentlyBinning.histograms(p, edges)[reference ? 0 : 1]).containsExactly(expected);
        }
    }
}
