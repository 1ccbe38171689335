package io.ticklane.marketmaking.research;

/**
 * Terminal outcome of one strategy over many simulated runs, the four numbers Avellaneda &amp; Stoikov report per
 * strategy: mean and standard deviation of the terminal profit and of the terminal inventory. Standard deviations
 * are sample standard deviations (divisor n − 1).
 *
 * @param meanProfit      mean of cash + q·s_T over the runs.
 * @param stdProfit       standard deviation of the terminal profit.
 * @param meanInventory   mean terminal inventory q_T, units.
 * @param stdInventory    standard deviation of the terminal inventory.
 */
public record StrategyOutcome(double meanProfit, double stdProfit, double meanInventory, double stdInventory)
{
    static StrategyOutcome of(final double[] profits, final long[] inventories)
    {
        final double[] q = new double[inventories.length];
        for (int i = 0; i < q.length; i++)
        {
            q[i] = inventories[i];
        }
        return new StrategyOutcome(mean(profits), std(profits), mean(q), std(q));
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    private static double std(final double[] values)
    {
        final double mean = mean(values);
        double sumSquares = 0;
        for (final double value : values)
        {
            final double d = value - mean;
            sumSquares += d * d;
        }
        return Math.sqrt(sumSquares / (values.length - 1));
    }
}
