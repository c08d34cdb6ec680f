package dev.candor.monitor.window;

import dev.candor.monitor.FeatureDrift;

/**
 * Drift of the true label, treated as a categorical feature (Evidently's default test on it), with
 * the two-proportion z-test, Evidently's goodness-of-fit chi-square and scipy's
 * {@code chi2_contingency} on the 2×2 table (Yates' correction, dof 1).
 *
 * @param referenceRate       the favorable rate in the reference
 * @param currentRate         the favorable rate in the window
 * @param drift               the label as a categorical feature (default test and any further tests)
 * @param z                   Evidently's z statistic (share of {@code y ≠ first key})
 * @param zPValue             its p-value {@code 2(1 − Φ(|z|))}
 * @param chiSquare           Evidently's {@code chisquare} statistic
 * @param chiSquarePValue     its p-value
 * @param contingency         scipy {@code chi2_contingency} statistic (Yates-corrected for 2×2)
 * @param contingencyPValue   its p-value
 * @param contingencyDof      its degrees of freedom
 * @since 0.2.0
 */
public record LabelDrift(double referenceRate, double currentRate, FeatureDrift drift, double z, double zPValue,
        double chiSquare, double chiSquarePValue, double contingency, double contingencyPValue, int contingencyDof) {
}
