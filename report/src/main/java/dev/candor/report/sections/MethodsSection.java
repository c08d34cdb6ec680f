package dev.candor.report.sections;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the report was made, so it can be reproduced: settings and seeds, software versions, the
 * provenance of each result, and the definition of every metric shown.
 *
 * @param settings    settings and seeds, in a stable order
 * @param provenance  one line per computed result (algorithm, parameters, seed, input fingerprint)
 * @param definitions the metrics shown, with their formulas and references
 * @since 0.1.0
 */
public record MethodsSection(Map<String, String> settings, List<ProvenanceRow> provenance,
                             List<Definition> definitions) {

    public MethodsSection {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        provenance = List.copyOf(provenance);
        definitions = List.copyOf(definitions);
    }

    /**
     * What made one result.
     *
     * @param result     what it is (for example "global SHAP importance")
     * @param algorithm  the algorithm
     * @param parameters its parameters, rendered
     * @param seed       its seed, or null
     * @param input      the input fingerprint, rendered
     * @param software   Candor, Java and platform versions
     */
    public record ProvenanceRow(String result, String algorithm, String parameters, Long seed, String input,
                                String software) {
        public ProvenanceRow {
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(algorithm, "algorithm");
        }
    }

    /**
     * A metric's definition.
     *
     * @param key       the metric key
     * @param name      a readable name
     * @param formula   its formula in plain text
     * @param reference where it comes from (paper, DOI or library function)
     */
    public record Definition(String key, String name, String formula, String reference) {
        public Definition {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(formula, "formula");
        }
    }
}
