package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venue that refuses the daemon's Logon (wrong password): the daemon never logs on, keeps trying with the configured
 * backoff (counted, not hammering the venue), sends no order, and still stops cleanly.
 */
class DaemonFixLogonTest
{
    private static final long INITIAL_MS = 200;
    private static final long MAX_MS = 1_000;
    private static final long WINDOW_MS = 5_000;

    @TempDir
    Path dir;

    private FixScenario scenario;

    @AfterEach
    void close()
    {
        CloseHelper.close(scenario);
    }

    @Test
    void aWrongPasswordNeverLogsOnIsRetriedWithBackoffAndSendsNothing() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon("not-the-password");
        final FixSessionCounters fix = scenario.fix();
        await("the first logon refused", 30_000, () -> scenario.progress() && fix.logonFailures() >= 1);
        final long failuresBefore = fix.logonFailures();
        Thread.sleep(WINDOW_MS);
        final long failuresAfter = fix.logonFailures();
        final long retried = failuresAfter - failuresBefore;

        // The waits after failure n are INITIAL_MS * 2^(n-1), capped at MAX_MS: the most failures that fit the window.
        final int bound = failuresFitting(failuresBefore, WINDOW_MS) + 1; // +1: the window may start just before one
        assertTrue(retried >= 2, "still retrying: " + retried + " failures in " + WINDOW_MS + " ms");
        assertTrue(retried <= bound, retried + " failures in " + WINDOW_MS + " ms, backoff allows at most " + bound);
        assertTrue(scenario.venue.counters().logonsRefused() >= failuresAfter,
            "every failure was the venue refusing the Logon: " + scenario.venue.counters().logonsRefused());

        // why, for the operator: the failures in a row and the last reason are in a counter's label (ticklane stat)
        assertTrue(fix.logonFailuresInARow() >= failuresAfter, "in a row: " + fix.logonFailuresInARow());
        assertTrue(fix.lastLogonFailure().startsWith("logon failed: ") ||
            fix.lastLogonFailure().startsWith("disconnected after the logon"), fix.lastLogonFailure());
        final Map<String, Long> stat = new DaemonCountersReader(dir.resolve("aeron")).read();
        assertTrue(stat.keySet().stream().anyMatch((label) -> label.contains(
            FixSessionCounters.LAST_LOGON_FAILURE + fix.lastLogonFailure())), "the reason is in a counter label: " + stat);

        assertEquals(0, fix.logons(), "never logged on");
        assertEquals(0, fix.loggedOn());
        assertEquals(0, scenario.venue.counters().logons(), "the venue accepted no logon");
        assertEquals(0, scenario.venue.counters().requests(), "no order (nor status request) reached the venue");
        assertEquals(0, scenario.fixture.exchange.counters().ordersReceived(), "no order reached the exchange");
        assertEquals(0, scenario.counter(DaemonCounters.RECONCILED), "never reconciled, so never quoted");
        assertEquals(0, scenario.counter(DaemonCounters.OPEN_ORDERS));

        assertTrue(daemon.shutdown(), "nothing open: the graceful stop completes");
        assertNull(daemon.firstError());
        assertEquals(0, scenario.counter(DaemonCounters.SEND_FAILURES));
    }

    /**
     * @param failuresSoFar failures before the window.
     * @param windowMs      the window.
     * @return how many further failures the backoff lets happen within the window, if each attempt took no time.
     */
    private static int failuresFitting(final long failuresSoFar, final long windowMs)
    {
        long elapsed = 0;
        int count = 0;
        long n = failuresSoFar;
        while (true)
        {
            final long wait = Math.min(MAX_MS, INITIAL_MS << Math.min(20, n - 1));
            if (elapsed + wait > windowMs)
            {
                return count;
            }
            elapsed += wait;
            count++;
            n++;
        }
    }
}
