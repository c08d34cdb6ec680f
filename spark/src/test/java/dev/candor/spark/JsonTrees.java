package dev.candor.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Compares two JSON trees key by key: the same keys, numbers within a tolerance, everything else equal. */
final class JsonTrees {

    private JsonTrees() {
    }

    /**
     * @param expected  the reference tree
     * @param actual    the tree to check
     * @param tolerance absolute tolerance of numbers
     * @param skip      top-level keys not compared
     * @return the number of numbers compared
     */
    static int assertSame(JsonNode expected, JsonNode actual, double tolerance, Set<String> skip) {
        int[] numbers = {0};
        List<String> errors = new ArrayList<>();
        compare("", expected, actual, tolerance, skip, errors, numbers);
        assertThat(errors).as("differences").isEmpty();
        return numbers[0];
    }

    private static boolean tied(JsonNode between, double tol) {
        JsonNode d = between.get("difference");
        return d != null && d.isNumber() && Math.abs(d.doubleValue()) <= tol;
    }

    private static void compare(String path, JsonNode e, JsonNode a, double tol, Set<String> skip,
                                List<String> errors, int[] numbers) {
        if (e.isNumber() && a.isNumber()) {
            numbers[0]++;
            if (Math.abs(e.doubleValue() - a.doubleValue()) > tol) {
                errors.add(path + ": " + e + " vs " + a);
            }
            return;
        }
        if (e.getNodeType() != a.getNodeType()) {
            errors.add(path + ": " + e.getNodeType() + " " + e + " vs " + a.getNodeType() + " " + a);
            return;
        }
        if (e.isObject()) {
            List<String> ek = new ArrayList<>();
            e.fieldNames().forEachRemaining(ek::add);
            List<String> ak = new ArrayList<>();
            a.fieldNames().forEachRemaining(ak::add);
            if (!ek.equals(ak)) {
                errors.add(path + ": keys " + ek + " vs " + ak);
                return;
            }
            for (String k : ek) {
                if (path.isEmpty() && skip.contains(k)) {
                    continue;
                }
                if ((k.equals("max_group") || k.equals("min_group")) && tied(e, tol)) {
                    continue; // equal rates (a tie to rounding) may name either group
                }
                compare(path + "/" + k, e.get(k), a.get(k), tol, skip, errors, numbers);
            }
        } else if (e.isArray()) {
            if (e.size() != a.size()) {
                errors.add(path + ": " + e.size() + " elements vs " + a.size());
                return;
            }
            Iterator<JsonNode> ei = e.elements();
            Iterator<JsonNode> ai = a.elements();
            for (int i = 0; ei.hasNext(); i++) {
                compare(path + "/" + i, ei.next(), ai.next(), tol, skip, errors, numbers);
            }
        } else if (!e.equals(a)) {
            errors.add(path + ": " + e + " vs " + a);
        }
    }
}
