package dev.candor.models;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.datasets.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import smile.data.formula.Formula;
import dev.candor.core.linalg.Cholesky;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import smile.regression.RandomForest;

/**
 * Trains a {@link TrainedRegressor} of a {@link RegressorKind} on rows of features and a numeric
 * target. Immutable; change settings with the {@code with...} methods.
 *
 * <ul>
 *   <li>{@link RegressorKind#LINEAR}: \(\hat\beta = \arg\min \lVert y - X\beta \rVert^2\) with an
 *       intercept column, by Householder QR (Commons Math {@code OLSMultipleLinearRegression}, pure
 *       Java); numeric features enter as they are and a categorical feature as one dummy column per
 *       level seen in training except the first such level (the reference, as scikit-learn's
 *       {@code OneHotEncoder(drop='first')}). A level not seen in training predicts like the reference.
 *       A column that the intercept and the earlier columns explain to within the pivot tolerance of
 *       {@link Cholesky} (for example Adult's {@code education-num}, a recoding of {@code education})
 *       is left out with coefficient 0, as R's {@code lm} does, and named in the settings
 *       ({@code dependent_columns}); the fitted values are those of the full least-squares problem.</li>
 *   <li>{@link RegressorKind#RANDOM_FOREST}: Smile's {@code RandomForest} with 200 trees, {@code mtry}
 *       = max(1, ⌊M/3⌋) features tried per split (Breiman's regression default), max depth 20, max
 *       nodes 500, node size 5, bootstrap samples of all rows; tree {@code t} is seeded
 *       {@code seed + t}, so the forest is a function of the seed.</li>
 * </ul>
 * Neither takes sample weights.
 *
 * @since 0.1.0
 */
public final class RegressorTrainer {

    /** Default seed of every random choice. */
    public static final long DEFAULT_SEED = 12345L;

    private final RegressorKind kind;
    private final long seed;
    private final int trees;

    private RegressorTrainer(RegressorKind kind, long seed, int trees) {
        this.kind = kind;
        this.seed = seed;
        this.trees = trees;
    }

    /**
     * @param kind the regressor kind
     * @return a trainer with the defaults (forest: 200 trees)
     */
    public static RegressorTrainer of(RegressorKind kind) {
        return new RegressorTrainer(Objects.requireNonNull(kind, "kind"), DEFAULT_SEED,
                kind == RegressorKind.RANDOM_FOREST ? 200 : 0);
    }

    /** @return the regressor kind */
    public RegressorKind kind() {
        return kind;
    }

    /** @param newSeed the seed @return a copy with that seed */
    public RegressorTrainer withSeed(long newSeed) {
        return new RegressorTrainer(kind, newSeed, trees);
    }

    /**
     * @param count trees of the forest, {@code >= 1} (ignored by the linear model)
     * @return a copy with that many trees
     * @throws IllegalArgumentException if count is below 1
     */
    public RegressorTrainer withTrees(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("trees must be >= 1, got " + count);
        }
        return new RegressorTrainer(kind, seed, count);
    }

    /** @return the settings the trained regressor reports, in a stable order */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kind", kind.name());
        if (kind == RegressorKind.LINEAR) {
            s.put("solver", "Householder QR least squares with intercept");
            s.put("categorical", "dummy columns, first level seen in training as reference");
        } else {
            s.put("trees", String.valueOf(trees));
            s.put("maxDepth", "20");
            s.put("maxNodes", "500");
            s.put("nodeSize", "5");
            s.put("seed", String.valueOf(seed));
        }
        return s;
    }

    /**
     * @param features the features
     * @param x        one row of feature values per training row (categorical features as level codes)
     * @param target   the target's name (not a feature name)
     * @param y        the target per row, finite
     * @return the trained regressor
     * @throws IllegalArgumentException if the lengths differ, there are fewer than two rows, or a
     *                                  target value is not finite (naming the row)
     */
    public TrainedRegressor train(List<Feature> features, double[][] x, String target, double[] y) {
        Objects.requireNonNull(features, "features");
        if (x.length != y.length) {
            throw new IllegalArgumentException("target '" + target + "' has " + y.length + " values for " + x.length
                    + " rows");
        }
        if (x.length < 2) {
            throw new IllegalArgumentException("a regressor needs at least two training rows, got " + x.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("target '" + target + "', training row " + i + ": " + y[i]
                        + " is not a finite number");
            }
        }
        Map<String, String> settings = settings();
        java.util.function.Function<double[][], double[]> model;
        if (kind == RegressorKind.LINEAR) {
            model = linear(features, x, target, y, settings);
        } else {
            int mtry = Math.max(1, features.size() / 3);
            settings.put("mtry", String.valueOf(mtry));
            RandomForest forest = RandomForest.fit(Formula.lhs(target), SmileBridge.toDataFrame(features, x, target, y),
                    trees, mtry, 20, 500, 5, 1.0, LongStream.range(seed, seed + trees));
            model = rows -> forest.predict(SmileBridge.toDataFrame(features, rows, target, new double[rows.length]));
        }
        Map<String, Object> params = new LinkedHashMap<>(settings);
        params.put("target", target);
        Fingerprint.Builder fp = Fingerprint.builder().add(y);
        for (double[] row : x) {
            fp.add(row);
        }
        Provenance provenance = Provenance.of("RegressorTrainer/" + kind.name(), params,
                kind == RegressorKind.LINEAR ? null : seed, fp.build(x.length, features.size() + 1));
        String name = kind == RegressorKind.LINEAR ? kind.label() : kind.label() + " (" + trees + " trees)";
        return new TrainedRegressor(name, kind, settings, provenance, features, target, model);
    }

    /** Least squares on the dummy-coded design; returns the predictor of raw feature rows. */
    private static java.util.function.Function<double[][], double[]> linear(List<Feature> features, double[][] x,
                                                                             String target, double[] y,
                                                                             Map<String, String> settings) {
        int m = features.size();
        // columns[f]: for a numeric feature {-1}; for a categorical one, the dummy column of each level (-1: none)
        int[][] columns = new int[m][];
        List<String> columnNames = new java.util.ArrayList<>();
        int width = 0;
        for (int f = 0; f < m; f++) {
            Feature ft = features.get(f);
            if (!ft.isCategorical()) {
                columns[f] = new int[] {width++};
                columnNames.add(ft.name());
                continue;
            }
            boolean[] seen = new boolean[ft.levels().size()];
            for (double[] row : x) {
                seen[(int) row[f]] = true;
            }
            columns[f] = new int[seen.length];
            java.util.Arrays.fill(columns[f], -1);
            boolean reference = true;
            for (int l = 0; l < seen.length; l++) {
                if (seen[l] && reference) {
                    reference = false;
                } else if (seen[l]) {
                    columns[f][l] = width++;
                    columnNames.add(ft.name() + "=" + ft.levels().get(l));
                }
            }
        }
        double[][] design = design(features, columns, width, x);
        String[] names = columnNames.toArray(String[]::new);
        int n = x.length;
        // A column that the intercept and the earlier columns explain (education-num beside the
        // education dummies of Adult) is left out with a zero coefficient, as R's lm does: the pivoted
        // Cholesky of the centred Gram matrix finds them with the one pivot rule of core.linalg.
        double[] mean = new double[width];
        for (double[] row : design) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / n;
            }
        }
        // Columns are also scaled to unit variance, so that fnlwgt (order 1e5) and a dummy have Gram
        // entries of one size and the relative pivot rule sees dependence, not scale.
        double[] scale = new double[width];
        for (double[] row : design) {
            for (int j = 0; j < width; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < width; j++) {
            scale[j] = scale[j] > 0 ? 1 / Math.sqrt(scale[j] / n) : 0;
        }
        double[] gram = new double[width * width];
        double[] c = new double[width];
        for (double[] row : design) {
            for (int j = 0; j < width; j++) {
                c[j] = (row[j] - mean[j]) * scale[j];
            }
            for (int j = 0; j < width; j++) {
                if (c[j] == 0) {
                    continue;
                }
                for (int k = 0; k <= j; k++) {
                    gram[j * width + k] += c[j] * c[k];
                }
            }
        }
        Cholesky chol = Cholesky.of(gram, width);
        int[] kept = java.util.stream.IntStream.range(0, width).filter(j -> !chol.isDependent(j)).toArray();
        List<String> dropped = new java.util.ArrayList<>();
        for (int j = 0; j < width; j++) {
            if (chol.isDependent(j)) {
                dropped.add(names[j]);
            }
        }
        settings.put("dependent_columns", dropped.isEmpty() ? "none" : String.join(", ", dropped)
                + " (linear combinations of earlier columns: coefficient 0)");
        double[][] reduced = new double[n][kept.length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < kept.length; k++) {
                reduced[i][k] = design[i][kept[k]];
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, reduced);
        double[] b;
        try {
            b = ols.estimateRegressionParameters();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException("the linear regression of '" + target + "' has a singular design "
                    + "after leaving out the dependent columns " + dropped, e);
        }
        double[] beta = new double[width + 1];
        beta[0] = b[0];
        for (int k = 0; k < kept.length; k++) {
            beta[kept[k] + 1] = b[k + 1];
        }
        int cols = width;
        return rows -> {
            double[][] d = design(features, columns, cols, rows);
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                double v = beta[0];
                for (int j = 0; j < cols; j++) {
                    v += beta[j + 1] * d[i][j];
                }
                out[i] = v;
            }
            return out;
        };
    }

    private static double[][] design(List<Feature> features, int[][] columns, int width, double[][] x) {
        double[][] d = new double[x.length][width];
        for (int i = 0; i < x.length; i++) {
            for (int f = 0; f < columns.length; f++) {
                if (!features.get(f).isCategorical()) {
                    d[i][columns[f][0]] = x[i][f];
                } else {
                    int c = columns[f][(int) x[i][f]];
                    if (c >= 0) {
                        d[i][c] = 1;
                    }
                }
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "RegressorTrainer" + settings();
    }
}
