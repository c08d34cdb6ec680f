package dev.candor.monitor;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Counts of each category in the reference and current samples over the union of their categories,
 * keys ascending (labels by code point, numbers by value). A category seen on one side only is its
 * own cell with a zero count on the other side, never an error.
 *
 * @param keys     the category labels, ascending; for a numeric feature the values as text
 * @param values   for a numeric feature the category values (ascending), otherwise {@code null}
 * @param reference count of each key in the reference
 * @param current   count of each key in the current sample
 * @since 0.1.0
 */
public record CategoryTable(List<String> keys, double[] values, long[] reference, long[] current) {

    /** Copies the arrays so the table is immutable. */
    public CategoryTable {
        keys = keys instanceof NumberKeys ? keys : List.copyOf(keys);
        values = values == null ? null : values.clone();
        reference = reference.clone();
        current = current.clone();
        if (reference.length != keys.size() || current.length != keys.size()) {
            throw new IllegalArgumentException("one count per key expected");
        }
    }

    /** @return the number of categories */
    public int size() {
        return keys.size();
    }

    /** @return the total count of the reference */
    public long referenceTotal() {
        return Arrays.stream(reference).sum();
    }

    /** @return the total count of the current sample */
    public long currentTotal() {
        return Arrays.stream(current).sum();
    }

    @Override
    public long[] reference() {
        return reference.clone();
    }

    @Override
    public long[] current() {
        return current.clone();
    }

    @Override
    public double[] values() {
        return values == null ? null : values.clone();
    }

    long ref(int i) {
        return reference[i];
    }

    long cur(int i) {
        return current[i];
    }

    static CategoryTable ofPooled(Pooled p) {
        long[] r = new long[p.size()];
        long[] c = new long[p.size()];
        for (int i = 0; i < p.size(); i++) {
            r[i] = p.ref[i];
            c[i] = p.cur[i];
        }
        // the keys read Pooled's values, which nothing changes; the table keeps its own copy as always
        return new CategoryTable(new NumberKeys(p.values), p.values, r, c);
    }

    /**
     * The keys of a numeric feature's table, each written out when it is read: a continuous feature has
     * as many categories as values, and the tests need only the counts.
     */
    private static final class NumberKeys extends AbstractList<String> implements RandomAccess {
        private final double[] values;

        NumberKeys(double[] values) {
            this.values = values;
        }

        @Override
        public String get(int i) {
            return numberKey(values[i]);
        }

        @Override
        public int size() {
            return values.length;
        }
    }

    static String numberKey(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryTable t && keys.equals(t.keys) && Arrays.equals(values, t.values)
                && Arrays.equals(reference, t.reference) && Arrays.equals(current, t.current);
    }

    @Override
    public int hashCode() {
        return keys.hashCode() * 31 + Arrays.hashCode(reference) * 7 + Arrays.hashCode(current);
    }

    @Override
    public String toString() {
        return "CategoryTable" + keys + " reference=" + Arrays.toString(reference) + " current="
                + Arrays.toString(current);
    }
}
