package io.ticklane.gateway.fix;

/**
 * Exact conversions between Ticklane's integer counts (ticks, lots, ids) and FIX's decimals and ASCII ids. Every
 * conversion either is exact or says it is not ({@link #NOT_EXACT}): a price between ticks, a quantity between lots,
 * an overflow or one of our own ids that is not a number is refused by the caller, never rounded. The venue's own
 * ids (OrderID, ExecID) may take any printable form: {@link #venueId} maps each text to one long.
 */
final class FixNumbers
{
    /** Returned when a value has no exact counterpart. */
    static final long NOT_EXACT = Long.MIN_VALUE;
    /**
     * Venue ids ({@link #venueId}) from here up are hashes of ids that are not plain numbers; below it a venue id is
     * its own decimal value. The two ranges are disjoint, so a numeric id never meets a hashed one.
     */
    static final long HASHED_ID_BASE = 1L << 62;
    /** Longest venue id taken (FIX sets no limit; venues use up to a few dozen characters). */
    static final int MAX_VENUE_ID_LENGTH = 64;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final String NONE = "NONE";

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

    /**
     * A venue-assigned id (OrderID, ExecID) as a long, whatever its form: a decimal without leading zeros below
     * {@link #HASHED_ID_BASE} is its own value; any other printable id (letters, dashes, leading zeros, a UUID) is its
     * 64-bit FNV-1a hash moved into {@code [HASHED_ID_BASE, 2^63)}. The same text gives the same id in every process,
     * so a report resent after a restart is still recognised by its ExecID. Two different texts share an id with a
     * chance of about n^2 / 2^63 over n ids (under 10^-5 for ten million executions).
     *
     * @param chars  a decoded id field.
     * @param length how many characters are used.
     * @return the id, or {@link #NOT_EXACT} when it is empty, "NONE", longer than {@link #MAX_VENUE_ID_LENGTH} or has
     * a character outside printable ASCII.
     */
    static long venueId(final char[] chars, final int length)
    {
        if (length <= 0 || length > MAX_VENUE_ID_LENGTH || isNone(chars, length))
        {
            return NOT_EXACT;
        }
        if ('0' != chars[0] || 1 == length)
        {
            final long number = parseId(chars, length);
            if (NOT_EXACT != number && number < HASHED_ID_BASE)
            {
                return number;
            }
        }
        long hash = FNV_OFFSET_BASIS;
        for (int i = 0; i < length; i++)
        {
            final char c = chars[i];
            if (c <= ' ' || c > '~')
            {
                return NOT_EXACT;
            }
            hash ^= c;
            hash *= FNV_PRIME;
        }
        return HASHED_ID_BASE | (hash >>> 2);
    }

    private static boolean isNone(final char[] chars, final int length)
    {
        if (NONE.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (NONE.charAt(i) != chars[i])
            {
                return false;
            }
        }
        return true;
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
