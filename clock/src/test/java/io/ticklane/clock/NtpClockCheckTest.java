package io.ticklane.clock;

import io.ticklane.clock.LoopbackNtpResponder.Behaviour;
import io.ticklane.clock.NtpCheckException.Failure;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NtpClockCheckTest
{
    private static final String LOOPBACK = "127.0.0.1";
    private static final long SERVER_AHEAD_NS = 2_500_000_000L;
    private static final long PROCESSING_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long NTP_ROUNDING_NS = 2;

    private final EpochNanoClock localClock = new SystemEpochNanoClock();

    @Test
    void givenServerAheadByTwoAndAHalfSecondsWhenCheckedThenOffsetIsWithinHalfTheDelayOfTheTruth() throws Exception
    {
        try (LoopbackNtpResponder responder =
            new LoopbackNtpResponder(localClock, SERVER_AHEAD_NS, PROCESSING_DELAY_NS, Behaviour.ANSWER))
        {
            final NtpClockCheck check = new NtpClockCheck(localClock, 8, 1_000, 0);

            final NtpCheckResult result = check.check(LOOPBACK, responder.port());

            final long errorNs = Math.abs(result.offsetNs() - SERVER_AHEAD_NS);
            assertTrue(errorNs <= result.delayNs() / 2 + NTP_ROUNDING_NS, "error " + errorNs + " ns, " + result);
            assertTrue(result.delayNs() < PROCESSING_DELAY_NS, "loopback round trip excludes processing: " + result);
            assertEquals(8, result.samples().size());
            assertEquals(8, result.requestsSent());
            assertEquals(0, result.unanswered());
            assertEquals(1, result.stratum());
            assertEquals(LoopbackNtpResponder.REFERENCE_ID, result.referenceId());
            assertEquals(-20, result.precisionExponent());
        }
    }

    @Test
    void givenServerProcessingDelayWhenCheckedThenDelayCountsOnlyTheNetworkRoundTrip() throws Exception
    {
        try (LoopbackNtpResponder responder =
            new LoopbackNtpResponder(localClock, SERVER_AHEAD_NS, PROCESSING_DELAY_NS, Behaviour.ANSWER))
        {
            final NtpCheckResult result = new NtpClockCheck(localClock, 4, 1_000, 0).check(LOOPBACK, responder.port());

            for (final NtpSample sample : result.samples())
            {
                assertTrue(sample.serverProcessingNs() >= PROCESSING_DELAY_NS - NTP_ROUNDING_NS, sample.toString());
                assertTrue(sample.destinationNs() - sample.originateNs() >= PROCESSING_DELAY_NS, sample.toString());
                assertTrue(sample.delayNs() >= 0, sample.toString());
            }
            assertTrue(result.delayNs() < PROCESSING_DELAY_NS, "loopback round trip excludes processing: " + result);
            for (final NtpSample sample : result.samples())
            {
                assertTrue(result.delayNs() <= sample.delayNs(), "best sample has the minimum delay: " + result.samples());
            }
        }
    }

    @Test
    void givenLocalClockOneSecondSlowWhenCheckedAgainstTrueTimeThenOffsetIsPlusOneSecond() throws Exception
    {
        final EpochNanoClock slowLocalClock = () -> localClock.nanoTime() - 1_000_000_000L;
        try (LoopbackNtpResponder responder = new LoopbackNtpResponder(localClock, 0, 0, Behaviour.ANSWER))
        {
            final NtpCheckResult result = new NtpClockCheck(slowLocalClock, 4, 1_000, 0).check(LOOPBACK, responder.port());

            final long errorNs = Math.abs(result.offsetNs() - 1_000_000_000L);
            assertTrue(errorNs <= result.delayNs() / 2 + NTP_ROUNDING_NS, "error " + errorNs + " ns, " + result);
        }
    }

    @Test
    void givenServerThatDropsFirstRequestWhenCheckedThenRemainingSamplesAreUsedAndTheLossCounted() throws Exception
    {
        try (LoopbackNtpResponder responder = new LoopbackNtpResponder(localClock, SERVER_AHEAD_NS, 0, Behaviour.DROP_FIRST))
        {
            final NtpCheckResult result = new NtpClockCheck(localClock, 3, 200, 0).check(LOOPBACK, responder.port());

            assertEquals(3, result.requestsSent());
            assertEquals(2, result.samples().size());
            assertEquals(1, result.unanswered());
        }
    }

    @Test
    void givenReplyThatAnswersNoOutstandingRequestWhenCheckedThenItIsIgnoredAndCounted() throws Exception
    {
        try (LoopbackNtpResponder responder =
            new LoopbackNtpResponder(localClock, SERVER_AHEAD_NS, 0, Behaviour.BOGUS_REPLY_FIRST))
        {
            final NtpCheckResult result = new NtpClockCheck(localClock, 3, 1_000, 0).check(LOOPBACK, responder.port());

            assertEquals(3, result.samples().size());
            assertEquals(3, result.ignoredReplies());
            final long errorNs = Math.abs(result.offsetNs() - SERVER_AHEAD_NS);
            assertTrue(errorNs <= result.delayNs() / 2 + NTP_ROUNDING_NS, "error " + errorNs + " ns, " + result);
        }
    }

    @Test
    void givenSilentServerWhenCheckedThenTimeoutAfterWaitingForEveryRequest() throws Exception
    {
        try (LoopbackNtpResponder responder = new LoopbackNtpResponder(localClock, 0, 0, Behaviour.SILENT))
        {
            final NtpClockCheck check = new NtpClockCheck(localClock, 2, 150, 0);
            final long startNs = System.nanoTime();

            final NtpCheckException ex = assertThrows(NtpCheckException.class, () -> check.check(LOOPBACK, responder.port()));

            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);
            assertEquals(Failure.TIMEOUT, ex.failure());
            assertTrue(ex.getMessage().contains("no reply from 127.0.0.1:" + responder.port()), ex.getMessage());
            assertTrue(elapsedMs >= 300, "waited " + elapsedMs + " ms");
            assertEquals(2, responder.requestsReceived());
        }
    }

    @Test
    void givenTruncatedReplyWhenCheckedThenMalformedReply() throws Exception
    {
        assertFailure(Behaviour.TRUNCATED, Failure.MALFORMED_REPLY, "20 bytes");
    }

    @Test
    void givenReplyInClientModeWhenCheckedThenMalformedReply() throws Exception
    {
        assertFailure(Behaviour.WRONG_MODE, Failure.MALFORMED_REPLY, "mode 3");
    }

    @Test
    void givenKissOfDeathWhenCheckedThenFailsAtOnceNamingTheKissCode() throws Exception
    {
        assertFailure(Behaviour.KISS_OF_DEATH, Failure.KISS_OF_DEATH, "'RATE'");
    }

    @Test
    void givenUnsynchronizedServerWhenCheckedThenUnsynchronized() throws Exception
    {
        assertFailure(Behaviour.UNSYNCHRONIZED, Failure.UNSYNCHRONIZED, "stratum 16");
    }

    @Test
    void givenUnresolvableHostWhenCheckedThenUnknownHost()
    {
        final NtpClockCheck check = new NtpClockCheck(localClock, 1, 100, 0);

        final NtpCheckException ex = assertThrows(NtpCheckException.class, () -> check.check("no-such-host.invalid", 123));

        assertEquals(Failure.UNKNOWN_HOST, ex.failure());
        assertTrue(ex.getMessage().contains("no-such-host.invalid"), ex.getMessage());
    }

    @Test
    void givenInvalidSettingsWhenConstructedThenRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new NtpClockCheck(localClock, 0, 100, 0));
        assertThrows(IllegalArgumentException.class, () -> new NtpClockCheck(localClock, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new NtpClockCheck(localClock, 1, 100, -1));
    }

    private void assertFailure(final Behaviour behaviour, final Failure expected, final String messagePart) throws Exception
    {
        try (LoopbackNtpResponder responder = new LoopbackNtpResponder(localClock, SERVER_AHEAD_NS, 0, behaviour))
        {
            final NtpClockCheck check = new NtpClockCheck(localClock, 4, 1_000, 0);

            final NtpCheckException ex = assertThrows(NtpCheckException.class, () -> check.check(LOOPBACK, responder.port()));

            assertEquals(expected, ex.failure(), ex.getMessage());
            assertTrue(ex.getMessage().contains(messagePart), ex.getMessage());
            assertEquals(1, responder.requestsReceived(), "the check stops at the first such reply");
        }
    }
}
