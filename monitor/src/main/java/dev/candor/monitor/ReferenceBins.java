package dev.candor.monitor;

import java.util.Arrays;

/**
 * Histogram edges fixed from the reference alone (NannyML's approach), so that any later window,
 * stream partition or cluster node bins its data identically and histograms merge by addition.
 * Sturges' rule over the reference ({@code ceil(log2(n) + 1)} equal-width bins between its minimum
 * and maximum; one bin of width 1 around a constant). Values outside the reference range are not
 * clipped into the edge bins: they go to the explicit {@code below} and {@code above} leftover bins,
 * so a shift beyond the reference's range is visible as such.
 *
 * @since 0.1.0
 */
public final class ReferenceBins {

    private final double[] edges;

    private ReferenceBins(double[] edges) {
        this.edges = edges;
    }

    /**
     * @param reference the reference values ({@code NaN} ignored)
     * @return Sturges bins over the reference's range
     * @throws IllegalArgumentException if the reference has no finite value
     */
    public static ReferenceBins sturges(double[] reference) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long n = 0;
        for (double v : reference) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the reference has no finite value to fix bins from");
        }
        return new ReferenceBins(EvidentlyBinning.sturgesEdges(min, max, n));
    }

    /**
     * Sturges bins from the range and count alone, for a reference read in passes: equal to
     * {@link #sturges(double[])} of values with this minimum, maximum and number of finite values.
     *
     * @param min the least finite reference value
     * @param max the greatest finite reference value
     * @param n   the number of finite reference values, at least one
     * @return Sturges bins over {@code [min, max]}
     * @throws IllegalArgumentException if {@code n < 1} or the range is not finite and ordered
     */
    public static ReferenceBins sturges(double min, double max, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("the reference has no finite value to fix bins from");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("the range [" + min + ", " + max + "] is not finite and ordered");
        }
        return new ReferenceBins(EvidentlyBinning.sturgesEdges(min, max, n));
    }

    /**
     * @param edges strictly increasing edges, at least two
     * @return bins with these edges
     */
    public static ReferenceBins ofEdges(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("at least two edges expected");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("edges must be strictly increasing at index " + i);
            }
        }
        return new ReferenceBins(edges.clone());
    }

    /** @return the edges */
    public double[] edges() {
        return edges.clone();
    }

    /** @return the number of bins inside the reference range */
    public int bins() {
        return edges.length - 1;
    }

    /**
     * @param v a finite value
     * @return its slot: {@code 0} = below the range, {@code 1..bins()} the bins ({@code [e_i, e_i+1)},
     *         the last closed), {@code bins()+1} = above the range
     */
    public int slot(double v) {
        return EvidentlyBinning.bin(edges, v) + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceBins b && Arrays.equals(edges, b.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "ReferenceBins" + Arrays.toString(edges);
    }
}
