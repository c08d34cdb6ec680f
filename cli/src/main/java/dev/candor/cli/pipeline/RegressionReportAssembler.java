package dev.candor.cli.pipeline;

import dev.candor.core.BadInputException;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.BootstrapResult;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.fairness.performance.Aggregate;
import dev.candor.fairness.performance.PerformanceFrame;
import dev.candor.fairness.performance.PerformanceIntervals;
import dev.candor.fairness.performance.PerformancePolicy;
import dev.candor.fairness.performance.RegressionMetric;
import dev.candor.fairness.performance.RegressionSample;
import dev.candor.models.RegressorKind;
import dev.candor.models.RegressorTrainer;
import dev.candor.models.TrainedRegressor;
import dev.candor.report.Report;
import dev.candor.report.assemble.AuditSections;
import dev.candor.report.assemble.MetricDefinitions;
import dev.candor.report.assemble.RegressionSections;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.RegressionSection;
import dev.candor.report.sections.SummarySection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes a report on a numeric label: splits the rows (seeded, not stratified), trains a regressor on
 * the training part, measures its errors on the test part overall and by protected group (scikit-learn
 * metrics disaggregated like fairlearn's MetricFrame, with row-resampling bootstrap intervals), draws
 * the residuals by group, checks a policy on the error aggregates (for example
 * {@code mean_absolute_error_difference <= 2}), and explains the regressor with KernelSHAP and LIME,
 * whose explained output is the predicted value itself.
 *
 * <pre>{@code
 * Dataset adult = AdultDataset.load();
 * Report r = RegressionReportAssembler.builder(adult.dropFeatures("hours-per-week"), "hours-per-week",
 *         adult.column("hours-per-week")).model(RegressorKind.LINEAR).build().run();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RegressionReportAssembler {

    private final Builder b;

    private RegressionReportAssembler(Builder b) {
        this.b = b;
    }

    /**
     * @param features the features and protected attributes (the target is not among the features;
     *                 the dataset's binary label is not used)
     * @param target   the target's name
     * @param y        the target per row
     * @return a builder with the defaults of {@link ReportAssembler}
     */
    public static Builder builder(Dataset features, String target, double[] y) {
        return new Builder(features, target, y);
    }

    /**
     * Runs every step.
     *
     * @return the report
     * @throws BadInputException if the data cannot be audited (no protected attribute, a single group, a
     *                           non-finite or constant target, too few rows)
     */
    public Report run() {
        Dataset d = b.dataset;
        check(d);
        StepProgress progress = b.progress;
        int n = d.rows();
        int[][] split = split(n, b.testFraction, b.seed);
        Dataset train = d.select(split[0]);
        Dataset test = d.select(split[1]);
        double[] yTrain = pick(b.y, split[0]);
        double[] yTest = pick(b.y, split[1]);
        if (train.rows() < 2 || test.rows() < 2) {
            throw new BadInputException("the test fraction " + b.testFraction + " of " + n + " rows leaves "
                    + test.rows() + " test row(s) and " + train.rows() + " training row(s); use more data");
        }

        progress.step("training " + b.model.label() + " on " + train.rows() + " rows");
        TrainedRegressor model = RegressorTrainer.of(b.model).withSeed(b.seed)
                .train(train.features(), train.x(), b.target, yTrain);
        double[] yHat = model.predict(test.x());
        progress.done();

        progress.step("measuring errors on " + test.rows() + " test rows (" + b.bootstrapResamples
                + " bootstrap resamples)");
        RegressionSample sample = RegressionSample.of(yTest, yHat, null,
                new RegressionSample.Columns(b.target, "prediction", null));
        List<GroupAttribute> attributes = new ArrayList<>();
        for (ProtectedAttribute pa : test.protectedAttributes()) {
            if (pa.groups().size() < 2) {
                throw new BadInputException("the test split leaves a single group of '" + pa.name() + "' "
                        + pa.groups() + " among the " + test.rows() + " test rows; use more data or a larger "
                        + "test fraction");
            }
            attributes.add(GroupAttribute.of(pa.name(), pa.values()));
        }
        List<RegressionMetric> metrics = RegressionMetric.available(sample);
        List<PerformanceFrame<RegressionSample>> frames = attributes.stream()
                .map(a -> PerformanceFrame.of(sample, a, metrics)).toList();
        Bootstrap bootstrap = Bootstrap.builder().seed(b.seed).resamples(b.bootstrapResamples).build();
        List<RegressionMetric> ciMetrics = PerformanceIntervals.REGRESSION_DEFAULTS.stream()
                .filter(metrics::contains).toList();
        Map<String, BootstrapResult> intervals = new LinkedHashMap<>();
        for (GroupAttribute a : attributes) {
            intervals.put(a.name(), PerformanceIntervals.rowMetrics(bootstrap, sample, a, ciMetrics));
        }
        PolicyResult check = b.policy == null ? null
                : PerformancePolicy.evaluate(PerformancePolicy.performanceRules(b.policy, frames), frames);
        String text = "The " + model.name() + " was trained on " + train.rows() + " rows to predict " + b.target
                + " and is measured on " + test.rows() + " held-out rows.";
        RegressionSection section = RegressionSections.of(b.target, text, frames, intervals, yTest, yHat, attributes,
                b.seed);
        progress.done();

        ExplanationSections.Result ex = null;
        if (b.explainRows > 0) {
            double[] sorted = yHat.clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            ex = ExplanationSections.compute(model, train, test, yHat, b.explainRows, b.backgroundRows, b.limeSamples,
                    b.seed, progress, new ExplanationSections.LocalRows("prediction", median,
                            "the median prediction"));
        }
        List<String> findings = findings(frames, ex == null ? null : ex.section());
        SummarySection summary = new SummarySection(b.title, d.name(), describe(d), model.name(), train.rows(),
                test.rows(), Double.NaN, Double.NaN, b.policy == null ? "none" : b.policyName,
                check == null || check.passed(), RegressionSections.verdicts(section, check), findings);
        return Report.builder().summary(summary).regression(section)
                .explanations(ex == null ? null : ex.section()).methods(methods(d, model, ex)).build();
    }

    private void check(Dataset d) {
        if (d.protectedAttributes().isEmpty()) {
            throw new BadInputException("dataset " + d.name() + " has no protected attribute; name one with "
                    + "--protected COLUMN");
        }
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            if (pa.groups().size() < 2) {
                throw new BadInputException("protected attribute '" + pa.name() + "' of " + d.name()
                        + " has a single group (" + pa.groups() + "); a report compares at least two groups");
            }
        }
        if (b.y.length != d.rows()) {
            throw new BadInputException("target '" + b.target + "' has " + b.y.length + " values for " + d.rows()
                    + " rows");
        }
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < b.y.length; i++) {
            if (!Double.isFinite(b.y[i])) {
                throw new BadInputException("target '" + b.target + "', row " + (i + 1) + ": " + b.y[i]
                        + " is not a finite number");
            }
            if (distinct.size() < 2) {
                distinct.add(b.y[i]);
            }
        }
        if (distinct.size() < 2) {
            throw new BadInputException("target '" + b.target + "' of " + d.name() + " is constant (" + b.y[0]
                    + "); there is nothing to predict");
        }
    }

    /** A seeded random split: {train rows, test rows}, each ascending; the test part has round(f·n) rows. */
    static int[][] split(int n, double testFraction, long seed) {
        int[] idx = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int nTest = (int) Math.round(testFraction * n);
        int[] test = Arrays.copyOf(idx, nTest);
        int[] train = Arrays.copyOfRange(idx, nTest, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new int[][] {train, test};
    }

    private static double[] pick(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }

    private String describe(Dataset d) {
        List<String> attrs = new ArrayList<>();
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            attrs.add(pa.name());
        }
        return d.rows() + " rows, " + d.features().size() + " features; numeric target " + b.target
                + " (a regression); protected " + String.join(", ", attrs) + ".";
    }

    /** The largest error gap of each attribute, and the feature whose SHAP values differ most by group. */
    private static List<String> findings(List<PerformanceFrame<RegressionSample>> frames, ExplanationSection e) {
        List<String> out = new ArrayList<>();
        RegressionMetric mae = RegressionMetric.MEAN_ABSOLUTE_ERROR;
        for (PerformanceFrame<RegressionSample> f : frames) {
            MetricValue lo = f.aggregate(Aggregate.GROUP_MIN, mae);
            MetricValue hi = f.aggregate(Aggregate.GROUP_MAX, mae);
            if (!lo.isDefined() || !hi.isDefined()) {
                continue;
            }
            String worst = null;
            String best = null;
            for (String g : f.groups()) {
                MetricValue v = f.group(g, mae);
                if (v.isDefined() && v.value() == hi.value() && worst == null) {
                    worst = g;
                }
                if (v.isDefined() && v.value() == lo.value() && best == null) {
                    best = g;
                }
            }
            out.add(String.format(Locale.ROOT, "By %s, the mean absolute error is largest for %s (%.3f) and smallest "
                    + "for %s (%.3f): a difference of %.3f.", f.attribute(), worst, hi.value(), best, lo.value(),
                    hi.value() - lo.value()));
        }
        if (e != null) {
            for (ExplanationSection.GroupImportance g : e.byGroup()) {
                if (g.groups().size() >= 2 && e.features().contains(g.largestShift())) {
                    out.add("By " + g.attribute() + ", the feature whose SHAP values differ most between the groups is "
                            + g.largestShift() + "; it moves the predictions of the groups apart.");
                }
            }
        }
        return out;
    }

    private MethodsSection methods(Dataset d, TrainedRegressor model, ExplanationSections.Result ex) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataset", d.name() + " (" + d.rows() + " rows, " + d.fingerprint() + ")");
        s.put("task", "regression");
        s.put("target", b.target);
        s.put("seed", String.valueOf(b.seed));
        s.put("test_fraction", b.testFraction + " (seeded random split)");
        s.put("model", model.name());
        model.settings().forEach((k, v) -> s.put("model." + k, v));
        s.put("policy", b.policy == null ? "none" : b.policyName);
        if (b.policy != null) {
            for (Policy.Rule r : b.policy.rules()) {
                s.put("policy.rule." + r.metric(), (r.min() == null ? "" : r.min() + " <= ") + "value"
                        + (r.max() == null ? "" : " <= " + r.max()));
            }
        }
        s.put("intervals", "bootstrap percentile over resampled test rows, " + b.bootstrapResamples
                + " resamples, level 0.95, seed " + b.seed);
        if (ex != null) {
            s.putAll(ex.settings());
            s.put("lime.mode", "regression: the explained output is the predicted value");
        }
        List<MethodsSection.ProvenanceRow> prov = new ArrayList<>();
        prov.add(AuditSections.provenanceRow("trained " + model.name(), model.provenance()));
        if (ex != null) {
            prov.addAll(ex.provenance());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (RegressionMetric m : RegressionMetric.values()) {
            keys.add(m.key());
        }
        keys.addAll(List.of("residual", "shap", "lime", "lime_stability"));
        return new MethodsSection(s, prov, MetricDefinitions.of(keys));
    }

    /** Options of a regression report. */
    public static final class Builder {
        private final Dataset dataset;
        private final String target;
        private final double[] y;
        private RegressorKind model = RegressorKind.LINEAR;
        private long seed = ReportAssembler.DEFAULT_SEED;
        private double testFraction = ReportAssembler.DEFAULT_TEST_FRACTION;
        private Policy policy;
        private String policyName;
        private int explainRows = ReportAssembler.DEFAULT_EXPLAIN_ROWS;
        private int backgroundRows = ReportAssembler.DEFAULT_BACKGROUND_ROWS;
        private int bootstrapResamples = ReportAssembler.DEFAULT_BOOTSTRAP_RESAMPLES;
        private int limeSamples = ReportAssembler.DEFAULT_LIME_SAMPLES;
        private String title = "Candor regression report";
        private StepProgress progress = StepProgress.NONE;

        private Builder(Dataset dataset, String target, double[] y) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            this.target = Objects.requireNonNull(target, "target");
            this.y = Objects.requireNonNull(y, "y").clone();
        }

        /** @param kind the regressor (default linear) @return this */
        public Builder model(RegressorKind kind) {
            this.model = Objects.requireNonNull(kind, "model");
            return this;
        }

        /** @param s the seed of every random choice (default 42) @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** @param f the share of rows held out, in (0, 1) (default 0.3) @return this */
        public Builder testFraction(double f) {
            if (!(f > 0 && f < 1)) {
                throw new IllegalArgumentException("testFraction must be strictly between 0 and 1, got " + f);
            }
            this.testFraction = f;
            return this;
        }

        /**
         * @param p    a policy whose rules bound error aggregates (for example
         *             {@code mean_absolute_error_difference}); violations make the report fail
         * @param name its name in the report
         * @return this
         */
        public Builder policy(Policy p, String name) {
            this.policy = Objects.requireNonNull(p, "policy");
            this.policyName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** @param n test rows explained with KernelSHAP (0: no explanations; default 200) @return this */
        public Builder explainRows(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("explainRows must be >= 0, got " + n);
            }
            this.explainRows = n;
            return this;
        }

        /** @param n SHAP background rows (default 50) @return this */
        public Builder backgroundRows(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("backgroundRows must be >= 1, got " + n);
            }
            this.backgroundRows = n;
            return this;
        }

        /** @param n bootstrap resamples (default 500) @return this */
        public Builder bootstrapResamples(int n) {
            if (n < 10) {
                throw new IllegalArgumentException("bootstrapResamples must be >= 10, got " + n);
            }
            this.bootstrapResamples = n;
            return this;
        }

        /** @param n LIME samples per explanation (default 2000) @return this */
        public Builder limeSamples(int n) {
            if (n < 100) {
                throw new IllegalArgumentException("limeSamples must be >= 100, got " + n);
            }
            this.limeSamples = n;
            return this;
        }

        /** @param t the title @return this */
        public Builder title(String t) {
            this.title = Objects.requireNonNull(t, "title");
            return this;
        }

        /** @param p progress of the long steps @return this */
        public Builder progress(StepProgress p) {
            this.progress = Objects.requireNonNull(p, "progress");
            return this;
        }

        /** @return the assembler */
        public RegressionReportAssembler build() {
            return new RegressionReportAssembler(this);
        }
    }
}
