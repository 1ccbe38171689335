package io.ticklane.backtest;

/**
 * Risk-adjusted statistics of a sampled equity curve (PnL in ticks × lots over event time): Sharpe, Sortino, max
 * drawdown with its duration, and Calmar. The curve is given as points; returns are the equity differences between
 * consecutive points exactly one sampling interval apart, so a partial first or last interval (the data rarely
 * starts or ends on the grid) is used for drawdown but never as a return.
 * <p>
 * There is no capital, so returns are PnL per interval, not percentages. Annualisation assumes continuous trading
 * (365 days of 24 hours, as crypto venues trade): Sharpe = mean / sample standard deviation × √(intervals per year);
 * Sortino = mean / downside deviation × √(intervals per year), where the downside deviation is
 * √(Σ min(r, 0)² / n) over all n returns (target 0); Calmar = PnL over the curve scaled to a year / max drawdown.
 */
public final class EquityCurve
{
    /**
     * Nanoseconds in the year used for annualisation (365 × 24 h).
     */
    public static final double YEAR_NS = 365.0 * 86_400e9;

    private final long[] timesNs;
    private final double[] equity;
    private final long intervalNs;

    /**
     * @param timesNs    sample times, increasing.
     * @param equity     equity at each sample time.
     * @param intervalNs the sampling interval.
     */
    public EquityCurve(final long[] timesNs, final double[] equity, final long intervalNs)
    {
        if (timesNs.length != equity.length)
        {
            throw new IllegalArgumentException("times and equity differ in length: " + timesNs.length + " vs " + equity.length);
        }
        if (intervalNs <= 0)
        {
            throw new IllegalArgumentException("interval must be positive: " + intervalNs);
        }
        this.timesNs = timesNs;
        this.equity = equity;
        this.intervalNs = intervalNs;
    }

    /**
     * @return the annualisation factor √(intervals per year).
     */
    public double annualisation()
    {
        return Math.sqrt(YEAR_NS / intervalNs);
    }

    /**
     * @return returns used: differences of points exactly one interval apart.
     */
    public int returnCount()
    {
        int n = 0;
        for (int i = 1; i < timesNs.length; i++)
        {
            if (timesNs[i] - timesNs[i - 1] == intervalNs)
            {
                n++;
            }
        }
        return n;
    }

    /**
     * @return the annualised Sharpe ratio, or undefined with fewer than two returns or no variation.
     */
    public Statistic sharpe()
    {
        final int n = returnCount();
        if (n < 2)
        {
            return Statistic.undefined(n + " return(s) of the sampling interval; at least 2 needed");
        }
        final double mean = meanReturn();
        double squares = 0;
        for (int i = 1; i < timesNs.length; i++)
        {
            if (timesNs[i] - timesNs[i - 1] == intervalNs)
            {
                final double d = equity[i] - equity[i - 1] - mean;
                squares += d * d;
            }
        }
        final double std = Math.sqrt(squares / (n - 1));
        if (0 == std)
        {
            return Statistic.undefined("returns do not vary (standard deviation 0)");
        }
        return Statistic.of(mean / std * annualisation());
    }

    /**
     * @return the annualised Sortino ratio, or undefined with fewer than two returns or no negative return.
     */
    public Statistic sortino()
    {
        final int n = returnCount();
        if (n < 2)
        {
            return Statistic.undefined(n + " return(s) of the sampling interval; at least 2 needed");
        }
        double downside = 0;
        for (int i = 1; i < timesNs.length; i++)
        {
            if (timesNs[i] - timesNs[i - 1] == intervalNs)
            {
                final double r = Math.min(0, equity[i] - equity[i - 1]);
                downside += r * r;
            }
        }
        if (0 == downside)
        {
            return Statistic.undefined("no negative return (downside deviation 0)");
        }
        return Statistic.of(meanReturn() / Math.sqrt(downside / n) * annualisation());
    }

    private double meanReturn()
    {
        double sum = 0;
        int n = 0;
        for (int i = 1; i < timesNs.length; i++)
        {
            if (timesNs[i] - timesNs[i - 1] == intervalNs)
            {
                sum += equity[i] - equity[i - 1];
                n++;
            }
        }
        return sum / n;
    }

    /**
     * @return the deepest fall from a running peak, with when it started, bottomed and recovered.
     */
    public Drawdown maxDrawdown()
    {
        if (0 == timesNs.length)
        {
            return new Drawdown(0, 0, 0, 0, 0, true);
        }
        double peak = equity[0];
        long peakNs = timesNs[0];
        double worst = 0;
        int worstPeak = 0;
        int worstTrough = 0;
        int peakIndex = 0;
        for (int i = 1; i < timesNs.length; i++)
        {
            if (equity[i] > peak)
            {
                peak = equity[i];
                peakNs = timesNs[i];
                peakIndex = i;
            }
            else if (peak - equity[i] > worst)
            {
                worst = peak - equity[i];
                worstPeak = peakIndex;
                worstTrough = i;
            }
        }
        if (0 == worst)
        {
            return new Drawdown(0, peakNs, peakNs, peakNs, 0, true);
        }
        int recovery = -1;
        for (int i = worstTrough + 1; i < timesNs.length; i++)
        {
            if (equity[i] >= equity[worstPeak])
            {
                recovery = i;
                break;
            }
        }
        final long endNs = recovery >= 0 ? timesNs[recovery] : timesNs[timesNs.length - 1];
        return new Drawdown(worst, timesNs[worstPeak], timesNs[worstTrough], endNs, endNs - timesNs[worstPeak], recovery >= 0);
    }

    /**
     * @return PnL over the curve scaled to a year, divided by the max drawdown; undefined without a drawdown.
     */
    public Statistic calmar()
    {
        final Drawdown drawdown = maxDrawdown();
        if (timesNs.length < 2 || timesNs[timesNs.length - 1] == timesNs[0])
        {
            return Statistic.undefined("the curve spans no time");
        }
        if (0 == drawdown.depth())
        {
            return Statistic.undefined("no drawdown");
        }
        final double spanNs = timesNs[timesNs.length - 1] - timesNs[0];
        final double annualPnl = (equity[equity.length - 1] - equity[0]) * YEAR_NS / spanNs;
        return Statistic.of(annualPnl / drawdown.depth());
    }

    /**
     * The max drawdown of a curve.
     *
     * @param depth      peak minus trough, ticks × lots (0 when the curve never falls).
     * @param peakNs     time of the peak it fell from.
     * @param troughNs   time of the trough.
     * @param endNs      time equity first got back to the peak, or the curve's end when it never did.
     * @param durationNs endNs − peakNs.
     * @param recovered  whether equity got back to the peak.
     */
    public record Drawdown(double depth, long peakNs, long troughNs, long endNs, long durationNs, boolean recovered)
    {
    }
}
