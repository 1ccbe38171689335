package io.ticklane.gateway.sim.venue;

/**
 * The L2 queue of hftbacktest's probabilistic models: a decrease of the level that prints do not explain is a
 * cancel, and a cancel comes from in front of us with a probability that grows with how much is in front.
 * <p>
 * Exact rule, with {@code a} = ahead, {@code b} = previous level quantity − a (behind us), and
 * {@code d} = previous − current − tradedSinceLast (the unexplained decrease):
 * <ul>
 * <li>if {@code d <= 0} (the level grew, or prints explain it all): ahead = min(a, current);</li>
 * <li>otherwise the share of d taken from ahead is {@code s = f(a) / (f(a) + f(b))} (0 when both are 0), and
 * ahead = a − floor(s·d) − max(0, ceil((1 − s)·d) − b) (what behind cannot absorb comes from ahead too), then
 * clamped to [0, current].</li>
 * </ul>
 * The floor keeps ahead large when the share is fractional: rounding errs against the strategy.
 * {@code f(x) = x^n} ({@link #power(double)}) or {@code f(x) = ln(1 + x)} ({@link #log()}); n = 1 is uniform (a
 * cancel is equally likely anywhere in the level), larger n puts cancels more at the back of the queue.
 */
public final class ProbabilisticQueue implements QueueModel
{
    private final double power;
    private final boolean log;
    private final String name;

    private ProbabilisticQueue(final double power, final boolean log, final String name)
    {
        this.power = power;
        this.log = log;
        this.name = name;
    }

    /**
     * @param n exponent of {@code f(x) = x^n}, {@code > 0}.
     * @return the power model.
     */
    public static ProbabilisticQueue power(final double n)
    {
        if (!(n > 0) || Double.isInfinite(n))
        {
            throw new IllegalArgumentException("power queue exponent must be a positive finite number: " + n);
        }
        final String exponent = n == Math.rint(n) && n < 1e9 ? Long.toString((long)n) : Double.toString(n);
        return new ProbabilisticQueue(n, false, "prob-power:" + exponent);
    }

    /**
     * @return the log model {@code f(x) = ln(1 + x)}.
     */
    public static ProbabilisticQueue log()
    {
        return new ProbabilisticQueue(0, true, "prob-log");
    }

    /**
     * @param ahead  quantity ahead.
     * @param behind quantity behind.
     * @return share of an unexplained decrease taken from ahead.
     */
    public double shareAhead(final long ahead, final long behind)
    {
        final double fa = f(ahead);
        final double fb = f(behind);
        final double sum = fa + fb;
        return sum > 0 ? fa / sum : 0;
    }

    public long afterLevelChange(
        final long ahead, final long previousQuantity, final long currentQuantity, final long tradedSinceLast)
    {
        final long decrease = previousQuantity - currentQuantity - tradedSinceLast;
        long result = ahead;
        if (decrease > 0)
        {
            final long behind = Math.max(0, previousQuantity - ahead);
            final double share = shareAhead(ahead, behind);
            final long fromAhead = (long)Math.floor(share * decrease);
            final long fromBehind = decrease - fromAhead;
            result = ahead - fromAhead - Math.max(0, fromBehind - behind);
        }
        return Math.max(0, Math.min(result, currentQuantity));
    }

    public String name()
    {
        return name;
    }

    private double f(final long x)
    {
        if (x <= 0)
        {
            return 0;
        }
        return log ? Math.log1p(x) : Math.pow(x, power);
    }
}
