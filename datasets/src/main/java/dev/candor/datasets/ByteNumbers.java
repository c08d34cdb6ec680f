package dev.candor.datasets;

/**
 * Decimal numbers parsed straight from bytes, exactly as {@link Double#parseDouble} would parse them,
 * for the common case only: an optional sign, digits with an optional decimal point, an optional
 * exponent, at most 15 significant digits and a resulting power of ten within ±22. Then the digits
 * form an integer below 2⁵³ and the power of ten is exact in binary64, so one multiplication or
 * division gives the correctly rounded value (Clinger, "How to read floating point numbers
 * accurately", PLDI 1990, doi:10.1145/93542.93557). Everything else returns NaN, telling the caller
 * to fall back to {@link Double#parseDouble}.
 */
final class ByteNumbers {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private ByteNumbers() {
    }

    /** @return the value of {@code b[from, to)}, or NaN when the fast path does not apply */
    static double parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            any = true;
            if (mantissa != 0 || d != 0) {
                if (++digits > 15) {
                    return Double.NaN;
                }
            }
            mantissa = mantissa * 10 + d;
        }
        if (i < to && b[i] == '.') {
            i++;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                any = true;
                if (mantissa != 0 || d != 0) {
                    if (++digits > 15) {
                        return Double.NaN;
                    }
                }
                mantissa = mantissa * 10 + d;
                scale--;
            }
        }
        if (!any) {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int exp = 0;
            boolean expAny = false;
            for (; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                expAny = true;
                if (exp > 1000) {
                    return Double.NaN;
                }
                exp = exp * 10 + d;
            }
            if (!expAny) {
                return Double.NaN;
            }
            scale += expNegative ? -exp : exp;
        }
        if (i != to) {
            return Double.NaN;
        }
        double v;
        if (mantissa == 0) {
            v = 0.0;
        } else if (scale >= 0 && scale <= 22) {
            v = mantissa * POWERS[scale];
        } else if (scale < 0 && scale >= -22) {
            v = mantissa / POWERS[-scale];
        } else {
            return Double.NaN;
        }
        return negative ? -v : v;
    }
}
