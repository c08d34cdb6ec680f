package dev.candor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.fairness.audit.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a {@link Policy} from its JSON form (documented on {@link Policy}); unknown fields, missing
 * bounds and ill-typed values are refused with a message naming the rule and the field.
 *
 * @since 0.1.0
 */
public final class PolicyJson {

    private PolicyJson() {
    }

    /**
     * Reads a policy file.
     *
     * @param file the JSON file
     * @return the policy
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid policy (naming the file and the problem)
     */
    public static Policy read(Path file) throws IOException {
        JsonNode root;
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a policy file");
        }
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String m = e.getOriginalMessage();
            int cut = m.indexOf(" (for ");
            throw new IllegalArgumentException(file + ": not valid JSON: " + (cut > 0 ? m.substring(0, cut) : m)
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param root the policy's JSON tree
     * @return the policy
     * @throws IllegalArgumentException if it is not a valid policy
     */
    public static Policy parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a policy must be a JSON object with a 'rules' array");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("rules") && !f.equals("undefined") && !f.equals("description")) {
                throw new IllegalArgumentException("unknown policy field '" + f + "' (expected rules, undefined, description)");
            }
        }
        boolean undefinedViolates = undefinedMode(root.get("undefined"), true, "policy");
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IllegalArgumentException("a policy needs a 'rules' array");
        }
        List<Policy.Rule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode r = rules.get(i);
            String where = "rules[" + i + "]";
            if (!r.isObject()) {
                throw new IllegalArgumentException(where + " must be an object");
            }
            for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!List.of("metric", "min", "max", "attributes", "undefined", "description").contains(f)) {
                    throw new IllegalArgumentException(where + ": unknown field '" + f
                            + "' (expected metric, min, max, attributes, undefined)");
                }
            }
            JsonNode m = r.get("metric");
            if (m == null || !m.isTextual() || m.asText().isBlank()) {
                throw new IllegalArgumentException(where + " needs a 'metric' string");
            }
            List<String> attrs = new ArrayList<>();
            JsonNode a = r.get("attributes");
            if (a != null) {
                if (!a.isArray()) {
                    throw new IllegalArgumentException(where + ": 'attributes' must be an array of names");
                }
                a.forEach(x -> attrs.add(x.asText()));
            }
            try {
                out.add(new Policy.Rule(m.asText(), bound(r.get("min"), where + ".min"), bound(r.get("max"), where + ".max"),
                        attrs, undefinedMode(r.get("undefined"), undefinedViolates, where)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new Policy(out, undefinedViolates);
    }

    private static Double bound(JsonNode n, String where) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isNumber()) {
            throw new IllegalArgumentException(where + " must be a number, got " + n);
        }
        return n.asDouble();
    }

    private static boolean undefinedMode(JsonNode n, boolean dflt, String where) {
        if (n == null || n.isNull()) {
            return dflt;
        }
        return switch (n.asText()) {
            case "violation" -> true;
            case "pass" -> false;
            default -> throw new IllegalArgumentException(where + ".undefined must be \"violation\" or \"pass\", got " + n);
        };
    }
}
