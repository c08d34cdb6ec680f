package dev.candor.explain.lime;

/**
 * Training statistics of one bin of a discretized feature.
 *
 * <p>{@code min} and {@code max} are the bin's bounds as the reference defines them, not the
 * extremes of the values observed in it: bin k of a feature with edges e<sub>0</sub> &lt; ... &lt;
 * e<sub>K-1</sub> has {@code min = [train min, e0, ..., e(K-1)][k]} and
 * {@code max = [e0, ..., e(K-1), train max][k]}. {@code mean} and {@code std} (population standard
 * deviation, ddof 0) are over the training values that fall in the bin; both are 0 for an empty bin
 * (count 0), which is never sampled.
 *
 * @param count training rows in the bin
 * @param min   lower bound of the bin (exclusive except for the first bin)
 * @param max   upper bound of the bin (inclusive)
 * @param mean  mean of the training values in the bin, 0 if empty
 * @param std   population standard deviation of the training values in the bin, 0 if empty
 * @since 0.1.0
 */
public record BinStats(int count, double min, double max, double mean, double std) {
}
