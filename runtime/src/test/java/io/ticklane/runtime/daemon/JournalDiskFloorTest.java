package io.ticklane.runtime.daemon;

import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's disk fills up while the daemon quotes at the simulated exchange (real driver, real Chronicle
 * journal). A real full disk under Chronicle's mapped files is a SIGBUS, so the daemon must act before: the floor is
 * raised above the space there is, and the daemon halts with the reason, cancels every order at the venue while the
 * journal still has room, and the journal is complete and holds everything.
 */
class JournalDiskFloorTest
{
    @TempDir
    Path tmp;

    @Test
    void belowTheFloorTheDaemonHaltsWithTheReasonAndCancelsEveryOrderWhileTheJournalHasRoom() throws Exception
    {
        try (VenueFixture venue = new VenueFixture(tmp))
        {
            final Daemon daemon = Daemon.start(venue.config(), venue.transport, new OffsetEpochNanoClock());
            final long journaled;
            try
            {
                final DaemonCounters counters = daemon.counters();
                await("reconciled and quoting at the venue", 60_000, () ->
                    1 == counters.counter(DaemonCounters.RECONCILED) && counters.counter(DaemonCounters.OPEN_ORDERS) >= 1 &&
                    venue.exchange.counters().liveOrders() >= 1);
                final long usable = counters.counter(DaemonCounters.JOURNAL_FREE_BYTES);
                assertTrue(usable > 0, "the journal's usable space is watched: " + usable);
                assertNull(daemon.haltReason(), "above the default floor of 1 GiB");

                daemon.journalMinFreeBytes(Long.MAX_VALUE); // the disk is now, in effect, full
                await("halted and every order cancelled at the venue", 30_000, () ->
                    2 == counters.counter(DaemonCounters.MODE) && 0 == counters.counter(DaemonCounters.OPEN_ORDERS) &&
                    0 == venue.exchange.counters().liveOrders());
                assertEquals(1, counters.counter(DaemonCounters.JOURNAL_DISK_HALTS));
                final String reason = daemon.haltReason();
                assertTrue(reason.startsWith("journal disk below floor: ") &&
                    reason.contains(" bytes free at " + daemon.journalDirectory().toAbsolutePath()) &&
                    reason.endsWith("(daemon.journal_min_free_bytes=" + Long.MAX_VALUE + ")"), reason);
                journaled = counters.counter(DaemonCounters.JOURNAL_RECORDS);
                assertTrue(daemon.shutdown(), "shutdown confirms every cancel");
            }
            finally
            {
                daemon.close();
            }
            assertNull(daemon.firstError());
            assertEquals(reasonPrefix(daemon), "journal disk below floor", "the first reason stays");
            HandlerErrorTest.assertCompleteWithStops(daemon.journalDirectory(), journaled, 1);
        }
    }

    private static String reasonPrefix(final Daemon daemon)
    {
        return daemon.haltReason().substring(0, "journal disk below floor".length());
    }
}
