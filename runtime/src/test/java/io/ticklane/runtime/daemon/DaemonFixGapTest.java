package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.marketmaking.risk.ModeReason;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.MsgSeqNum;

import java.nio.file.Path;
import java.util.List;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fill the venue could not deliver: the venue logs the session out and refuses logons for a while, with the
 * daemon's quotes resting at the exchange, until the exchange fills one; QuickFIX/J keeps that execution report under
 * its sequence number. When the venue takes logons again, the Logon it answers with is ahead of what Artio expects,
 * Artio asks for the gap (ResendRequest), QuickFIX/J resends, and the daemon books the fill, once, from the report
 * itself (not inferred by the reconciliation that follows): its fill count and position are the exchange's.
 */
class DaemonFixGapTest
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
    void aFillSentWhileTheSessionIsDownIsResentAfterLogonAndBookedOnce() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);

        final Session venueSession = scenario.venueSession();
        // numbered from here on: a report the exchange makes while the logout is under way is stored, not delivered
        final int firstSeqNumWhileDown = venueSession.getExpectedSenderNum();
        venueSession.logout("test: the venue goes away for a while");
        await("the daemon halted: venue disconnected", 30_000, () -> scenario.progress() &&
            0 == fix.loggedOn() && 2 == scenario.counter(DaemonCounters.MODE) &&
            ModeReason.VENUE_DISCONNECTED.ordinal() == scenario.counter(DaemonCounters.MODE_REASON));
        await("the exchange filled a resting quote while the session was down", 60_000, () -> scenario.progress() &&
            scenario.fixture.exchange.counters().fills() > scenario.counter(DaemonCounters.FILLS) &&
            !fillsSince(firstSeqNumWhileDown).isEmpty());
        final List<Message> undelivered = fillsSince(firstSeqNumWhileDown);
        final long fillsBooked = scenario.counter(DaemonCounters.FILLS);
        assertTrue(fillsBooked < scenario.fixture.exchange.counters().fills(), "the daemon has not seen it yet");
        assertEquals(0, fix.loggedOn());

        venueSession.logon(); // takes logons again
        await("logged on again, resent, reconciled and quoting", 60_000, () -> scenario.progress() &&
            fix.logons() >= 2 && 1 == fix.loggedOn() && 1 == scenario.counter(DaemonCounters.RECONCILED) &&
            0 == scenario.counter(DaemonCounters.MODE));
        final int lastUndelivered = undelivered.get(undelivered.size() - 1).getHeader().getInt(MsgSeqNum.FIELD);
        assertTrue(venueSession.getExpectedSenderNum() > lastUndelivered);
        await("every fill the exchange made booked", 30_000, () -> scenario.progress() &&
            scenario.counter(DaemonCounters.FILLS) >= scenario.fixture.exchange.counters().fills());

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(scenario.fixture.exchange.counters().fills(), scenario.counter(DaemonCounters.FILLS),
            "each fill report booked once, the resent ones too");
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION),
            "the daemon's position is what the venue filled");
        assertEquals(0, scenario.counter(DaemonCounters.FILLS_DUPLICATE), "nothing delivered twice");
        assertEquals(0, scenario.counter(DaemonCounters.FILLS_UNKNOWN_ORDER) +
            scenario.counter(DaemonCounters.FILLS_OVERFILL) + scenario.counter(DaemonCounters.FILLS_CONFLICT));
        assertEquals(0, scenario.counter(DaemonCounters.SEND_FAILURES));
    }

    private List<Message> fillsSince(final int seqNum)
    {
        try
        {
            return scenario.storedFills(seqNum);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
