package dev.candor.core;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A short, stable description of an input: its shape and a 64-bit FNV-1a hash of its contents.
 *
 * <p>Two inputs with the same fingerprint are, with overwhelming probability, the same input; the
 * fingerprint lets a report say exactly which data produced it without copying the data. The hash
 * is computed over the IEEE-754 bit patterns of doubles, the values of ints and the UTF-16 code
 * units of strings, in the order the values are added, so it does not depend on the platform.
 *
 * <p>This class is immutable; build one with {@link #builder()}.
 *
 * @param rows    number of rows (instances) of the input
 * @param columns number of columns (features, or arrays combined) of the input
 * @param hash    the FNV-1a 64-bit hash as 16 lower-case hexadecimal digits
 * @since 0.1.0
 */
public record Fingerprint(long rows, int columns, String hash) {

    public Fingerprint {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("rows and columns must be >= 0, got rows=" + rows
                    + ", columns=" + columns);
        }
        Objects.requireNonNull(hash, "hash");
    }

    /** @return a new builder for a fingerprint */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Fingerprint of a row-major matrix.
     *
     * @param matrix the rows; all rows must have the same length
     * @return its fingerprint
     */
    public static Fingerprint of(double[][] matrix) {
        Builder b = builder();
        int cols = matrix.length == 0 ? 0 : matrix[0].length;
        for (double[] row : matrix) {
            b.add(row);
        }
        return b.build(matrix.length, cols);
    }

    @Override
    public String toString() {
        return rows + " rows x " + columns + " columns, fnv1a64 " + hash;
    }

    /** Accumulates values into the hash; not thread-safe. */
    public static final class Builder {
        private static final long OFFSET = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;
        private long h = OFFSET;

        private Builder() {
        }

        private void mix(long v) {
            for (int i = 0; i < 8; i++) {
                h ^= (v >>> (8 * i)) & 0xff;
                h *= PRIME;
            }
        }

        /** Adds doubles by their bit patterns ({@code -0.0} and {@code 0.0} differ). */
        public Builder add(double[] values) {
            for (double v : values) {
                mix(Double.doubleToLongBits(v));
            }
            return this;
        }

        /** Adds ints. */
        public Builder add(int[] values) {
            for (int v : values) {
                mix(v);
            }
            return this;
        }

        /** Adds strings, each followed by a separator so that {"ab","c"} and {"a","bc"} differ. */
        public Builder add(String[] values) {
            for (String v : values) {
                add(v);
            }
            return this;
        }

        /** Adds one string (null is hashed as a distinct marker). */
        public Builder add(String value) {
            if (value == null) {
                mix(0x9e3779b97f4a7c15L);
                return this;
            }
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= PRIME;
            }
            mix(0x1f);
            return this;
        }

        /**
         * @param rows    rows of the input
         * @param columns columns of the input
         * @return the fingerprint of what was added
         */
        public Fingerprint build(long rows, int columns) {
            return new Fingerprint(rows, columns, HexFormat.of().toHexDigits(h));
        }
    }
}
