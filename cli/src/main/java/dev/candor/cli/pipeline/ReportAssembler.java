package dev.candor.cli.pipeline;

import dev.candor.report.assemble.AuditSections;
import dev.candor.fairness.audit.DefaultPolicy;
import dev.candor.report.assemble.MetricDefinitions;
import dev.candor.core.BadInputException;
import dev.candor.core.Provenance;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.datasets.TrainTestSplit;
import dev.candor.fairness.Bootstrap;
import dev.candor.fairness.Comparison;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.MetricValue;
import dev.candor.fairness.Rate;
import dev.candor.explain.Model;
import dev.candor.report.Report;
import dev.candor.fairness.audit.AttributeAudit;
import dev.candor.fairness.audit.Audit;
import dev.candor.fairness.audit.AuditResult;
import dev.candor.fairness.audit.Policy;
import dev.candor.fairness.audit.PolicyResult;
import dev.candor.models.mitigation.ModelEvaluation;
import dev.candor.models.mitigation.ReweighingComparison;
import dev.candor.models.mitigation.ReweighingWorkflow;
import dev.candor.models.ClassifierKind;
import dev.candor.models.ClassifierTrainer;
import dev.candor.models.TrainedClassifier;
import dev.candor.report.sections.DataSection;
import dev.candor.report.sections.ExplanationSection;
import dev.candor.report.sections.FairnessSection;
import dev.candor.report.sections.MethodsSection;
import dev.candor.report.sections.MitigationSection;
import dev.candor.core.BadInputException;
import dev.candor.fairness.ConfidenceInterval;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.mitigation.CalibratedEqOddsPostprocessing;
import dev.candor.fairness.mitigation.EqOddsPostprocessing;
import dev.candor.fairness.mitigation.MitigationComparison;
import dev.candor.fairness.mitigation.RejectOptionClassification;
import dev.candor.fairness.mitigation.ThresholdConstraint;
import dev.candor.fairness.mitigation.ThresholdOptimizer;
import dev.candor.report.sections.PerformanceSection;
import dev.candor.report.sections.SummarySection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a full report from a dataset: splits it (stratified, seeded), trains a classifier on the
 * training part, audits its predictions on the test part against a fairness policy (with Wilson and
 * bootstrap intervals and 2×2 significance tests), compares the model with one trained on
 * reweighed data, and explains it with KernelSHAP and LIME.
 *
 * <pre>{@code
 * Report r = ReportAssembler.builder(SyntheticCredit.generate())
 *         .model(ClassifierKind.LOGISTIC).seed(42).build().run();
 * r.write(Path.of("report.html"), Path.of("report.json"));
 * }</pre>
 *
 * <p>Every random choice (split, bootstrap, background, explained rows, SHAP coalitions, LIME
 * samples, tree models) derives from the one seed, so the same inputs give the same numbers.
 *
 * @since 0.1.0
 */
public final class ReportAssembler {

    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;
    /** The default share of rows held out for evaluation. */
    public static final double DEFAULT_TEST_FRACTION = 0.3;
    /** The default number of test rows explained with KernelSHAP. */
    public static final int DEFAULT_EXPLAIN_ROWS = 200;
    /** The default size of the SHAP background (training rows drawn with the seed). */
    public static final int DEFAULT_BACKGROUND_ROWS = 50;
    /** The default number of bootstrap resamples for the metrics' intervals. */
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 500;
    /** The default number of LIME samples per explanation. */
    public static final int DEFAULT_LIME_SAMPLES = 2000;
    /** The score threshold of a favorable prediction. */
    public static final double THRESHOLD = 0.5;

    private final Builder b;

    private ReportAssembler(Builder b) {
        this.b = b;
    }

    /**
     * @param dataset the dataset (its label and protected attributes say what to audit)
     * @return a builder with the defaults
     */
    public static Builder builder(Dataset dataset) {
        return new Builder(dataset);
    }

    /**
     * Runs every step and returns the report.
     *
     * @return the report
     * @throws IllegalArgumentException if the dataset cannot be audited (no protected attribute, an
     *                                  attribute with a single group, a single label value)
     */
    public Report run() {
        Dataset d = b.dataset;
        checkAuditable(d);
        StepProgress progress = b.progress;
        TrainTestSplit split = d.split(b.testFraction, b.seed);
        Dataset train = split.train();
        Dataset test = split.test();
        checkSplit(d, train, test);

        progress.step("training " + b.model.label() + " on " + train.rows() + " rows");
        ClassifierTrainer trainer = ClassifierTrainer.of(b.model).withSeed(b.seed);
        TrainedClassifier trained = trainer.train(train);
        double[] scores = trained.predictProba(test);
        // The explainers see the dataset's own features (a categorical is one player), not the one-hot columns.
        Model model = rows -> trained.predict(trained.encoder().encode(rows));
        progress.done();

        progress.step("auditing " + test.rows() + " test rows (" + b.bootstrapResamples + " bootstrap resamples)");
        AuditResult audit = audit(test, scores, true);
        PolicyResult check = PolicyResult.evaluate(b.policy, audit);
        progress.done();

        double accuracy = overall(audit, Rate.ACCURACY);
        double auc = auc(audit);
        List<SummarySection.Verdict> verdicts = new ArrayList<>();
        for (AttributeAudit aa : audit.attributes()) {
            verdicts.add(AuditSections.verdict(aa, b.policy, check));
        }
        SummarySection summary = new SummarySection(b.title, d.name(), describe(d), b.model.label(), train.rows(),
                test.rows(), accuracy, auc, b.policyName, check.passed(), verdicts, List.of());
        DataSection data = DatasetSections.data(d);
        PerformanceSection performance = DatasetSections.performance(audit, test, scores, THRESHOLD);
        FairnessSection fairness = AuditSections.fairness(audit, b.policy, check, 0.95);

        Mitigation mitigation = null;
        ProtectedAttribute target = mitigationTarget(d);
        if (target != null) {
            progress.step("reweighing on " + target.name() + " and retraining");
            mitigation = mitigation(train, test, target, trainer);
            mitigation = new Mitigation(withPostProcessing(mitigation.section(), trained, train, test, scores, target),
                    mitigation.provenance());
            progress.done();
        }

        ExplanationSections.Result ex = null;
        if (b.explainRows > 0) {
            ex = ExplanationSections.compute(model, train, test, scores, b.explainRows, b.backgroundRows,
                    b.limeSamples, b.seed, progress);
        }
        summary = summary.withFindings(findings(mitigation == null ? null : mitigation.section(),
                ex == null ? null : ex.section()));
        MethodsSection methods = methods(d, trained, audit, fairness, ex,
                mitigation == null ? null : mitigation.provenance());
        return Report.builder().summary(summary).data(data).performance(performance).fairness(fairness)
                .mitigation(mitigation == null ? null : mitigation.section()).explanations(ex == null ? null : ex.section()).methods(methods).build();
    }

    private AuditResult audit(Dataset test, double[] scores, boolean intervals) {
        int[] yTrue = test.labels();
        int[] yPred = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            yPred[i] = scores[i] >= THRESHOLD ? 1 : 0;
        }
        Audit.Builder ab = Audit.builder(yTrue, yPred).scores(scores).parameter("dataset", test.name())
                .parameter("threshold", THRESHOLD);
        for (ProtectedAttribute pa : test.protectedAttributes()) {
            ab.attribute(pa.name(), pa.values(), DatasetSections.privileged(pa));
        }
        if (intervals) {
            ab.intervals(Bootstrap.builder().seed(b.seed).resamples(b.bootstrapResamples).build());
        }
        return ab.build().run();
    }

    private static double overall(AuditResult audit, Rate r) {
        return GroupMetrics.of(audit.attributes().get(0).metrics().counts()).overall(r).value();
    }

    private static double auc(AuditResult audit) {
        MetricValue v = audit.overallScores().get("roc_auc");
        return v == null ? Double.NaN : v.value();
    }

    /**
     * Refuses a split whose test part would measure nothing (fewer than two rows, or a protected
     * attribute with a single group in it) or whose training part has a single label value.
     */
    private void checkSplit(Dataset d, Dataset train, Dataset test) {
        String fraction = String.format(java.util.Locale.ROOT, "test fraction %s of %d rows", b.testFraction, d.rows());
        if (test.rows() < 2 || train.rows() < 2) {
            throw new BadInputException("the " + fraction + " leaves " + test.rows() + " test row(s) and " + train.rows()
                    + " training row(s) in " + d.name() + "; an audit of so few rows measures nothing: use more data "
                    + "or another test fraction");
        }
        for (ProtectedAttribute pa : test.protectedAttributes()) {
            if (pa.groups().size() < 2) {
                throw new BadInputException("the " + fraction + " leaves a single group of '" + pa.name() + "' "
                        + pa.groups() + " among the " + test.rows() + " test rows of " + d.name()
                        + "; the audit would measure nothing: use more data or a larger test fraction");
            }
        }
        int pos = 0;
        for (int v : train.labels()) {
            pos += v;
        }
        if (pos == 0 || pos == train.rows()) {
            throw new BadInputException("the " + fraction + " leaves a single label value among the " + train.rows()
                    + " training rows of " + d.name() + "; use more data or another test fraction");
        }
    }

    private static void checkAuditable(Dataset d) {
        if (d.protectedAttributes().isEmpty()) {
            throw new BadInputException("dataset " + d.name() + " has no protected attribute; name one "
                    + "(for a CSV file, --protected COLUMN)");
        }
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            if (pa.groups().size() < 2) {
                throw new BadInputException("protected attribute '" + pa.name() + "' of " + d.name()
                        + " has a single group (" + pa.groups() + "); a fairness report compares at least two "
                        + "groups: choose another column or check the data");
            }
        }
        int pos = 0;
        for (int v : d.labels()) {
            pos += v;
        }
        if (pos == 0 || pos == d.rows()) {
            throw new BadInputException("label '" + d.labelName() + "' of " + d.name() + " has a single value ("
                    + (pos == 0 ? "no row has the favorable value '" + d.favorableValue() + "'"
                    : "every row has the favorable value '" + d.favorableValue() + "'")
                    + "); check the label column and --favorable");
        }
    }

    private static String describe(Dataset d) {
        StringBuilder sb = new StringBuilder();
        sb.append(d.rows()).append(" rows, ").append(d.features().size()).append(" features; label ")
                .append(d.labelName()).append(" (favorable value ").append(d.favorableValue()).append("); protected ");
        List<String> attrs = new ArrayList<>();
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            String p = DatasetSections.privileged(pa);
            attrs.add(pa.name() + (p == null ? "" : " (privileged " + p + ")"));
        }
        sb.append(String.join(", ", attrs)).append('.');
        return sb.toString();
    }

    /** The attribute reweighing targets: the first one with privileged values. */
    private static ProtectedAttribute mitigationTarget(Dataset d) {
        for (ProtectedAttribute pa : d.protectedAttributes()) {
            if (!pa.privileged().isEmpty()) {
                return pa;
            }
        }
        return null;
    }

    private static final List<String> COMPARED = List.of("statistical_parity_difference", "disparate_impact",
            "equal_opportunity_difference", "average_odds_difference", "equalized_odds_difference");

    /** Sentences for the summary: what reweighing did, and which feature splits each group gap most. */
    private static List<String> findings(MitigationSection m, ExplanationSection e) {
        List<String> out = new ArrayList<>();
        if (m != null) {
            double accBefore = Double.NaN;
            double accAfter = Double.NaN;
            MitigationSection.ComparisonRow spd = null;
            for (MitigationSection.ComparisonRow r : m.rows()) {
                if (r.key().equals("accuracy")) {
                    accBefore = r.before();
                    accAfter = r.after();
                } else if (r.key().equals("statistical_parity_difference")) {
                    spd = r;
                }
            }
            if (spd != null) {
                out.add(String.format(java.util.Locale.ROOT, "Reweighing on %s moves the statistical parity "
                        + "difference from %.3f to %.3f, with accuracy going from %.3f to %.3f.", m.attribute(),
                        spd.before(), spd.after(), accBefore, accAfter));
            }
        }
        if (e != null) {
            for (ExplanationSection.GroupImportance g : e.byGroup()) {
                int j = e.features().indexOf(g.largestShift());
                if (j < 0 || g.groups().size() < 2) {
                    continue;
                }
                StringBuilder parts = new StringBuilder();
                for (int k = 0; k < g.groups().size(); k++) {
                    parts.append(k == 0 ? "" : k == g.groups().size() - 1 ? " and " : ", ")
                            .append(String.format(java.util.Locale.ROOT, "%+.3f for %s", g.meanShap()[k][j],
                                    g.groups().get(k)));
                }
                out.add("By " + g.attribute() + ", the feature whose SHAP values differ most between the groups is "
                        + g.largestShift() + " (mean " + parts + "); if it is not the attribute itself, it may act "
                        + "as a proxy for it.");
            }
        }
        return out;
    }

    /** The mitigation section and what produced it. */
    private record Mitigation(MitigationSection section, dev.candor.core.Provenance provenance) {
    }

    private Mitigation mitigation(Dataset train, Dataset test, ProtectedAttribute target,
                                         ClassifierTrainer trainer) {
        ReweighingComparison c = ReweighingWorkflow.on(target.name()).withTrainer(trainer).withThreshold(THRESHOLD)
                .run(train, test);
        ModelEvaluation before = c.before();
        ModelEvaluation after = c.after();
        List<MitigationSection.ComparisonRow> rows = new ArrayList<>();
        rows.add(MitigationSection.ComparisonRow.of("accuracy", "Accuracy", before.scores().accuracy(),
                after.scores().accuracy()));
        rows.add(MitigationSection.ComparisonRow.of("balanced_accuracy", "Balanced accuracy",
                before.scores().balancedAccuracy(), after.scores().balancedAccuracy()));
        rows.add(MitigationSection.ComparisonRow.of("roc_auc", "ROC AUC", before.scores().auc(), after.scores().auc()));
        for (String k : COMPARED) {
            rows.add(MitigationSection.ComparisonRow.of(k, MetricDefinitions.name(k), before.metric(k).value(),
                    after.metric(k).value()));
        }
        rows.add(MitigationSection.ComparisonRow.of("training_label_parity_difference",
                "Statistical parity difference of the weighted training labels", c.labelParityDifferenceBefore(),
                c.labelParityDifferenceAfter()));
        String text = "The same " + b.model.label() + " trained again with Kamiran-Calders reweighing on "
                + target.name() + " (privileged " + c.privileged() + "; weights w(g, l) = n_g · n_l / (n · n_{g,l}) "
                + "fitted on the training labels, so that group and label are independent in the weighted training "
                + "data), and both models measured on the same " + test.rows() + " test rows. Metrics compare the "
                + "privileged group with the other values pooled.";
        return new Mitigation(new MitigationSection("reweighing", target.name(), text, rows), c.provenance());
    }

    /**
     * Adds the trade-off table: the unmitigated model, reweighing, and the four post-processing methods
     * fitted on the base model's training scores, all measured on the same test rows (the privileged
     * value(s) against all others pooled, as the before/after table). A post-processor that cannot be
     * fitted on these data (a group with one label value) leaves the table out and says why.
     */
    private MitigationSection withPostProcessing(MitigationSection section, TrainedClassifier trained, Dataset train,
                                                 Dataset test, double[] testScores, ProtectedAttribute target) {
        String[] trainGroups = pooled(train.protectedAttribute(target.name()));
        String[] testGroups = pooled(test.protectedAttribute(target.name()));
        double[] trainScores = trained.predictProba(train);
        int resamples = Math.max(100, Math.min(1000, b.bootstrapResamples));
        MitigationComparison c;
        try {
            String p = GroupAttribute.PRIVILEGED;
            c = MitigationComparison.builder(p).resamples(resamples).seed(b.seed)
                    .addThreshold("unmitigated", THRESHOLD)
                    .add("threshold optimizer (equalized odds)", ThresholdOptimizer.builder()
                            .constraint(ThresholdConstraint.EQUALIZED_ODDS).fit(trainScores, train.labels(), trainGroups))
                    .add("reject option (SPD within ±0.05)", RejectOptionClassification.builder().privileged(p)
                            .fit(trainScores, train.labels(), trainGroups))
                    .add("equalized-odds post-processing", EqOddsPostprocessing.builder(p)
                            .fit(trainScores, train.labels(), trainGroups))
                    .add("calibrated equalized odds (weighted)", CalibratedEqOddsPostprocessing.builder(p)
                            .fit(trainScores, train.labels(), trainGroups))
                    .compare(testScores, test.labels(), testGroups);
        } catch (BadInputException e) {
            return section.withTradeOff("Post-processing was not compared: " + e.getMessage(), List.of());
        }
        List<MitigationSection.TradeOffRow> rows = new ArrayList<>();
        for (MitigationComparison.Entry e : c.entries()) {
            rows.add(tradeOffRow(e));
            if (e.method().equals("unmitigated")) {
                rows.add(reweighingRow(section));
            }
        }
        String text = "The same test rows under each mitigation. Reweighing retrains the model (point values only); "
                + "the post-processing methods keep the model and change its decisions, fitted on its scores of the "
                + train.rows() + " training rows (fairlearn's ThresholdOptimizer; AIF360's reject option "
                + "classification, equalized-odds and calibrated equalized-odds post-processing) and measured by "
                + "their expected decisions. Intervals: " + resamples + " paired bootstrap resamples of the test "
                + "rows, seed " + b.seed + ".";
        return section.withTradeOff(text, rows);
    }

    private static String[] pooled(ProtectedAttribute a) {
        String[] g = new String[a.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = a.isPrivileged(i) ? GroupAttribute.PRIVILEGED : GroupAttribute.UNPRIVILEGED;
        }
        return g;
    }

    private static MitigationSection.TradeOffRow tradeOffRow(MitigationComparison.Entry e) {
        double[] v = new double[12];
        String[] keys = {"accuracy", "balanced_accuracy", "statistical_parity_difference", "equalized_odds_difference"};
        for (int k = 0; k < keys.length; k++) {
            v[3 * k] = e.value(keys[k]);
            ConfidenceInterval ci = e.intervals().get(keys[k]);
            v[3 * k + 1] = ci == null ? Double.NaN : ci.lower();
            v[3 * k + 2] = ci == null ? Double.NaN : ci.upper();
        }
        return new MitigationSection.TradeOffRow(e.method(), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
                v[9], v[10], v[11]);
    }

    /** Reweighing's "after" column of the before/after table, without intervals. */
    private static MitigationSection.TradeOffRow reweighingRow(MitigationSection section) {
        double acc = Double.NaN;
        double bal = Double.NaN;
        double spd = Double.NaN;
        double eod = Double.NaN;
        for (MitigationSection.ComparisonRow r : section.rows()) {
            switch (r.key()) {
                case "accuracy" -> acc = r.after();
                case "balanced_accuracy" -> bal = r.after();
                case "statistical_parity_difference" -> spd = r.after();
                case "equalized_odds_difference" -> eod = r.after();
                default -> { }
            }
        }
        double n = Double.NaN;
        return new MitigationSection.TradeOffRow("reweighing (retrained)", acc, n, n, bal, n, n, spd, n, n, eod, n, n);
    }

    private MethodsSection methods(Dataset d, TrainedClassifier trained, AuditResult audit, FairnessSection fairness,
                                   ExplanationSections.Result ex, dev.candor.core.Provenance mitigation) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("dataset", d.name() + " (" + d.rows() + " rows, " + d.fingerprint() + ")");
        s.put("seed", String.valueOf(b.seed));
        s.put("test_fraction", String.valueOf(b.testFraction) + " (stratified by label)");
        s.put("model", b.model.label());
        trained.settings().forEach((k, v) -> s.put("model." + k, v));
        s.put("threshold", String.valueOf(THRESHOLD));
        s.put("policy", b.policyName);
        for (Policy.Rule r : b.policy.rules()) {
            s.put("policy.rule." + r.metric(), (r.min() == null ? "" : r.min() + " <= ") + "value"
                    + (r.max() == null ? "" : " <= " + r.max())
                    + (r.attributes().isEmpty() ? "" : " on " + r.attributes())
                    + (r.undefinedViolates() ? "; undefined violates" : "; undefined passes"));
        }
        s.put("intervals", "bootstrap percentile, " + b.bootstrapResamples + " resamples, level 0.95, seed " + b.seed
                + "; p-values: Fisher's exact test of the 2×2 table of the rate's numerator and denominator");
        if (ex != null) {
            s.putAll(ex.settings());
        }
        List<MethodsSection.ProvenanceRow> prov = new ArrayList<>();
        prov.add(AuditSections.provenanceRow("trained " + b.model.label(), trained.provenance()));
        prov.add(AuditSections.provenanceRow("fairness audit of the test predictions", audit.provenance()));
        if (mitigation != null) {
            prov.add(AuditSections.provenanceRow("reweighing before/after", mitigation));
        }
        if (ex != null) {
            prov.addAll(ex.provenance());
        }
        Set<String> keys = new LinkedHashSet<>(List.of("accuracy", "roc_auc", "selection_rate", "base_rate",
                "true_positive_rate", "false_positive_rate", "positive_predictive_value"));
        for (FairnessSection.AttributeFairness af : fairness.attributes()) {
            af.metrics().forEach(m -> keys.add(m.key()));
        }
        fairness.individual().forEach(m -> keys.add(m.key()));
        keys.addAll(List.of("balanced_accuracy", "training_label_parity_difference", "reweighing", "shap", "lime",
                "lime_stability"));
        return new MethodsSection(s, prov, MetricDefinitions.of(keys));
    }

    /** Options of a report. */
    public static final class Builder {
        private final Dataset dataset;
        private ClassifierKind model = ClassifierKind.LOGISTIC;
        private long seed = DEFAULT_SEED;
        private double testFraction = DEFAULT_TEST_FRACTION;
        private Policy policy = DefaultPolicy.get();
        private String policyName = DefaultPolicy.NAME;
        private int explainRows = DEFAULT_EXPLAIN_ROWS;
        private int backgroundRows = DEFAULT_BACKGROUND_ROWS;
        private int bootstrapResamples = DEFAULT_BOOTSTRAP_RESAMPLES;
        private int limeSamples = DEFAULT_LIME_SAMPLES;
        private String title = "Candor fairness report";
        private StepProgress progress = StepProgress.NONE;

        private Builder(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
        }

        /** @param kind the classifier to train (default logistic regression) @return this */
        public Builder model(ClassifierKind kind) {
            this.model = Objects.requireNonNull(kind, "model");
            return this;
        }

        /** @param s the seed of every random choice (default 42) @return this */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * @param f the share of rows held out for evaluation, in (0, 1) (default 0.3)
         * @return this
         */
        public Builder testFraction(double f) {
            if (!(f > 0 && f < 1)) {
                throw new IllegalArgumentException("testFraction must be strictly between 0 and 1, got " + f);
            }
            this.testFraction = f;
            return this;
        }

        /**
         * @param p    the policy to check
         * @param name its name in the report (for example the file name)
         * @return this
         */
        public Builder policy(Policy p, String name) {
            this.policy = Objects.requireNonNull(p, "policy");
            this.policyName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param n test rows explained with KernelSHAP (0 leaves out the explanation section; default 200)
         * @return this
         */
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

        /** @param n bootstrap resamples of the intervals (default 500) @return this */
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

        /** @param t the report's title @return this */
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
        public ReportAssembler build() {
            return new ReportAssembler(this);
        }
    }
}
