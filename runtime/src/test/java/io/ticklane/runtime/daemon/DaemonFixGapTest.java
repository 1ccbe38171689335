package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.FixReportRefusal;
import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.marketmaking.risk.ModeReason;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionState;
import quickfix.field.BusinessRejectReason;
import quickfix.field.MsgSeqNum;
import quickfix.field.RefMsgType;
import quickfix.field.SenderCompID;
import quickfix.field.SendingTime;
import quickfix.field.TargetCompID;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.Logout;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

    @Test
    void aReportTheVenueSendsWithItsLogoutIsTakenExactlyOnce() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);

        // the venue logs out and, in the same write, sends one more business message (as an exchange report racing
        // a logout does): Artio is DISCONNECTED when it reads it, marks it invalid and counts its number received
        final Session venueSession = scenario.venueSession();
        final long invalidBefore = fix.invalid();
        // Numbered and written under QuickFIX/J's own sender lock: an execution report the venue sends meanwhile
        // (the daemon is quoting) must not take one of the two numbers. Without the lock a debug run showed such a
        // report numbered like the Logout; when one shares the reject's number and arrives first, it is taken as the
        // next number and the reject is rightly dropped as out of order: a CI failure (three messages marked invalid,
        // not two) fits that.
        final SessionState sender = senderState(venueSession);
        sender.lockSenderMsgSeqNum();
        try
        {
            final int logoutSeqNum = venueSession.getExpectedSenderNum();
            final Message logout = numbered(new Logout(), venueSession, logoutSeqNum);
            final Message reject = numbered(new BusinessMessageReject(new RefMsgType("D"), new BusinessRejectReason(3)),
                venueSession, logoutSeqNum + 1);
            venueSession.setNextSenderMsgSeqNum(logoutSeqNum + 2); // the venue's store goes on after both
            assertTrue(venueSession.getResponder().send(logout.toString() + reject.toString()), "written to the socket");
        }
        finally
        {
            sender.unlockSenderMsgSeqNum();
        }

        await("the message after the Logout taken (a BusinessMessageReject, counted)", 30_000, () ->
            scenario.progress() && 1 == fix.reportsRefused(FixReportRefusal.BUSINESS_REJECT));
        // Usually Artio reads the message while DISCONNECTED: invalid, yet counted received, and it is taken on the
        // spot (the fix this test proves): nothing else is marked invalid and nothing is resent. Twice in CI the timing
        // differed: the report was taken on the spot, but Artio's engine did not count it received, so the logon
        // reply revealed a gap (marked invalid, as every gap-revealing logon reply is), the venue resent the report,
        // and the processed-numbers check dropped the copy as a duplicate. Either way it is taken exactly once.
        assertTrue(fix.invalid() - invalidBefore <= 1, "at most one message marked invalid: " +
            (fix.invalid() - invalidBefore));
        await("logged on again, reconciled and quoting", 60_000, () -> scenario.progress() &&
            fix.logons() >= 2 && 1 == fix.loggedOn() && 1 == scenario.counter(DaemonCounters.RECONCILED) &&
            0 == scenario.counter(DaemonCounters.MODE));
        assertEquals(1, fix.reportsRefused(FixReportRefusal.BUSINESS_REJECT), "taken once");
        assertTrue(fix.duplicates() <= 1, "at most the resent copy dropped: " + fix.duplicates());

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION));
    }

    /**
     * @return the QuickFIX/J session's state, whose sender lock its own sends hold while they number and write.
     */
    private static SessionState senderState(final Session session) throws ReflectiveOperationException
    {
        final Field state = Session.class.getDeclaredField("state");
        state.setAccessible(true);
        return (SessionState)state.get(session);
    }

    private static Message numbered(final Message message, final Session session, final int seqNum)
    {
        final Message.Header header = message.getHeader();
        header.setString(SenderCompID.FIELD, session.getSessionID().getSenderCompID());
        header.setString(TargetCompID.FIELD, session.getSessionID().getTargetCompID());
        header.setInt(MsgSeqNum.FIELD, seqNum);
        header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC), true);
        return message;
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
