package dev.candor.report.assemble;

import dev.candor.datasets.Dataset;
import dev.candor.datasets.Encoder;
import dev.candor.explain.Model;
import dev.candor.report.model.LogisticModel;
import dev.candor.report.model.WeightedLogisticRegression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;

/**
 * Trains the classifiers of a report on a dataset's raw feature matrix, optionally with instance
 * weights (for reweighing).
 *
 * <ul>
 *   <li>Logistic regression: one-hot encoding of categoricals ({@link Encoder}), standardisation of
 *       every encoded column with the training mean and standard deviation (a constant column is
 *       left centred), then {@link WeightedLogisticRegression} with its default L2 penalty 1.0.
 *       Instance weights enter the likelihood exactly.</li>
 *   <li>Random forest and gradient boosting: Smile on the raw matrix (level codes as ordered
 *       numbers, which trees split freely). Smile's trees take no instance weights, so weights are
 *       applied by a seeded weighted resampling of the training rows (n draws with probability
 *       proportional to weight), the resampling form of reweighing in Kamiran and Calders (2012).</li>
 * </ul>
 * Every random choice comes from the seed.
 *
 * @since 0.1.0
 */
public final class Trainers {

    private static final String LABEL = "candor_label";

    private Trainers() {
    }

    /**
     * @param kind    the classifier
     * @param train   the training rows
     * @param weights instance weights (one per training row), or null
     * @param seed    the seed of every random choice
     * @return the trained model
     */
    public static TrainedModel train(ModelKind kind, Dataset train, double[] weights, long seed) {
        if (weights != null && weights.length != train.rows()) {
            throw new IllegalArgumentException("weights has " + weights.length + " values for " + train.rows()
                    + " training rows");
        }
        int[] y = train.labels();
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        if (positives == 0 || positives == y.length) {
            throw new IllegalArgumentException("the training rows of " + train.name() + " have only one label value ("
                    + (positives == 0 ? "all unfavorable" : "all favorable") + "); a classifier needs both");
        }
        return switch (kind) {
            case LOGISTIC -> logistic(train, weights);
            case RANDOM_FOREST, GRADIENT_BOOSTING -> trees(kind, train, weights, seed);
        };
    }

    private static TrainedModel logistic(Dataset train, double[] weights) {
        Encoder encoder = Encoder.fit(train);
        double[][] z = encoder.encode(train.x());
        int cols = z.length == 0 ? 0 : z[0].length;
        double[] mean = new double[cols];
        double[] scale = new double[cols];
        for (double[] row : z) {
            for (int j = 0; j < cols; j++) {
                mean[j] += row[j] / z.length;
            }
        }
        for (double[] row : z) {
            for (int j = 0; j < cols; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / z.length;
            }
        }
        for (int j = 0; j < cols; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        standardize(z, mean, scale);
        WeightedLogisticRegression lr = WeightedLogisticRegression.withDefaults();
        LogisticModel fitted = weights == null ? lr.fit(z, train.labels()) : lr.fit(z, train.labels(), weights);
        Model model = rows -> {
            double[][] e = encoder.encode(rows);
            standardize(e, mean, scale);
            return fitted.probabilities(e);
        };
        Map<String, String> p = new LinkedHashMap<>();
        p.put("encoding", "one-hot categoricals, standardised columns (" + cols + ")");
        p.put("l2", String.valueOf(lr.l2()));
        p.put("newton_iterations", String.valueOf(fitted.iterations()));
        p.put("weighted", String.valueOf(weights != null));
        return new TrainedModel(ModelKind.LOGISTIC, model, p);
    }

    private static void standardize(double[][] z, double[] mean, double[] scale) {
        for (double[] row : z) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (row[j] - mean[j]) / scale[j];
            }
        }
    }

    private static TrainedModel trees(ModelKind kind, Dataset train, double[] weights, long seed) {
        double[][] x = train.x();
        int[] y = train.labels();
        if (weights != null) {
            int[] pick = weightedResample(weights, seed);
            double[][] rx = new double[pick.length][];
            int[] ry = new int[pick.length];
            for (int i = 0; i < pick.length; i++) {
                rx[i] = x[pick[i]];
                ry[i] = y[pick[i]];
            }
            x = rx;
            y = ry;
        }
        // Smile needs column names; plain ones avoid clashes with the label column or odd characters.
        String[] names = new String[train.features().size()];
        for (int j = 0; j < names.length; j++) {
            names[j] = "f" + j;
        }
        DataFrame df = DataFrame.of(x, names).merge(IntVector.of(LABEL, y));
        Formula formula = Formula.lhs(LABEL);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("weighted", weights == null ? "false" : "by seeded weighted resampling");
        p.put("seed", String.valueOf(seed));
        Model model;
        if (kind == ModelKind.RANDOM_FOREST) {
            int m = names.length;
            int mtry = Math.max(1, (int) Math.floor(Math.sqrt(m)));
            SplittableRandom r = new SplittableRandom(seed);
            long[] seeds = LongStream.generate(r::nextLong).limit(100).toArray();
            RandomForest rf = RandomForest.fit(formula, df, 100, mtry, SplitRule.GINI, 20, Math.max(2, x.length / 5), 5, 1.0, null,
                    LongStream.of(seeds));
            model = rows -> predict(rows, names, (t, post) -> rf.predict(t, post));
            p.put("trees", "100");
            p.put("mtry", String.valueOf(mtry));
            p.put("max_depth", "20");
            p.put("node_size", "5");
        } else {
            // Smile's boosting draws its subsamples from its own generator; a subsample of 1.0 makes it
            // deterministic.
            GradientTreeBoost gb = GradientTreeBoost.fit(formula, df, 100, 20, 6, 5, 0.1, 1.0);
            model = rows -> predict(rows, names, (t, post) -> gb.predict(t, post));
            p.put("trees", "100");
            p.put("max_leaves", "6");
            p.put("shrinkage", "0.1");
            p.put("subsample", "1.0");
        }
        return new TrainedModel(kind, model, p);
    }

    private interface Posterior {
        void predict(smile.data.Tuple t, double[] posterior);
    }

    private static double[] predict(double[][] rows, String[] names, Posterior f) {
        DataFrame df = DataFrame.of(rows, names);
        double[] out = new double[rows.length];
        double[] post = new double[2];
        for (int i = 0; i < rows.length; i++) {
            f.predict(df.get(i), post);
            out[i] = post[1];
        }
        return out;
    }

    /** n indices drawn with replacement, with probability proportional to weight (seeded). */
    static int[] weightedResample(double[] w, long seed) {
        double[] cum = new double[w.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + w[i]);
            }
            total += w[i];
            cum[i] = total;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the weights sum to " + total + "; at least one must be positive");
        }
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] pick = new int[w.length];
        for (int i = 0; i < pick.length; i++) {
            double u = r.nextDouble() * total;
            int k = java.util.Arrays.binarySearch(cum, u);
            k = k < 0 ? -k - 1 : k + 1;
            pick[i] = Math.min(k, w.length - 1);
        }
        return pick;
    }
}
