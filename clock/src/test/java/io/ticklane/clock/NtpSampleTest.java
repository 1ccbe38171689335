package io.ticklane.clock;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NtpSampleTest
{
    @Test
    void symmetricPathGivesTheExactOffsetAndExcludesServerProcessingFromDelay()
    {
        // given: server 2.5 s ahead, 100 ns each way, 50 ns processing
        final long t1 = 10_000;
        final long t2 = t1 + 100 + 2_500_000_000L;
        final long t3 = t2 + 50;
        final long t4 = t3 - 2_500_000_000L + 100;

        // when
        final NtpSample sample = new NtpSample(t1, t2, t3, t4);

        // then
        assertEquals(2_500_000_000L, sample.offsetNs());
        assertEquals(200, sample.delayNs());
        assertEquals(50, sample.serverProcessingNs());
    }

    @Test
    void asymmetricPathBiasesTheOffsetByHalfTheAsymmetry()
    {
        // given: server 2.5 s ahead, 100 ns out, 300 ns back, 50 ns processing
        final long t1 = 10_000;
        final long t2 = 2_500_010_100L;
        final long t3 = 2_500_010_150L;
        final long t4 = 10_450;

        // when
        final NtpSample sample = new NtpSample(t1, t2, t3, t4);

        // then: θ = (2_500_000_100 + 2_499_999_700) / 2, δ = 450 − 50
        assertEquals(2_499_999_900L, sample.offsetNs());
        assertEquals(400, sample.delayNs());
    }

    @Test
    void serverBehindGivesNegativeOffset()
    {
        // given: server 3 ms behind, 1 µs each way, no processing
        final long t1 = 5_000_000;
        final long t2 = t1 + 1_000 - 3_000_000;
        final long t3 = t2;
        final long t4 = t1 + 2_000;

        // when
        final NtpSample sample = new NtpSample(t1, t2, t3, t4);

        // then
        assertEquals(-3_000_000, sample.offsetNs());
        assertEquals(2_000, sample.delayNs());
    }

    @Test
    void oddOffsetSumRoundsTowardsNegativeInfinity()
    {
        // (T2 − T1) + (T3 − T4) = 3 + (−6) = −3 → θ = −2
        assertEquals(-2, NtpSample.offsetNs(0, 3, 10, 16));
        // (T2 − T1) + (T3 − T4) = 3 + 0 = 3 → θ = 1
        assertEquals(1, NtpSample.offsetNs(0, 3, 10, 10));
    }

    @Test
    void minimumDelaySampleIsChosenAndTiesGoToTheEarlierOne()
    {
        // given: delays 900, 300, 700, 300
        final NtpSample slow = new NtpSample(0, 500, 500, 900);
        final NtpSample fastFirst = new NtpSample(1_000, 1_200, 1_210, 1_310);
        final NtpSample medium = new NtpSample(2_000, 2_400, 2_400, 2_700);
        final NtpSample fastLater = new NtpSample(3_000, 3_100, 3_100, 3_300);
        final List<NtpSample> samples = List.of(slow, fastFirst, medium, fastLater);

        // when
        final int index = NtpCheckResult.indexOfMinimumDelay(samples);
        final NtpCheckResult result = new NtpCheckResult("server", 123, 5, samples, 2, "10.0.0.1", 0, -20, 0);

        // then
        assertEquals(1, index);
        assertSame(fastFirst, result.best());
        assertEquals(300, result.delayNs());
        assertEquals(fastFirst.offsetNs(), result.offsetNs());
        assertEquals(1, result.unanswered());
    }

    @Test
    void resultWithoutSamplesIsRejected()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new NtpCheckResult("server", 123, 3, List.of(), 2, "10.0.0.1", 0, -20, 0));
    }
}
