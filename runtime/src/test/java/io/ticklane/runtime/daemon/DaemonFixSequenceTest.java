package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.GapFillFlag;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.NewSeqNo;
import quickfix.field.ResetSeqNumFlag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sequence numbers across a daemon restart and under a venue's reset, seen from the venue (QuickFIX/J), which is
 * strict about them: a Logon below what it expects ends the session, one above it makes it send a ResendRequest,
 * which it keeps in its store like every message it sends.
 */
class DaemonFixSequenceTest
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
    void aGracefulRestartWithTheSameStoreLogsOnWhereTheLastRunLeftOff() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Session venueSession = scenario.venueSession();
        Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        scenario.awaitQuoting(60_000);
        assertTrue(daemon.shutdown(), "the first run stopped flat");
        assertNull(daemon.firstError());
        await("logged out", 10_000, () -> !venueSession.isLoggedOn());
        final int expectedFromDaemon = venueSession.getExpectedTargetNum();
        final int venueNext = venueSession.getExpectedSenderNum();
        assertTrue(expectedFromDaemon > 3 && venueNext > 3, "the first run used sequence numbers");

        daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitReconciled(60_000);
        final List<Message> sentSinceRestart = venueSent(venueNext);
        assertFalse(sentSinceRestart.isEmpty());
        final Message logonAnswer = sentSinceRestart.get(0);
        assertEquals(MsgType.LOGON, logonAnswer.getHeader().getString(MsgType.FIELD),
            "the venue answered the Logon under its next sequence number " + venueNext + ": no reset");
        assertFalse(logonAnswer.isSetField(ResetSeqNumFlag.FIELD) && logonAnswer.getBoolean(ResetSeqNumFlag.FIELD));
        for (final Message message : sentSinceRestart)
        {
            final String type = message.getHeader().getString(MsgType.FIELD);
            assertFalse(MsgType.RESEND_REQUEST.equals(type) || MsgType.SEQUENCE_RESET.equals(type),
                "the daemon's Logon was the MsgSeqNum the venue expected (" + expectedFromDaemon + "): no gap, " +
                "so no ResendRequest: " + message);
        }
        assertTrue(venueSession.getExpectedTargetNum() > expectedFromDaemon);
        assertEquals(2, scenario.venue.counters().logons());
        assertEquals(0, fix.duplicates() + fix.invalid(), "nothing resent to the daemon either");
        assertTrue(daemon.shutdown());
        assertNull(daemon.firstError());
    }

    @Test
    void resetOnLogonStartsBothSidesAtOneAndTrades() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Session venueSession = scenario.venueSession();
        Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD, "fix.reset_on_logon=true");
        scenario.awaitQuoting(60_000);
        assertTrue(daemon.shutdown());
        await("logged out", 10_000, () -> !venueSession.isLoggedOn());
        assertTrue(venueSession.getExpectedSenderNum() > 3, "the first run used sequence numbers");

        daemon = scenario.startDaemon(FixScenario.PASSWORD, "fix.reset_on_logon=true");
        scenario.awaitReconciled(60_000);
        final List<Message> sent = venueSent(1);
        final Message first = sent.get(0);
        assertEquals(1, first.getHeader().getInt(MsgSeqNum.FIELD));
        assertEquals(MsgType.LOGON, first.getHeader().getString(MsgType.FIELD), "the venue's answer is its message 1");
        assertTrue(first.getBoolean(ResetSeqNumFlag.FIELD), "141=Y both ways");
        assertTrue(venueSession.getExpectedTargetNum() < 1_000);
        assertTrue(sent.size() < venueSession.getExpectedSenderNum(), "the venue's store restarted at 1");
        assertEquals(2, scenario.venue.counters().logons());
        assertTrue(daemon.shutdown());
        assertNull(daemon.firstError());
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION));
    }

    @Test
    void aSequenceResetFromTheVenueMidSessionMovesTheNumbersAndTheSessionGoesOn() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Session venueSession = scenario.venueSession();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);

        final int newSeqNo = venueSession.getExpectedSenderNum() + 1_000;
        final quickfix.fix44.SequenceReset reset = new quickfix.fix44.SequenceReset(new NewSeqNo(newSeqNo));
        reset.set(new GapFillFlag(false)); // Reset mode: "ignore the MsgSeqNum, expect NewSeqNo next"
        assertTrue(venueSession.send(reset));
        venueSession.setNextSenderMsgSeqNum(newSeqNo);
        final long reportsBefore = scenario.counter(DaemonCounters.REPORTS);
        final int daemonSeqBefore = venueSession.getExpectedTargetNum();
        await("the venue's messages numbered from " + newSeqNo + " taken", 30_000, () -> scenario.progress() &&
            scenario.counter(DaemonCounters.REPORTS) > reportsBefore && venueSession.getExpectedTargetNum() > daemonSeqBefore + 2);
        assertEquals(0, fix.disconnects(), "the session went on");
        assertEquals(1, fix.loggedOn());
        assertEquals(0, scenario.counter(DaemonCounters.MODE));
        assertTrue(daemon.shutdown());
        assertNull(daemon.firstError());
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION));
        assertEquals(scenario.fixture.exchange.counters().fills(), scenario.counter(DaemonCounters.FILLS));
    }

    /**
     * @return what the venue sent (its store) from a sequence number on, parsed.
     */
    private List<Message> venueSent(final int fromSeqNum) throws Exception
    {
        final Session session = scenario.venueSession();
        final List<String> raw = new ArrayList<>();
        session.getStore().get(fromSeqNum, session.getExpectedSenderNum() - 1, raw);
        final List<Message> messages = new ArrayList<>();
        for (final String text : raw)
        {
            messages.add(FixScenario.parse(session, text));
        }
        return messages;
    }
}
