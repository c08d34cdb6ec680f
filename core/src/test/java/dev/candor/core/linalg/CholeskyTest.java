package dev.candor.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    // A = L L' with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]], all entries small integers, so every
    // step of the factorization and of the solves is exact in binary floating point.
    private static final double[] A = {
        4, 12, -16,
        12, 37, -43,
        -16, -43, 98};

    @Test
    void factorsTheTextbookMatrixIntoItsIntegerFactorExactly() {
        Cholesky c = Cholesky.of(A, 3);
        assertThat(c.isFullRank()).isTrue();
        assertThat(c.rank()).isEqualTo(3);
        double[][] expected = {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(c.l(i, j)).as("L[%d][%d]", i, j).isEqualTo(expected[i][j]);
            }
        }
    }

    @Test
    void solveRecoversTheVectorThatMadeTheRightHandSide() {
        // b = A (1, 2, 3)' = (4 + 24 - 48, 12 + 74 - 129, -16 - 86 + 294)
        double[] b = {-20, -43, 192};
        assertThat(Cholesky.of(A, 3).solve(b)).containsExactly(1, 2, 3);
        assertThat(b).containsExactly(-20, -43, 192);
    }

    @Test
    void solveInPlaceHandlesRightHandSidesStoredBackToBack() {
        double[] two = {-20, -43, 192, 4, 12, -16}; // A (1, 2, 3)' and A (1, 0, 0)'
        Cholesky c = Cholesky.of(A, 3);
        c.solveInPlace(two, 0);
        c.solveInPlace(two, 3);
        assertThat(two).containsExactly(1, 2, 3, 1, 0, 0);
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        double[] lowerOnly = {4, 99, 99, 12, 37, 99, -16, -43, 98};
        assertThat(Cholesky.of(lowerOnly, 3).solve(new double[] {-20, -43, 192})).containsExactly(1, 2, 3);
    }

    @Test
    void aRepeatedColumnIsDependentAndGetsCoefficientZero() {
        // columns 0 and 1 of the design are equal: A = [[1, 1], [1, 1]], pivot 1 is exactly 0
        Cholesky c = Cholesky.of(new double[] {1, 1, 1, 1}, 2);
        assertThat(c.isFullRank()).isFalse();
        assertThat(c.rank()).isEqualTo(1);
        assertThat(c.isDependent(0)).isFalse();
        assertThat(c.isDependent(1)).isTrue();
        assertThat(c.solve(new double[] {2, 2})).containsExactly(2, 0);
    }

    @Test
    void aPivotIsAcceptedAboveTheRelativeToleranceAndRejectedBelowIt() {
        // d_1 = a_11 - 1 = 1e-11 (10 x the tolerance) is kept; 1e-13 (a tenth of it) is not
        Cholesky above = Cholesky.of(new double[] {1, 1, 1, 1 + 1e-11}, 2);
        assertThat(above.isFullRank()).isTrue();
        assertThat(above.l(1, 1)).isEqualTo(Math.sqrt((1 + 1e-11) - 1));
        Cholesky below = Cholesky.of(new double[] {1, 1, 1, 1 + 1e-13}, 2);
        assertThat(below.isDependent(1)).isTrue();
        // the tolerance is relative: the same share of a large diagonal is judged the same way
        assertThat(Cholesky.of(new double[] {1e20, 1e20, 1e20, 1e20 * (1 + 1e-11)}, 2).isFullRank()).isTrue();
        assertThat(Cholesky.PIVOT_TOLERANCE).isEqualTo(1e-12);
    }

    @Test
    void indefiniteZeroAndNaNPivotsAreNeverAccepted() {
        assertThat(Cholesky.of(new double[] {1, 2, 2, 1}, 2).isDependent(1)).isTrue(); // d_1 = 1 - 4
        Cholesky zero = Cholesky.of(new double[4], 2);
        assertThat(zero.rank()).isZero();
        assertThat(zero.solve(new double[] {5, 6})).containsExactly(0, 0);
        assertThat(Cholesky.of(new double[] {Double.NaN}, 1).isFullRank()).isFalse();
        assertThat(Cholesky.of(new double[] {-1}, 1).isFullRank()).isFalse();
    }

    @Test
    void aTooShortMatrixIsRejected() {
        assertThatThrownBy(() -> Cholesky.of(new double[3], 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a 2 x 2 matrix, got 3 values");
        assertThatThrownBy(() -> Cholesky.of(A, 3).solve(new double[2])).hasMessageContaining("b has 2 values");
    }
}
