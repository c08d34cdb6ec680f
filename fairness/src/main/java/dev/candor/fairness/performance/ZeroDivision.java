package dev.candor.fairness.performance;

/**
 * What a metric returns where it is undefined (a zero denominator, a single class, a constant
 * target).
 *
 * <p>Candor's answer is {@link #UNDEFINED}: NaN with the reason. The two other constants reproduce
 * scikit-learn 1.2.1's value for users who need the same number:
 * <ul>
 *   <li>precision, recall, F-beta: 0/0 becomes 0 ({@link #ZERO}, sklearn's {@code zero_division='warn'}
 *       or {@code 0}) or 1 ({@link #ONE}, {@code zero_division=1}); specificity likewise
 *       (fairlearn's {@code true_negative_rate} follows {@code recall_score(pos_label=0)});</li>
 *   <li>Matthews correlation: 0 whenever {@code cov(y,y)·cov(ŷ,ŷ) = 0} (sklearn, no warning);</li>
 *   <li>balanced accuracy: the mean recall over the classes present in {@code y_true};</li>
 *   <li>R² and explained variance ({@code force_finite=True}): 1 for a constant target predicted
 *       perfectly, 0 for a constant target otherwise; R² of one row stays undefined (sklearn: NaN);</li>
 *   <li>average precision without positives: sklearn's {@code -0.0};</li>
 *   <li>ROC AUC of one class, Cohen's kappa of a 1×1 confusion matrix and an empty group stay
 *       undefined: sklearn raises or returns NaN there.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public enum ZeroDivision {
    /** Undefined: NaN with a typed reason (Candor's default). */
    UNDEFINED,
    /** scikit-learn's default: {@code zero_division='warn'} (= 0) and {@code force_finite=True}. */
    ZERO,
    /** scikit-learn's {@code zero_division=1}; otherwise as {@link #ZERO}. */
    ONE
}
