package io.ticklane.microstructure.fit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DenseLinearAlgebraTest
{
    @Test
    void invertsASmallMatrixThatNeedsAPivot()
    {
        // A = [[0, 2, 1], [1, 1, 0], [2, 0, 3]]: the zero in the corner needs a row swap.
        // det A = 0*(1*3 - 0*0) - 2*(1*3 - 0*2) + 1*(1*0 - 1*2) = 0 - 6 - 2 = -8
        // adj A (cofactors transposed):
        //   C11 = 3, C12 = -3, C13 = -2; C21 = -6, C22 = -2, C23 = 4; C31 = -1, C32 = 1, C33 = -2
        //   A^-1 = adj / det = [[3, -6, -1], [-3, -2, 1], [-2, 4, -2]] / -8
        final double[][] a = {{0, 2, 1}, {1, 1, 0}, {2, 0, 3}};
        final double[][] inverse = DenseLinearAlgebra.inverse(a);
        assertArrayEquals(new double[] {-3.0 / 8, 6.0 / 8, 1.0 / 8}, inverse[0], 1e-15);
        assertArrayEquals(new double[] {3.0 / 8, 2.0 / 8, -1.0 / 8}, inverse[1], 1e-15);
        assertArrayEquals(new double[] {2.0 / 8, -4.0 / 8, 2.0 / 8}, inverse[2], 1e-15);
        assertArrayEquals(new double[] {0, 2, 1}, a[0], "the input is not modified");
    }

    @Test
    void solvesAVectorSystem()
    {
        // 2x + y = 5, x + 3y = 10 -> y = (10 - 5/2) / (3 - 1/2) = 3, x = 1
        assertArrayEquals(new double[] {1, 3}, DenseLinearAlgebra.solve(new double[][] {{2, 1}, {1, 3}}, new double[] {5, 10}),
            1e-15);
    }

    @Test
    void singularMatricesAreReported()
    {
        assertThrows(ArithmeticException.class, () -> DenseLinearAlgebra.inverse(new double[][] {{1, 2}, {2, 4}}));
        assertThrows(ArithmeticException.class, () -> DenseLinearAlgebra.inverse(new double[][] {{0, 0}, {0, 0}}));
    }

    @Test
    void multipliesAMatrixByAVector()
    {
        assertArrayEquals(new double[] {1 * 5 + 2 * 6, 3 * 5 + 4 * 6},
            DenseLinearAlgebra.multiply(new double[][] {{1, 2}, {3, 4}}, new double[] {5, 6}), 0);
    }
}
