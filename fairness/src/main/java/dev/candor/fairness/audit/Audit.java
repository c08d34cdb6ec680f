package dev.candor.fairness.audit;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.BootstrapSample;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ComparisonMethod;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounter;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.GroupScores;
import dev.candor.fairness.InequalityIndices;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.fairness.ScoreMetrics;
import dev.candor.fairness.TwoByTwoTable;
import dev.candor.fairness.UndefinedMetricException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A fairness audit of predictions over plain arrays: the engine behind {@code candor audit}, usable
 * directly from Java and notebooks.
 *
 * <pre>{@code
 * AuditResult r = Audit.builder(yTrue, yPred)            // 0/1, 1 = favorable
 *         .attribute("sex", sexValues, "male")           // privileged value, or null
 *         .attribute("race", raceValues, null)           // multi-valued, between-groups forms
 *         .intersection("sex", "race")                   // adds "sex&race"
 *         .weights(w).scores(s)                          // optional
 *         .intervals(Bootstrap.builder().seed(7).build()) // Wilson CIs, 2×2 tests, bootstrap CIs
 *         .build().run();
 * String json = AuditJson.toJson(r, null);
 * }</pre>
 *
 * <p>Every attribute is counted in the same single pass over the rows ({@link GroupCounter}).
 * The individual indices ({@code theil_index}, {@code generalized_entropy_index} with alpha 2,
 * {@code coefficient_of_variation}, {@code gini}) are those of all rows' benefits, unweighted as in
 * AIF360. In strict mode any undefined value anywhere in the result throws
 * {@link UndefinedMetricException} naming it.
 *
 * @since 0.1.0
 */
public final class Audit {

    private final Builder b;

    private Audit(Builder b) {
        this.b = b;
    }

    /**
     * @param yTrue true labels, 0/1 (1 = favorable)
     * @param yPred predictions, 0/1 (1 = favorable)
     * @return a builder
     */
    public static Builder builder(int[] yTrue, int[] yPred) {
        return new Builder(yTrue, yPred);
    }

    /**
     * Runs the audit.
     *
     * @return the result
     * @throws IllegalArgumentException on bad input (naming the argument, row and value)
     * @throws UndefinedMetricException in strict mode when a value is undefined
     */
    public AuditResult run() {
        List<GroupAttribute> attrs = new ArrayList<>();
        Map<String, GroupAttribute> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : b.attributes.entrySet()) {
            GroupAttribute a = GroupAttribute.of(e.getKey(), e.getValue());
            byName.put(e.getKey(), a);
            attrs.add(a);
        }
        for (List<String> names : b.intersections) {
            GroupAttribute acc = null;
            for (String n : names) {
                GroupAttribute a = byName.get(n);
                if (a == null) {
                    throw new IllegalArgumentException("intersection names attribute '" + n
                            + "', which is not among the protected attributes " + byName.keySet());
                }
                acc = acc == null ? a : GroupAttribute.intersection(acc, a);
            }
            String joined = acc.name();
            if (attrs.stream().noneMatch(x -> x.name().equals(joined))) {
                attrs.add(acc);
            }
        }
        if (attrs.isEmpty()) {
            throw new IllegalArgumentException("at least one protected attribute is needed");
        }
        List<GroupCounts> counts = GroupCounter.count(b.yTrue, b.yPred, b.weights, attrs);
        List<GroupScores> scores = null;
        if (b.scores != null) {
            scores = new ArrayList<>();
            for (GroupAttribute attr : attrs) {
                scores.add(ScoreMetrics.compute(b.yTrue, b.scores, b.weights, attr));
            }
        }
        Fingerprint.Builder fp = Fingerprint.builder().add(b.yTrue).add(b.yPred);
        for (GroupAttribute a : attrs) {
            fp.add(a.name()).add(a.values().toArray(String[]::new)).add(a.codes());
        }
        if (b.weights != null) {
            fp.add(b.weights);
        }
        if (b.scores != null) {
            fp.add(b.scores);
        }
        Map<String, Object> params = parameters(b.parameters, attrs.stream().map(GroupAttribute::name).toList(),
                b.privileged, b.weights != null, b.scores != null, b.strict, b.bootstrap);
        Provenance prov = Provenance.of("candor audit", params, b.bootstrap == null ? null : b.bootstrap.seed(),
                fp.build(b.yTrue.length, 2 + attrs.size() + (b.weights == null ? 0 : 1) + (b.scores == null ? 0 : 1)));
        return assemble(b.yTrue.length, b.weights != null, counts, scores,
                i -> BootstrapSample.of(b.yTrue, b.yPred, b.weights, attrs.get(i)), b.privileged, b.bootstrap,
                b.strict, prov);
    }

    /** The provenance parameters of an audit, the same whether the rows were arrays or a file read once. */
    static Map<String, Object> parameters(Map<String, Object> extra, List<String> attributes,
                                          Map<String, String> privileged, boolean weighted, boolean scores,
                                          boolean strict, Bootstrap bootstrap) {
        Map<String, Object> params = new LinkedHashMap<>(extra);
        params.put("attributes", String.join(",", attributes));
        params.put("privileged", privileged.toString());
        params.put("weighted", weighted);
        params.put("scores", scores);
        params.put("strict", strict);
        if (bootstrap != null) {
            params.put("bootstrap_resamples", bootstrap.resamples());
            params.put("bootstrap_level", bootstrap.level());
        }
        return params;
    }

    /**
     * Everything after counting: metrics, scores, tests, intervals and the strict check, from the
     * sufficient statistics alone, so the in-memory audit and the streaming one ({@link StreamingAudit})
     * share every formula.
     *
     * @param rows       the number of rows
     * @param weighted   whether instance weights were given
     * @param counts     the counts of each attribute (and intersection), in report order
     * @param scores     the score metrics of each, or null without scores
     * @param samples    the bootstrap sample of the i-th attribute
     * @param privileged privileged value by attribute
     * @param bootstrap  the bootstrap settings, or null
     * @param strict     whether an undefined value throws
     * @param prov       the provenance
     * @return the result
     */
    static AuditResult assemble(long rows, boolean weighted, List<GroupCounts> counts, List<GroupScores> scores,
                                IntFunction<BootstrapSample> samples, Map<String, String> privileged,
                                Bootstrap bootstrap, boolean strict, Provenance prov) {
        ConfusionCounts overall = counts.get(0).overall();
        List<AttributeAudit> audits = new ArrayList<>();
        Map<String, MetricValue> overallScores = new LinkedHashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            String priv = privileged.get(counts.get(i).attribute());
            GroupMetrics gm = GroupMetrics.of(counts.get(i)).withPrivileged(priv);
            GroupScores sc = null;
            if (scores != null) {
                sc = scores.get(i);
                if (overallScores.isEmpty()) {
                    overallScores.put("roc_auc", sc.overallRocAuc());
                    overallScores.put("log_loss", sc.overallLogLoss());
                }
            }
            Map<String, TwoByTwoTable> tests = new LinkedHashMap<>();
            BootstrapResult boot = null;
            if (bootstrap != null) {
                tests = significance(gm);
                boot = bootstrapMetrics(bootstrap, gm, samples.apply(i));
            }
            audits.add(new AttributeAudit(gm, sc, tests, boot));
        }
        Map<String, MetricValue> individual = individual(overall);
        BootstrapResult individualBoot = null;
        if (bootstrap != null) {
            List<String> names = List.copyOf(individual.keySet());
            individualBoot = bootstrap.run(samples.apply(0), names, c -> individual(c.overall()).values().stream()
                    .mapToDouble(MetricValue::value).toArray());
        }
        AuditResult result = new AuditResult(rows, weighted, overall, overallScores, audits,
                individual, individualBoot, bootstrap != null, prov);
        if (strict) {
            requireDefined(result);
        }
        return result;
    }

    /**
     * One attribute's audit with the 2×2 tests of its rate gaps and the bootstrap intervals of its
     * metrics, computed from its group counts as {@link #run()} computes them with intervals: rows are
     * resampled from the counts ({@link BootstrapSample#of(GroupCounts)}, unweighted rows), so for the
     * same seed the intervals equal the in-memory ones. For audits whose counts were merged elsewhere
     * (a distributed aggregation).
     *
     * @param audit     the attribute's audit without intervals
     * @param counts    its group counts (unweighted)
     * @param bootstrap the bootstrap settings
     * @return the audit with tests and intervals
     */
    public static AttributeAudit withIntervals(AttributeAudit audit, GroupCounts counts, Bootstrap bootstrap) {
        return new AttributeAudit(audit.metrics(), audit.scores(), significance(audit.metrics()),
                bootstrapMetrics(bootstrap, audit.metrics(), BootstrapSample.of(counts)));
    }

    /**
     * The bootstrap intervals of the individual inequality indices from the first attribute's group
     * counts, as {@link #run()} computes them (same seed, same intervals).
     *
     * @param counts    the first attribute's group counts (unweighted)
     * @param bootstrap the bootstrap settings
     * @return the intervals of theil_index, generalized_entropy_index, coefficient_of_variation, gini
     */
    public static BootstrapResult individualIntervals(GroupCounts counts, Bootstrap bootstrap) {
        List<String> names = List.copyOf(individual(counts.overall()).keySet());
        return bootstrap.run(BootstrapSample.of(counts), names, c -> individual(c.overall()).values().stream()
                .mapToDouble(MetricValue::value).toArray());
    }

    private static Map<String, MetricValue> individual(ConfusionCounts all) {
        Map<String, MetricValue> m = new LinkedHashMap<>();
        m.put("theil_index", InequalityIndices.theil(all));
        m.put("generalized_entropy_index", InequalityIndices.generalizedEntropy(all, 2.0));
        m.put("coefficient_of_variation", InequalityIndices.coefficientOfVariation(all));
        m.put("gini", InequalityIndices.giniOfBenefits(all));
        return m;
    }

    /** The 2×2 tests of every proportion rate's gap: unprivileged vs privileged, else max vs min group. */
    static Map<String, TwoByTwoTable> significance(GroupMetrics gm) {
        Map<String, TwoByTwoTable> tests = new LinkedHashMap<>();
        for (Rate r : Rate.values()) {
            if (!r.isProportion()) {
                continue;
            }
            if (gm.privileged().isPresent()) {
                ConfusionCounts u = gm.unprivilegedCounts();
                ConfusionCounts p = gm.privilegedCounts();
                tests.put(r.key(), TwoByTwoTable.of(r, u, p));
            } else {
                Comparison d = gm.difference(r, ComparisonMethod.BETWEEN_GROUPS);
                if (d.isDefined()) {
                    tests.put(r.key(), TwoByTwoTable.of(r, gm.counts().counts(d.group()), gm.counts().counts(d.reference())));
                }
            }
        }
        return tests;
    }

    private static BootstrapResult bootstrapMetrics(Bootstrap bootstrap, GroupMetrics gm, BootstrapSample sample) {
        List<String> names = new ArrayList<>(gm.metrics().keySet());
        String priv = gm.privileged().orElse(null);
        return bootstrap.run(sample, names, c -> {
            GroupMetrics r = GroupMetrics.of(c).withPrivileged(priv);
            double[] v = new double[names.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = r.metric(names.get(j)).value();
            }
            return v;
        });
    }

    /**
     * The strict mode's check: every rate, score metric, individual index and group metric of the
     * result is defined.
     *
     * @param r an audit result, from this class or from merged counts (a distributed audit)
     * @throws UndefinedMetricException naming the first undefined value and its reason
     */
    public static void requireDefined(AuditResult r) {
        for (Rate rate : Rate.values()) {
            check(rate.of(r.overall()), "overall " + rate.key());
        }
        r.overallScores().forEach((k, v) -> check(v, "overall " + k));
        r.individual().forEach((k, v) -> check(v, "individual " + k));
        for (AttributeAudit a : r.attributes()) {
            GroupMetrics gm = a.metrics();
            for (String g : gm.counts().groups()) {
                for (Rate rate : Rate.values()) {
                    check(rate.of(gm.counts().counts(g)), rate.key() + " of " + gm.attribute() + "=" + g);
                }
                if (a.scores() != null) {
                    check(a.scores().rocAuc(g), "roc_auc of " + gm.attribute() + "=" + g);
                    check(a.scores().logLoss(g), "log_loss of " + gm.attribute() + "=" + g);
                }
            }
            gm.metrics().forEach((k, v) -> check(v.metricValue(), k + " of " + gm.attribute()));
            gm.labelMetrics().forEach((k, v) -> check(v.metricValue(), "label " + k + " of " + gm.attribute()));
        }
    }

    private static void check(MetricValue v, String what) {
        if (!v.isDefined()) {
            throw new UndefinedMetricException(what, v.reason());
        }
    }

    /** Options of an {@link Audit}. */
    public static final class Builder {
        private final int[] yTrue;
        private final int[] yPred;
        private double[] weights;
        private double[] scores;
        private final Map<String, String[]> attributes = new LinkedHashMap<>();
        private final Map<String, String> privileged = new LinkedHashMap<>();
        private final List<List<String>> intersections = new ArrayList<>();
        private Bootstrap bootstrap;
        private boolean strict;
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Builder(int[] yTrue, int[] yPred) {
            this.yTrue = Objects.requireNonNull(yTrue, "yTrue");
            this.yPred = Objects.requireNonNull(yPred, "yPred");
        }

        /**
         * Adds a protected attribute.
         *
         * @param name       its name
         * @param values     one value per row
         * @param privileged the privileged value, or null (then only between-groups forms are reported)
         * @return this builder
         */
        public Builder attribute(String name, String[] values, String privileged) {
            if (attributes.containsKey(name)) {
                throw new IllegalArgumentException("protected attribute '" + name + "' given twice");
            }
            if (name.contains("&")) {
                throw new IllegalArgumentException("attribute name '" + name + "' must not contain '&'");
            }
            attributes.put(name, Objects.requireNonNull(values, "values of " + name));
            if (privileged != null) {
                if (java.util.Arrays.stream(values).noneMatch(privileged::equals)) {
                    throw new IllegalArgumentException("privileged value '" + privileged + "' of attribute '" + name
                            + "' occurs in no row");
                }
                this.privileged.put(name, privileged);
            }
            return this;
        }

        /**
         * Adds the intersection of attributes already added, named {@code a&b}.
         *
         * @param names two or more attribute names
         * @return this builder
         */
        public Builder intersection(String... names) {
            if (names.length < 2) {
                throw new IllegalArgumentException("an intersection needs at least two attributes");
            }
            intersections.add(List.of(names));
            return this;
        }

        /**
         * @param w instance weights (finite, >= 0), or null
         * @return this builder
         */
        public Builder weights(double[] w) {
            this.weights = w;
            return this;
        }

        /**
         * @param s scores (finite; probabilities in [0, 1] for the log loss), or null
         * @return this builder
         */
        public Builder scores(double[] s) {
            this.scores = s;
            return this;
        }

        /**
         * Requests Wilson intervals of group rates, 2×2 tests of rate gaps, and bootstrap intervals of
         * every named metric and individual index.
         *
         * @param bootstrapSettings the bootstrap to use, or null for none of these
         * @return this builder
         */
        public Builder intervals(Bootstrap bootstrapSettings) {
            this.bootstrap = bootstrapSettings;
            return this;
        }

        /**
         * @param strictMode when true, any undefined value makes {@link Audit#run()} throw
         * @return this builder
         */
        public Builder strict(boolean strictMode) {
            this.strict = strictMode;
            return this;
        }

        /**
         * Records an extra parameter in the provenance (e.g. the input file and column names).
         *
         * @param key   the name
         * @param value the value
         * @return this builder
         */
        public Builder parameter(String key, Object value) {
            parameters.put(key, value);
            return this;
        }

        /**
         * Builds the audit from a copy of this builder's state (arrays included), so that changing the
         * builder or the caller's arrays afterwards does not change the audit.
         *
         * @return the audit
         */
        public Audit build() {
            Builder copy = new Builder(yTrue.clone(), yPred.clone());
            copy.weights = weights == null ? null : weights.clone();
            copy.scores = scores == null ? null : scores.clone();
            attributes.forEach((k, v) -> copy.attributes.put(k, v.clone()));
            copy.privileged.putAll(privileged);
            copy.intersections.addAll(intersections);
            copy.bootstrap = bootstrap;
            copy.strict = strict;
            copy.parameters.putAll(parameters);
            return new Audit(copy);
        }
    }
}
