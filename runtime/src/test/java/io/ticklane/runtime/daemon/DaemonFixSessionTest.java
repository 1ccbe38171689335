package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.FixReportRefusal;
import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.gateway.fix.venue.FixVenueConfig;
import org.agrona.CloseHelper;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon trading over FIX 4.4: its Artio initiator ({@code gateway.orders=fix}) against the simulated exchange
 * behind QuickFIX/J's acceptor ({@link FixVenue}), over TCP on loopback, everything real (media drivers, Artio's
 * engine and archive, the journal). The strategy cannot tell: it reconciles, quotes, gets fills, and the graceful
 * stop cancels everything, then logs out.
 */
class DaemonFixSessionTest
{
    private static final String PASSWORD = "fix-s3cret";

    @TempDir
    Path dir;

    private VenueFixture fixture;
    private FixVenue venue;
    private Daemon daemon;

    @AfterEach
    void close()
    {
        CloseHelper.closeAll(daemon, venue, fixture);
    }

    @Test
    void quotesAndFillsGoThroughTheFixSessionAndTheStopCancelsThenLogsOut() throws Exception
    {
        final DaemonConfig config = start();
        final DaemonCounters counters = daemon.counters();
        await("logged on, reconciled and quoting at the venue", 60_000, () -> progress() &&
            1 == daemon.fixSessionCounters().loggedOn() &&
            1 == counters.counter(DaemonCounters.RECONCILED) && counters.counter(DaemonCounters.OPEN_ORDERS) >= 1 &&
            fixture.exchange.counters().liveOrders() >= 1);
        await("a fill over FIX", 60_000, () -> counters.counter(DaemonCounters.FILLS) >= 1);
        assertTrue(venue.counters().requests() >= 2, "the venue took the status request and orders over FIX");
        assertEquals(0, venue.counters().requestsRefused(), "the venue refused nothing the daemon sent");

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(0, fixture.exchange.counters().liveOrders(), "nothing left resting at the venue");
        assertEquals(fixture.exchange.counters().netFilledPosition(), counters.counter(DaemonCounters.POSITION),
            "the daemon's position is what the venue filled");
        assertFalse(quickfix.Session.lookupSession(venue.sessionId()).isLoggedOn(), "the daemon logged out");
        assertEquals(0, counters.counter(DaemonCounters.SEND_FAILURES));
        assertTrue(Files.isDirectory(config.fixSession().storeDir().resolve("archive")), "the raw FIX messages are kept");
    }

    @Test
    void aDroppedSessionHaltsQuotingThenReconnectsReconcilesAndQuotesAgain() throws Exception
    {
        start();
        final DaemonCounters counters = daemon.counters();
        final FixSessionCounters fix = daemon.fixSessionCounters();
        await("logged on, reconciled and quoting at the venue", 60_000, () -> progress() &&
            1 == fix.loggedOn() && 1 == counters.counter(DaemonCounters.RECONCILED) &&
            counters.counter(DaemonCounters.OPEN_ORDERS) >= 1 && fixture.exchange.counters().liveOrders() >= 1);

        quickfix.Session.lookupSession(venue.sessionId()).disconnect("test: the venue drops the session", false);
        await("the drop seen: halted with VENUE_DISCONNECTED", 30_000, () -> progress() &&
            fix.disconnects() >= 1 && 2 == counters.counter(DaemonCounters.MODE) &&
            ModeReason.VENUE_DISCONNECTED.ordinal() == counters.counter(DaemonCounters.MODE_REASON));
        await("logged on again, reconciled, active and quoting", 60_000, () -> progress() &&
            fix.logons() >= 2 && 1 == fix.loggedOn() && 1 == counters.counter(DaemonCounters.RECONCILED) &&
            0 == counters.counter(DaemonCounters.MODE) && counters.counter(DaemonCounters.OPEN_ORDERS) >= 1);

        for (final FixReportRefusal refusal : FixReportRefusal.values())
        {
            assertEquals(0, fix.reportsRefused(refusal), "FIX messages refused: " + refusal);
        }
        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(0, fixture.exchange.counters().liveOrders(), "nothing left resting at the venue");
        assertEquals(fixture.exchange.counters().netFilledPosition(), counters.counter(DaemonCounters.POSITION),
            "no fill lost across the drop: the daemon's position is what the venue filled");
        assertEquals(0, counters.counter(DaemonCounters.FILLS_UNKNOWN_ORDER) + counters.counter(DaemonCounters.FILLS_OVERFILL) +
            counters.counter(DaemonCounters.FILLS_CONFLICT), "every fill matched an order");
        assertEquals(0, counters.counter(DaemonCounters.SEND_FAILURES));
    }

    private long lastProgressNs = System.nanoTime();

    /**
     * Prints where things stand every 5 s while a wait lasts, so a timeout in CI says what was missing.
     */
    private boolean progress()
    {
        if (System.nanoTime() - lastProgressNs > 5_000_000_000L)
        {
            lastProgressNs = System.nanoTime();
            System.out.println("fix: logged on " + daemon.fixSessionCounters().loggedOn() + " logons " +
                daemon.fixSessionCounters().logons() + " not sent " + daemon.fixSessionCounters().notSent() + " venue logons " + venue.counters().logons() +
                " refused " + venue.counters().logonsRefused() + " requests " + venue.counters().requests() +
                " halt " + daemon.haltReason() + " error " + daemon.firstError() + " reconciled " +
                daemon.counters().counter(DaemonCounters.RECONCILED) + " reports " +
                daemon.counters().counter(DaemonCounters.REPORTS) + " refused " +
                daemon.counters().counter(DaemonCounters.FRAMES_REFUSED) + " mode reason " +
                daemon.counters().counter(DaemonCounters.MODE_REASON));
        }
        return true;
    }

    private DaemonConfig start() throws IOException
    {
        fixture = new VenueFixture(dir);
        final int port = freePort();
        final Path passwordFile = dir.resolve("fix.password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        final DaemonConfig config = fixture.config(
            "gateway.orders=fix",
            "fix.port=" + port,
            "fix.sender_comp_id=TICKLANE",
            "fix.target_comp_id=VENUE",
            "fix.username=trader",
            "fix.password_file=" + passwordFile,
            "fix.store_dir=" + dir.resolve("fix-store"),
            "fix.heartbeat_interval_s=1",
            "fix.reconnect_initial_ms=200",
            "fix.reconnect_max_ms=1000");
        venue = FixVenue.launch(new FixVenueConfig("VENUE", "TICKLANE", "trader", PASSWORD, new BigDecimal("0.01"),
            BigDecimal.ONE, null, dir.resolve("venue-store")), port, fixture.transport, config.strategy().instrumentId(),
            "SYNTH", new OffsetEpochNanoClock());
        daemon = Daemon.start(config, fixture.transport, new OffsetEpochNanoClock());
        return config;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }
}
