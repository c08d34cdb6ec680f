package dev.candor.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares two JSON trees: same keys and texts, numbers within {@code 1e-9 * max(1, |expected|)}, and a
 * golden non-finite value ({@code "NaN"}, {@code "Infinity"}) as Candor's {@code null}.
 */
final class JsonAssert {

    private JsonAssert() {
    }

    static void assertClose(String where, JsonNode expected, JsonNode actual) {
        if (expected.isTextual() && List.of("NaN", "Infinity", "-Infinity").contains(expected.asText())) {
            // written as strings; the golden fairness files' IEEE results are Candor's null (and why)
            assertThat(actual.isNull() || actual.equals(expected)).as(where + " is null or " + expected + ": " + actual).isTrue();
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(where + " is a number: " + actual).isTrue();
            double e = expected.doubleValue();
            assertThat(actual.doubleValue()).as(where).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(e))));
        } else if (expected.isObject()) {
            assertThat(actual.isObject()).as(where + " is an object").isTrue();
            assertThat(iterable(actual.fieldNames())).as(where + " keys").containsExactlyElementsOf(iterable(expected.fieldNames()));
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                assertClose(where + "." + e.getKey(), e.getValue(), actual.get(e.getKey()));
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertClose(where + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (!expected.equals(actual)) {
            fail(where + ": expected " + expected + " but was " + actual);
        }
    }

    private static java.util.List<String> iterable(Iterator<String> it) {
        java.util.List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
