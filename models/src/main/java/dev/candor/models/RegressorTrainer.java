package dev.candor.models;

import dev.candor.core.Fingerprint;
import dev.candor.core.Provenance;
import dev.candor.datasets.Feature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.DataFrameRegression;
import smile.regression.OLS;
import smile.regression.RandomForest;

/**
 * Trains a {@link TrainedRegressor} of a {@link RegressorKind} on rows of features and a numeric
 * target. Immutable; change settings with the {@code with...} methods.
 *
 * <ul>
 *   <li>{@link RegressorKind#LINEAR}: \(\hat\beta = \arg\min \lVert y - X\beta \rVert^2\) with an
 *       intercept column, by singular value decomposition (Smile 3.1.1 {@code OLS.fit(formula, data,
 *       "svd", false, false)}); categorical features enter as dummy columns of every level but the
 *       first (Smile's formula encoding of a nominal column).</li>
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
            s.put("solver", "SVD least squares with intercept");
            s.put("categorical", "dummy columns, first level as reference");
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
        DataFrame df = SmileBridge.toDataFrame(features, x, target, y);
        Formula formula = Formula.lhs(target);
        DataFrameRegression model;
        if (kind == RegressorKind.LINEAR) {
            model = OLS.fit(formula, df, "svd", false, false);
        } else {
            int mtry = Math.max(1, features.size() / 3);
            settings.put("mtry", String.valueOf(mtry));
            model = RandomForest.fit(formula, df, trees, mtry, 20, 500, 5, 1.0,
                    LongStream.range(seed, seed + trees));
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

    @Override
    public String toString() {
        return "RegressorTrainer" + settings();
    }
}
