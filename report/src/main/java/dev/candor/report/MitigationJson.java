package dev.candor.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.Provenance;
import java.util.Collection;
import java.util.Map;

/**
 * The JSON of a fitted mitigation ({@code candor mitigate --json}): the mitigation's own description
 * ({@link dev.candor.fairness.mitigation.Mitigation#describe()}), whose keys are the reference library's
 * names, followed by its provenance.
 *
 * <p>Numbers follow the golden files' convention: an infinite threshold is written as the string
 * {@code "Infinity"} or {@code "-Infinity"} (both read back by {@code Double.parseDouble} and by Python's
 * {@code float}); NaN, an undefined value, is {@code null}.
 *
 * @since 0.1.0
 */
public final class MitigationJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MitigationJson() {
    }

    /**
     * @param description the mitigation's description, and any entries to add to it, in order
     * @param provenance  what produced it, or null
     * @return indented JSON text ending with a line separator
     */
    public static String toJson(Map<String, ?> description, Provenance provenance) {
        ObjectNode root = object(description);
        if (provenance != null) {
            ObjectNode p = root.putObject("provenance");
            p.put("algorithm", provenance.algorithm());
            p.set("parameters", object(provenance.parameters()));
            if (provenance.seed() != null) {
                p.put("seed", provenance.seed());
            }
            if (provenance.input() != null) {
                ObjectNode in = p.putObject("input");
                in.put("rows", provenance.input().rows());
                in.put("columns", provenance.input().columns());
                in.put("hash", provenance.input().hash());
            }
            p.put("candor_version", provenance.candorVersion());
            p.put("java_version", provenance.javaVersion());
            p.put("os", provenance.osName() + "/" + provenance.osArch());
            p.put("created_at", provenance.createdAt().toString());
        }
        try {
            return ReportJson.MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the mitigation as JSON", e);
        }
    }

    private static ObjectNode object(Map<String, ?> m) {
        ObjectNode o = F.objectNode();
        m.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = F.objectNode();
            m.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = F.arrayNode();
            c.forEach(x -> a.add(value(x)));
            return a;
        }
        if (v instanceof double[] d) {
            ArrayNode a = F.arrayNode();
            for (double x : d) {
                a.add(value(x));
            }
            return a;
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return F.nullNode();
            }
            if (d.isInfinite()) {
                return F.textNode(d > 0 ? "Infinity" : "-Infinity");
            }
            return F.numberNode(d);
        }
        if (v instanceof Float f) {
            return value(f.doubleValue());
        }
        if (v instanceof Integer i) {
            return F.numberNode(i);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        return F.textNode(String.valueOf(v));
    }
}
