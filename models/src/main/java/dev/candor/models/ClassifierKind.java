package dev.candor.models;

/**
 * The classifiers that {@code candor report} and the mitigation workflow train.
 *
 * <ul>
 *   <li>{@link #LOGISTIC}: {@link WeightedLogisticRegression} (L2, Newton) on the one-hot encoded
 *       features with the numeric columns standardized; uses fractional sample weights exactly.</li>
 *   <li>{@link #RANDOM_FOREST}: Smile's {@code smile.classification.RandomForest}.</li>
 *   <li>{@link #GRADIENT_BOOSTING}: Smile's {@code smile.classification.GradientTreeBoost}.</li>
 * </ul>
 * Smile 3.1.1's tree learners take no per-row weights (only integer bootstrap counts internally and
 * integer class weights), so the two tree kinds train on weighted data by
 * {@link WeightedResampling}; see {@link ClassifierTrainer}.
 *
 * @since 0.1.0
 */
public enum ClassifierKind {
    /** L2-penalized logistic regression with exact fractional sample weights. */
    LOGISTIC("logistic regression"),
    /** Smile random forest. */
    RANDOM_FOREST("random forest"),
    /** Smile gradient tree boosting. */
    GRADIENT_BOOSTING("gradient boosting");

    private final String label;

    ClassifierKind(String label) {
        this.label = label;
    }

    /** @return a human-readable name, for example {@code "random forest"} */
    public String label() {
        return label;
    }
}
