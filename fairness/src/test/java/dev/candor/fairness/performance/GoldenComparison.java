package dev.candor.fairness.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.fairness.MetricValue;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares a flat golden block key by key with Candor's values: every golden key must be produced,
 * scalars to an absolute 1e-9, arrays of the same length element-wise, integers exactly, and a golden
 * {@code null} must be an undefined value. Tracks the worst deviation seen.
 */
final class GoldenComparison {

    static final double TOLERANCE = 1e-9;

    private double worst;
    private int compared;

    /**
     * @param block  the golden block
     * @param actual golden key to Candor's value: MetricValue, Number, double[], int[], long[] or double[][]
     * @param skip   key prefixes that are not produced here (settings)
     */
    void compare(String name, JsonNode block, Map<String, Object> actual) {
        for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("_settings")) {
                continue;
            }
            if (!actual.containsKey(key)) {
                fail(name + ": no Candor value for golden key " + key);
            }
            compareValue(name + " " + key, e.getValue(), actual.get(key));
            compared++;
        }
    }

    private void compareValue(String where, JsonNode golden, Object actual) {
        if (actual instanceof MetricValue mv) {
            if (golden.isNull()) {
                assertTrue(!mv.isDefined(), where + ": golden null, Candor " + mv);
                return;
            }
            assertTrue(mv.isDefined(), where + ": golden " + golden + ", Candor " + mv);
            scalar(where, golden, mv.value());
        } else if (actual instanceof Number x) {
            scalar(where, golden, x.doubleValue());
        } else if (actual instanceof double[] a) {
            assertEquals(golden.size(), a.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                scalar(where + "[" + i + "]", golden.get(i), a[i]);
            }
        } else if (actual instanceof int[] a) {
            assertEquals(golden.size(), a.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                scalar(where + "[" + i + "]", golden.get(i), a[i]);
            }
        } else if (actual instanceof long[] a) {
            assertEquals(golden.size(), a.length, where + ": length");
            for (int i = 0; i < a.length; i++) {
                scalar(where + "[" + i + "]", golden.get(i), a[i]);
            }
        } else if (actual instanceof double[][] a) {
            assertEquals(golden.size(), a.length, where + ": rows");
            for (int i = 0; i < a.length; i++) {
                compareValue(where + "[" + i + "]", golden.get(i), a[i]);
            }
        } else {
            fail(where + ": cannot compare " + actual);
        }
    }

    private void scalar(String where, JsonNode golden, double actual) {
        assertTrue(golden.isNumber(), where + ": golden " + golden + " is not a number");
        double g = golden.doubleValue();
        if (golden.isIntegralNumber()) {
            assertEquals(g, actual, 0.0, where);
            return;
        }
        double d = Math.abs(g - actual);
        worst = Math.max(worst, d);
        assertEquals(g, actual, TOLERANCE, where);
    }

    double worst() {
        return worst;
    }

    int compared() {
        return compared;
    }
}
