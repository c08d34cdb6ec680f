package dev.candor.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.candor.datasets.AdultDataset;
import dev.candor.datasets.Dataset;
import dev.candor.fairness.mitigation.Reweighing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The logistic classifier on UCI Adult against scikit-learn's fit of the same model, unweighted and
 * with AIF360 reweighing weights (protected sex, privileged Male).
 *
 * <p>Reference: scikit-learn 1.2.1, pandas 1.5.3, numpy 1.24.2 (Debian 12 packages). adult.data and
 * adult.test read with {@code skipinitialspace=True} ('?' kept as a category; the test file's first
 * line skipped), label 1 for {@code >50K} (trailing dot stripped), the 14 attributes, and
 * <pre>
 * Pipeline([('ct', ColumnTransformer([('num', StandardScaler(), ['age', 'fnlwgt', 'education-num',
 *              'capital-gain', 'capital-loss', 'hours-per-week']),
 *            ('cat', OneHotEncoder(handle_unknown='ignore'), <the 8 categorical attributes>)])),
 *           ('lr', LogisticRegression(solver='newton-cholesky', tol=1e-12, max_iter=1000))])
 * pipe.fit(X, y, lr__sample_weight=w)   # w = None, or w[i] = n_l * n_g / (n * n_gl) on (sex, label)
 * s = pipe.predict_proba(Xt)[:, 1]; p = (s >= 0.5)
 * </pre>
 * printed: unweighted accuracy 0.8531416989128432, balanced accuracy 0.7655740584267521, AUC
 * 0.9054301400041527, SPD (Female − Male selection rate) −0.1762085953846358, DI 0.30236042804333046,
 * scores of test rows 0..4 and their mean as below; weighted accuracy 0.8452183526810393, balanced
 * accuracy 0.7435952130485701, AUC 0.8974244960952438, SPD −0.07981020198715655, DI 0.6115021095560197.
 * The smallest |s − 0.5| is 8.0e-5 (unweighted) and 4.1e-5 (weighted), so scores that agree to 1e-6
 * give the same predicted labels. (The lbfgs fit behind the golden {@code adult_predictions.csv} stops
 * at scikit-learn's default tolerance; its scores differ from the exact optimum by up to 3.8e-3.)
 */
class AdultLogisticReferenceTest {

    private static Dataset train;
    private static Dataset test;
    private static double[] weights;

    @BeforeAll
    static void load() {
        train = AdultDataset.load(AdultDataset.Part.TRAIN, AdultDataset.MissingValues.KEEP_AS_CATEGORY);
        test = AdultDataset.load(AdultDataset.Part.TEST, AdultDataset.MissingValues.KEEP_AS_CATEGORY);
        weights = Reweighing.builder().privileged("Male")
                .fit(train.labels(), train.protectedAttribute("sex").values()).weights();
    }

    private static void check(TrainedClassifier c, double[] firstScores, double meanScore, double accuracy,
                              double balanced, double auc, double spd, double di) {
        double[] s = c.predictProba(test);
        for (int i = 0; i < firstScores.length; i++) {
            assertThat(s[i]).as("score of test row %d", i).isCloseTo(firstScores[i], within(1e-6));
        }
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        assertThat(mean / s.length).isCloseTo(meanScore, within(1e-7));
        int[] p = c.predictLabels(test, 0.5);
        int[] y = test.labels();
        String[] sex = test.protectedAttribute("sex").values();
        int correct = 0;
        int[] sel = new int[2];
        int[] cnt = new int[2];
        for (int i = 0; i < p.length; i++) {
            correct += p[i] == y[i] ? 1 : 0;
            int g = sex[i].equals("Male") ? 0 : 1;
            cnt[g]++;
            sel[g] += p[i];
        }
        double rm = (double) sel[0] / cnt[0];
        double rf = (double) sel[1] / cnt[1];
        assertThat((double) correct / p.length).isCloseTo(accuracy, within(1e-12));
        assertThat(rf - rm).isCloseTo(spd, within(1e-12));
        assertThat(rf / rm).isCloseTo(di, within(1e-12));
        ClassifierScores scores = ClassifierScores.of(y, s, 0.5);
        assertThat(scores.accuracy()).isCloseTo(accuracy, within(1e-12));
        assertThat(scores.balancedAccuracy()).isCloseTo(balanced, within(1e-12));
        assertThat(scores.auc()).isCloseTo(auc, within(1e-8));
        // The Model view on the encoded matrix gives the same scores.
        assertThat(c.predict(c.encode(test).x())).containsExactly(s);
    }

    @Test
    void unweightedFitMatchesScikitLearn() {
        TrainedClassifier c = ClassifierTrainer.of(ClassifierKind.LOGISTIC).train(train);
        check(c, new double[] {0.0024001714764779318, 0.11873502783052398, 0.38378642639006416,
            0.7652027074208974, 0.001346575998901151}, 0.23744246569233335, 0.8531416989128432,
                0.7655740584267521, 0.9054301400041527, -0.1762085953846358, 0.30236042804333046);
        assertThat(c.logisticModel().orElseThrow().intercept()).isCloseTo(-3.2889563041640977, within(1e-6));
        assertThat(c.settings()).containsEntry("weights", "none");
    }

    @Test
    void reweighedFitMatchesScikitLearnWithSampleWeights() {
        TrainedClassifier c = ClassifierTrainer.of(ClassifierKind.LOGISTIC).train(train, weights);
        check(c, new double[] {0.0018014225654329127, 0.08421009135076597, 0.3179088350691912,
            0.6871624207497814, 0.003630770526408666}, 0.2313320732303746, 0.8452183526810393,
                0.7435952130485701, 0.8974244960952438, -0.07981020198715655, 0.6115021095560197);
        assertThat(c.logisticModel().orElseThrow().intercept()).isCloseTo(-3.0251283816755383, within(1e-6));
        assertThat(c.settings()).containsEntry("weights", "sample weights");
        assertThat(c.name()).contains("weighted");
    }
}
