package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The "bad input" rules of issue 14: clear errors naming feature and side, or undefined with a reason. */
class BadInputTest {

    @Test
    void emptySideIsAnErrorNamingFeatureAndSide() {
        assertThatThrownBy(() -> FeatureSamples.numeric("age", new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'age'")
                .hasMessageContaining("reference sample is empty");
        assertThatThrownBy(() -> FeatureSamples.categorical("sex", new String[] {"a"}, new String[0]))
                .hasMessageContaining("'sex'").hasMessageContaining("current sample is empty");
    }

    @Test
    void allMissingIsAnErrorNamingFeatureAndSide() {
        assertThatThrownBy(() -> FeatureSamples.numeric("age", new double[] {1, 2}, new double[] {Double.NaN}))
                .hasMessageContaining("'age'").hasMessageContaining("current sample has only missing values");
    }

    @Test
    void nonFiniteValueIsAnErrorNamingFeatureSideAndRow() {
        assertThatThrownBy(() -> FeatureSamples.numeric("x", new double[] {1, Double.POSITIVE_INFINITY},
                new double[] {1})).hasMessageContaining("'x'").hasMessageContaining("reference row 1")
                .hasMessageContaining("Infinity");
    }

    @Test
    void missingValuesAreCountedNotDropped() {
        FeatureSamples s = FeatureSamples.numeric("x", new double[] {1, Double.NaN, 3, 4},
                new double[] {Double.NaN, Double.NaN, 2, 5});
        assertThat(s.missing(Side.REFERENCE)).isEqualTo(1);
        assertThat(s.missingShare(Side.CURRENT)).isEqualTo(0.5);
        FeatureDrift f = DriftAnalysis.builder().feature(s).build().run().features().get("x");
        assertThat(f.missingShareReference()).isEqualTo(0.25);
        assertThat(f.missingShareCurrent()).isEqualTo(0.5);
    }

    @Test
    void constantFeatureDividesWassersteinByEvidentlysFloorAndMakesTTestUndefined() {
        double[] c = {5, 5, 5, 5, 5};
        FeatureSamples s = FeatureSamples.numeric("const", c, c.clone());
        DriftResult w = DriftTest.WASSERSTEIN.test(s);
        assertThat(w.value()).isEqualTo(0.0);
        assertThat(w.drift()).isFalse();
        assertThat(w.warnings()).singleElement().asString().contains("0.001");
        // W1 = 1 against a constant reference: 1 / 0.001, Evidently's value (golden monitoring, pdays)
        DriftResult shifted = DriftTest.WASSERSTEIN.test(FeatureSamples.numeric("const", c, new double[] {6, 6}));
        assertThat(shifted.value()).isCloseTo(1000.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(shifted.drift()).isTrue();
        assertThat(DriftTest.T_TEST.test(s).undefined()).contains(UndefinedReason.ZERO_VARIANCE);
        assertThat(DriftTest.ES.test(s).undefined()).contains(UndefinedReason.ZERO_IQR);
        assertThat(DriftTest.KS.test(s).value()).isEqualTo(1.0);
    }

    @Test
    void fisherAndGTestNeedEqualSizesAndFisherABinaryFeature() {
        FeatureSamples unequal = FeatureSamples.categorical("s", new String[] {"a", "b", "a"}, new String[] {"a", "b"});
        assertThat(DriftTest.FISHER_EXACT.test(unequal).undefined()).contains(UndefinedReason.UNEQUAL_SIZES);
        assertThat(DriftTest.G_TEST.test(unequal).undefined()).contains(UndefinedReason.UNEQUAL_SIZES);
        FeatureSamples three = FeatureSamples.categorical("s", new String[] {"a", "b", "c"}, new String[] {"a", "b", "c"});
        assertThat(DriftTest.FISHER_EXACT.test(three).undefined()).contains(UndefinedReason.NOT_BINARY);
    }

    @Test
    void testsOfTheWrongKindAreUndefinedNotErrors() {
        FeatureSamples s = FeatureSamples.categorical("s", new String[] {"a", "b"}, new String[] {"a", "b"});
        assertThat(DriftTest.KS.test(s).undefined()).contains(UndefinedReason.NOT_APPLICABLE);
    }
}
