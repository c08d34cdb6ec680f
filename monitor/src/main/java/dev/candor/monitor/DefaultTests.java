package dev.candor.monitor;

/**
 * Evidently's default test for a feature ({@code _get_default_stattest}), chosen from the reference
 * size, the feature kind and the number of distinct values over both samples:
 *
 * <table>
 *   <caption>default test</caption>
 *   <tr><th>reference rows</th><th>kind</th><th>distinct values</th><th>test</th></tr>
 *   <tr><td>&le; 1000</td><td>numeric</td><td>&le; 5</td><td>chisquare if &gt; 2 values, else z</td></tr>
 *   <tr><td>&le; 1000</td><td>numeric</td><td>&gt; 5</td><td>ks</td></tr>
 *   <tr><td>&le; 1000</td><td>categorical</td><td>any</td><td>chisquare if &gt; 2 values, else z</td></tr>
 *   <tr><td>&gt; 1000</td><td>numeric</td><td>&le; 5</td><td>jensenshannon</td></tr>
 *   <tr><td>&gt; 1000</td><td>numeric</td><td>&gt; 5</td><td>wasserstein</td></tr>
 *   <tr><td>&gt; 1000</td><td>categorical</td><td>any</td><td>jensenshannon</td></tr>
 * </table>
 *
 * <p>On large references the default is a distance, whose threshold does not shrink with the sample
 * size: this is what keeps a million-row comparison from flagging every feature.
 *
 * @since 0.1.0
 */
public final class DefaultTests {

    /** Reference size above which a distance is the default. */
    public static final int SMALL_REFERENCE = 1000;
    /** Distinct values at or below which a numeric feature is tested as categories. */
    public static final int FEW_VALUES = 5;

    private DefaultTests() {
    }

    /**
     * @param samples the feature's samples
     * @return Evidently's default test for them
     */
    public static DriftTest of(FeatureSamples samples) {
        return of(samples.kind(), samples.size(Side.REFERENCE), samples.distinctValues());
    }

    /**
     * @param kind           the feature kind
     * @param referenceRows  non-missing reference values
     * @param distinctValues distinct values over both samples
     * @return Evidently's default test
     */
    public static DriftTest of(FeatureKind kind, long referenceRows, int distinctValues) {
        if (referenceRows <= SMALL_REFERENCE) {
            if (kind == FeatureKind.NUMERIC && distinctValues > FEW_VALUES) {
                return DriftTest.KS;
            }
            return distinctValues > 2 ? DriftTest.CHISQUARE : DriftTest.Z;
        }
        if (kind == FeatureKind.NUMERIC && distinctValues > FEW_VALUES) {
            return DriftTest.WASSERSTEIN;
        }
        return DriftTest.JENSENSHANNON;
    }
}
