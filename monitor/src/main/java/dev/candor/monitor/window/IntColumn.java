package dev.candor.monitor.window;

import java.io.Serializable;
import java.util.Arrays;

/** A growable primitive {@code int} array, merged by concatenation. */
final class IntColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 16);
        }
        values[size++] = v;
    }

    void addAll(IntColumn other, int[] remap) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, size + other.size + 16);
        }
        for (int i = 0; i < other.size; i++) {
            int v = other.values[i];
            values[size++] = remap == null || v < 0 ? v : remap[v];
        }
    }

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    IntColumn copy() {
        IntColumn c = new IntColumn();
        c.addAll(this, null);
        return c;
    }
}
