package io.ticklane.clock;

import org.apache.commons.net.ntp.TimeStamp;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NtpTimestampsTest
{
    @Test
    void unixEpochIsNtpSecond2208988800()
    {
        assertEquals(2_208_988_800L << 32, NtpTimestamps.fromEpochNanos(0));
        assertEquals(0, NtpTimestamps.toEpochNanos(2_208_988_800L << 32));
    }

    @Test
    void halfASecondIsTheTopFractionBit()
    {
        final long ntp = NtpTimestamps.fromEpochNanos(500_000_000L);

        assertEquals(0x8000_0000L, ntp & 0xFFFF_FFFFL);
        assertEquals(2_208_988_800L, ntp >>> 32);
    }

    @Test
    void nanosecondTimesRoundTripExactly()
    {
        final long base = Instant.parse("2026-11-23T11:44:34.123456789Z").getEpochSecond() * 1_000_000_000L;
        for (long nanos = 0; nanos < 1_000_000_000L; nanos += 999_983)
        {
            final long epochNs = base + nanos;
            assertEquals(epochNs, NtpTimestamps.toEpochNanos(NtpTimestamps.fromEpochNanos(epochNs)), "at " + epochNs);
        }
        final long lastNanoOfSecond = base + 999_999_999L;
        assertEquals(lastNanoOfSecond, NtpTimestamps.toEpochNanos(NtpTimestamps.fromEpochNanos(lastNanoOfSecond)));
    }

    @Test
    void timesAfterTheNtpEraRolloverIn2036RoundTrip()
    {
        final long epochNs = Instant.parse("2040-02-29T12:00:00.000000001Z").getEpochSecond() * 1_000_000_000L + 1;

        final long ntp = NtpTimestamps.fromEpochNanos(epochNs);

        assertEquals(0, ntp >>> 63, "era 1 seconds have the top bit clear");
        assertEquals(epochNs, NtpTimestamps.toEpochNanos(ntp));
    }

    @Test
    void millisecondTimesAgreeWithCommonsNetWithinOneFractionUnit()
    {
        final long startMs = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        for (long ms = startMs; ms < startMs + 5_000; ms += 7)
        {
            final long expected = new TimeStamp(new Date(ms)).ntpValue();
            final long actual = NtpTimestamps.fromEpochNanos(ms * 1_000_000L);
            assertTrue(Math.abs(expected - actual) <= 1, "at " + ms + " ms: " + expected + " vs " + actual);
        }
    }
}
