package dev.candor.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InequalityIndicesTest {

    /** GE(alpha) evaluated row by row from the definition. */
    private static double geRows(double[] b, double alpha) {
        double mu = 0;
        for (double x : b) {
            mu += x;
        }
        mu /= b.length;
        double s = 0;
        for (double x : b) {
            double r = x / mu;
            if (alpha == 1) {
                s += r == 0 ? 0 : r * Math.log(r);
            } else {
                s += Math.pow(r, alpha) - 1;
            }
        }
        return alpha == 1 ? s / b.length : s / (b.length * alpha * (alpha - 1));
    }

    private static double giniPairs(double[] x) {
        double s = 0;
        double sum = 0;
        for (double a : x) {
            sum += a;
            for (double b : x) {
                s += Math.abs(a - b);
            }
        }
        return s / (2.0 * x.length * sum);
    }

    @Test
    void indicesFromCountsEqualTheRowByRowDefinitions() {
        ConfusionCounts c = ConfusionCounts.of(37, 11, 25, 9); // b = 1 x 62, 2 x 11, 0 x 9
        double[] b = new double[82];
        for (int i = 0; i < 82; i++) {
            b[i] = i < 62 ? 1 : i < 73 ? 2 : 0;
        }
        for (double alpha : new double[] {0.5, 2, 3, -0.0 + 1.5}) {
            assertThat(InequalityIndices.generalizedEntropy(c, alpha).value()).isCloseTo(geRows(b, alpha), within(1e-14));
        }
        assertThat(InequalityIndices.theil(c).value()).isCloseTo(geRows(b, 1), within(1e-14));
        assertThat(InequalityIndices.coefficientOfVariation(c).value())
                .isCloseTo(Math.sqrt(2 * geRows(b, 2)), within(1e-14));
        assertThat(InequalityIndices.giniOfBenefits(c).value()).isCloseTo(giniPairs(b), within(1e-15));
        // a zero benefit makes GE(0) infinite: undefined with a reason, not a number
        assertThat(InequalityIndices.generalizedEntropy(c, 0).reason()).isEqualTo(UndefinedReason.ZERO_BENEFIT);
        assertThat(InequalityIndices.theil(ConfusionCounts.of(0, 0, 0, 5)).reason()).isEqualTo(UndefinedReason.ZERO_MEAN);
    }

    @Test
    void giniOfAnyVectorEqualsThePairEnumeration() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble() < 0.1 ? 0 : r.nextDouble() * 10;
        }
        assertThat(InequalityIndices.gini(x).value()).isCloseTo(giniPairs(x), within(1e-12));
        assertThat(InequalityIndices.gini(new double[] {0, 0, 0}).reason()).isEqualTo(UndefinedReason.ZERO_MEAN);
        assertThatThrownBy(() -> InequalityIndices.gini(new double[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
    }

    @Test
    void betweenGroupIndexGivesEveryRowItsGroupMean() {
        ConfusionCounts a = ConfusionCounts.of(10, 5, 3, 2);
        ConfusionCounts b = ConfusionCounts.of(4, 1, 6, 9);
        double muA = (10 + 3 + 2.0 * 5) / 20;
        double muB = (4 + 6 + 2.0 * 1) / 20;
        double[] rows = new double[40];
        for (int i = 0; i < 40; i++) {
            rows[i] = i < 20 ? muA : muB;
        }
        List<ConfusionCounts> parts = List.of(a, b);
        assertThat(InequalityIndices.betweenGroupGeneralizedEntropy(parts, 2).value()).isCloseTo(geRows(rows, 2), within(1e-15));
        assertThat(InequalityIndices.betweenGroupTheil(parts).value()).isCloseTo(geRows(rows, 1), within(1e-15));
    }
}
