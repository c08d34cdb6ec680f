package dev.candor.monitor.window;

import dev.candor.core.Provenance;
import dev.candor.monitor.DatasetProfile;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Watches a deployed model window by window against a reference period: data drift per feature,
 * prediction and label drift, performance, fairness per protected attribute, CBPE estimates, and
 * alerts where a monitoring rule's threshold is crossed.
 *
 * <pre>{@code
 * MonitoringResult r = Monitor.builder(reference)          // MonitorData of the reference period
 *         .windowing(Windowing.bySize(5000))
 *         .privileged("age_group", "ge25")
 *         .build()
 *         .run(current);
 * r.windows().get(0).performance().get("accuracy");
 * r.alerts();
 * }</pre>
 *
 * <p>The reference is cut into chunks like the windows; reference-band thresholds derive from the
 * chunks (NannyML's procedure, see {@link Threshold}). Each window is compared with the whole
 * reference. Windows are independent and evaluated in parallel on the common pool (each on one
 * thread, so results do not depend on the thread count); instances are immutable and reusable.
 *
 * <p>Against a saved reference profile instead of reference rows
 * ({@link #builder(DatasetProfile, WindowSchema)}), see {@link MonitorReference#ofProfile} for what
 * is computed and what is reported unavailable (in the provenance parameters
 * {@code unavailable.<item>}, shown by the JSON and the HTML report).
 *
 * @since 0.2.0
 */
public final class Monitor {

    private final MonitorReference reference;
    private final Windowing windowing;
    private final String model;

    private Monitor(MonitorReference reference, Windowing windowing, String model) {
        this.reference = reference;
        this.windowing = windowing;
        this.model = model;
    }

    /**
     * @param reference the reference period's rows
     * @return a builder
     */
    public static Builder builder(MonitorData reference) {
        return new Builder(reference);
    }

    /**
     * @param profile a saved reference profile ({@code candor profile})
     * @param schema  the monitored features (each must be in the profile) and protected attributes
     * @return a builder; {@link Builder#score(String)} names the profile's score column for
     *         prediction drift
     */
    public static Builder builder(DatasetProfile profile, WindowSchema schema) {
        return new Builder(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(schema, "schema"));
    }

    /** @return the prepared reference */
    public MonitorReference reference() {
        return reference;
    }

    /**
     * @param current the rows to monitor, in log order, with the reference's schema
     * @return the result
     */
    public MonitoringResult run(MonitorData current) {
        if (!current.schema().equals(reference.schema())) {
            throw new IllegalArgumentException("the current data's columns " + current.schema()
                    + " differ from the reference's " + reference.schema());
        }
        if (current.rows().isEmpty()) {
            throw new IllegalArgumentException("the current data has no rows");
        }
        long first = current.rows().get(0).index();
        List<Windowing.Span> spans = windowing.split(first, current.rows().size(), current.timestamps());
        // windows are independent and each is computed on one thread, so the result does not depend on the order
        List<WindowResult> windows = java.util.stream.IntStream.range(0, spans.size()).parallel()
                .mapToObj(i -> current.profile(spans.get(i).from(), spans.get(i).to())
                        .evaluate(reference, spans.get(i).window()))
                .toList();
        return result(windows);
    }

    /** @return how rows are cut into windows */
    public Windowing windowing() {
        return windowing;
    }

    /**
     * Assembles the result of windows evaluated elsewhere (for example profiles aggregated on a
     * cluster and evaluated against {@link #reference()}), exactly as {@link #run} assembles its own.
     *
     * @param windows the evaluated windows, in log order
     * @return the result, with alerts and provenance
     */
    public MonitoringResult result(List<WindowResult> windows) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("windowing", windowing.describe());
        params.put("rules", reference.rules().size());
        params.put("bootstrap_resamples", reference.resamples());
        params.put("needs_calibration", reference.calibration().needsCalibration());
        if (reference.profileFingerprint() != null) {
            params.put("reference", "profile " + reference.profileFingerprint());
        }
        reference.unavailable().forEach((k, v) -> params.put("unavailable." + k, v));
        Provenance provenance = Provenance.of("candor-monitor window monitor (Evidently 0.7.21 and NannyML 0.13.1 "
                + "semantics)", params, reference.seed(), null);
        return new MonitoringResult(model, reference.rows(), windowing.describe(), reference.calibration(),
                reference.thresholds(), reference.rules(), reference.chunks(), windows, provenance);
    }

    /** Collects the options of a monitor. */
    public static final class Builder {
        private final MonitorData reference;
        private final DatasetProfile profile;
        private final WindowSchema profileSchema;
        private String score;
        private Windowing windowing = Windowing.bySize(5000);
        private final Map<String, String> privileged = new LinkedHashMap<>();
        private final List<MonitoringRule> rules = new ArrayList<>();
        private List<int[]> folds;
        private int resamples = 200;
        private long seed = MonitorReference.defaultSeed();
        private String model = "model";

        private Builder(MonitorData reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            this.profile = null;
            this.profileSchema = null;
        }

        private Builder(DatasetProfile profile, WindowSchema schema) {
            this.reference = null;
            this.profile = profile;
            this.profileSchema = schema;
        }

        /** With a reference profile: the profile's score column, for prediction drift. */
        public Builder score(String column) {
            score = column;
            return this;
        }

        /** Cuts windows (and the reference chunks) this way; default 5,000 rows. */
        public Builder windowing(Windowing w) {
            windowing = Objects.requireNonNull(w, "windowing");
            return this;
        }

        /** Names the privileged value of a protected attribute (AIF360's privileged forms). */
        public Builder privileged(String attribute, String value) {
            privileged.put(attribute, value);
            return this;
        }

        /** Adds monitoring rules; without any, {@link MonitorReference#defaultRules} apply. */
        public Builder rules(List<MonitoringRule> r) {
            rules.addAll(r);
            return this;
        }

        /** Uses these CBPE calibration test folds instead of drawing them (e.g. sklearn's). */
        public Builder calibrationFolds(List<int[]> testFolds) {
            folds = List.copyOf(testFolds);
            return this;
        }

        /** Sets the fairness bootstrap resamples (default 200; 0 for no intervals). */
        public Builder bootstrap(int b) {
            if (b < 0) {
                throw new IllegalArgumentException("resamples must be >= 0, got " + b);
            }
            resamples = b;
            return this;
        }

        /** Sets the seed of the bootstrap and of drawn calibration folds. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** Names the model in alerts and exported metrics. */
        public Builder model(String name) {
            model = Objects.requireNonNull(name, "model");
            return this;
        }

        /** @return the monitor, with the reference prepared */
        public Monitor build() {
            if (profile != null) {
                if (folds != null) {
                    throw new IllegalArgumentException("calibration folds need the reference rows, not a profile");
                }
                return new Monitor(MonitorReference.ofProfile(profile, profileSchema, score, privileged, rules,
                        resamples, seed), windowing, model);
            }
            if (reference.rows().isEmpty()) {
                throw new IllegalArgumentException("the reference has no rows");
            }
            List<Map.Entry<Window, WindowProfile>> chunks = new ArrayList<>();
            if (!windowing.needsTime() || reference.timestamps() != null) {
                for (Windowing.Span s : windowing.split(reference.rows().get(0).index(), reference.rows().size(),
                        reference.timestamps())) {
                    chunks.add(new AbstractMap.SimpleImmutableEntry<>(s.window(), reference.profile(s.from(), s.to())));
                }
            }
            MonitorReference ref = MonitorReference.of(reference.profile(0, reference.rows().size()), chunks,
                    privileged, rules, folds, resamples, seed);
            return new Monitor(ref, windowing, model);
        }
    }
}
