package dev.candor.monitor;

/**
 * scipy's {@code chi2_contingency} on the 2×K table {@code [reference counts; current counts]} of a
 * categorical feature, with Yates' correction when K = 2 (dof 1), as the drift statistics compute it.
 *
 * @param statistic the chi-square statistic
 * @param pValue    its p-value (upper tail of χ² with {@code dof} degrees of freedom)
 * @param dof       the degrees of freedom, K − 1
 * @since 0.2.0
 */
public record ContingencyTest(double statistic, double pValue, int dof) {

    /**
     * @param samples a categorical feature's samples
     * @return the test (Yates-corrected for two categories)
     * @throws IllegalArgumentException for a numeric feature
     */
    public static ContingencyTest of(FeatureSamples samples) {
        if (samples.kind() != FeatureKind.CATEGORICAL) {
            throw new IllegalArgumentException("feature '" + samples.feature() + "' is not categorical");
        }
        CategoryTable t = samples.categories();
        TestStatistic s = CountStatistics.chiSquareHomogeneity(t, true);
        return new ContingencyTest(s.statistic(), s.pValue(), t.size() - 1);
    }
}
