package dev.candor.spark;

import dev.candor.core.BadInputException;
import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.GroupScores;
import dev.candor.fairness.InequalityIndices;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.RocCurve;
import dev.candor.fairness.ScoreMetrics;
import dev.candor.fairness.UndefinedMetricException;
import dev.candor.fairness.UndefinedReason;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.PerformanceIntervals;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregation buffer of a distributed audit: per protected attribute (and intersection) and per
 * observed group, the weighted confusion cells, row counts and squared weights, plus the log-loss
 * sums and score histograms when scores are given. Two buffers of disjoint rows merge by addition
 * ({@link #merge}), so the result does not depend on how rows are partitioned (weighted sums up to
 * floating-point summation order).
 *
 * <p>{@link #result} turns the merged buffer into the same {@link AuditResult} as the single-machine
 * {@code dev.candor.fairness.audit.Audit}: groups in natural string order, intersection groups in the
 * order of their parts' groups, the same metrics from the same counts. The provenance fingerprint is
 * that of the aggregated counts (a distributed table has no row order to hash).
 *
 * @since 0.1.0
 */
public final class AuditCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int scoreBins;
    private final boolean withScores;
    /** One map per attribute then per intersection: group key (String, or List of String) to cells. */
    private final ArrayList<HashMap<Object, GroupCell>> cells;
    private long rows;
    private boolean nonProbability;
    private String other;
    private String third;
    private boolean favorableSeen;

    AuditCounts(AuditSpec spec) {
        this.scoreBins = spec.scoreBins();
        this.withScores = spec.scores() != null;
        int n = spec.attributes().size() + spec.intersections().size();
        this.cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cells.add(new HashMap<>());
        }
    }

    /**
     * Adds one row.
     *
     * @param yTrue  the true label, 0/1 (1 = favorable)
     * @param yPred  the prediction, 0/1
     * @param keys   one group key per attribute then per intersection
     * @param weight the row's weight
     * @param score  the score (ignored without scores)
     */
    void add(int yTrue, int yPred, Object[] keys, double weight, double score) {
        rows++;
        int cell = yTrue << 1 | yPred;
        double loss = 0;
        if (withScores) {
            if (score < 0 || score > 1) {
                nonProbability = true;
            }
            double p = Math.min(Math.max(score, ScoreMetrics.EPSILON), 1 - ScoreMetrics.EPSILON);
            loss = yTrue == 1 ? -weight * Math.log(p) : -weight * Math.log1p(-p);
        }
        for (int a = 0; a < keys.length; a++) {
            GroupCell c = cells.get(a).get(keys[a]);
            if (c == null) {
                c = new GroupCell(scoreBins, withScores);
                cells.get(a).put(keys[a], c);
            }
            c.add(cell, weight);
            if (withScores) {
                c.logLoss += loss;
                c.scores.add(score, yTrue == 1, weight);
            }
        }
    }

    /**
     * Records a label or prediction value that is not the favorable one.
     *
     * @param value the value as text
     */
    void unfavorable(String value) {
        if (other == null) {
            other = value;
        } else if (third == null && !FavorableValue.sameValue(other, value)) {
            third = value;
        }
    }

    /** Records that the favorable value occurred. */
    void favorableSeen() {
        favorableSeen = true;
    }

    /**
     * @param o a buffer of disjoint rows with the same spec
     * @return this buffer, now holding both
     */
    AuditCounts merge(AuditCounts o) {
        rows += o.rows;
        nonProbability |= o.nonProbability;
        favorableSeen |= o.favorableSeen;
        if (o.other != null) {
            unfavorable(o.other);
        }
        if (o.third != null) {
            unfavorable(o.third);
        }
        for (int a = 0; a < cells.size(); a++) {
            HashMap<Object, GroupCell> mine = cells.get(a);
            for (Map.Entry<Object, GroupCell> e : o.cells.get(a).entrySet()) {
                GroupCell c = mine.get(e.getKey());
                if (c == null) {
                    mine.put(e.getKey(), e.getValue());
                } else {
                    c.merge(e.getValue());
                }
            }
        }
        return this;
    }

    /** @return true when some score lies outside [0, 1] (the probability metrics are then undefined) */
    boolean nonProbability() {
        return nonProbability;
    }

    /** @return the number of rows aggregated */
    public long rows() {
        return rows;
    }

    /**
     * The score histograms of one attribute's groups, for the error bound of a binned AUC.
     *
     * @param spec      the spec that built this buffer
     * @param attribute an attribute's or intersection's name
     * @return group name to histogram, in group order; empty without scores
     */
    public Map<String, ScoreHistogram> scoreHistograms(AuditSpec spec, String attribute) {
        List<String> names = attributeNames(spec);
        int a = names.indexOf(attribute);
        if (a < 0) {
            throw new IllegalArgumentException("attribute '" + attribute + "' was not audited; audited: " + names);
        }
        Map<String, ScoreHistogram> out = new LinkedHashMap<>();
        if (withScores) {
            for (Object k : sortedKeys(a, spec)) {
                out.put(groupName(k), cells.get(a).get(k).scores);
            }
        }
        return out;
    }

    /**
     * Builds the audit result from the merged counts.
     *
     * @param spec the spec that built this buffer
     * @return the same result as the single-machine audit of the same rows
     * @throws BadInputException when a privileged value never occurs, labels are not binary, or there are no rows
     * @throws UndefinedMetricException in strict mode when a value is undefined
     */
    public AuditResult result(AuditSpec spec) {
        return result(spec, null);
    }

    /**
     * Builds the audit result from the merged counts, with the 2×2 tests and bootstrap intervals of
     * {@code candor audit --ci} when {@code bootstrap} is given: rows are resampled from the group
     * counts ({@link Audit#withIntervals}), so for the same seed the intervals equal the single-machine
     * ones. Intervals need unweighted rows without scores (the counts are then sufficient).
     *
     * @param spec      the spec that built this buffer
     * @param bootstrap the bootstrap settings, or {@code null} for none
     * @return the same result as the single-machine audit of the same rows
     * @throws IllegalArgumentException when intervals are asked for with weights or scores
     */
    public AuditResult result(AuditSpec spec, Bootstrap bootstrap) {
        if (bootstrap != null && (spec.weights() != null || spec.scores() != null)) {
            throw new IllegalArgumentException("bootstrap intervals on Spark need unweighted rows without scores "
                    + "(weighted and score intervals resample rows); audit on one machine with candor audit --ci");
        }
        if (rows == 0) {
            throw new BadInputException("the predictions have no rows");
        }
        if (!spec.othersUnfavorable() && third != null) {
            throw new BadInputException("columns '" + spec.label() + "' / '" + spec.prediction() + "': value '" + third
                    + "' is a third label value; labels and predictions must be binary: the favorable value '"
                    + spec.favorable() + "' and one other (already seen '" + other + "'); name the favorable value "
                    + "explicitly to treat every other value as unfavorable");
        }
        if (!favorableSeen) {
            throw new BadInputException("the favorable value '" + spec.favorable() + "' occurs in neither column '"
                    + spec.label() + "' nor '" + spec.prediction() + "' (values seen: '" + other
                    + "'); set the favorable label");
        }
        List<String> names = attributeNames(spec);
        List<AttributeAudit> audits = new ArrayList<>();
        BootstrapResult individualBoot = null;
        Map<String, MetricValue> overallScores = new LinkedHashMap<>();
        ConfusionCounts overall = null;
        Fingerprint.Builder fp = Fingerprint.builder();
        for (int a = 0; a < names.size(); a++) {
            String name = names.get(a);
            if (names.subList(0, a).contains(name)) {
                continue;
            }
            List<Object> keys = sortedKeys(a, spec);
            List<String> groups = new ArrayList<>();
            List<ConfusionCounts> counts = new ArrayList<>();
            for (Object k : keys) {
                groups.add(groupName(k));
                counts.add(cells.get(a).get(k).counts());
            }
            GroupCounts gc = GroupCounts.of(name, groups, counts);
            if (overall == null) {
                overall = gc.overall();
            }
            String priv = a < spec.attributes().size() ? spec.privileged(name) : null;
            if (priv != null && !groups.contains(priv)) {
                throw new BadInputException("privileged value '" + priv + "' of attribute '" + name
                        + "' occurs in no row; values are " + groups);
            }
            GroupMetrics gm = GroupMetrics.of(gc).withPrivileged(priv);
            GroupScores scores = null;
            if (withScores) {
                scores = scores(a, name, keys, groups);
                if (overallScores.isEmpty()) {
                    overallScores.put("roc_auc", scores.overallRocAuc());
                    overallScores.put("log_loss", scores.overallLogLoss());
                }
            }
            AttributeAudit audit = new AttributeAudit(gm, scores, new LinkedHashMap<>(), null);
            audits.add(bootstrap == null ? audit : Audit.withIntervals(audit, gc, bootstrap));
            if (bootstrap != null && individualBoot == null) {
                individualBoot = Audit.individualIntervals(gc, bootstrap);
            }
            fp.add(name).add(groups.toArray(String[]::new));
            for (ConfusionCounts c : counts) {
                fp.add(new double[] {c.tp(), c.fp(), c.tn(), c.fn(), c.rowsTp(), c.rowsFp(), c.rowsTn(), c.rowsFn()});
            }
        }
        Map<String, MetricValue> individual = new LinkedHashMap<>();
        individual.put("theil_index", InequalityIndices.theil(overall));
        individual.put("generalized_entropy_index", InequalityIndices.generalizedEntropy(overall, 2.0));
        individual.put("coefficient_of_variation", InequalityIndices.coefficientOfVariation(overall));
        individual.put("gini", InequalityIndices.giniOfBenefits(overall));
        Map<String, Object> params = new LinkedHashMap<>(spec.parameters());
        params.put("label", spec.label());
        params.put("prediction", spec.prediction());
        params.put("favorable", spec.favorable());
        params.put("attributes", String.join(",", audits.stream().map(AttributeAudit::name).toList()));
        Map<String, String> priv = new LinkedHashMap<>();
        for (String s : spec.attributes()) {
            if (spec.privileged(s) != null) {
                priv.put(s, spec.privileged(s));
            }
        }
        params.put("privileged", priv.toString());
        params.put("weighted", spec.weights() != null);
        params.put("scores", withScores);
        params.put("score_bins", scoreBins);
        params.put("strict", spec.strict());
        params.put("engine", "spark");
        if (bootstrap != null) {
            params.put("bootstrap_resamples", bootstrap.resamples());
            params.put("bootstrap_level", bootstrap.level());
        }
        Provenance prov = Provenance.of("candor audit", params, bootstrap == null ? null : bootstrap.seed(),
                fp.build(rows, spec.inputColumns().size()));
        AuditResult result = new AuditResult(rows, spec.weights() != null, overall, overallScores, audits, individual,
                individualBoot, bootstrap != null, prov);
        if (spec.strict()) {
            Audit.requireDefined(result);
        }
        return result;
    }

    /**
     * Bootstrap intervals of the label metrics of each attribute and intersection, as
     * {@code candor audit --ci} computes them ({@link PerformanceIntervals#labelMetrics} from the group
     * counts: the same intervals as on the rows for the same seed; unweighted rows only).
     *
     * @param spec      the spec that built this buffer
     * @param bootstrap the bootstrap settings
     * @return attribute name to its intervals, in audit order
     */
    public Map<String, BootstrapResult> performanceIntervals(AuditSpec spec, Bootstrap bootstrap) {
        AuditResult r = result(spec, null);
        Map<String, BootstrapResult> out = new LinkedHashMap<>();
        for (AttributeAudit a : r.attributes()) {
            out.put(a.name(), PerformanceIntervals.labelMetrics(bootstrap, a.metrics().counts(),
                    ClassificationMetric.LABEL_METRICS));
        }
        return out;
    }

    private GroupScores scores(int a, String name, List<Object> keys, List<String> groups) {
        int k = keys.size();
        int n = 0;
        for (Object key : keys) {
            n += 2 * cells.get(a).get(key).scores.cells().size();
        }
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        int[] g = new int[n];
        int i = 0;
        double[] loss = new double[k];
        double[] total = new double[k];
        for (int gr = 0; gr < k; gr++) {
            GroupCell c = cells.get(a).get(keys.get(gr));
            loss[gr] = c.logLoss;
            total[gr] = c.total();
            for (Map.Entry<Double, double[]> e : c.scores.cells().entrySet()) {
                for (int label = 1; label >= 0; label--) {
                    y[i] = label;
                    s[i] = e.getKey();
                    w[i] = e.getValue()[1 - label];
                    g[i] = gr;
                    i++;
                }
            }
        }
        RocCurve[] roc = RocCurve.byGroup(y, s, w, g, k);
        List<MetricValue> auc = new ArrayList<>(k);
        List<MetricValue> ll = new ArrayList<>(k);
        double lossAll = 0;
        double totalAll = 0;
        for (int gr = 0; gr < k; gr++) {
            auc.add(roc[gr].auc());
            ll.add(logLoss(loss[gr], total[gr]));
            lossAll += loss[gr];
            totalAll += total[gr];
        }
        return new GroupScores(name, groups, auc, ll, roc[k].auc(), logLoss(lossAll, totalAll));
    }

    private MetricValue logLoss(double loss, double total) {
        if (total == 0) {
            return MetricValue.undefined(UndefinedReason.EMPTY_GROUP);
        }
        if (nonProbability) {
            return MetricValue.undefined(UndefinedReason.SCORES_NOT_PROBABILITIES);
        }
        return MetricValue.of(loss / total);
    }

    private static List<String> attributeNames(AuditSpec spec) {
        List<String> names = new ArrayList<>(spec.attributes());
        for (List<String> i : spec.intersections()) {
            names.add(String.join("&", i));
        }
        return names;
    }

    /** Group keys in the single-machine order: natural string order; intersections by their parts in turn. */
    @SuppressWarnings("unchecked")
    private List<Object> sortedKeys(int a, AuditSpec spec) {
        List<Object> keys = new ArrayList<>(cells.get(a).keySet());
        if (a < spec.attributes().size()) {
            keys.sort(Comparator.comparing(k -> (String) k));
        } else {
            keys.sort((x, y) -> {
                List<String> lx = (List<String>) x;
                List<String> ly = (List<String>) y;
                for (int i = 0; i < lx.size(); i++) {
                    int c = lx.get(i).compareTo(ly.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static String groupName(Object key) {
        return key instanceof String s ? s : String.join("&", (List<String>) key);
    }

}
