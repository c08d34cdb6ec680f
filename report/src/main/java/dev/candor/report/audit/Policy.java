package dev.candor.report.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A fairness policy: bounds on audit metrics that a CI pipeline can enforce.
 *
 * <p>Format (JSON):
 * <pre>{@code
 * { "undefined": "violation",
 *   "rules": [
 *     { "metric": "disparate_impact", "min": 0.8 },
 *     { "metric": "equalized_odds_difference", "max": 0.1, "attributes": ["race"] },
 *     { "metric": "individual.theil_index", "max": 0.2 },
 *     { "metric": "label_metrics.disparate_impact", "min": 0.8, "undefined": "pass" } ] }
 * }</pre>
 * <ul>
 *   <li>{@code metric} (required): a key of an attribute's {@code metrics} block (e.g.
 *       {@code disparate_impact}, {@code demographic_parity_ratio}), {@code label_metrics.<key>}, or
 *       {@code individual.<key>} for the population-wide indices.</li>
 *   <li>{@code min} / {@code max}: inclusive bounds; at least one is required.</li>
 *   <li>{@code attributes}: the attributes (or intersections such as {@code sex&race}) the rule
 *       applies to; all audited ones by default. Attributes for which the metric is not computed
 *       (privileged-only metrics on an attribute without a privileged value) are listed as skipped.</li>
 *   <li>{@code undefined}: what an undefined value (null with a reason) means, {@code violation}
 *       (default) or {@code pass}; set for all rules at the top level, or per rule.</li>
 * </ul>
 *
 * @param rules            the rules
 * @param undefinedViolates the default for rules that do not set {@code undefined}
 * @since 0.1.0
 */
public record Policy(List<Rule> rules, boolean undefinedViolates) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /**
     * One bound.
     *
     * @param metric            the metric key (see {@link Policy})
     * @param min               inclusive lower bound, or null
     * @param max               inclusive upper bound, or null
     * @param attributes        the attributes it applies to; empty for all
     * @param undefinedViolates whether an undefined value violates the rule
     */
    public record Rule(String metric, Double min, Double max, List<String> attributes, boolean undefinedViolates) {
        public Rule {
            Objects.requireNonNull(metric, "metric");
            if (min == null && max == null) {
                throw new IllegalArgumentException("policy rule for '" + metric + "' needs 'min' or 'max'");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("policy rule for '" + metric + "' has min " + min + " > max " + max);
            }
            attributes = List.copyOf(attributes);
        }

        /** @return true for a population-wide {@code individual.*} metric */
        public boolean isIndividual() {
            return metric.startsWith("individual.");
        }
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
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON: " + e.getOriginalMessage()
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
        List<Rule> out = new ArrayList<>();
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
                out.add(new Rule(m.asText(), bound(r.get("min"), where + ".min"), bound(r.get("max"), where + ".max"),
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
