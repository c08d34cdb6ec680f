package dev.candor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The two-sample Cramér–von Mises test is exact up to 20 values per side, as scipy's
 * {@code cramervonmises_2samp(x, y, method='auto')}; the reference values are scipy 1.10.1's, made by
 * {@code benchmarks/python/cvm_exact_scipy.py} (run with /usr/bin/python3).
 */
class CramerVonMisesExactTest {

    private static final double[][][] CASES = {
        {{1.2, 3.4, 0.5, 2.2, 4.1}, {2.8, 5.5, 6.1, 3.9}},
        {{0.1, 0.4, 0.35, 0.8, 0.95, 0.2, 0.6}, {0.5, 0.55, 0.9, 1.3, 1.1, 0.75, 1.05, 1.2, 0.65}},
        {{1, 2, 2, 3, 3, 3, 4, 5}, {2, 3, 4, 4, 5, 5, 6, 6, 7, 7}},
        {range(0, 20, 0.0), range(-3, 15, 0.5)},
        {{3.0, 1.0, 2.0}, {2.5, 0.5, 1.5}},
    };
    /** {statistic T, p-value} from scipy 1.10.1. */
    private static final double[][] SCIPY = {
        {0.34259259259259256, 0.14285714285714285},
        {0.5014880952380949, 0.04090909090909091},
        {0.6174768518518516, 0.019562137209196032},
        {0.29093567251462016, 0.14905990717354983},
        {0.08333333333333337, 1.0},
    };

    private static double[] range(int from, int to, double offset) {
        double[] out = new double[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i + offset;
        }
        return out;
    }

    @Test
    void smallSamplesGetScipysExactPValue() {
        for (int i = 0; i < CASES.length; i++) {
            DriftResult r = DriftTest.CRAMER_VON_MISES.test(FeatureSamples.numeric("x", CASES[i][0], CASES[i][1]));
            assertThat(r.statistic()).as("case %d T", i).isCloseTo(SCIPY[i][0], within(1e-12));
            assertThat(r.pValue()).as("case %d p", i).isCloseTo(SCIPY[i][1], within(1e-12 * SCIPY[i][1]));
        }
    }

    @Test
    void identicalSamplesHavePValueOneAndTheFloorDivisionIsPythons() {
        double[] x = {1, 2, 3, 4, 5, 6};
        assertThat(DriftTest.CRAMER_VON_MISES.test(FeatureSamples.numeric("x", x, x)).pValue()).isEqualTo(1.0);
        assertThat(RankStatistics.pyFloorDiv(7.0, 2.0)).isEqualTo(3.0);
        assertThat(RankStatistics.pyFloorDiv(-7.0, 2.0)).isEqualTo(-4.0);
        assertThat(RankStatistics.pyFloorDiv(7.5, -2.0)).isEqualTo(-4.0);
    }
}
