package io.ticklane.feedserve;

import java.math.BigDecimal;

/**
 * How fast a capture is replayed: as recorded (the gaps between receive times), a multiple of that, or as fast as
 * the connection takes it.
 */
public final class Pace
{
    /** As fast as the socket takes the messages. */
    public static final Pace MAX = new Pace(0);
    /** As recorded. */
    public static final Pace RECORDED = new Pace(1);

    private final double factor;

    private Pace(final double factor)
    {
        this.factor = factor;
    }

    /**
     * @param text {@code recorded}, {@code max}, or a speed-up such as {@code 10x} or {@code 0.5x}.
     * @return the pace.
     * @throws IllegalArgumentException for anything else.
     */
    public static Pace parse(final String text)
    {
        if ("recorded".equals(text))
        {
            return RECORDED;
        }
        if ("max".equals(text))
        {
            return MAX;
        }
        if (null != text && text.endsWith("x") && text.length() > 1)
        {
            try
            {
                final BigDecimal factor = new BigDecimal(text.substring(0, text.length() - 1));
                if (factor.signum() > 0 && factor.compareTo(BigDecimal.valueOf(1_000_000)) <= 0)
                {
                    return new Pace(factor.doubleValue());
                }
            }
            catch (final NumberFormatException ex)
            {
                // falls through to the error naming the accepted forms
            }
        }
        throw new IllegalArgumentException("pace must be recorded, max or a factor such as 10x (0 < factor <= 1e6): " + text);
    }

    /**
     * @return true when messages are not paced at all.
     */
    public boolean isMax()
    {
        return factor == 0;
    }

    /**
     * @param recordedNs time between two messages as recorded.
     * @return the time to leave between them when served.
     */
    public long scale(final long recordedNs)
    {
        return isMax() ? 0 : (long)(recordedNs / factor);
    }

    @Override
    public String toString()
    {
        return isMax() ? "max" : factor == 1 ? "recorded" : factor + "x";
    }
}
