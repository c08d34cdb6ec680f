package dev.candor.monitor;

import java.util.Arrays;
import java.util.List;

/**
 * The binning Evidently uses before PSI, KL divergence and Jensen–Shannon distance
 * ({@code get_binned_data}), reproduced exactly:
 *
 * <ul>
 *   <li><b>histogram</b> when the feature is numeric and the <em>reference</em> has more than 20
 *       distinct values: numpy's Sturges edges over the concatenation of both samples
 *       ({@code width = (max - min) / (log2(N) + 1)}, {@code n_bins = ceil((max - min) / width)},
 *       {@code N = n_r + n_c}; one bin of width 1 around a constant), bins {@code [e_i, e_i+1)}, the
 *       last one closed;</li>
 *   <li><b>categories</b> otherwise: one cell per value of the union, ascending.</li>
 * </ul>
 * Percents are counts divided by each side's size. {@link #floored(double[])} is Evidently's
 * {@code feel_zeroes}: every zero becomes {@code m / 1e6} when the smallest non-zero percent
 * {@code m <= 1e-4}, otherwise {@code 1e-4}; the result is not renormalised.
 *
 * <p>These edges depend on the current sample, so they cannot be fixed in advance; streaming and
 * distributed code uses {@link ReferenceBins} instead.
 *
 * @param histogram whether the histogram method was used
 * @param edges     the bin edges (histogram only, otherwise empty)
 * @param reference the reference counts per bin or category
 * @param current   the current counts per bin or category
 * @since 0.1.0
 */
public record EvidentlyBinning(boolean histogram, double[] edges, long[] reference, long[] current) {

    /** Reference distinct values above which a numeric feature is binned as a histogram. */
    public static final int CATEGORY_LIMIT = 20;

    /** Copies the arrays. */
    public EvidentlyBinning {
        edges = edges.clone();
        reference = reference.clone();
        current = current.clone();
    }

    /**
     * @param s the feature's samples
     * @return Evidently's binning of them
     */
    public static EvidentlyBinning of(FeatureSamples s) {
        if (s.kind() == FeatureKind.NUMERIC && s.distinctReference() > CATEGORY_LIMIT) {
            Pooled p = s.pooled();
            double[] edges = sturgesEdges(p.values[0], p.values[p.size() - 1], (long) p.nRef + p.nCur);
            long[][] counts = histograms(p, edges);
            return new EvidentlyBinning(true, edges, counts[0], counts[1]);
        }
        CategoryTable t = s.categories();
        return new EvidentlyBinning(false, new double[0], t.reference(), t.current());
    }

    /** numpy {@code histogram_bin_edges(data, 'sturges')} given the data's min, max and size. */
    static double[] sturgesEdges(double min, double max, long n) {
        double lo = min;
        double hi = max;
        double ptp = max - min;
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = ptp / (log2(n) + 1.0);
        int bins = width > 0 ? (int) Math.ceil((hi - lo) / width) : 1;
        double[] e = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = i * step + lo;
        }
        e[bins] = hi;
        return e;
    }

    /** {@link #sturgesEdges(double, double, long)} for a total weight {@code n}; equal to it for whole n. */
    static double[] sturgesEdges(double min, double max, double n) {
        if (n == Math.rint(n) && n < 0x1p53) {
            return sturgesEdges(min, max, (long) n);
        }
        double lo = min;
        double hi = max;
        double ptp = max - min;
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double width = ptp / (Math.log(n) / Math.log(2.0) + 1.0);
        int bins = width > 0 ? (int) Math.ceil((hi - lo) / width) : 1;
        double[] e = new double[bins + 1];
        double step = (hi - lo) / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = i * step + lo;
        }
        e[bins] = hi;
        return e;
    }

    private static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2.0);
    }

    /** Bin index of v: {@code [e_i, e_i+1)}, the last bin closed; -1 below, {@code bins} above. */
    static int bin(double[] edges, double v) {
        int bins = edges.length - 1;
        if (v < edges[0]) {
            return -1;
        }
        if (v > edges[bins]) {
            return bins;
        }
        int lo = 0;
        int hi = bins;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * {@link #bin(double[], double)} of each of p's distinct values: they ascend, so the bin is found by
     * walking the edges along with them instead of a search per value.
     *
     * @return the bin of {@code p.values[j]} at j: -1 below the edges, {@code bins} above them
     */
    static int[] binOfEach(Pooled p, double[] edges) {
        int bins = edges.length - 1;
        int[] out = new int[p.size()];
        int b = 0;
        for (int j = 0; j < out.length; j++) {
            double v = p.values[j];
            if (v < edges[0]) {
                out[j] = -1;
                continue;
            }
            if (v > edges[bins]) {
                Arrays.fill(out, j, out.length, bins);
                break;
            }
            while (b + 1 < bins && edges[b + 1] <= v) {
                b++;
            }
            out[j] = b;
        }
        return out;
    }

    /** @return the counts per bin of the reference (index 0) and of the current sample (index 1) */
    static long[][] histograms(Pooled p, double[] edges) {
        int bins = edges.length - 1;
        int[] binOf = binOfEach(p, edges);
        long[] ref = new long[bins];
        long[] cur = new long[bins];
        for (int j = 0; j < binOf.length; j++) {
            int b = binOf[j];
            if (b >= 0 && b < bins) {
                ref[b] += p.ref[j];
                cur[b] += p.cur[j];
            }
        }
        return new long[][] {ref, cur};
    }

    /** @return the number of bins or categories */
    public int size() {
        return reference.length;
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] reference() {
        return reference.clone();
    }

    @Override
    public long[] current() {
        return current.clone();
    }

    /** @return reference counts divided by the reference size */
    public double[] referencePercents() {
        return percents(reference);
    }

    /** @return current counts divided by the current size */
    public double[] currentPercents() {
        return percents(current);
    }

    static double[] percents(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / (double) n;
        }
        return out;
    }

    /**
     * Evidently's {@code feel_zeroes}.
     *
     * @param percents one side's percents
     * @return a copy with every zero replaced by the floor
     */
    public static double[] floored(double[] percents) {
        double floor = floor(percents);
        double[] out = percents.clone();
        if (Double.isNaN(floor)) {
            return out;
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = floor;
            }
        }
        return out;
    }

    /** @return the value that replaces zeros, or {@code NaN} when the side has no zero */
    public static double floor(double[] percents) {
        boolean anyZero = false;
        double min = Double.POSITIVE_INFINITY;
        for (double p : percents) {
            if (p == 0) {
                anyZero = true;
            } else if (p < min) {
                min = p;
            }
        }
        if (!anyZero) {
            return Double.NaN;
        }
        return min <= 0.0001 ? min / 1e6 : 0.0001;
    }

    /** @return the bin labels: categories as text, or histogram bins as {@code [lo, hi)} */
    public List<String> labels(FeatureSamples s) {
        if (!histogram) {
            return s.categories().keys();
        }
        String[] out = new String[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = "[" + edges[i] + ", " + edges[i + 1] + (i == out.length - 1 ? "]" : ")");
        }
        return List.of(out);
    }
}
