package dev.candor.models.mitigation;

import dev.candor.core.Provenance;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.ProtectedAttribute;
import dev.candor.datasets.TrainTestSplit;
import dev.candor.fairness.GroupAttribute;
import dev.candor.fairness.GroupCounter;
import dev.candor.fairness.GroupMetrics;
import dev.candor.fairness.mitigation.Reweighing;
import dev.candor.models.ClassifierKind;
import dev.candor.models.ClassifierScores;
import dev.candor.models.ClassifierTrainer;
import dev.candor.models.TrainedClassifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The before/after workflow of reweighing on one protected attribute:
 * <ol>
 *   <li>fit {@link Reweighing} on the training labels and the attribute, privileged value(s) against
 *       the other values pooled (AIF360's form; the dataset's own instance weights, if any, are the
 *       prior weights);</li>
 *   <li>train the classifier without the reweighing weights (with the dataset's own weights, if any),
 *       and measure it on the test data: accuracy, balanced accuracy, AUC, and every group metric of
 *       the thresholded predictions;</li>
 *   <li>train the same classifier (same settings and seed) with the reweighing weights, and measure it
 *       again on the same test data;</li>
 *   <li>return both, with the weighted label disparity of the training data before and after.</li>
 * </ol>
 * The classifier should use the weights as they are: the default is
 * {@link ClassifierKind#LOGISTIC}; the tree kinds fall back to weighted resampling (see
 * {@link ClassifierTrainer}), which the result's settings name. Immutable; configure with the
 * {@code with...} methods.
 *
 * <p>Reference: F. Kamiran and T. Calders, "Data preprocessing techniques for classification without
 * discrimination", Knowledge and Information Systems 33(1), 2012, doi:10.1007/s10115-011-0463-8;
 * AIF360's {@code demo_reweighing_preproc.ipynb}.
 *
 * @since 0.1.0
 */
public final class ReweighingWorkflow {

    private final String attribute;
    private final Set<String> privileged;
    private final ClassifierTrainer trainer;
    private final double threshold;

    private ReweighingWorkflow(String attribute, Set<String> privileged, ClassifierTrainer trainer, double threshold) {
        this.attribute = attribute;
        this.privileged = privileged;
        this.trainer = trainer;
        this.threshold = threshold;
    }

    /**
     * A workflow on a protected attribute of the data, with the dataset's privileged value(s), a
     * logistic classifier and threshold 0.5.
     *
     * @param attribute the protected attribute's name
     * @return the workflow
     */
    public static ReweighingWorkflow on(String attribute) {
        return new ReweighingWorkflow(Objects.requireNonNull(attribute, "attribute"), Set.of(),
                ClassifierTrainer.of(ClassifierKind.LOGISTIC), 0.5);
    }

    /**
     * @param values the privileged value(s); empty to use the dataset's own
     * @return a copy with those privileged values
     */
    public ReweighingWorkflow withPrivileged(String... values) {
        return new ReweighingWorkflow(attribute, new TreeSet<>(java.util.Arrays.asList(values)), trainer, threshold);
    }

    /**
     * @param classifierTrainer the classifier to train before and after
     * @return a copy with that trainer
     */
    public ReweighingWorkflow withTrainer(ClassifierTrainer classifierTrainer) {
        return new ReweighingWorkflow(attribute, privileged, Objects.requireNonNull(classifierTrainer, "trainer"),
                threshold);
    }

    /**
     * @param t predictions are favorable when \(P(\text{favorable}) \ge t\); in [0, 1]
     * @return a copy with that threshold
     * @throws IllegalArgumentException if t is outside [0, 1]
     */
    public ReweighingWorkflow withThreshold(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
        }
        return new ReweighingWorkflow(attribute, privileged, trainer, t);
    }

    /**
     * Runs the workflow.
     *
     * @param train the training data (its labels and protected attribute are reweighed)
     * @param test  held-out data with the same features and protected attribute
     * @return the before/after comparison
     * @throws IllegalArgumentException if the attribute is missing, no privileged value is known, a
     *                                  (group, label) cell of the training data is empty, or the data
     *                                  cannot be encoded
     * @throws IllegalStateException    if a fit does not converge
     */
    public ReweighingComparison run(Dataset train, Dataset test) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        ProtectedAttribute pa = train.protectedAttribute(attribute);
        Set<String> priv = privileged.isEmpty() ? new TreeSet<>(pa.privileged()) : privileged;
        if (priv.isEmpty()) {
            throw new IllegalArgumentException("privileged: attribute '" + attribute + "' of '" + train.name()
                    + "' has no privileged value; give one with withPrivileged");
        }
        String privName = String.join("|", priv);
        double[] prior = train.weights();
        Reweighing rw = Reweighing.builder().privileged(priv).fit(train.labels(), pa.values(), prior);
        double[] w = rw.weights();

        int[] y = train.labels();
        GroupAttribute trainAttr = GroupAttribute.of(attribute, mapPrivileged(pa.values(), priv, privName));
        GroupMetrics labelsBefore = GroupMetrics.of(GroupCounter.count(y, y, prior, java.util.List.of(trainAttr))
                .get(0)).withPrivileged(privName);
        GroupMetrics labelsAfter = GroupMetrics.of(GroupCounter.count(y, y, w, java.util.List.of(trainAttr))
                .get(0)).withPrivileged(privName);

        String[] testGroups = mapPrivileged(test.protectedAttribute(attribute).values(), priv, privName);
        ModelEvaluation before = evaluate(trainer.train(train, prior), test, testGroups, privName);
        ModelEvaluation after = evaluate(trainer.train(train, w), test, testGroups, privName);

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("attribute", attribute);
        params.put("privileged", privName);
        params.put("threshold", threshold);
        params.putAll(trainer.settings());
        params.put("test", test.fingerprint().toString());
        Provenance prov = Provenance.of("ReweighingWorkflow", params, null, train.fingerprint());
        return new ReweighingComparison(attribute, privName, rw, labelsBefore, labelsAfter, before, after, prov);
    }

    /**
     * Runs the workflow on a seeded, label-stratified split of one dataset
     * ({@link Dataset#split(double, long)}).
     *
     * @param data         the data to split into training and test parts
     * @param testFraction the share of each label class held out for measuring, in (0, 1)
     * @param seed         the seed of the split
     * @return the before/after comparison
     * @throws IllegalArgumentException as {@link #run(Dataset, Dataset)}, or if testFraction is outside (0, 1)
     * @throws IllegalStateException    if a fit does not converge
     */
    public ReweighingComparison run(Dataset data, double testFraction, long seed) {
        TrainTestSplit split = Objects.requireNonNull(data, "data").split(testFraction, seed);
        return run(split.train(), split.test());
    }

    private ModelEvaluation evaluate(TrainedClassifier c, Dataset test, String[] groups, String privName) {
        double[] p = c.predictProba(test);
        int[] yTest = test.labels();
        int[] pred = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            pred[i] = p[i] >= threshold ? 1 : 0;
        }
        GroupMetrics gm = GroupMetrics.of(GroupCounter.count(yTest, pred, GroupAttribute.of(attribute, groups)))
                .withPrivileged(privName);
        return new ModelEvaluation(c.name(), c.settings(), ClassifierScores.of(yTest, p, threshold), gm);
    }

    private static String[] mapPrivileged(String[] values, Set<String> priv, String privName) {
        if (priv.size() == 1) {
            return values;
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = priv.contains(values[i]) ? privName : values[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "ReweighingWorkflow(attribute=" + attribute + ", privileged=" + privileged + ", trainer=" + trainer
                + ", threshold=" + threshold + ")";
    }
}
