package dev.candor.explain.lime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DiscretizerTest {

    private static double[][] column(double... v) {
        double[][] d = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            d[i][0] = v[i];
        }
        return d;
    }

    @Test
    void percentilesMatchNumpy() {
        // numpy 2.4.6 (same 'linear' _lerp as 1.24):
        //   np.percentile(np.arange(1, 11, dtype=float), [10, 20, ..., 90]).tolist()
        //   -> [1.9, 2.8, 3.6999999999999997, 4.6, 5.5, 6.3999999999999995, 7.3, 8.2, 9.1]
        //   a = [3.1, 0.2, 7.7, 7.7, 1.5, 2.25, 9.0, 4.4, 4.4, 6.1, 0.05]
        //   np.percentile(a, [25, 50, 75]).tolist() -> [1.875, 4.4, 6.9]
        //   np.percentile(a, [10, ..., 90]).tolist() -> [0.2, 1.5, 2.25, 3.1, 4.4, 4.4, 6.1, 7.7, 7.7]
        double[] deciles = {10, 20, 30, 40, 50, 60, 70, 80, 90};
        assertThat(Percentiles.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, deciles))
                .containsExactly(1.9, 2.8, 3.6999999999999997, 4.6, 5.5, 6.3999999999999995, 7.3, 8.2, 9.1);
        double[] a = {3.1, 0.2, 7.7, 7.7, 1.5, 2.25, 9.0, 4.4, 4.4, 6.1, 0.05};
        java.util.Arrays.sort(a);
        assertThat(Percentiles.of(a, new double[] {25, 50, 75})).containsExactly(1.875, 4.4, 6.9);
        assertThat(Percentiles.of(a, deciles)).containsExactly(0.2, 1.5, 2.25, 3.1, 4.4, 4.4, 6.1, 7.7, 7.7);
    }

    @Test
    void decileEdgesAreMergedWhenTheyCoincide() {
        double[] a = {3.1, 0.2, 7.7, 7.7, 1.5, 2.25, 9.0, 4.4, 4.4, 6.1, 0.05};
        Discretizer d = Discretizer.fit(Discretization.DECILE, column(a), new boolean[1], null, new String[] {"v"});
        assertThat(d.edges(0)).containsExactly(0.2, 1.5, 2.25, 3.1, 4.4, 6.1, 7.7);
        assertThat(d.numBins(0)).isEqualTo(8);
        assertThat(d.condition(0, 0)).isEqualTo("v <= 0.20");
        assertThat(d.condition(0, 3)).isEqualTo("2.25 < v <= 3.10");
        assertThat(d.condition(0, 7)).isEqualTo("v > 7.70");
    }

    @Test
    void aValueOnAnEdgeGoesToTheLowerBin() {
        // np.searchsorted([1., 2., 4.], [1., 1.5, 2., 4., 4.5]) -> [0 1 1 2 3]
        Discretizer d = Discretizer.fit(Discretization.QUARTILE, column(0, 1, 1, 2, 2, 3, 4, 4, 5),
                new boolean[1], null, new String[] {"x"});
        assertThat(d.edges(0)).containsExactly(1, 2, 4);
        assertThat(new int[] {d.bin(0, 1), d.bin(0, 1.5), d.bin(0, 2), d.bin(0, 4), d.bin(0, 4.5)})
                .containsExactly(0, 1, 1, 2, 3);
    }

    @Test
    void emptyMiddleBinIsKeptButHasNoRows() {
        // np.percentile([0, 0, 10, 10], [25, 50, 75]) -> [0.0, 5.0, 10.0]: bin (0, 5] holds no row
        Discretizer d = Discretizer.fit(Discretization.QUARTILE, column(0, 0, 10, 10), new boolean[1], null,
                new String[] {"x"});
        assertThat(d.edges(0)).containsExactly(0, 5, 10);
        assertThat(d.bins(0)).extracting(BinStats::count).containsExactly(2, 0, 2, 0);
        assertThat(d.bins(0).get(2)).isEqualTo(new BinStats(2, 5, 10, 10, 0));
    }

    @Test
    void constantColumnHasOneObservedBin() {
        Discretizer d = Discretizer.fit(Discretization.QUARTILE, column(3, 3, 3, 3, 3), new boolean[1], null,
                new String[] {"c"});
        assertThat(d.edges(0)).containsExactly(3);
        assertThat(d.bins(0)).containsExactly(new BinStats(5, 3, 3, 3, 0), new BinStats(0, 3, 3, 0, 0));
        assertThat(d.condition(0, 0)).isEqualTo("c <= 3.00");
    }

    @Test
    void entropySplitsFollowTheDepthThreeTree() {
        // values 1..8 with labels 0 0 1 1 1 1 0 0. Root: thresholds 2.5 and 6.5 both leave a pure
        // side of 2 and a 4:2 side (weighted entropy 6 * H(2/6) each), the tie goes to the lower
        // threshold 2.5; the right node 3..8 (1 1 1 1 0 0) splits purely at 6.5. Edges [2.5, 6.5].
        double[][] data = column(1, 2, 3, 4, 5, 6, 7, 8);
        int[] labels = {0, 0, 1, 1, 1, 1, 0, 0};
        Discretizer d = Discretizer.fit(Discretization.ENTROPY, data, new boolean[1], labels, new String[] {"x"});
        assertThat(d.edges(0)).containsExactly(2.5, 6.5);
        // a pure column makes no split: the median is used
        Discretizer pure = Discretizer.fit(Discretization.ENTROPY, column(1, 2, 3, 10), new boolean[1],
                new int[] {1, 1, 1, 1}, new String[] {"x"});
        assertThat(pure.edges(0)).containsExactly(2.5);
        // depth is limited to 3: alternating labels on 16 values give at most 7 thresholds
        double[] v = new double[16];
        int[] alt = new int[16];
        for (int i = 0; i < 16; i++) {
            v[i] = i;
            alt[i] = i % 2;
        }
        assertThat(Discretizer.fit(Discretization.ENTROPY, column(v), new boolean[1], alt, new String[] {"x"})
                .edges(0)).hasSizeLessThanOrEqualTo(7);
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> Discretizer.fit(Discretization.ENTROPY, column(1, 2), new boolean[1], null,
                new String[] {"x"})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels");
        assertThatThrownBy(() -> Discretizer.fit(Discretization.QUARTILE, column(1, Double.NaN), new boolean[1], null,
                new String[] {"x"})).hasMessageContaining("row 1, column 0");
        assertThatThrownBy(() -> Discretizer.fit(Discretization.NONE, column(1), new boolean[1], null,
                new String[] {"x"})).isInstanceOf(IllegalArgumentException.class);
        Discretizer d = Discretizer.fit(Discretization.QUARTILE, new double[][] {{1, 0}, {2, 1}},
                new boolean[] {false, true}, null, new String[] {"x", "cat"});
        assertThatThrownBy(() -> d.edges(1)).hasMessageContaining("categorical");
        assertThatThrownBy(() -> d.bin(0, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void twoDecimalsRoundsLikePythonPercentFormat() {
        // Python: '%.2f' % 2.675 -> '2.67' (binary value below the tie); '%.2f' % 0.125 -> '0.12'
        // (exact tie, half-even); '%.2f' % -0.001 -> '-0.00'; '%.2f' % 1e6 -> '1000000.00'
        assertThat(Discretizer.twoDecimals(2.675)).isEqualTo("2.67");
        assertThat(Discretizer.twoDecimals(0.125)).isEqualTo("0.12");
        assertThat(Discretizer.twoDecimals(-0.001)).isEqualTo("-0.00");
        assertThat(Discretizer.twoDecimals(1e6)).isEqualTo("1000000.00");
    }

    @Property(tries = 200)
    void everyTrainingValueLiesWithinItsBinsBounds(@ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = -50, max = 50) Double> values,
                                                   @ForAll @IntRange(min = 0, max = 1) int decile) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).map(x -> Math.rint(x * 4) / 4 + 0.0).toArray();
        Discretization method = decile == 1 ? Discretization.DECILE : Discretization.QUARTILE;
        Discretizer d = Discretizer.fit(method, column(v), new boolean[1], null, new String[] {"x"});
        double[] e = d.edges(0);
        for (int k = 1; k < e.length; k++) {
            assertThat(e[k]).isGreaterThan(e[k - 1]);
        }
        int total = 0;
        for (BinStats b : d.bins(0)) {
            total += b.count();
        }
        assertThat(total).isEqualTo(v.length);
        for (double x : v) {
            int b = d.bin(0, x);
            long below = java.util.Arrays.stream(e).filter(t -> t < x).count();
            assertThat(b).isEqualTo((int) below);
            BinStats s = d.bins(0).get(b);
            assertThat(x).isBetween(s.min(), s.max());
            assertThat(x).isBetween(s.mean() - 1e-9 - (s.max() - s.min()), s.mean() + 1e-9 + (s.max() - s.min()));
        }
    }
}
