package dev.candor.fairness;

import java.util.List;
import java.util.Objects;

/**
 * Score-based metrics of one attribute: ROC AUC and log loss overall and per group.
 *
 * @param attribute      the attribute's name
 * @param groups         group names, in code order
 * @param rocAuc         ROC AUC of each group
 * @param logLoss        log loss of each group
 * @param overallRocAuc  ROC AUC of all rows
 * @param overallLogLoss log loss of all rows
 * @since 0.1.0
 */
public record GroupScores(String attribute, List<String> groups, List<MetricValue> rocAuc, List<MetricValue> logLoss,
                          MetricValue overallRocAuc, MetricValue overallLogLoss) {

    public GroupScores {
        Objects.requireNonNull(attribute, "attribute");
        groups = List.copyOf(groups);
        rocAuc = List.copyOf(rocAuc);
        logLoss = List.copyOf(logLoss);
        Objects.requireNonNull(overallRocAuc, "overallRocAuc");
        Objects.requireNonNull(overallLogLoss, "overallLogLoss");
        if (rocAuc.size() != groups.size() || logLoss.size() != groups.size()) {
            throw new IllegalArgumentException("one value per group expected");
        }
    }

    /**
     * @param group a group's name
     * @return its ROC AUC
     */
    public MetricValue rocAuc(String group) {
        return rocAuc.get(index(group));
    }

    /**
     * @param group a group's name
     * @return its log loss
     */
    public MetricValue logLoss(String group) {
        return logLoss.get(index(group));
    }

    private int index(String group) {
        int i = groups.indexOf(group);
        if (i < 0) {
            throw new IllegalArgumentException("attribute '" + attribute + "' has no group '" + group + "'");
        }
        return i;
    }
}
