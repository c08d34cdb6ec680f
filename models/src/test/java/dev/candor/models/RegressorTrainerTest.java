package dev.candor.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.core.SharedData;
import dev.candor.datasets.AdultDataset;
import dev.candor.datasets.Dataset;
import dev.candor.datasets.Feature;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The linear regressor against scikit-learn's golden Adult regression; the forest by its properties. */
class RegressorTrainerTest {

    /**
     * The golden predictions come from scikit-learn's LinearRegression on adult.data (rows without '?'),
     * features age, fnlwgt, capital-gain, capital-loss and the dummies (drop='first') of workclass,
     * education, marital-status, occupation, relationship, native-country (see
     * ../shared/golden/performance/README.md). Least squares has one set of fitted values at full rank,
     * whatever the reference level, so the predictions on adult.test must agree.
     */
    @Test
    void linearModelReproducesScikitLearnOnAdultHoursPerWeek() throws IOException {
        Dataset train = AdultDataset.load(AdultDataset.Part.TRAIN, AdultDataset.MissingValues.DROP_ROWS);
        Dataset test = AdultDataset.load(AdultDataset.Part.TEST, AdultDataset.MissingValues.DROP_ROWS);
        String[] drop = {"education-num", "race", "sex", "hours-per-week"};
        double[] y = train.column("hours-per-week");
        Dataset tx = train.dropFeatures(drop);
        TrainedRegressor r = RegressorTrainer.of(RegressorKind.LINEAR).train(tx.features(), tx.x(), "hours_per_week", y);
        double[] pred = r.predict(test.dropFeatures(drop).x());

        List<String> lines = Files.readAllLines(SharedData.golden("performance/adult_regression_predictions.csv"));
        assertEquals("row,sex,race,hours_per_week,prediction", lines.get(0));
        assertEquals(lines.size() - 1, pred.length);
        double[] truth = test.column("hours-per-week");
        double maxDiff = 0;
        for (int i = 0; i < pred.length; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(Double.parseDouble(f[3]), truth[i], 0.0, "row order of adult.test");
            maxDiff = Math.max(maxDiff, Math.abs(pred[i] - Double.parseDouble(f[4])));
        }
        // measured: 3.3e-9 (least squares against scikit-learn's lstsq on an fnlwgt column of order 1e5)
        assertTrue(maxDiff < 1e-8, "largest difference to scikit-learn's prediction: " + maxDiff);
    }

    /** With education-num beside the education dummies the design is rank deficient: the recoding is left out. */
    @Test
    void aColumnThatRepeatsOthersIsLeftOutAndTheFitIsUnchanged() {
        Dataset train = AdultDataset.load(AdultDataset.Part.TRAIN, AdultDataset.MissingValues.DROP_ROWS);
        double[] y = train.column("hours-per-week");
        Dataset without = train.dropFeatures("education-num", "race", "sex", "hours-per-week");
        Dataset with = train.dropFeatures("race", "sex", "hours-per-week");
        RegressorTrainer t = RegressorTrainer.of(RegressorKind.LINEAR);
        TrainedRegressor a = t.train(without.features(), without.x(), "h", y);
        TrainedRegressor b = t.train(with.features(), with.x(), "h", y);
        assertEquals("education-num (linear combinations of earlier columns: coefficient 0)",
                b.settings().get("dependent_columns"));
        assertEquals("none", a.settings().get("dependent_columns"));
        double[] pa = a.predict(java.util.Arrays.copyOf(without.x(), 500));
        double[] pb = b.predict(java.util.Arrays.copyOf(with.x(), 500));
        assertArrayEquals(pa, pb, 1e-8);
    }

    @Test
    void forestIsAFunctionOfTheSeedAndFitsASmoothTarget() {
        int n = 1500;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextDouble(-3, 3);
            x[i][1] = rnd.nextInt(3);
            y[i] = Math.sin(x[i][0]) + (x[i][1] == 2 ? 1.5 : 0);
        }
        List<Feature> features = List.of(Feature.numeric("a"), Feature.categorical("c", List.of("p", "q", "r")));
        RegressorTrainer t = RegressorTrainer.of(RegressorKind.RANDOM_FOREST).withTrees(40).withSeed(9);
        TrainedRegressor one = t.train(features, x, "y", y);
        TrainedRegressor two = t.train(features, x, "y", y);
        double[][] probe = {{0.5, 0}, {-2, 2}, {1.5, 1}};
        double[] p = one.predict(probe);
        assertArrayEquals(p, two.predict(probe), 0.0);
        // held-out check: the forest explains most of the variance of a noiseless target
        double ss = 0;
        double tot = 0;
        double[][] hx = new double[500][];
        for (int i = 0; i < 500; i++) {
            hx[i] = new double[] {rnd.nextDouble(-3, 3), rnd.nextInt(3)};
        }
        double[] hp = one.predict(hx);
        double mean = 0;
        double[] hy = new double[500];
        for (int i = 0; i < 500; i++) {
            hy[i] = Math.sin(hx[i][0]) + (hx[i][1] == 2 ? 1.5 : 0);
            mean += hy[i] / 500;
        }
        for (int i = 0; i < 500; i++) {
            ss += (hy[i] - hp[i]) * (hy[i] - hp[i]);
            tot += (hy[i] - mean) * (hy[i] - mean);
        }
        assertTrue(1 - ss / tot > 0.95, "held-out R² " + (1 - ss / tot));
        assertThrows(IllegalArgumentException.class, () -> one.predict(new double[][] {{0, 3}}));
        assertThrows(IllegalArgumentException.class, () -> t.train(features, x, "y", new double[n - 1]));
    }
}
