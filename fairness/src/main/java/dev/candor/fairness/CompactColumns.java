package dev.candor.fairness;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Labels, predictions and protected attributes held in a few bytes per row, for counting the
 * per-group confusion cells of every attribute in one pass at close to memory bandwidth.
 *
 * <p>Layout: {@code yTrue} and {@code yPred} are one byte per row (0 or 1, 1 = favorable); each
 * attribute's group codes are one byte per row (up to 256 groups, read unsigned) or one short per row
 * (up to 65,536 groups, read unsigned). {@link #counts()} gives, for each attribute, the same
 * {@link GroupCounts} as {@link GroupCounter#count(int[], int[], double[], List)} on the equivalent
 * {@code int[]} arrays (which stay the convenient form; {@link #of(int[], int[], List)} converts them).
 *
 * <p>Algorithm: each attribute's code gets {@code ceil(log2(groups))} bits, and the row's joint cell
 * {@code (codes..., yTrue, yPred)} is one index into a single histogram, so every attribute is counted
 * from one increment per row; the histogram is summed into each attribute's groups at the end. When
 * the joint index fits in a byte and every attribute is a byte column, eight rows are combined at a
 * time in 64-bit words (byte lanes never carry, since each byte stays below its field's width; a code
 * or label that would overflow its field is caught by the OR of the block). The histogram has four
 * interleaved copies so that runs of equal cells do not serialize on one counter. When the joint index
 * would exceed 2^20 cells, each attribute is counted in its own histogram, still in the same pass.
 *
 * <p>Bad input is rejected with an {@link IllegalArgumentException} naming the column, the row and the
 * value: labels other than 0/1 and group codes at or above the attribute's number of groups. The arrays
 * are used as given, not copied: do not modify them while counting.
 *
 * <p>Immutable and thread-safe (if the arrays are not modified).
 *
 * @since 0.1.0
 */
public final class CompactColumns {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final int LANES = 4;
    private static final int MAX_JOINT_BITS = 20;
    private static final int BLOCK = 4096;

    private final byte[] yTrue;
    private final byte[] yPred;
    private final List<Column> columns;

    /** One attribute: byte or short codes. */
    private record Column(String name, byte[] bytes, short[] shorts, List<String> values) {
        int code(int i) {
            return bytes != null ? bytes[i] & 0xff : shorts[i] & 0xffff;
        }

        int size() {
            return values.size();
        }

        /** Bits of the code's field: ceil(log2(size)), at least 0. */
        int bits() {
            return size() <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(size() - 1);
        }
    }

    private CompactColumns(byte[] yTrue, byte[] yPred, List<Column> columns) {
        this.yTrue = yTrue;
        this.yPred = yPred;
        this.columns = List.copyOf(columns);
    }

    /**
     * Starts a table from label and prediction columns.
     *
     * @param yTrue true labels, 0/1 (1 = favorable), one byte per row
     * @param yPred predictions, 0/1 (1 = favorable), one byte per row
     * @return the builder
     */
    public static Builder builder(byte[] yTrue, byte[] yPred) {
        return new Builder(yTrue, yPred);
    }

    /**
     * Converts int arrays: labels to bytes, each attribute to byte codes (up to 256 groups) or short codes.
     *
     * @param yTrue      true labels, 0/1 (1 = favorable)
     * @param yPred      predictions, 0/1 (1 = favorable)
     * @param attributes the attributes
     * @return the compact table
     * @throws IllegalArgumentException on a label other than 0/1 or a code outside an attribute's groups
     *                                  (naming the column and row), or arrays of different lengths
     */
    public static CompactColumns of(int[] yTrue, int[] yPred, List<GroupAttribute> attributes) {
        Objects.requireNonNull(yTrue, "yTrue");
        Objects.requireNonNull(yPred, "yPred");
        int n = yTrue.length;
        requireLength("yPred", yPred.length, n);
        byte[] t = new byte[n];
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            if ((yTrue[i] & ~1) != 0) {
                throw badLabel("yTrue", i, yTrue[i]);
            }
            if ((yPred[i] & ~1) != 0) {
                throw badLabel("yPred", i, yPred[i]);
            }
            t[i] = (byte) yTrue[i];
            p[i] = (byte) yPred[i];
        }
        Builder b = builder(t, p);
        for (GroupAttribute a : attributes) {
            int[] codes = a.codes();
            requireLength("groups of '" + a.name() + "'", codes.length, n);
            int k = a.size();
            for (int i = 0; i < n; i++) {
                if (codes[i] < 0 || codes[i] >= k) {
                    throw badCode(a.name(), i, codes[i], k);
                }
            }
            if (k <= 256) {
                byte[] c = new byte[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (byte) codes[i];
                }
                b.attribute(a.name(), c, a.values());
            } else {
                short[] c = new short[n];
                for (int i = 0; i < n; i++) {
                    c[i] = (short) codes[i];
                }
                b.attribute(a.name(), c, a.values());
            }
        }
        return b.build();
    }

    /** @return the number of rows */
    public int rows() {
        return yTrue.length;
    }

    /** @return the attributes' names, in the order added */
    public List<String> attributes() {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * Counts the confusion cells of every group of every attribute in one pass over the columns.
     *
     * @return the counts of each attribute, in the order added
     * @throws IllegalArgumentException on a label other than 0/1 or a group code at or above the
     *                                  attribute's number of groups, naming the column, row and value
     */
    public List<GroupCounts> counts() {
        int na = columns.size();
        int[] shift = new int[na];
        int bits = 2;
        for (int a = na - 1; a >= 0; a--) {
            shift[a] = bits;
            bits += columns.get(a).bits();
        }
        long[][] hist;
        if (bits <= 8 && columns.stream().allMatch(c -> c.bytes != null)) {
            hist = new long[][] {countBytes(shift)};
        } else if (bits <= MAX_JOINT_BITS) {
            hist = new long[][] {countJoint(shift, 1 << bits)};
        } else {
            hist = countSeparately();
            bits = -1;
        }
        List<GroupCounts> out = new ArrayList<>(na);
        for (int a = 0; a < na; a++) {
            Column col = columns.get(a);
            long[] cells = new long[col.size() * 4];
            if (bits < 0) {
                long[] h = hist[a];
                for (int j = 0; j < h.length; j++) {
                    if (h[j] != 0 && (j >>> 2) >= col.size()) {
                        throw firstBad();
                    }
                }
                System.arraycopy(h, 0, cells, 0, cells.length);
            } else {
                long[] h = hist[0];
                int mask = (1 << col.bits()) - 1;
                for (int j = 0; j < h.length; j++) {
                    if (h[j] == 0) {
                        continue;
                    }
                    int g = (j >>> shift[a]) & mask;
                    if (g >= col.size()) {
                        throw firstBad();
                    }
                    cells[g << 2 | (j & 3)] += h[j];
                }
            }
            List<ConfusionCounts> byGroup = new ArrayList<>(col.size());
            for (int g = 0; g < col.size(); g++) {
                // cell code = 2y + p: 0 tn, 1 fp, 2 fn, 3 tp
                byGroup.add(ConfusionCounts.of(cells[g << 2 | 3], cells[g << 2 | 1], cells[g << 2], cells[g << 2 | 2]));
            }
            out.add(GroupCounts.of(col.name(), col.values(), byGroup));
        }
        return out;
    }

    /** Eight rows per step: every column is bytes and the joint index fits in a byte. */
    private long[] countBytes(int[] shift) {
        int n = yTrue.length;
        int na = columns.size();
        byte[][] codes = new byte[na][];
        long[] fieldMask = new long[na];
        for (int a = 0; a < na; a++) {
            codes[a] = columns.get(a).bytes();
            fieldMask[a] = ONES * (0xff & ~((1 << columns.get(a).bits()) - 1)); // bits that must be 0
        }
        int[] h = new int[256 * LANES];
        long labelBad = ONES * 0xfe;
        int i = 0;
        int whole = n & ~7;
        while (i < whole) {
            int end = Math.min(whole, i + BLOCK);
            long bad = 0;
            for (; i < end; i += 8) {
                long t = (long) LONGS.get(yTrue, i);
                long p = (long) LONGS.get(yPred, i);
                bad |= (t | p) & labelBad;
                long joint = t << 1 | p;
                for (int a = 0; a < na; a++) {
                    long g = (long) LONGS.get(codes[a], i);
                    bad |= g & fieldMask[a];
                    joint |= g << shift[a];
                }
                h[(int) joint & 0xff]++;
                h[256 | ((int) (joint >>> 8) & 0xff)]++;
                h[512 | ((int) (joint >>> 16) & 0xff)]++;
                h[768 | ((int) (joint >>> 24) & 0xff)]++;
                h[(int) (joint >>> 32) & 0xff]++;
                h[256 | ((int) (joint >>> 40) & 0xff)]++;
                h[512 | ((int) (joint >>> 48) & 0xff)]++;
                h[768 | ((int) (joint >>> 56))]++;
            }
            if (bad != 0) {
                throw firstBad();
            }
        }
        for (; i < n; i++) {
            int j = checkedIndex(i, shift);
            h[j]++;
        }
        long[] out = new long[256];
        for (int j = 0; j < 256; j++) {
            out[j] = (long) h[j] + h[256 | j] + h[512 | j] + h[768 | j];
        }
        return out;
    }

    /** One joint index per row, any column widths. */
    private long[] countJoint(int[] shift, int size) {
        int n = yTrue.length;
        int[] h = new int[size];
        for (int i = 0; i < n; i++) {
            h[checkedIndex(i, shift)]++;
        }
        long[] out = new long[size];
        for (int j = 0; j < size; j++) {
            out[j] = h[j];
        }
        return out;
    }

    private int checkedIndex(int i, int[] shift) {
        int t = yTrue[i];
        int p = yPred[i];
        if (((t | p) & ~1) != 0) {
            throw firstBad();
        }
        int j = t << 1 | p;
        for (int a = 0; a < columns.size(); a++) {
            Column c = columns.get(a);
            int g = c.code(i);
            if (g >= c.size()) {
                throw badCode(c.name(), i, g, c.size());
            }
            j |= g << shift[a];
        }
        return j;
    }

    /** A histogram per attribute, for joint indices too wide for one table. */
    private long[][] countSeparately() {
        int n = yTrue.length;
        int na = columns.size();
        int[][] h = new int[na][];
        for (int a = 0; a < na; a++) {
            h[a] = new int[columns.get(a).size() * 4];
        }
        for (int i = 0; i < n; i++) {
            int t = yTrue[i];
            int p = yPred[i];
            if (((t | p) & ~1) != 0) {
                throw firstBad();
            }
            int cell = t << 1 | p;
            for (int a = 0; a < na; a++) {
                Column c = columns.get(a);
                int g = c.code(i);
                if (g >= c.size()) {
                    throw badCode(c.name(), i, g, c.size());
                }
                h[a][g << 2 | cell]++;
            }
        }
        long[][] out = new long[na][];
        for (int a = 0; a < na; a++) {
            out[a] = new long[h[a].length];
            for (int j = 0; j < h[a].length; j++) {
                out[a][j] = h[a][j];
            }
        }
        return out;
    }

    /** The first bad value in row order, found by a plain scan (only on the error path). */
    private IllegalArgumentException firstBad() {
        for (int i = 0; i < yTrue.length; i++) {
            if ((yTrue[i] & ~1) != 0) {
                return badLabel("yTrue", i, yTrue[i]);
            }
            if ((yPred[i] & ~1) != 0) {
                return badLabel("yPred", i, yPred[i]);
            }
            for (Column c : columns) {
                if (c.code(i) >= c.size()) {
                    return badCode(c.name(), i, c.code(i), c.size());
                }
            }
        }
        return new IllegalArgumentException("invalid label or group code");
    }

    private static IllegalArgumentException badLabel(String column, int row, int value) {
        return new IllegalArgumentException(column + ": row " + row + " has value " + value
                + "; labels and predictions must be 0 or 1 (1 = favorable)");
    }

    private static IllegalArgumentException badCode(String name, int row, int code, int k) {
        return new IllegalArgumentException("groups of '" + name + "': row " + row + " has group code " + code
                + "; codes must be in [0, " + k + ")");
    }

    private static void requireLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + " has length " + length + " but yTrue has length " + expected);
        }
    }

    /** Adds attributes to a {@link CompactColumns}. */
    public static final class Builder {
        private final byte[] yTrue;
        private final byte[] yPred;
        private final List<Column> columns = new ArrayList<>();

        private Builder(byte[] yTrue, byte[] yPred) {
            this.yTrue = Objects.requireNonNull(yTrue, "yTrue");
            this.yPred = Objects.requireNonNull(yPred, "yPred");
            requireLength("yPred", yPred.length, yTrue.length);
        }

        /**
         * @param name   the attribute's name
         * @param codes  one group code per row, read unsigned (0..255)
         * @param values the group names, indexed by code; at most 256, distinct
         * @return this builder
         */
        public Builder attribute(String name, byte[] codes, List<String> values) {
            return add(name, Objects.requireNonNull(codes, "codes"), null, codes.length, values, 256);
        }

        /**
         * @param name   the attribute's name
         * @param codes  one group code per row, read unsigned (0..65535)
         * @param values the group names, indexed by code; at most 65,536, distinct
         * @return this builder
         */
        public Builder attribute(String name, short[] codes, List<String> values) {
            return add(name, null, Objects.requireNonNull(codes, "codes"), codes.length, values, 65536);
        }

        private Builder add(String name, byte[] b, short[] s, int length, List<String> values, int max) {
            Objects.requireNonNull(name, "name");
            requireLength("groups of '" + name + "'", length, yTrue.length);
            // validates the names as GroupAttribute does
            new GroupAttribute(name, new int[0], values);
            if (values.size() > max) {
                throw new IllegalArgumentException("attribute '" + name + "' has " + values.size()
                        + " groups; this code width holds at most " + max);
            }
            columns.add(new Column(name, b, s, List.copyOf(values)));
            return this;
        }

        /** @return the table */
        public CompactColumns build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("at least one attribute is needed");
            }
            return new CompactColumns(yTrue, yPred, columns);
        }
    }
}
