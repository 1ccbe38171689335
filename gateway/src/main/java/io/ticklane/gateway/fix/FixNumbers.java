package io.ticklane.gateway.fix;

/**
 * Exact conversions between Ticklane's integer counts (ticks, lots, ids) and FIX's decimals and ASCII ids. Every
 * conversion either is exact or says it is not ({@link #NOT_EXACT}): a price between ticks, a quantity between lots,
 * an overflow or an id that is not a number is refused by the caller, never rounded.
 */
final class FixNumbers
{
    /** Returned when a value has no exact counterpart. */
    static final long NOT_EXACT = Long.MIN_VALUE;

    private static final int MAX_POWER = 18;
    private static final int MAX_ID_DIGITS = 19; // Long.MAX_VALUE has 19: a request id made of epoch ns has 19 too
    private static final long[] POWERS_OF_TEN = new long[MAX_POWER + 1];

    static
    {
        long power = 1;
        for (int i = 0; i <= MAX_POWER; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private FixNumbers()
    {
    }

    /**
     * @param count    ticks or lots.
     * @param mantissa the increment's mantissa (its scale is the result's scale).
     * @return {@code count x mantissa}, the decimal's value at the increment's scale, or {@link #NOT_EXACT} on
     * overflow.
     */
    static long toDecimalValue(final long count, final long mantissa)
    {
        final long high = Math.multiplyHigh(count, mantissa);
        final long low = count * mantissa;
        return (high == 0 && low >= 0) || (high == -1 && low < 0) ? low : NOT_EXACT;
    }

    /**
     * @param value             a decimal's unscaled value.
     * @param scale             its scale (value x 10^-scale); may be negative or beyond 18 only if it reduces.
     * @param incrementMantissa the increment's mantissa, positive.
     * @param incrementScale    the increment's scale.
     * @return the decimal as a whole number of increments, or {@link #NOT_EXACT} when it lies between increments or
     * does not fit.
     */
    static long toCount(final long value, final int scale, final long incrementMantissa, final int incrementScale)
    {
        // Bring both to the larger scale, then divide exactly.
        final int common = Math.max(scale, incrementScale);
        final long valueAtCommon = scaleUp(value, common - scale);
        final long incrementAtCommon = scaleUp(incrementMantissa, common - incrementScale);
        if (NOT_EXACT == valueAtCommon || NOT_EXACT == incrementAtCommon || 0 != valueAtCommon % incrementAtCommon)
        {
            return NOT_EXACT;
        }
        return valueAtCommon / incrementAtCommon;
    }

    /**
     * Writes a non-negative id as ASCII digits, the form ClOrdID and MassStatusReqID take.
     *
     * @param id    0 or more.
     * @param bytes at least 19 bytes.
     * @return digits written.
     */
    static int putId(final long id, final byte[] bytes)
    {
        if (id < 0)
        {
            throw new IllegalArgumentException("negative id " + id);
        }
        int digits = 1;
        for (long rest = id / 10; rest != 0; rest /= 10)
        {
            digits++;
        }
        long rest = id;
        for (int i = digits - 1; i >= 0; i--)
        {
            bytes[i] = (byte)('0' + (rest % 10));
            rest /= 10;
        }
        return digits;
    }

    /**
     * @param chars  a decoded id field.
     * @param length how many characters are used.
     * @return the id, or {@link #NOT_EXACT} when it is empty, not all digits or beyond a long.
     */
    static long parseId(final char[] chars, final int length)
    {
        if (length <= 0 || length > MAX_ID_DIGITS)
        {
            return NOT_EXACT;
        }
        long id = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = chars[i];
            if (c < '0' || c > '9')
            {
                return NOT_EXACT;
            }
            final int digit = c - '0';
            if (id > (Long.MAX_VALUE - digit) / 10)
            {
                return NOT_EXACT; // beyond a long
            }
            id = id * 10 + digit;
        }
        return id;
    }

    private static long scaleUp(final long value, final int power)
    {
        if (power > MAX_POWER)
        {
            return 0 == value ? 0 : NOT_EXACT;
        }
        return toDecimalValue(value, POWERS_OF_TEN[power]);
    }
}
