package io.ticklane.perf.latency;

import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Labels the "nines" axis of a percentile plot: the axis value is {@code log10(1/(1-percentile))}, so 0 is 0%, 1 is
 * 90%, 2 is 99%, 3 is 99.9%, as on HdrHistogram's own plotter. Formatting only; parsing is not supported.
 */
final class NinesFormat extends NumberFormat
{
    private static final long serialVersionUID = 1L;
    private static final double POWER_TOLERANCE = 1e-9;

    /**
     * @param x {@code 1/(1-percentile)}, at least 1.
     * @return the percentile it stands for, e.g. "99.9%".
     */
    static String label(final double x)
    {
        if (x <= 1.0)
        {
            return "0%";
        }
        final double power = Math.log10(x);
        final long nines = Math.round(power);
        if (Math.abs(power - nines) < POWER_TOLERANCE)
        {
            return BigDecimal.valueOf(100).subtract(BigDecimal.ONE.movePointRight(2 - (int)nines)).stripTrailingZeros()
                .toPlainString() + "%";
        }
        return BigDecimal.valueOf(100.0 - 100.0 / x).round(new java.math.MathContext((int)Math.max(3, power + 2)))
            .stripTrailingZeros().toPlainString() + "%";
    }

    @Override
    public StringBuffer format(final double number, final StringBuffer toAppendTo, final FieldPosition pos)
    {
        return toAppendTo.append(label(Math.pow(10, number)));
    }

    @Override
    public StringBuffer format(final long number, final StringBuffer toAppendTo, final FieldPosition pos)
    {
        return format((double)number, toAppendTo, pos);
    }

    @Override
    public Number parse(final String source, final ParsePosition parsePosition)
    {
        throw new UnsupportedOperationException("axis labels are not parsed");
    }
}
