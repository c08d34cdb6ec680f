package dev.candor.report.sections;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How well the model does for each group: the disaggregated metrics table, a confusion matrix, a
 * ROC curve, the score distribution and a calibration curve per group.
 *
 * @param threshold     the score threshold at which a prediction is favorable
 * @param scoreBinEdges the edges of the bins of the score histograms (shared by every group)
 * @param attributes    one entry per protected attribute
 * @since 0.1.0
 */
public record PerformanceSection(double threshold, double[] scoreBinEdges, List<AttributePerformance> attributes) {

    public PerformanceSection {
        scoreBinEdges = scoreBinEdges.clone();
        attributes = List.copyOf(attributes);
    }

    /**
     * The groups of one attribute.
     *
     * @param attribute the attribute
     * @param groups    its groups
     */
    public record AttributePerformance(String attribute, List<GroupPerformance> groups) {
        public AttributePerformance {
            Objects.requireNonNull(attribute, "attribute");
            groups = List.copyOf(groups);
        }
    }

    /**
     * One group's confusion counts and rates. A rate with a zero denominator is NaN (null in JSON)
     * and its reason is in {@code undefined} under the rate's key.
     *
     * @param group          the group
     * @param count          rows
     * @param tp             favorable label, favorable prediction
     * @param fp             unfavorable label, favorable prediction
     * @param tn             unfavorable label, unfavorable prediction
     * @param fn             favorable label, unfavorable prediction
     * @param accuracy       (tp + tn) / count
     * @param selectionRate  (tp + fp) / count
     * @param truePositiveRate  tp / (tp + fn)
     * @param falsePositiveRate fp / (fp + tn)
     * @param positivePredictiveValue tp / (tp + fp)
     * @param auc            area under the group's ROC curve
     * @param undefined      reasons for the undefined rates, by key
     * @param roc            the group's ROC curve (x = false positive rate, y = true positive rate)
     * @param scoreDensity   histogram density of the group's scores over the section's bins
     * @param calibration    the group's calibration curve (x = mean predicted score, y = observed rate)
     */
    public record GroupPerformance(String group, long count, long tp, long fp, long tn, long fn, double accuracy,
                                   double selectionRate, double truePositiveRate, double falsePositiveRate,
                                   double positivePredictiveValue, double auc, Map<String, String> undefined,
                                   Curve roc, double[] scoreDensity, Curve calibration) {
        public GroupPerformance {
            Objects.requireNonNull(group, "group");
            undefined = Map.copyOf(undefined);
            scoreDensity = scoreDensity.clone();
        }
    }

    /**
     * A curve as two arrays of the same length, with the rows behind each point where that means
     * something (a calibration bin's row count).
     *
     * @param x    the x values
     * @param y    the y values
     * @param rows the rows behind each point, or null
     */
    public record Curve(double[] x, double[] y, long[] rows) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("curve x and y lengths differ: " + x.length + " != " + y.length);
            }
            if (rows != null && rows.length != x.length) {
                throw new IllegalArgumentException("curve has " + x.length + " points but " + rows.length + " row counts");
            }
            x = x.clone();
            y = y.clone();
            rows = rows == null ? null : rows.clone();
        }

        /** A curve whose points carry no row counts (a ROC curve, say). */
        public Curve(double[] x, double[] y) {
            this(x, y, null);
        }
    }
}
