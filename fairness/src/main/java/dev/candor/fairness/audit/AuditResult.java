package dev.candor.fairness.audit;

import dev.candor.core.Provenance;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.MetricValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a fairness audit: overall rates, every protected attribute and intersection, the
 * individual (inequality) indices, optional intervals, and provenance. Immutable; rendered as JSON by
 * {@link AuditJson} (and as HTML by the report module).
 *
 * @param rows           number of rows
 * @param weighted       true when instance weights were given
 * @param overall        counts of all rows
 * @param overallScores  overall {@code roc_auc} and {@code log_loss}, empty without scores
 * @param attributes     one entry per attribute and intersection, in the order requested
 * @param individual     {@code theil_index}, {@code generalized_entropy_index} (alpha 2),
 *                       {@code coefficient_of_variation} and {@code gini} of the benefits
 * @param individualBootstrap bootstrap intervals of the individual indices, or null
 * @param intervals      true when Wilson intervals, tests and bootstrap intervals were requested
 * @param provenance     what produced the result
 * @since 0.1.0
 */
public record AuditResult(long rows, boolean weighted, ConfusionCounts overall, Map<String, MetricValue> overallScores,
                          List<AttributeAudit> attributes, Map<String, MetricValue> individual,
                          BootstrapResult individualBootstrap, boolean intervals, Provenance provenance) {

    public AuditResult {
        Objects.requireNonNull(overall, "overall");
        overallScores = Collections.unmodifiableMap(new LinkedHashMap<>(overallScores));
        attributes = List.copyOf(attributes);
        individual = Collections.unmodifiableMap(new LinkedHashMap<>(individual));
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * @param name an attribute's or intersection's name
     * @return its audit
     * @throws IllegalArgumentException if it was not audited
     */
    public AttributeAudit attribute(String name) {
        for (AttributeAudit a : attributes) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("attribute '" + name + "' was not audited");
    }

    /**
     * The result as HTML tables (one per attribute for the groups, one for the comparisons), for
     * notebooks: {@code display(result.toHtml(), "text/html")}. Values are rounded to four decimals;
     * undefined values show their reason.
     *
     * @return an HTML fragment (no scripts, no styles beyond alignment)
     */
    public String toHtml() {
        return AuditTables.html(this);
    }

    /**
     * @return the same tables as {@link #toHtml()} as aligned plain text
     */
    @Override
    public String toString() {
        return AuditTables.text(this);
    }
}
