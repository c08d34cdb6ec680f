package dev.candor.fairness.audit;

import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.GroupScores;
import dev.candor.fairness.TwoByTwoTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The audit of one protected attribute (or one intersection of attributes).
 *
 * @param metrics      group counts, rates and fairness measures
 * @param scores       ROC AUC and log loss per group, or null without scores
 * @param significance for each proportion rate, the 2×2 tests of its gap: unprivileged (pooled) vs
 *                     privileged when a privileged group is named, otherwise the max vs the min group
 * @param bootstrap    bootstrap intervals of the named metrics, or null when not requested
 * @since 0.1.0
 */
public record AttributeAudit(GroupMetrics metrics, GroupScores scores, Map<String, TwoByTwoTable> significance,
                             BootstrapResult bootstrap) {

    public AttributeAudit {
        Objects.requireNonNull(metrics, "metrics");
        significance = Collections.unmodifiableMap(new LinkedHashMap<>(significance));
    }

    /** @return the attribute's name */
    public String name() {
        return metrics.attribute();
    }

    /**
     * This attribute's tables as HTML (its groups with rates and 95% Wilson intervals, then its
     * headline comparisons with the pair behind each), as in {@link AuditResult#toHtml()}.
     *
     * @return an HTML fragment
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
