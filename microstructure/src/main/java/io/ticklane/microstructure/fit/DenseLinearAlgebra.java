package io.ticklane.microstructure.fit;

/**
 * The few dense matrix operations the offline fitters need (products, solves, inverses of matrices up to a few
 * hundred rows) on plain {@code double[][]}, so fitting needs no numerical library. Solves use Gaussian elimination
 * with partial pivoting; a pivot smaller than {@code 1e-12} times the largest entry of the matrix means the matrix
 * is singular for our purposes and is reported, never papered over.
 */
public final class DenseLinearAlgebra
{
    private static final double SINGULAR_RELATIVE_PIVOT = 1e-12;

    private DenseLinearAlgebra()
    {
    }

    /**
     * Solves {@code A X = B}.
     *
     * @param a square matrix, not modified.
     * @param b right-hand sides, one column per system, not modified.
     * @return X.
     * @throws ArithmeticException if A is singular.
     */
    public static double[][] solve(final double[][] a, final double[][] b)
    {
        final int n = a.length;
        final int m = b[0].length;
        if (b.length != n)
        {
            throw new IllegalArgumentException("A is " + n + "x" + n + " but B has " + b.length + " rows");
        }
        final double[][] lu = copy(a);
        final double[][] x = copy(b);
        double scale = 0;
        for (final double[] row : lu)
        {
            if (row.length != n)
            {
                throw new IllegalArgumentException("A is not square");
            }
            for (final double v : row)
            {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        final double tiny = SINGULAR_RELATIVE_PIVOT * (0 == scale ? 1 : scale);

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.abs(lu[row][col]) > Math.abs(lu[pivot][col]))
                {
                    pivot = row;
                }
            }
            if (Math.abs(lu[pivot][col]) <= tiny)
            {
                throw new ArithmeticException("matrix is singular (no usable pivot in column " + col + ")");
            }
            swap(lu, col, pivot);
            swap(x, col, pivot);
            for (int row = col + 1; row < n; row++)
            {
                final double factor = lu[row][col] / lu[col][col];
                if (0 != factor)
                {
                    for (int k = col; k < n; k++)
                    {
                        lu[row][k] -= factor * lu[col][k];
                    }
                    for (int k = 0; k < m; k++)
                    {
                        x[row][k] -= factor * x[col][k];
                    }
                }
            }
        }
        for (int row = n - 1; row >= 0; row--)
        {
            for (int k = 0; k < m; k++)
            {
                double sum = x[row][k];
                for (int j = row + 1; j < n; j++)
                {
                    sum -= lu[row][j] * x[j][k];
                }
                x[row][k] = sum / lu[row][row];
            }
        }
        return x;
    }

    /**
     * Solves {@code A x = b} for one vector.
     *
     * @param a square matrix.
     * @param b right-hand side.
     * @return x.
     */
    public static double[] solve(final double[][] a, final double[] b)
    {
        final double[][] column = new double[b.length][1];
        for (int i = 0; i < b.length; i++)
        {
            column[i][0] = b[i];
        }
        final double[][] x = solve(a, column);
        final double[] result = new double[b.length];
        for (int i = 0; i < b.length; i++)
        {
            result[i] = x[i][0];
        }
        return result;
    }

    /**
     * @param a square matrix.
     * @return its inverse.
     * @throws ArithmeticException if A is singular.
     */
    public static double[][] inverse(final double[][] a)
    {
        return solve(a, identity(a.length));
    }

    /**
     * @param n size.
     * @return the n x n identity.
     */
    public static double[][] identity(final int n)
    {
        final double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++)
        {
            identity[i][i] = 1;
        }
        return identity;
    }

    /**
     * @param a matrix.
     * @param x vector.
     * @return {@code A x}.
     */
    public static double[] multiply(final double[][] a, final double[] x)
    {
        final double[] result = new double[a.length];
        for (int i = 0; i < a.length; i++)
        {
            double sum = 0;
            for (int j = 0; j < x.length; j++)
            {
                sum += a[i][j] * x[j];
            }
            result[i] = sum;
        }
        return result;
    }

    private static double[][] copy(final double[][] a)
    {
        final double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++)
        {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    private static void swap(final double[][] a, final int i, final int j)
    {
        if (i != j)
        {
            final double[] row = a[i];
            a[i] = a[j];
            a[j] = row;
        }
    }
}
