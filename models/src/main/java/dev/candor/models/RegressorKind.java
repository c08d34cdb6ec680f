package dev.candor.models;

/**
 * The regressors that {@code candor report} trains on a numeric label.
 *
 * <ul>
 *   <li>{@link #LINEAR}: ordinary least squares with an intercept (Smile's {@code OLS}, solved by SVD,
 *       so a rank-deficient design gets the minimum-norm solution), categorical features dummy-coded
 *       with their first level as the reference: the fitted values of scikit-learn's
 *       {@code LinearRegression} on {@code OneHotEncoder(drop='first')} columns.</li>
 *   <li>{@link #RANDOM_FOREST}: Smile's {@code smile.regression.RandomForest} (regression trees on
 *       bootstrap samples, split on variance reduction, predictions averaged over the trees).</li>
 * </ul>
 *
 * @since 0.1.0
 */
public enum RegressorKind {
    /** Least squares with an intercept. */
    LINEAR("linear regression"),
    /** Smile random forest of regression trees. */
    RANDOM_FOREST("random forest regressor");

    private final String label;

    RegressorKind(String label) {
        this.label = label;
    }

    /** @return a human-readable name, for example {@code "linear regression"} */
    public String label() {
        return label;
    }
}
