package dev.candor.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The comparisons behind {@link GroupMetrics} and {@link FairnessMetric}: a rate compared across
 * groups in one of the {@link ComparisonMethod} forms, and the composite metrics built from them.
 * Never throws for undefined values (the caller decides about strict mode).
 */
final class GroupComparisons {

    private final GroupCounts counts;
    private final String privileged;
    private final double alpha;

    GroupComparisons(GroupCounts counts, String privileged, double alpha) {
        this.counts = counts;
        this.privileged = privileged;
        this.alpha = alpha;
    }

    boolean hasPrivileged() {
        return privileged != null;
    }

    List<String> unprivileged() {
        if (privileged == null) {
            return List.of();
        }
        List<String> u = new ArrayList<>(counts.groups());
        u.remove(privileged);
        return List.copyOf(u);
    }

    ConfusionCounts privilegedCounts() {
        return privileged == null ? ConfusionCounts.EMPTY : counts.counts(privileged);
    }

    ConfusionCounts unprivilegedCounts() {
        return counts.pooled(unprivileged());
    }

    /** A rate compared in one form, as a difference or (for {@link MetricKind#RATIO}) a ratio. */
    Comparison compare(Rate rate, ComparisonMethod method, boolean ratio) {
        return switch (method) {
            case PRIVILEGED -> privilegedForm(rate, ratio);
            case BETWEEN_GROUPS -> betweenGroups(rate, ratio);
            case TO_OVERALL -> toOverall(rate, ratio);
        };
    }

    Comparison privilegedForm(Rate rate, boolean ratio) {
        if (privileged == null) {
            return Comparison.undefined(UndefinedReason.NO_PRIVILEGED_GROUP);
        }
        List<String> unpriv = unprivileged();
        String unprivName = String.join("|", unpriv);
        ConfusionCounts u = unprivilegedCounts();
        if (u.total() == 0 && u.rows() == 0) {
            return Comparison.of(MetricValue.undefined(UndefinedReason.EMPTY_GROUP), unprivName, privileged, List.of());
        }
        MetricValue ru = rate.of(u);
        MetricValue rp = rate.of(privilegedCounts());
        MetricValue v;
        if (!ru.isDefined()) {
            v = ru;
        } else if (!rp.isDefined()) {
            v = rp;
        } else if (ratio) {
            v = MetricValue.ratio(ru.value(), rp.value(), UndefinedReason.ZERO_REFERENCE_RATE);
        } else {
            v = MetricValue.of(ru.value() - rp.value());
        }
        return Comparison.of(v, unprivName, privileged, List.of());
    }

    Comparison averageOdds(boolean abs) {
        Comparison fpr = privilegedForm(Rate.FALSE_POSITIVE_RATE, false);
        Comparison tpr = privilegedForm(Rate.TRUE_POSITIVE_RATE, false);
        if (!fpr.isDefined()) {
            return fpr;
        }
        if (!tpr.isDefined()) {
            return tpr;
        }
        double v = abs ? 0.5 * (Math.abs(fpr.value()) + Math.abs(tpr.value())) : 0.5 * (fpr.value() + tpr.value());
        return Comparison.of(MetricValue.of(v), fpr.group(), fpr.reference(), List.of());
    }

    /** Defined group values and the names of the skipped ones. */
    private record Defined(List<String> names, double[] values, List<String> skipped, UndefinedReason firstReason) {
    }

    private Defined defined(Rate rate) {
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        double[] values = new double[counts.size()];
        int k = 0;
        UndefinedReason first = null;
        for (int g = 0; g < counts.size(); g++) {
            MetricValue v = rate.of(counts.counts(g));
            if (v.isDefined()) {
                names.add(counts.groups().get(g));
                values[k++] = v.value();
            } else {
                skipped.add(counts.groups().get(g));
                if (first == null) {
                    first = v.reason();
                }
            }
        }
        return new Defined(names, Arrays.copyOf(values, k), skipped, first);
    }

    Comparison betweenGroups(Rate rate, boolean ratio) {
        Defined d = defined(rate);
        if (d.values.length < 2) {
            return new Comparison(Double.NaN, UndefinedReason.SINGLE_GROUP, null, null, d.skipped);
        }
        int min = argMin(d.values);
        int max = argMax(d.values);
        if (ratio) {
            MetricValue v = MetricValue.ratio(d.values[min], d.values[max], UndefinedReason.ZERO_REFERENCE_RATE);
            return Comparison.of(v, d.names.get(min), d.names.get(max), d.skipped);
        }
        return Comparison.of(MetricValue.of(d.values[max] - d.values[min]), d.names.get(max), d.names.get(min),
                d.skipped);
    }

    Comparison toOverall(Rate rate, boolean ratio) {
        MetricValue o = rate.of(counts.overall());
        if (!o.isDefined()) {
            return Comparison.undefined(o.reason());
        }
        Defined d = defined(rate);
        if (d.values.length == 0) {
            return new Comparison(Double.NaN, d.firstReason, null, GroupMetrics.OVERALL, d.skipped);
        }
        int worst = -1;
        double worstValue = Double.NaN;
        for (int i = 0; i < d.values.length; i++) {
            double v;
            if (ratio) {
                if (o.value() == 0) {
                    return new Comparison(Double.NaN, UndefinedReason.ZERO_REFERENCE_RATE, null, GroupMetrics.OVERALL,
                            d.skipped);
                }
                double r = d.values[i] / o.value();
                v = r <= 1 ? r : o.value() / d.values[i];
                if (worst < 0 || v < worstValue) {
                    worst = i;
                    worstValue = v;
                }
            } else {
                v = Math.abs(d.values[i] - o.value());
                if (worst < 0 || v > worstValue) {
                    worst = i;
                    worstValue = v;
                }
            }
        }
        return Comparison.of(MetricValue.of(worstValue), d.names.get(worst), GroupMetrics.OVERALL, d.skipped);
    }

    Comparison equalizedOdds(boolean ratio, boolean mean) {
        Comparison tpr = betweenGroups(Rate.TRUE_POSITIVE_RATE, ratio);
        Comparison fpr = betweenGroups(Rate.FALSE_POSITIVE_RATE, ratio);
        if (!tpr.isDefined()) {
            return tpr;
        }
        if (!fpr.isDefined()) {
            return fpr;
        }
        List<String> skipped = new ArrayList<>(tpr.skipped());
        for (String s : fpr.skipped()) {
            if (!skipped.contains(s)) {
                skipped.add(s);
            }
        }
        if (mean) {
            return new Comparison(0.5 * (tpr.value() + fpr.value()), null, null, null, skipped);
        }
        boolean tprWorse = ratio ? tpr.value() <= fpr.value() : tpr.value() >= fpr.value();
        Comparison w = tprWorse ? tpr : fpr;
        return new Comparison(w.value(), null, w.group(), w.reference(), skipped);
    }

    /** Between-group generalized entropy with the configured alpha. */
    Comparison betweenGroupEntropy() {
        return index(alpha, false);
    }

    /**
     * Between-group generalized entropy of order {@code a} ({@code cv}: the coefficient of
     * variation) of the privileged group against the pooled unprivileged ones, or of every group.
     */
    Comparison index(double a, boolean cv) {
        List<ConfusionCounts> parts;
        if (privileged != null) {
            parts = List.of(unprivilegedCounts(), privilegedCounts());
        } else {
            parts = counts.all();
        }
        MetricValue v = cv ? InequalityIndices.betweenGroupCoefficientOfVariation(parts)
                : InequalityIndices.betweenGroupGeneralizedEntropy(parts, a);
        return Comparison.of(v, null, null, List.of());
    }

    Comparison giniOfRates(Rate rate) {
        Defined d = defined(rate);
        if (d.values.length == 0) {
            return new Comparison(Double.NaN, d.firstReason == null ? UndefinedReason.EMPTY_GROUP : d.firstReason,
                    null, null, d.skipped);
        }
        MetricValue v = InequalityIndices.gini(d.values);
        return Comparison.of(v, null, null, d.skipped);
    }

    Comparison maxMinContrast(Rate rate) {
        Defined d = defined(rate);
        if (d.values.length < 2) {
            return new Comparison(Double.NaN, UndefinedReason.SINGLE_GROUP, null, null, d.skipped);
        }
        int min = argMin(d.values);
        int max = argMax(d.values);
        double hi = d.values[max];
        double lo = d.values[min];
        MetricValue v = MetricValue.ratio(hi - lo, hi + lo, UndefinedReason.ZERO_REFERENCE_RATE);
        return Comparison.of(v, d.names.get(max), d.names.get(min), d.skipped);
    }

    /** Index of the first smallest value (ties keep the earlier group, as a left-to-right scan does). */
    private static int argMin(double[] values) {
        int min = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[min]) {
                min = i;
            }
        }
        return min;
    }

    /** Index of the first largest value. */
    private static int argMax(double[] values) {
        int max = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[max]) {
                max = i;
            }
        }
        return max;
    }
}
