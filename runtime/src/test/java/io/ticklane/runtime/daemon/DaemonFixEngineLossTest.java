package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.marketmaking.risk.ModeReason;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FIX session's Artio engine stops running while the daemon trades (its thread suspended: an engine starved of
 * CPU, or stuck), on the one-thread layout, where the receiver, journal, strategy and order sender share one thread.
 * Artio's library then loses its engine and, trying to reconnect, blocks its poller for about a second per poll. The
 * library has its own thread, so the daemon's thread must go on taking market data, and the lost engine must count as
 * a lost session: halted with VENUE_DISCONNECTED. Once the engine runs again the session logs on again, the orders are
 * reconciled and quoting resumes; the position ends equal to the venue's.
 */
class DaemonFixEngineLossTest
{
    @TempDir
    Path dir;

    private FixScenario scenario;
    private List<Thread> engineThreads = List.of();

    @AfterEach
    void close()
    {
        resume(engineThreads);
        CloseHelper.close(scenario);
    }

    @Test
    @SuppressWarnings("removal") // Thread.suspend: the one way to stop a thread we do not own mid-work, as a starved one
    void aLostEngineHaltsWithoutHoldingTheTradingThreadAndTheSessionComesBack() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD, "daemon.layout=one-thread");
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);
        assertEquals(2, daemon.agentThreads().size(), "one daemon thread, one for the FIX library");

        final long takenBefore = marketDataInOneSecond();

        engineThreads = Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.getName().contains("Framer")).collect(Collectors.toList());
        assertEquals(1, engineThreads.size(), "Artio's engine runs on one thread (LowResourceEngineScheduler): " +
            engineThreads);
        engineThreads.forEach(Thread::suspend);

        await("the lost engine seen as a lost session: halted with VENUE_DISCONNECTED", 40_000, () ->
            scenario.progress() && fix.disconnects() >= 1 && 2 == scenario.counter(DaemonCounters.MODE) &&
            ModeReason.VENUE_DISCONNECTED.ordinal() == scenario.counter(DaemonCounters.MODE_REASON));
        assertEquals(0, fix.loggedOn());

        // The library now retries its connect on every poll, holding its thread about a second each time. With the
        // library on the daemon's one thread that thread ran one duty cycle a second; on its own, the daemon's thread
        // takes the synthetic market's 2,000 updates a second as before.
        final long takenDuring = marketDataInOneSecond();
        System.out.println("market data frames taken in one second: " + takenBefore + " before, " + takenDuring +
            " with the FIX engine suspended");
        assertTrue(takenDuring * 2 >= takenBefore, "the daemon's thread was held: " + takenDuring + " frames in a " +
            "second with the engine suspended, " + takenBefore + " before");

        resume(engineThreads);
        await("logged on again, reconciled, active and quoting", 90_000, () -> scenario.progress() &&
            fix.logons() >= 2 && 1 == fix.loggedOn() && 1 == scenario.counter(DaemonCounters.RECONCILED) &&
            0 == scenario.counter(DaemonCounters.MODE) && scenario.counter(DaemonCounters.OPEN_ORDERS) >= 1);

        assertNull(daemon.haltReason(), "nothing given up on: the order sender never waited on the library");
        assertEquals(0, fix.givenUp()); // the FIX counters are read before the daemon closes
        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(0, scenario.counter(DaemonCounters.SEND_FAILURES));
        scenario.assertEndedAsTheVenue();
        assertFalse(scenario.venueSession().isLoggedOn(), "the daemon logged out");
    }

    private long marketDataInOneSecond() throws InterruptedException
    {
        final long before = scenario.counter(DaemonCounters.MARKET_DATA);
        Thread.sleep(1_000);
        return scenario.counter(DaemonCounters.MARKET_DATA) - before;
    }

    @SuppressWarnings("removal")
    private static void resume(final List<Thread> threads)
    {
        threads.forEach(Thread::resume);
    }
}
