package dev.candor.monitor.window;

import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.BootstrapSample;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.ConfusionCounts;
import dev.candor.fairness.FairnessMetric;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounter;
import dev.candor.fairness.GroupCounts;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.UndefinedReason;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.ZeroDivision;
import dev.candor.monitor.ContingencyTest;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.DriftAnalysis;
import dev.candor.monitor.DriftReport;
import dev.candor.monitor.DriftResult;
import dev.candor.monitor.DriftTest;
import dev.candor.monitor.FeatureDrift;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.FeatureSamples;
import dev.candor.monitor.ProfileDrift;
import dev.candor.monitor.alert.Alert;
import dev.candor.monitor.alert.MetricSample;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Computes a {@link WindowResult} from a window's rows and the reference. */
final class WindowEvaluation {

    /** The drift tests run besides each feature's default: scipy KS and the binned distances. */
    static final EnumSet<DriftTest> EXTRA_TESTS = EnumSet.of(DriftTest.KS, DriftTest.WASSERSTEIN, DriftTest.PSI,
            DriftTest.JENSENSHANNON, DriftTest.CHISQUARE);

    private WindowEvaluation() {
    }

    static WindowResult evaluate(WindowData cur, MonitorReference ref, Window window) {
        WindowData r = ref.data();
        WindowSchema schema = r.schema();
        // data drift
        DriftAnalysis.Builder drift = DriftAnalysis.builder().tests(EXTRA_TESTS).parallel(false);
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        MonitorReference.ProfileSide side = ref.profile();
        for (int i = 0; side == null && i < schema.numeric().size(); i++) {
            FeatureSamples fs = FeatureSamples.numeric(schema.numeric().get(i), r.numeric()[i], cur.numeric()[i]);
            drift.feature(fs);
            histograms.put(fs.feature(), Histogram.of(fs));
        }
        for (int i = 0; side == null && i < schema.categorical().size(); i++) {
            FeatureSamples fs = FeatureSamples.categorical(schema.categorical().get(i), r.categorical()[i],
                    cur.categorical()[i]);
            drift.feature(fs);
            histograms.put(fs.feature(), Histogram.of(fs));
        }
        DriftReport report;
        if (side != null) {
            report = schema.features() == 0 ? null : againstProfile(side.features(), cur, histograms);
        } else {
            report = schema.features() == 0 ? null : drift.build().run();
        }
        // prediction drift
        FeatureDrift predictionDrift = null;
        Histogram predictionHistogram = null;
        FeatureDrift classDrift = null;
        int[] refScored = r.scored();
        int[] curScored = cur.scored();
        if (side != null && side.score() != null && curScored.length > 0) {
            DatasetProfile score = DatasetProfile.of(List.of(side.score()));
            DatasetProfile scored = score.emptyLike();
            FeatureProfile f = scored.features().values().iterator().next();
            for (double v : WindowData.pick(cur.scores(), curScored)) {
                f.add(v);
            }
            predictionDrift = ProfileDrift.builder(score).tests(EXTRA_TESTS).build().compare(scored).features()
                    .values().iterator().next();
            predictionHistogram = histogram(side.score(), f);
        } else if (refScored.length > 0 && curScored.length > 0) {
            FeatureSamples fs = FeatureSamples.numeric("score", WindowData.pick(r.scores(), refScored),
                    WindowData.pick(cur.scores(), curScored));
            predictionDrift = single(fs);
            predictionHistogram = Histogram.of(fs);
        }
        String[] refPred = predictedClasses(r);
        String[] curPred = predictedClasses(cur);
        if (refPred.length > 0 && curPred.length > 0) {
            classDrift = single(FeatureSamples.categorical("prediction", refPred, curPred));
        }
        // label drift and performance
        int[] refLab = r.labelled();
        int[] lab = cur.labelled();
        LabelDrift labelDrift = null;
        ConfusionCounts counts = null;
        Map<String, MetricValue> performance = new LinkedHashMap<>();
        if (lab.length > 0 && refLab.length > 0) {
            labelDrift = labelDrift(WindowData.pick(r.labels(), refLab), WindowData.pick(cur.labels(), lab));
        }
        int[] y = WindowData.pick(cur.labels(), lab);
        int[] p = WindowData.pick(cur.predictions(), lab);
        double[] s = WindowData.pick(cur.scores(), lab);
        boolean scores = java.util.Arrays.stream(s).noneMatch(Double::isNaN);
        if (lab.length > 0) {
            ClassificationSample sample = ClassificationSample.of(y, p, scores ? s : null, null);
            counts = ConfusionCounts.of((long) sample.tp(), (long) sample.fp(), (long) sample.tn(), (long) sample.fn());
            for (String m : MonitorReference.PERFORMANCE) {
                ClassificationMetric c = ClassificationMetric.valueOf(m.toUpperCase(Locale.ROOT));
                if (c.needsScores() && !scores) {
                    continue;
                }
                performance.put(m, c.compute(sample, ZeroDivision.ZERO));
            }
        }
        // fairness
        Map<String, AttributeFairness> fairness = new LinkedHashMap<>();
        for (int a = 0; a < schema.protectedAttributes().size(); a++) {
            String attr = schema.protectedAttributes().get(a);
            fairness.put(attr, fairness(attr, ref.privileged().get(attr), cur, a, lab, ref));
        }
        // CBPE
        CbpeResult cbpe = null;
        if (curScored.length > 0 && side == null) {
            cbpe = cbpe(cur, curScored, lab, ref);
        }
        // watched values, thresholds, alerts
        Map<String, Double> watched = new LinkedHashMap<>();
        if (report != null) {
            watched.put("drift_share", report.dataset().shareOfDriftedColumns());
            report.features().forEach((f, d) -> watched.put("drift.feature." + f, d.defaultResult().value()));
        }
        if (predictionDrift != null) {
            watched.put("prediction_drift", predictionDrift.defaultResult().value());
        }
        performance.forEach((k, v) -> watched.put(k, v.value()));
        fairness.forEach((attr, f) -> f.metrics().forEach((k, v) -> watched.put(attr + "." + k, v.value())));
        if (cbpe != null) {
            cbpe.estimated().forEach((k, v) -> watched.put("estimated." + k, v));
        }
        List<Alert> alerts = new ArrayList<>();
        Map<String, Boolean> cbpeAlerts = new LinkedHashMap<>();
        ref.thresholds().forEach((metric, t) -> {
            Double v = watched.get(metric);
            double value = v == null ? Double.NaN : v;
            boolean breach = t.breached(value);
            if (metric.startsWith("estimated.")) {
                cbpeAlerts.put(metric.substring("estimated.".length()), breach);
            }
            if (breach) {
                MonitoringRule rule = ref.ruleOf(metric);
                alerts.add(new Alert(rule.key(), metric, window.key(), value, t.lower(), t.upper(), rule.severity(),
                        labels(metric, schema)));
            }
        });
        if (cbpe != null && !cbpeAlerts.isEmpty()) {
            cbpe = new CbpeResult(cbpe.meanProbability(), cbpe.estimated(), cbpe.realized(), cbpe.byGroup(), cbpeAlerts);
        }
        List<MetricSample> samples = new ArrayList<>();
        watched.forEach((metric, v) -> samples.add(sample(metric, v, window, schema)));
        return new WindowResult(window, report, histograms, predictionDrift, predictionHistogram, classDrift,
                labelDrift, counts, performance, fairness, cbpe, watched, alerts, samples);
    }

    /**
     * Data drift of the window against the reference profile: the window is profiled over the
     * reference's bins (numeric) and categories, then compared count by count.
     */
    private static DriftReport againstProfile(DatasetProfile reference, WindowData cur,
            Map<String, Histogram> histograms) {
        WindowSchema schema = cur.schema();
        DatasetProfile window = reference.emptyLike();
        for (int i = 0; i < schema.numeric().size(); i++) {
            FeatureProfile f = window.feature(schema.numeric().get(i));
            for (double v : cur.numeric()[i]) {
                f.add(v);
            }
        }
        for (int i = 0; i < schema.categorical().size(); i++) {
            FeatureProfile f = window.feature(schema.categorical().get(i));
            for (String v : cur.categorical()[i]) {
                f.add(v);
            }
        }
        for (FeatureProfile f : reference.features().values()) {
            histograms.put(f.feature(), histogram(f, window.feature(f.feature())));
        }
        return ProfileDrift.builder(reference).tests(EXTRA_TESTS).build().compare(window);
    }

    /** Reference and window counts over the reference's slots (numeric) or the union of categories. */
    private static Histogram histogram(FeatureProfile r, FeatureProfile c) {
        if (r.kind() == FeatureKind.NUMERIC) {
            return new Histogram(ProfileDrift.slotLabels(r.bins()), new double[0], r.slotCounts(), c.slotCounts());
        }
        java.util.TreeMap<String, long[]> m = new java.util.TreeMap<>();
        r.categoryCounts().forEach((k, v) -> m.computeIfAbsent(k, x -> new long[2])[0] += v);
        c.categoryCounts().forEach((k, v) -> m.computeIfAbsent(k, x -> new long[2])[1] += v);
        long[] rc = new long[m.size()];
        long[] cc = new long[m.size()];
        int i = 0;
        for (long[] v : m.values()) {
            rc[i] = v[0];
            cc[i++] = v[1];
        }
        return new Histogram(List.copyOf(m.keySet()), new double[0], rc, cc);
    }

    private static FeatureDrift single(FeatureSamples fs) {
        return DriftAnalysis.builder().feature(fs).tests(EXTRA_TESTS).parallel(false).build().run().features()
                .get(fs.feature());
    }

    private static String[] predictedClasses(WindowData d) {
        return java.util.Arrays.stream(d.predictions()).filter(v -> v != WindowRow.MISSING).mapToObj(String::valueOf)
                .toArray(String[]::new);
    }

    static LabelDrift labelDrift(int[] ref, int[] cur) {
        String[] r = java.util.Arrays.stream(ref).mapToObj(String::valueOf).toArray(String[]::new);
        String[] c = java.util.Arrays.stream(cur).mapToObj(String::valueOf).toArray(String[]::new);
        FeatureSamples fs = FeatureSamples.categorical("label", r, c);
        FeatureDrift d = single(fs);
        DriftResult z = DriftTest.Z.test(fs);
        DriftResult chi = d.tests().get(DriftTest.CHISQUARE);
        ContingencyTest ct = ContingencyTest.of(fs);
        return new LabelDrift(mean(ref), mean(cur), d, z.statistic(), z.pValue(), chi.statistic(), chi.pValue(),
                ct.statistic(), ct.pValue(), ct.dof());
    }

    private static double mean(int[] v) {
        long s = 0;
        for (int x : v) {
            s += x;
        }
        return (double) s / v.length;
    }

    private static AttributeFairness fairness(String attr, String privileged, WindowData cur, int a, int[] lab,
            MonitorReference ref) {
        boolean labelled = lab.length > 0;
        int[] rows = labelled ? lab : java.util.stream.IntStream.range(0, cur.predictions().length)
                .filter(i -> cur.predictions()[i] != WindowRow.MISSING).toArray();
        if (rows.length == 0) {
            return new AttributeFairness(attr, privileged, GroupCounts.of(attr, List.of(), List.of()), false,
                    Map.of(), Map.of());
        }
        int[] y = labelled ? WindowData.pick(cur.labels(), rows) : new int[rows.length];
        int[] p = WindowData.pick(cur.predictions(), rows);
        GroupCounts counts = GroupCounter.count(y, p, GroupAttribute.of(attr, WindowData.pick(cur.groups()[a], rows)));
        Map<String, Comparison> metrics = metrics(counts, privileged, labelled);
        Map<String, ConfidenceInterval> intervals = new LinkedHashMap<>();
        if (ref.resamples() > 0 && !metrics.isEmpty()) {
            List<String> names = List.copyOf(metrics.keySet());
            BootstrapResult b = Bootstrap.builder().resamples(ref.resamples()).seed(ref.seed()).build()
                    .run(BootstrapSample.of(counts), names, c -> {
                        Map<String, Comparison> m = metrics(c, privileged, labelled);
                        double[] v = new double[names.size()];
                        for (int i = 0; i < v.length; i++) {
                            Comparison x = m.get(names.get(i));
                            v[i] = x == null ? Double.NaN : x.value();
                        }
                        return v;
                    });
            intervals.putAll(b.intervals());
        }
        return new AttributeFairness(attr, privileged, counts, labelled, metrics, intervals);
    }

    /**
     * AIF360's privileged forms (when a privileged value is named) and fairlearn's between-groups
     * differences (0/0 rates read as 0, groups present in the window only).
     */
    static Map<String, Comparison> metrics(GroupCounts counts, String privileged, boolean labelled) {
        Map<String, Comparison> m = new LinkedHashMap<>();
        if (privileged != null) {
            List<FairnessMetric> aif = labelled
                    ? List.of(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT,
                            FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE, FairnessMetric.AVERAGE_ODDS_DIFFERENCE)
                    : List.of(FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT);
            boolean present = counts.groups().contains(privileged) && counts.counts(privileged).rows() > 0
                    && counts.groups().size() > 1;
            GroupMetrics g = present ? GroupMetrics.of(counts).withPrivileged(privileged) : null;
            for (FairnessMetric f : aif) {
                m.put(f.key(), g == null ? Comparison.undefined(UndefinedReason.EMPTY_GROUP) : g.metric(f));
            }
        }
        List<String> present = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        for (String group : counts.groups()) {
            ConfusionCounts c = counts.counts(group);
            double n = c.total();
            if (n == 0) {
                continue;
            }
            double tpr = c.tp() + c.fn() == 0 ? 0.0 : c.tp() / (c.tp() + c.fn());
            double fpr = c.fp() + c.tn() == 0 ? 0.0 : c.fp() / (c.fp() + c.tn());
            present.add(group);
            rates.add(new double[] {(c.tp() + c.fp()) / n, tpr, fpr});
        }
        if (present.isEmpty()) {
            m.put("demographic_parity_difference", Comparison.undefined(UndefinedReason.EMPTY_GROUP));
        } else {
            m.put("demographic_parity_difference", spread(present, rates, 0));
            if (labelled) {
                Comparison tpr = spread(present, rates, 1);
                Comparison fpr = spread(present, rates, 2);
                m.put("equalized_odds_difference", tpr.value() >= fpr.value() ? tpr : fpr);
            }
        }
        return m;
    }

    private static Comparison spread(List<String> groups, List<double[]> rates, int k) {
        int hi = 0;
        int lo = 0;
        for (int i = 1; i < groups.size(); i++) {
            if (rates.get(i)[k] > rates.get(hi)[k]) {
                hi = i;
            }
            if (rates.get(i)[k] < rates.get(lo)[k]) {
                lo = i;
            }
        }
        return Comparison.of(MetricValue.of(rates.get(hi)[k] - rates.get(lo)[k]), groups.get(hi), groups.get(lo),
                List.of());
    }

    private static CbpeResult cbpe(WindowData cur, int[] scored, int[] lab, MonitorReference ref) {
        CbpeCalibration cal = ref.calibration();
        double[] raw = WindowData.pick(cur.scores(), scored);
        int[] pred = WindowData.pick(cur.predictions(), scored);
        double[] prob = new double[raw.length];
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            prob[i] = cal.probability(raw[i]);
            sum += prob[i];
        }
        Map<String, Double> estimated = Cbpe.estimate(prob, pred, raw);
        int[] labScored = java.util.Arrays.stream(lab).filter(i -> !Double.isNaN(cur.scores()[i])).toArray();
        Map<String, Double> realized = labScored.length == 0 ? Map.of()
                : Cbpe.realized(WindowData.pick(cur.labels(), labScored), WindowData.pick(cur.predictions(), labScored),
                        WindowData.pick(cur.scores(), labScored));
        Map<String, Map<String, Map<String, Double>>> byGroup = new LinkedHashMap<>();
        for (int a = 0; a < cur.groups().length; a++) {
            String[] g = WindowData.pick(cur.groups()[a], scored);
            Map<String, Map<String, Double>> per = new java.util.TreeMap<>();
            for (String value : new java.util.TreeSet<>(java.util.Arrays.asList(g))) {
                int[] idx = java.util.stream.IntStream.range(0, g.length).filter(i -> g[i].equals(value)).toArray();
                per.put(value, Cbpe.estimate(WindowData.pick(prob, idx), WindowData.pick(pred, idx),
                        WindowData.pick(raw, idx)));
            }
            byGroup.put(cur.schema().protectedAttributes().get(a), per);
        }
        return new CbpeResult(sum / raw.length, estimated, realized, byGroup, Map.of());
    }

    private static Map<String, String> labels(String metric, WindowSchema schema) {
        Map<String, String> l = new LinkedHashMap<>();
        if (metric.startsWith("drift.feature.")) {
            l.put("feature", metric.substring("drift.feature.".length()));
        } else {
            int dot = metric.indexOf('.');
            if (dot > 0 && schema.protectedAttributes().contains(metric.substring(0, dot))) {
                l.put("attribute", metric.substring(0, dot));
            }
        }
        return l;
    }

    private static MetricSample sample(String metric, double value, Window window, WindowSchema schema) {
        Map<String, String> l = labels(metric, schema);
        l.put("window", window.key());
        String name;
        if (metric.startsWith("drift.feature.")) {
            name = "feature_drift_value";
        } else if (l.containsKey("attribute")) {
            name = metric.substring(metric.indexOf('.') + 1);
        } else {
            name = metric.replace('.', '_');
        }
        return new MetricSample(name, "candor monitor: " + metric, l, value);
    }
}
