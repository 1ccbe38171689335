package io.ticklane.clock;

/**
 * Converts between epoch nanoseconds and the 64-bit NTP timestamp format (32 bits of seconds since 1900, 32 bits
 * of binary fraction), keeping nanosecond precision where the usual millisecond conversions would lose it.
 * <p>
 * Seconds are read with the RFC 4330 era rule: a set top bit means era 0 (1968-2036), a clear one era 1
 * (2036-2104), so the conversion is right for any time in 1968-2104.
 */
public final class NtpTimestamps
{
    /** Seconds from the NTP epoch, 1900-01-01, to the Unix epoch, 1970-01-01. */
    public static final long NTP_TO_UNIX_EPOCH_SECONDS = 2_208_988_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long ERA_SECONDS = 1L << 32;
    private static final long HALF_FRACTION_UNIT = 1L << 31;
    private static final long LOW_32_BITS = 0xFFFF_FFFFL;
    private static final long ERA_0_SECONDS_BIT = 1L << 31;

    private NtpTimestamps()
    {
    }

    /**
     * Encodes epoch nanoseconds as an NTP timestamp, rounding the fraction to the nearest 2^-32 s (about 0.23 ns).
     *
     * @param epochNs nanoseconds since 1970-01-01T00:00:00Z.
     * @return the 64-bit NTP timestamp.
     */
    public static long fromEpochNanos(final long epochNs)
    {
        final long epochSeconds = Math.floorDiv(epochNs, NANOS_PER_SECOND);
        final long nanosOfSecond = Math.floorMod(epochNs, NANOS_PER_SECOND);
        long ntpSeconds = epochSeconds + NTP_TO_UNIX_EPOCH_SECONDS;
        long fraction = ((nanosOfSecond << 32) + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        if (fraction > LOW_32_BITS)
        {
            fraction -= ERA_SECONDS;
            ntpSeconds++;
        }

        return ((ntpSeconds & LOW_32_BITS) << 32) | fraction;
    }

    /**
     * Decodes an NTP timestamp to epoch nanoseconds, rounding the fraction to the nearest nanosecond.
     *
     * @param ntpTimestamp the 64-bit NTP timestamp.
     * @return nanoseconds since 1970-01-01T00:00:00Z.
     */
    public static long toEpochNanos(final long ntpTimestamp)
    {
        final long seconds = ntpTimestamp >>> 32;
        final long fraction = ntpTimestamp & LOW_32_BITS;
        final long secondsSince1900 = (seconds & ERA_0_SECONDS_BIT) != 0 ? seconds : seconds + ERA_SECONDS;
        final long nanosOfSecond = (fraction * NANOS_PER_SECOND + HALF_FRACTION_UNIT) >>> 32;

        return (secondsSince1900 - NTP_TO_UNIX_EPOCH_SECONDS) * NANOS_PER_SECOND + nanosOfSecond;
    }
}
