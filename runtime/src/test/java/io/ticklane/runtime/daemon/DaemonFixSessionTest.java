package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.FixReportRefusal;
import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.gateway.fix.venue.FixVenue;
import io.ticklane.marketmaking.risk.ModeReason;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon trading over FIX 4.4: its Artio initiator ({@code gateway.orders=fix}) against the simulated exchange
 * behind QuickFIX/J's acceptor ({@link FixVenue}), over TCP on loopback, everything real (media drivers, Artio's
 * engine and archive, the journal). The strategy cannot tell: it reconciles, quotes, gets fills, and the graceful
 * stop cancels everything, then logs out; a session the venue drops halts it until it is back and reconciled.
 */
class DaemonFixSessionTest
{
    @TempDir
    Path dir;

    private FixScenario scenario;

    @AfterEach
    void close()
    {
        CloseHelper.close(scenario);
    }

    @Test
    void quotesAndFillsGoThroughTheFixSessionAndTheStopCancelsThenLogsOut() throws Exception
    {
        scenario = new FixScenario(dir);
        final FixVenue venue = scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        scenario.awaitQuoting(60_000);
        await("a fill over FIX", 60_000, () -> scenario.progress() && scenario.counter(DaemonCounters.FILLS) >= 1);
        assertTrue(venue.counters().requests() >= 2, "the venue took the status request and orders over FIX");
        assertEquals(0, venue.counters().requestsRefused(), "the venue refused nothing the daemon sent");
        final FixSessionCounters fix = scenario.fix();
        quickfix.Session.sendToTarget(new quickfix.fix44.BusinessMessageReject(new quickfix.field.RefMsgType("D"),
            new quickfix.field.BusinessRejectReason(3)), venue.sessionId());
        await("a BusinessMessageReject counted, with its reason", 30_000, () -> scenario.progress() &&
            1 == fix.reportsRefused(FixReportRefusal.BUSINESS_REJECT));

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(0, scenario.fixture.exchange.counters().liveOrders(), "nothing left resting at the venue");
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION),
            "the daemon's position is what the venue filled");
        assertFalse(scenario.venueSession().isLoggedOn(), "the daemon logged out");
        assertEquals(0, scenario.counter(DaemonCounters.SEND_FAILURES));
        assertTrue(Files.isDirectory(dir.resolve("fix-store").resolve("archive")), "the raw FIX messages are kept");
    }

    @Test
    void aDroppedSessionHaltsQuotingThenReconnectsReconcilesAndQuotesAgain() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);

        scenario.venueSession().disconnect("test: the venue drops the session", false);
        await("the drop seen: halted with VENUE_DISCONNECTED", 30_000, () -> scenario.progress() &&
            fix.disconnects() >= 1 && 2 == scenario.counter(DaemonCounters.MODE) &&
            ModeReason.VENUE_DISCONNECTED.ordinal() == scenario.counter(DaemonCounters.MODE_REASON));
        await("logged on again, reconciled, active and quoting", 60_000, () -> scenario.progress() &&
            fix.logons() >= 2 && 1 == fix.loggedOn() && 1 == scenario.counter(DaemonCounters.RECONCILED) &&
            0 == scenario.counter(DaemonCounters.MODE) && scenario.counter(DaemonCounters.OPEN_ORDERS) >= 1);

        for (final FixReportRefusal refusal : FixReportRefusal.values())
        {
            assertEquals(0, fix.reportsRefused(refusal), "FIX messages refused: " + refusal);
        }
        // the venue's own ResendRequest (the drop cut the daemon's last orders off) is numbered after the gap Artio
        // asked for: the gap's resent reports must still be taken, none of them was processed before
        assertEquals(0, fix.duplicates(), "a resent report taken for a duplicate");
        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        scenario.assertEndedAsTheVenue(); // no fill lost across the drop
        assertEquals(0, scenario.counter(DaemonCounters.SEND_FAILURES));
    }
}
