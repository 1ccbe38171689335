package io.ticklane.gateway.feed.kraken;

/**
 * Reads one of Kraken's quoted decimals ({@code "5541.30000"}) exactly, never through a double, and keeps the two
 * things the feed needs from it: the digits as sent, read as one whole number with the '.' and leading zeros removed
 * (which is exactly the text Kraken's checksum concatenates), and the number of fraction digits, so the value can be
 * put on the pair's fixed decimal grid. A reused, mutable reader: one per parser, nothing allocated per call.
 */
final class KrakenDecimal
{
    /** Longest text accepted: Kraken sends at most a dozen or so digits; anything longer is hostile. */
    static final int MAX_TEXT = 40;
    /** Most significant digits that always fit in a long. */
    static final int MAX_SIGNIFICANT_DIGITS = 18;
    /** The value does not fit on the grid: more fraction digits than the grid holds, and a non-zero one among them. */
    static final long OFF_GRID = -1;
    /** The value on the grid does not fit in a long. */
    static final long OVERFLOW = -2;

    private static final long[] POWERS_OF_TEN = new long[MAX_SIGNIFICANT_DIGITS + 1];

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_SIGNIFICANT_DIGITS; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private long digits;
    private int scale;

    /**
     * Reads {@code [0-9]+('.'[0-9]+)?}: no sign, no exponent, no blanks.
     *
     * @return false when the text is not such a decimal or has more than {@link #MAX_SIGNIFICANT_DIGITS} significant
     *     digits or more than {@link #MAX_TEXT} characters.
     */
    boolean parse(final char[] text, final int offset, final int length)
    {
        if (length <= 0 || length > MAX_TEXT)
        {
            return false;
        }
        long value = 0;
        int significant = 0;
        int fraction = -1;
        int digitCount = 0;
        final int end = offset + length;
        for (int i = offset; i < end; i++)
        {
            final char c = text[i];
            if (c >= '0' && c <= '9')
            {
                digitCount++;
                if (fraction >= 0)
                {
                    fraction++;
                }
                if (0 != value || '0' != c)
                {
                    if (++significant > MAX_SIGNIFICANT_DIGITS)
                    {
                        return false;
                    }
                    value = value * 10 + (c - '0');
                }
            }
            else if ('.' == c && fraction < 0 && digitCount > 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }
        if (0 == fraction || (fraction > MAX_SIGNIFICANT_DIGITS))
        {
            return false;
        }
        digits = value;
        scale = Math.max(0, fraction);
        return true;
    }

    /**
     * Loads a value read earlier (digits and scale as {@link #digits()} and {@link #scale()} gave them).
     */
    void set(final long digits, final int scale)
    {
        this.digits = digits;
        this.scale = scale;
    }

    /**
     * @return the digits as sent with '.' and leading zeros removed, as a number: {@code "0.05000"} gives 5000.
     */
    long digits()
    {
        return digits;
    }

    /**
     * @return how many fraction digits were sent: {@code "0.05000"} gives 5.
     */
    int scale()
    {
        return scale;
    }

    /**
     * @param decimals the grid's fraction digits (0..18).
     * @return the value in units of 10^-decimals, or {@link #OFF_GRID} or {@link #OVERFLOW}.
     */
    long onGrid(final int decimals)
    {
        if (scale <= decimals)
        {
            final long factor = POWERS_OF_TEN[decimals - scale];
            if (digits > Long.MAX_VALUE / factor)
            {
                return OVERFLOW;
            }
            return digits * factor;
        }
        final long divisor = POWERS_OF_TEN[scale - decimals];
        return 0 == digits % divisor ? digits / divisor : OFF_GRID;
    }
}
