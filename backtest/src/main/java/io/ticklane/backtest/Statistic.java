package io.ticklane.backtest;

/**
 * A metric that may be undefined (too few samples, a zero denominator): either a finite value or the reason it has
 * none, so a report says why instead of printing NaN.
 *
 * @param value     the value; meaningful only when {@link #defined()}.
 * @param undefined why there is no value, or null when there is one.
 */
public record Statistic(double value, String undefined)
{
    /**
     * @param value a finite value.
     * @return a defined statistic.
     */
    public static Statistic of(final double value)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException("not finite: " + value);
        }
        return new Statistic(value, null);
    }

    /**
     * @param reason why the statistic has no value.
     * @return an undefined statistic.
     */
    public static Statistic undefined(final String reason)
    {
        return new Statistic(Double.NaN, reason);
    }

    /**
     * @return true when there is a value.
     */
    public boolean defined()
    {
        return null == undefined;
    }

    @Override
    public String toString()
    {
        return defined() ? Double.toString(value) : "undefined (" + undefined + ")";
    }
}
