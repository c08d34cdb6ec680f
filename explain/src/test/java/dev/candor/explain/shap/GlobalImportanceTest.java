package dev.candor.explain.shap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GlobalImportanceTest {

    /**
     * Values by hand: |phi| of player a = 1, 3, 2, 6 -> mean 3, population sd sqrt(3.5), median 2.5,
     * q10 = 1 + 0.3 * (2 - 1) = 1.3, q90 = 3 + 0.7 * (6 - 3) = 5.1 (type 7, as numpy.quantile);
     * player b = 0.5 each -> mean 0.5, sd 0, CI [0.5, 0.5]; signed mean of a = (1 - 3 + 2 - 6) / 4 = -1.5.
     */
    @Test
    void statisticsMatchHandComputation() {
        double[][] v = {{1, 0.5}, {-3, -0.5}, {2, 0.5}, {-6, 0.5}};
        GlobalImportance g = GlobalImportance.of(v, new String[] {"a", "b"});
        assertThat(g.rows()).isEqualTo(4);
        assertThat(g.meanAbs()).containsExactly(3.0, 0.5);
        assertThat(g.stdAbs()[0]).isCloseTo(Math.sqrt(3.5), within(1e-15));
        assertThat(g.stdAbs()[1]).isZero();
        assertThat(g.meanSigned()).containsExactly(new double[] {-1.5, 0.25}, within(1e-15));
        assertThat(g.q50()[0]).isCloseTo(2.5, within(1e-15));
        assertThat(g.q10()[0]).isCloseTo(1.3, within(1e-15));
        assertThat(g.q90()[0]).isCloseTo(5.1, within(1e-15));
        assertThat(g.ciLower()[1]).isEqualTo(0.5);
        assertThat(g.ciUpper()[1]).isEqualTo(0.5);
        // the bootstrap interval of a mean of {1, 2, 3, 6} lies within [min, max] and around the mean
        assertThat(g.ciLower()[0]).isBetween(1.0, 3.0);
        assertThat(g.ciUpper()[0]).isBetween(3.0, 6.0);
        assertThat(g.ranking()).containsExactly(0, 1);
        GlobalImportance again = GlobalImportance.of(v, new String[] {"a", "b"});
        assertThat(again.ciLower()).containsExactly(g.ciLower());
    }

    /** Bootstrap percentile interval of a large sample: close to mean +- 1.96 sd / sqrt(n). */
    @Test
    void bootstrapIntervalHasTheNormalWidthOnALargeSample() {
        int n = 2000;
        double[][] v = new double[n][1];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            v[i][0] = r.nextDouble() * 2; // uniform(0, 2): sd = 2 / sqrt(12)
        }
        GlobalImportance g = GlobalImportance.of(v, new String[] {"u"}, 4000, 0.95, 9);
        double halfWidth = 1.96 * g.stdAbs()[0] / Math.sqrt(n);
        assertThat(g.ciUpper()[0] - g.meanAbs()[0]).isCloseTo(halfWidth, within(0.15 * halfWidth));
        assertThat(g.meanAbs()[0] - g.ciLower()[0]).isCloseTo(halfWidth, within(0.15 * halfWidth));
    }

    @Test
    void byGroupSplitsRowsByLabel() {
        double[][] v = {{1, 0}, {2, 0}, {10, 1}, {20, 3}};
        Map<String, GlobalImportance> by = GlobalImportance.byGroup(v, new String[] {"a", "b"},
                new String[] {"f", "f", "m", "m"});
        assertThat(by.keySet()).containsExactly("f", "m");
        assertThat(by.get("f").meanAbs()).containsExactly(1.5, 0.0);
        assertThat(by.get("m").meanAbs()).containsExactly(15.0, 2.0);
        assertThat(by.get("m").rows()).isEqualTo(2);
        assertThatThrownBy(() -> GlobalImportance.byGroup(v, new String[] {"a", "b"}, new String[] {"f"}))
                .hasMessageContaining("4 explanations, 1 labels");
        assertThatThrownBy(() -> GlobalImportance.of(new double[][] {{Double.NaN, 1}}, new String[] {"a", "b"}))
                .hasMessageContaining("values row 0, player 0 is NaN");
        assertThatThrownBy(() -> GlobalImportance.of(new double[0][], new String[] {"a"}))
                .hasMessageContaining("at least one explanation");
    }
}
