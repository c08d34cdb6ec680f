package dev.candor.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts per-group confusion cells of one or more attributes in one pass over primitive arrays.
 *
 * <p>Inputs: {@code yTrue} and {@code yPred} are 0/1 with 1 the favorable label (map the
 * favorable label before calling), optional non-negative finite {@code weights}, and one
 * {@link GroupAttribute} per protected attribute (intersections are attributes too). The rows are
 * read in blocks that stay in the L1 cache: each block's labels are validated and turned into a
 * 2-bit cell code once, then every attribute adds that block to its own counters. Unweighted
 * counters use four interleaved lanes so that runs of rows in the same cell do not serialize on one
 * memory location. Memory beyond the inputs: O(groups).
 *
 * <p>Bad input is rejected with an {@link IllegalArgumentException} naming the argument, the row
 * and the value: labels other than 0/1, group codes out of range, weights that are negative, NaN or
 * infinite, and arrays of different lengths.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class GroupCounter {

    private static final int BLOCK = 2048;
    private static final int LANES = 4;

    private GroupCounter() {
    }

    /**
     * Counts one attribute, without weights.
     *
     * @param yTrue     true labels, 0/1 (1 = favorable)
     * @param yPred     predictions, 0/1 (1 = favorable)
     * @param attribute the groups
     * @return the counts
     */
    public static GroupCounts count(int[] yTrue, int[] yPred, GroupAttribute attribute) {
        return count(yTrue, yPred, null, List.of(attribute)).get(0);
    }

    /**
     * Counts one attribute.
     *
     * @param yTrue     true labels, 0/1 (1 = favorable)
     * @param yPred     predictions, 0/1 (1 = favorable)
     * @param weights   instance weights (finite, >= 0), or null for unit weights
     * @param attribute the groups
     * @return the counts
     */
    public static GroupCounts count(int[] yTrue, int[] yPred, double[] weights, GroupAttribute attribute) {
        return count(yTrue, yPred, weights, List.of(attribute)).get(0);
    }

    /**
     * Counts several attributes in one pass.
     *
     * @param yTrue      true labels, 0/1 (1 = favorable)
     * @param yPred      predictions, 0/1 (1 = favorable)
     * @param weights    instance weights (finite, >= 0), or null for unit weights
     * @param attributes the attributes, each with one code per row
     * @return the counts of each attribute, in the given order
     * @throws IllegalArgumentException on bad input, naming the argument, row and value
     */
    public static List<GroupCounts> count(int[] yTrue, int[] yPred, double[] weights,
                                          List<GroupAttribute> attributes) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(yPred, "yPred");
        int n = yTrue.length;
        requireLength("yPred", yPred.length, n);
        if (weights != null) {
            requireLength("weights", weights.length, n);
        }
        int na = attributes.size();
        int[][] codes = new int[na][];
        int[] sizes = new int[na];
        for (int a = 0; a < na; a++) {
            GroupAttribute attr = attributes.get(a);
            requireLength("groups of '" + attr.name() + "'", attr.codes().length, n);
            codes[a] = attr.codes();
            sizes[a] = attr.size();
        }
        int[][] rows = new int[na][];
        double[][] sums = weights == null ? null : new double[na][];
        double[][] squares = weights == null ? null : new double[na][];
        for (int a = 0; a < na; a++) {
            rows[a] = new int[weights == null ? slots(sizes[a]) * 4 * LANES : sizes[a] * 4];
            if (weights != null) {
                sums[a] = new double[sizes[a] * 4];
                squares[a] = new double[sizes[a] * 4];
            }
        }
        int[] cell = new int[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            int bad = 0;
            for (int i = 0; i < len; i++) {
                int y = yTrue[start + i];
                int p = yPred[start + i];
                bad |= y | p;
                cell[i] = (y << 1) | p;
            }
            if ((bad & ~1) != 0) {
                throw badLabel(yTrue, yPred, start, len);
            }
            if (weights != null) {
                for (int i = start; i < start + len; i++) {
                    double w = weights[i];
                    if (!(w >= 0.0) || w == Double.POSITIVE_INFINITY) {
                        throw new IllegalArgumentException("weights: row " + i + " has weight " + w
                                + "; weights must be finite and >= 0");
                    }
                }
            }
            for (int a = 0; a < na; a++) {
                if (weights == null) {
                    countBlock(codes[a], sizes[a], slots(sizes[a]), cell, start, len, rows[a], attributes.get(a).name());
                } else {
                    sumBlock(codes[a], sizes[a], cell, weights, start, len, rows[a], sums[a], squares[a],
                            attributes.get(a).name());
                }
            }
        }
        List<GroupCounts> out = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            if (weights == null) {
                for (int slot = sizes[a] * 4 * LANES; slot < rows[a].length; slot++) {
                    if (rows[a][slot] != 0) {
                        throw badGroup(codes[a], sizes[a], 0, n, attributes.get(a).name());
                    }
                }
            }
            List<ConfusionCounts> byGroup = new ArrayList<>(sizes[a]);
            long[] cellRows = weights == null ? null : Arrays.stream(rows[a]).asLongStream().toArray();
            for (int g = 0; g < sizes[a]; g++) {
                if (weights == null) {
                    long[] c = new long[4];
                    for (int k = 0; k < 4; k++) {
                        for (int lane = 0; lane < LANES; lane++) {
                            c[k] += rows[a][((g << 2 | k) * LANES) + lane];
                        }
                    }
                    // cell code = 2y + p: 0 tn, 1 fp, 2 fn, 3 tp
                    byGroup.add(ConfusionCounts.of(c[3], c[1], c[0], c[2]));
                } else {
                    byGroup.add(ConfusionCounts.ofCells(sums[a], cellRows, squares[a], g << 2));
                }
            }
            out.add(GroupCounts.of(attributes.get(a).name(), attributes.get(a).values(), byGroup));
        }
        return out;
    }

    /**
     * Adds one block of rows to {@code rows}, laid out as {@code ((group << 2 | cell) << 2) + lane} over
     * {@code slots} (the next power of two >= k) groups, so any code below {@code slots} has a slot.
     * Codes are validated without a branch per row: the OR of the block's codes must stay below
     * {@code slots} (this rejects negative codes too), codes in [k, slots) land in phantom slots that are
     * checked once at the end, and codes so large that the index leaves the array end in the catch below.
     */
    private static void countBlock(int[] g, int k, int slots, int[] cell, int start, int len, int[] rows,
                                   String name) {
        int or = 0;
        int i = 0;
        try {
            for (; i + LANES <= len; i += LANES) {
                int g0 = g[start + i];
                int g1 = g[start + i + 1];
                int g2 = g[start + i + 2];
                int g3 = g[start + i + 3];
                or |= g0 | g1 | g2 | g3;
                rows[(g0 << 4) | (cell[i] << 2)]++;
                rows[(g1 << 4) | (cell[i + 1] << 2) | 1]++;
                rows[(g2 << 4) | (cell[i + 2] << 2) | 2]++;
                rows[(g3 << 4) | (cell[i + 3] << 2) | 3]++;
            }
            for (; i < len; i++) {
                int gi = g[start + i];
                or |= gi;
                rows[(gi << 4) | (cell[i] << 2)]++;
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw badGroup(g, k, start, len, name);
        }
        if ((or & -slots) != 0) {
            throw badGroup(g, k, start, len, name);
        }
    }

    private static void sumBlock(int[] g, int k, int[] cell, double[] w, int start, int len, int[] rows,
                                 double[] sums, double[] squares, String name) {
        for (int i = 0; i < len; i++) {
            int gi = g[start + i];
            if (gi < 0 || gi >= k) {
                throw badGroup(g, k, start + i, 1, name);
            }
            int c = gi << 2 | cell[i];
            double wi = w[start + i];
            rows[c]++;
            sums[c] += wi;
            squares[c] += wi * wi;
        }
    }

    /** The number of group slots of the unweighted counters: the next power of two >= k. */
    private static int slots(int k) {
        return k <= 1 ? 1 : Integer.highestOneBit(k - 1) << 1;
    }

    private static IllegalArgumentException badLabel(int[] yTrue, int[] yPred, int start, int len) {
        for (int i = start; i < start + len; i++) {
            if ((yTrue[i] & ~1) != 0) {
                return new IllegalArgumentException("yTrue: row " + i + " has label " + yTrue[i]
                        + "; labels must be 0 or 1 (1 = favorable)");
            }
            if ((yPred[i] & ~1) != 0) {
                return new IllegalArgumentException("yPred: row " + i + " has prediction " + yPred[i]
                        + "; predictions must be 0 or 1 (1 = favorable)");
            }
        }
        return new IllegalArgumentException("invalid label in rows " + start + ".." + (start + len - 1));
    }

    private static IllegalArgumentException badGroup(int[] g, int k, int from, int count, String name) {
        for (int i = from; i < from + count; i++) {
            if (g[i] < 0 || g[i] >= k) {
                return new IllegalArgumentException("groups of '" + name + "': row " + i + " has group code " + g[i]
                        + "; codes must be in [0, " + k + ")");
            }
        }
        return new IllegalArgumentException("groups of '" + name + "': invalid code near row " + from);
    }

    private static void requireLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has length " + length + " but yTrue has length " + expected);
        }
    }
}
