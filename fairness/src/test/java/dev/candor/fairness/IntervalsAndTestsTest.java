package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalsAndTestsTest {

    /**
     * Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score interval
     * without continuity correction), 95%: 81/263 -> 0.2553-0.3662, 15/148 -> 0.0624-0.1605,
     * 0/20 -> 0-0.1611, 1/29 -> 0.0061-0.1718 (published to 4 decimals).
     */
    @Test
    void wilsonMatchesNewcombesPublishedTable() {
        double[][] table = {{81, 263, 0.2553, 0.3662}, {15, 148, 0.0624, 0.1605}, {0, 20, 0, 0.1611},
            {1, 29, 0.0061, 0.1718}};
        for (double[] row : table) {
            ConfidenceInterval ci = WilsonInterval.of(row[0] / row[1], row[1], 0.95);
            assertThat(ci.lower()).isCloseTo(row[2], within(5e-5));
            assertThat(ci.upper()).isCloseTo(row[3], within(5e-5));
        }
    }

    @Test
    void wilsonOfAGroupRateUsesItsDenominatorAndKishEffectiveSize() {
        ConfusionCounts c = ConfusionCounts.of(81, 0, 0, 182); // TPR = 81 / 263
        ConfidenceInterval ci = WilsonInterval.of(Rate.TRUE_POSITIVE_RATE, c, 0.95);
        assertThat(ci.lower()).isCloseTo(0.2553, within(5e-5));
        // all weights 2: same proportion, Kish n_eff = (2n)^2 / (4n) = n -> same interval
        ConfusionCounts w2 = new ConfusionCounts(162, 0, 0, 364, 81, 0, 0, 182, 324, 0, 0, 728);
        assertThat(WilsonInterval.of(Rate.TRUE_POSITIVE_RATE, w2, 0.95)).isEqualTo(ci);
        assertThat(WilsonInterval.of(Rate.FALSE_POSITIVE_RATE, c, 0.95).isDefined()).isFalse();
    }

    /** scipy.stats.fisher_exact([[8, 2], [1, 5]]) -> pvalue 0.03496503496503495 (scipy docs example). */
    @Test
    void fisherExactMatchesScipyAndTheTeaTastingEnumeration() {
        assertThat(TwoByTwoTable.of(8, 2, 1, 5).fisherP()).isCloseTo(0.03496503496503495, within(1e-12));
        // Fisher's lady tasting tea, [[3,1],[1,3]]: tables with a = 0,1,3,4 are as or less likely:
        // (1 + 16 + 16 + 1) / C(8,4) = 34/70
        assertThat(TwoByTwoTable.of(3, 1, 1, 3).fisherP()).isCloseTo(34.0 / 70, within(1e-12));
        assertThat(TwoByTwoTable.of(0, 0, 3, 4).fisherP()).isEqualTo(1.0);
    }

    @Test
    void chiSquareIsPearsonWithoutContinuityCorrection() {
        // [[10, 20], [30, 40]]: X2 = 100 (10*40 - 20*30)^2 / (30 * 70 * 40 * 60) = 0.7936507936507936
        TwoByTwoTable t = TwoByTwoTable.of(10, 20, 30, 40);
        assertThat(t.chiSquare()).isCloseTo(100.0 * 200 * 200 / (30.0 * 70 * 40 * 60), within(1e-12));
        // chi-square(1) upper tail = erfc(sqrt(X2 / 2)); at X2 = 3.841458820694124 it is 0.05
        TwoByTwoTable u = TwoByTwoTable.of(0, 5, 5, 0);
        assertThat(u.chiSquare()).isEqualTo(10.0);
        assertThat(u.chiSquareP()).isCloseTo(org.apache.commons.math3.special.Erf.erfc(Math.sqrt(5.0)), within(1e-15));
        assertThat(TwoByTwoTable.of(0, 0, 3, 4).chiSquareP()).isNaN();
    }
}
