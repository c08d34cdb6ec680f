package dev.candor.monitor.window;

import dev.candor.core.Fingerprint;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.performance.ClassificationMetric;
import dev.candor.fairness.performance.ClassificationSample;
import dev.candor.fairness.performance.ZeroDivision;
import dev.candor.monitor.DatasetProfile;
import dev.candor.monitor.FeatureKind;
import dev.candor.monitor.FeatureProfile;
import dev.candor.monitor.alert.Severity;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reference period, prepared once for every window: its rows, the CBPE calibration decision,
 * its chunks' results and the thresholds every monitoring rule derives from them.
 *
 * <p>Thresholds: a rule with {@code reference_band} k takes the metric's value on every reference
 * chunk (for {@code estimated.<metric>}, the <b>realized</b> value, as NannyML does) and sets
 * mean ± k·sd ({@link Threshold#fromReference}); a rule with {@code min}/{@code max} sets fixed
 * bounds. Immutable and {@link Serializable}, so a stream processor can ship it to its workers.
 *
 * <p>Serialization writes a proxy holding the reference rows, each reference chunk's rows and window,
 * the CBPE calibration decision (with its fitted calibrator), the rules, privileged values, resamples
 * and seed; reading it back re-evaluates the chunks against the carried calibration. Chunk evaluation
 * is deterministic (the bootstrap is seeded), so the deserialized reference has the same chunk results
 * and thresholds, and evaluates every window to the same result, as the original; the calibration
 * (the costly, randomly split step) is never redone.
 *
 * @since 0.2.0
 */
public final class MonitorReference implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The watched performance metrics (scikit-learn names), in report order. */
    public static final List<String> PERFORMANCE = List.of("accuracy", "balanced_accuracy", "precision", "recall",
            "f1", "roc_auc", "average_precision", "log_loss", "brier_score_loss");
    /** AIF360's privileged-form metrics watched per attribute with a privileged value. */
    public static final List<String> AIF360 = List.of("statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference");
    /** fairlearn's between-groups metrics watched per attribute. */
    public static final List<String> FAIRLEARN = List.of("demographic_parity_difference", "equalized_odds_difference");

    private final WindowData data;
    private final Map<String, String> privileged;
    private final CbpeCalibration calibration;
    private final int resamples;
    private final long seed;
    private final List<WindowResult> chunks;
    private final List<MonitoringRule> rules;
    private final Map<String, Threshold> thresholds;
    private final Map<String, MonitoringRule> ruleOf;
    private final List<Window> chunkWindows;
    private final List<WindowData> chunkData;
    private final transient ProfileSide profile;
    private final Map<String, String> unavailable;

    private MonitorReference(WindowData data, Map<String, String> privileged, CbpeCalibration calibration,
            int resamples, long seed, List<WindowResult> chunks, List<MonitoringRule> rules,
            Map<String, Threshold> thresholds, Map<String, MonitoringRule> ruleOf, List<Window> chunkWindows,
            List<WindowData> chunkData) {
        this(data, privileged, calibration, resamples, seed, chunks, rules, thresholds, ruleOf, chunkWindows,
                chunkData, null, Map.of());
    }

    private MonitorReference(WindowData data, Map<String, String> privileged, CbpeCalibration calibration,
            int resamples, long seed, List<WindowResult> chunks, List<MonitoringRule> rules,
            Map<String, Threshold> thresholds, Map<String, MonitoringRule> ruleOf, List<Window> chunkWindows,
            List<WindowData> chunkData, ProfileSide profile, Map<String, String> unavailable) {
        this.profile = profile;
        this.unavailable = unavailable;
        this.chunkWindows = chunkWindows;
        this.chunkData = chunkData;
        this.data = data;
        this.privileged = privileged;
        this.calibration = calibration;
        this.resamples = resamples;
        this.seed = seed;
        this.chunks = chunks;
        this.rules = rules;
        this.thresholds = thresholds;
        this.ruleOf = ruleOf;
    }

    /**
     * @param reference  the reference rows
     * @param chunks     the reference cut like the analysis windows (each with its window), possibly empty
     * @param privileged privileged value per protected attribute (attributes not named get fairlearn's
     *                   between-groups metrics only)
     * @param rules      the monitoring rules ({@link #defaultRules} when none are given)
     * @param folds      CBPE calibration test folds, or {@code null} to draw them with {@code seed}
     * @param resamples  bootstrap resamples for fairness intervals (0 for none)
     * @param seed       the seed of the bootstrap and of drawn folds
     * @return the prepared reference
     */
    public static MonitorReference of(WindowProfile reference, List<Map.Entry<Window, WindowProfile>> chunks,
            Map<String, String> privileged, List<MonitoringRule> rules, List<int[]> folds, int resamples, long seed) {
        Objects.requireNonNull(reference, "reference");
        if (reference.rows() == 0) {
            throw new IllegalArgumentException("the reference has no rows");
        }
        WindowData data = reference.snapshot();
        Map<String, String> priv = Collections.unmodifiableMap(new LinkedHashMap<>(privileged));
        for (String a : priv.keySet()) {
            if (!data.schema().protectedAttributes().contains(a)) {
                throw new IllegalArgumentException("privileged value given for '" + a
                        + "', which is not a protected attribute " + data.schema().protectedAttributes());
            }
        }
        CbpeCalibration cal = calibrate(reference.labelsAsAdded(), reference.scoresAsAdded(), folds, seed);
        List<Window> windows = new ArrayList<>();
        List<WindowData> chunkData = new ArrayList<>();
        for (Map.Entry<Window, WindowProfile> c : chunks) {
            windows.add(c.getKey());
            chunkData.add(c.getValue().snapshot());
        }
        return prepare(data, priv, cal, windows, chunkData, rules, resamples, seed);
    }

    /** Evaluates the chunks against the calibration and derives every rule's threshold from them. */
    private static MonitorReference prepare(WindowData data, Map<String, String> priv, CbpeCalibration cal,
            List<Window> windows, List<WindowData> chunkData, List<MonitoringRule> rules, int resamples, long seed) {
        MonitorReference bare = new MonitorReference(data, priv, cal, resamples, seed, List.of(), List.of(), Map.of(),
                Map.of(), List.of(), List.of());
        List<WindowResult> chunkResults = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            chunkResults.add(WindowEvaluation.evaluate(chunkData.get(i), bare, windows.get(i)));
        }
        List<MonitoringRule> rs = List.copyOf(rules.isEmpty() ? defaultRules(data.schema(), priv) : rules);
        Map<String, Threshold> th = new LinkedHashMap<>();
        Map<String, MonitoringRule> ruleOf = new LinkedHashMap<>();
        for (MonitoringRule r : rs) {
            for (String m : r.watchedMetrics(data.schema().protectedAttributes())) {
                double[] values = new double[chunkResults.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = chunkValue(chunkResults.get(i), m);
                }
                th.put(m, r.threshold(m, values));
                ruleOf.put(m, r);
            }
        }
        return new MonitorReference(data, priv, cal, resamples, seed, List.copyOf(chunkResults), rs,
                Collections.unmodifiableMap(th), Collections.unmodifiableMap(ruleOf), List.copyOf(windows),
                List.copyOf(chunkData));
    }

    /**
     * A reference kept only as a saved {@link DatasetProfile} ({@code candor profile}): the raw rows
     * are not needed. Each window's data drift is computed against the profile by
     * {@link dev.candor.monitor.ProfileDrift} (count-based tests exact over the reference's bins and
     * categories, KS approximate from the quantile sketches with its rank-error bound, tests that
     * need every value undefined with {@code needs_raw_values}); prediction drift when the profile
     * holds the score column. What a profile cannot give is left out and named in
     * {@link #unavailable()} with its reason: the CBPE calibration (needs labelled scores), label
     * drift (needs the reference labels) and thresholds derived from reference chunks
     * ({@code reference_band} rules). Fixed {@code min}/{@code max} rules apply as usual; without
     * rules the default is the drift share above 0.5 plus every fixed rule given.
     *
     * @param profile      the reference profile; it must hold every feature of {@code schema} with the
     *                     same kind (numeric or categorical), and may hold more columns
     * @param schema       the monitored features and protected attributes
     * @param scoreFeature the score column's name in the profile, or {@code null}
     * @param privileged   privileged value per protected attribute
     * @param rules        the monitoring rules (empty for the default)
     * @param resamples    bootstrap resamples for fairness intervals (0 for none)
     * @param seed         the bootstrap seed
     * @return the reference
     * @throws IllegalArgumentException if the profile lacks a feature or holds it with another kind,
     *                                  naming both schema fingerprints
     */
    public static MonitorReference ofProfile(DatasetProfile profile, WindowSchema schema, String scoreFeature,
            Map<String, String> privileged, List<MonitoringRule> rules, int resamples, long seed) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(schema, "schema");
        ProfileSide side = ProfileSide.of(profile, schema, scoreFeature);
        Map<String, String> priv = Collections.unmodifiableMap(new LinkedHashMap<>(privileged));
        for (String a : priv.keySet()) {
            if (!schema.protectedAttributes().contains(a)) {
                throw new IllegalArgumentException("privileged value given for '" + a
                        + "', which is not a protected attribute " + schema.protectedAttributes());
            }
        }
        Map<String, String> missing = new LinkedHashMap<>();
        missing.put("cbpe", "a reference profile holds no labelled scores to calibrate on; estimated.* metrics "
                + "need the raw reference");
        missing.put("label_drift", "a reference profile holds no reference labels");
        missing.put("reference_chunks", "a reference profile is not cut into chunks; reference_band thresholds "
                + "and the reference chunks' series need the raw reference");
        if (side.score() == null) {
            missing.put("prediction_drift", scoreFeature == null ? "no score column given"
                    : "the reference profile holds no numeric column '" + scoreFeature + "'");
        }
        List<MonitoringRule> given = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (MonitoringRule r : rules.isEmpty() ? defaultRules(schema, priv) : rules) {
            if (r.referenceBand() == null) {
                given.add(r);
            } else {
                dropped.add(r.key());
            }
        }
        if (!dropped.isEmpty()) {
            missing.put("reference_band", "rules " + dropped + " derive their thresholds from reference chunks, "
                    + "which a reference profile does not hold; not applied");
        }
        WindowData empty = new WindowData(schema, 0, new double[schema.numeric().size()][0],
                new String[schema.categorical().size()][0], new int[0], new int[0], new double[0],
                new String[schema.protectedAttributes().size()][0]);
        CbpeCalibration none = new CbpeCalibration(false, Double.NaN, Double.NaN, Double.NaN, null);
        List<MonitoringRule> rs = List.copyOf(given);
        Map<String, Threshold> th = new LinkedHashMap<>();
        Map<String, MonitoringRule> ruleOf = new LinkedHashMap<>();
        for (MonitoringRule r : rs) {
            for (String m : r.watchedMetrics(schema.protectedAttributes())) {
                th.put(m, r.threshold(m, new double[0]));
                ruleOf.put(m, r);
            }
        }
        return new MonitorReference(empty, priv, none, resamples, seed, List.of(), rs,
                Collections.unmodifiableMap(th), Collections.unmodifiableMap(ruleOf), List.of(), List.of(), side,
                Collections.unmodifiableMap(missing));
    }

    /** The profile of the monitored features (in schema order) and of the score, for windows to compare with. */
    record ProfileSide(DatasetProfile features, FeatureProfile score, long rows, String fingerprint) {

        static ProfileSide of(DatasetProfile profile, WindowSchema schema, String scoreFeature) {
            List<FeatureProfile> picked = new ArrayList<>();
            String problem = null;
            for (String f : schema.numeric()) {
                problem = problem != null ? problem : pick(profile, f, FeatureKind.NUMERIC, picked);
            }
            for (String f : schema.categorical()) {
                problem = problem != null ? problem : pick(profile, f, FeatureKind.CATEGORICAL, picked);
            }
            if (problem != null) {
                Fingerprint.Builder cur = Fingerprint.builder();
                schema.numeric().forEach(f -> cur.add(f).add(FeatureKind.NUMERIC.key()));
                schema.categorical().forEach(f -> cur.add(f).add(FeatureKind.CATEGORICAL.key()));
                throw new IllegalArgumentException("the reference profile's schema (fingerprint "
                        + profile.schemaFingerprint().hash() + ", features " + kinds(profile)
                        + ") differs from the monitored columns' (fingerprint "
                        + cur.build(0, schema.features()).hash() + ", numeric " + schema.numeric() + ", categorical "
                        + schema.categorical() + "): " + problem + "; profile the reference again with these features");
            }
            FeatureProfile score = scoreFeature == null ? null : profile.features().get(scoreFeature);
            if (score != null && score.kind() != FeatureKind.NUMERIC) {
                score = null;
            }
            long rows = 0;
            for (FeatureProfile f : profile.features().values()) {
                rows = Math.max(rows, f.count() + f.missing());
            }
            return new ProfileSide(DatasetProfile.of(picked), score, rows, profile.schemaFingerprint().hash());
        }

        private static String pick(DatasetProfile profile, String f, FeatureKind kind, List<FeatureProfile> out) {
            FeatureProfile p = profile.features().get(f);
            if (p == null) {
                return "feature '" + f + "' is not in the profile";
            }
            if (p.kind() != kind) {
                return "feature '" + f + "' is " + p.kind().key() + " in the profile, " + kind.key() + " here";
            }
            out.add(p);
            return null;
        }

        private static String kinds(DatasetProfile profile) {
            List<String> k = new ArrayList<>();
            profile.features().forEach((n, f) -> k.add(n + ":" + f.kind().key()));
            return k.toString();
        }
    }

    private Object writeReplace() throws java.io.NotSerializableException {
        if (profile != null) {
            throw new java.io.NotSerializableException("a monitor reference built from a saved profile: ship the "
                    + "profile file and call MonitorReference.ofProfile where it is read");
        }
        return new Proxy(data, new LinkedHashMap<>(privileged), calibration, new ArrayList<>(chunkWindows),
                new ArrayList<>(chunkData), new ArrayList<>(rules), resamples, seed);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a monitor reference is read through its serialization proxy");
    }

    /** What a serialized reference carries: its inputs and its calibration, never its derived chunk results. */
    private record Proxy(WindowData data, LinkedHashMap<String, String> privileged, CbpeCalibration calibration,
            ArrayList<Window> chunkWindows, ArrayList<WindowData> chunkData, ArrayList<MonitoringRule> rules,
            int resamples, long seed) implements Serializable {

        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return prepare(data, Collections.unmodifiableMap(new LinkedHashMap<>(privileged)), calibration,
                    chunkWindows, chunkData, rules, resamples, seed);
        }
    }

    private static double chunkValue(WindowResult chunk, String metric) {
        if (metric.startsWith("estimated.")) {
            Double v = chunk.cbpe() == null ? null : chunk.cbpe().realized().get(metric.substring("estimated.".length()));
            return v == null ? Double.NaN : v;
        }
        Double v = chunk.watched().get(metric);
        return v == null ? Double.NaN : v;
    }

    private static CbpeCalibration calibrate(int[] labels, double[] scores, List<int[]> folds, long seed) {
        int[] scored = java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] != WindowRow.MISSING && !Double.isNaN(scores[i])).toArray();
        if (scored.length == 0) {
            return new CbpeCalibration(false, Double.NaN, Double.NaN, Double.NaN, null);
        }
        int[] y = WindowData.pick(labels, scored);
        double[] s = WindowData.pick(scores, scored);
        double auc = ClassificationMetric.ROC_AUC.compute(ClassificationSample.of(y, null, s, null), ZeroDivision.ZERO)
                .value();
        if (folds != null) {
            if (scored.length != labels.length) {
                throw new IllegalArgumentException("calibration folds need a label and a score on every reference row");
            }
            return CbpeCalibration.decide(y, s, auc, folds);
        }
        return CbpeCalibration.decide(y, s, auc, seed);
    }

    /**
     * The rules used when a policy names none: reference band k = 3 on every performance metric, every
     * CBPE estimate and every fairness metric of every attribute (AIF360's privileged forms where a
     * privileged value is named), and the dataset drift share above 0.5.
     *
     * @param schema     the schema
     * @param privileged privileged values by attribute
     * @return the rules
     */
    public static List<MonitoringRule> defaultRules(WindowSchema schema, Map<String, String> privileged) {
        List<MonitoringRule> r = new ArrayList<>();
        r.add(new MonitoringRule("drift.share", null, 0.5, null, List.of(), Severity.WARNING));
        for (String m : PERFORMANCE) {
            r.add(MonitoringRule.band("performance." + m, Threshold.DEFAULT_K, Severity.WARNING));
        }
        for (String m : Cbpe.METRICS) {
            r.add(MonitoringRule.band("estimated." + m, Threshold.DEFAULT_K, Severity.WARNING));
        }
        List<String> withPrivileged = schema.protectedAttributes().stream().filter(privileged::containsKey).toList();
        if (!withPrivileged.isEmpty()) {
            for (String m : AIF360) {
                r.add(new MonitoringRule("fairness." + m, null, null, Threshold.DEFAULT_K, withPrivileged,
                        Severity.WARNING));
            }
        }
        if (!schema.protectedAttributes().isEmpty()) {
            for (String m : FAIRLEARN) {
                r.add(MonitoringRule.band("fairness." + m, Threshold.DEFAULT_K, Severity.WARNING));
            }
        }
        return r;
    }

    /** @return the schema */
    public WindowSchema schema() {
        return data.schema();
    }

    /** @return the reference rows (for a profile, the most rows any of its columns counts) */
    public long rows() {
        return profile != null ? profile.rows() : data.rows();
    }

    /**
     * @return what this reference cannot give, by item ({@code cbpe}, {@code label_drift},
     *         {@code reference_chunks}, {@code reference_band}, {@code prediction_drift}), with the
     *         reason; empty for a reference built from rows
     */
    public Map<String, String> unavailable() {
        return unavailable;
    }

    /** @return the schema fingerprint of the saved profile this reference stands on, or {@code null} */
    public String profileFingerprint() {
        return profile == null ? null : profile.fingerprint();
    }

    ProfileSide profile() {
        return profile;
    }

    /** @return privileged values by attribute */
    public Map<String, String> privileged() {
        return privileged;
    }

    /** @return the CBPE calibration decision */
    public CbpeCalibration calibration() {
        return calibration;
    }

    /** @return the results of the reference chunks, in order */
    public List<WindowResult> chunks() {
        return chunks;
    }

    /** @return the rules in force */
    public List<MonitoringRule> rules() {
        return rules;
    }

    /** @return the threshold of every watched metric, in rule order */
    public Map<String, Threshold> thresholds() {
        return thresholds;
    }

    /**
     * @param metric a watched metric
     * @return the rule that watches it, or {@code null}
     */
    public MonitoringRule ruleOf(String metric) {
        return ruleOf.get(metric);
    }

    /** @return bootstrap resamples for fairness intervals (0 for none) */
    public int resamples() {
        return resamples;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the default seed ({@link Bootstrap#DEFAULT_SEED}) */
    public static long defaultSeed() {
        return Bootstrap.DEFAULT_SEED;
    }

    WindowData data() {
        return data;
    }
}
