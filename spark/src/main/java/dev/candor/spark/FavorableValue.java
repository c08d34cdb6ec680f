package dev.candor.spark;

import java.io.Serializable;

/**
 * Whether a label or prediction cell holds the favorable value, as {@code candor audit} decides it:
 * equal as text, or equal as numbers ({@code 1}, {@code 1.0} and {@code 1e0} all match {@code 1}).
 * Numeric cells are compared as numbers without formatting them.
 */
final class FavorableValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final double number;

    FavorableValue(String text) {
        this.text = text;
        double n;
        try {
            n = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            n = Double.NaN;
        }
        this.number = n;
    }

    /**
     * @param cell a label or prediction cell, not null
     * @return true when it is the favorable value
     */
    boolean test(Object cell) {
        if (cell instanceof Number n) {
            return n.doubleValue() == number;
        }
        if (cell instanceof Boolean b) {
            return sameValue(b.toString(), text);
        }
        String s = cell.toString();
        return s.equals(text) || (number == number && parse(s) == number);
    }

    /**
     * @param a a value as text
     * @param b another
     * @return true when equal as text or as numbers
     */
    static boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        double x = parse(a);
        return x == x && x == parse(b);
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
