package dev.candor.explain.lime;

/**
 * Percentiles with numpy's default ({@code method='linear'}) interpolation, reproduced operation
 * for operation so that bin edges equal the reference's bit for bit.
 *
 * <p>For a sorted column a of length n and a percentile q: g = q / 100, h = (n - 1) g,
 * i = floor(h), t = h - i, and the result is a[i] + (a[i+1] - a[i]) t when t &lt; 0.5, else
 * a[i+1] - (a[i+1] - a[i]) (1 - t) (numpy's {@code _lerp}); h &ge; n - 1 gives a[n-1].
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param sorted      the column, sorted ascending, not empty, no NaN
     * @param percentiles percentiles in [0, 100]
     * @return one value per percentile
     */
    static double[] of(double[] sorted, double[] percentiles) {
        int n = sorted.length;
        double[] out = new double[percentiles.length];
        for (int k = 0; k < percentiles.length; k++) {
            double g = percentiles[k] / 100.0;
            double h = (n - 1) * g;
            if (h >= n - 1) {
                out[k] = sorted[n - 1];
                continue;
            }
            if (h <= 0) {
                out[k] = sorted[0];
                continue;
            }
            int i = (int) Math.floor(h);
            double t = h - i;
            double a = sorted[i];
            double b = sorted[i + 1];
            double diff = b - a;
            out[k] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
        }
        return out;
    }

    /**
     * The distinct values of an array in ascending order ({@code np.unique}).
     *
     * @param values values without NaN
     * @return sorted distinct values
     */
    static double[] unique(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || s[i] != s[m - 1]) {
                s[m++] = s[i];
            }
        }
        return java.util.Arrays.copyOf(s, m);
    }
}
