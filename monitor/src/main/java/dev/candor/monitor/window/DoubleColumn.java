package dev.candor.monitor.window;

import java.io.Serializable;
import java.util.Arrays;

/** A growable primitive {@code double} array: values kept exactly, merged by concatenation. */
final class DoubleColumn implements Serializable {

    private static final long serialVersionUID = 1L;

    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size + (size >> 1) + 16);
        }
        values[size++] = v;
    }

    void addAll(DoubleColumn other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, size + other.size + 16);
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    DoubleColumn copy() {
        DoubleColumn c = new DoubleColumn();
        c.addAll(this);
        return c;
    }
}
