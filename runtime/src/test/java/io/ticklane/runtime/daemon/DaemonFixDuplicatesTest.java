package io.ticklane.runtime.daemon;

import io.ticklane.gateway.fix.session.FixSessionCounters;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.ExecID;
import quickfix.field.MsgSeqNum;
import quickfix.field.OrigSendingTime;
import quickfix.field.PossDupFlag;
import quickfix.field.SendingTime;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue sends a fill the daemon already booked a second time, PossDupFlag(43)=Y, in the two ways FIX allows:
 * (a) as a retransmission, under its original MsgSeqNum (below what the daemon expects: Artio passes a PossDup message
 * with a low sequence number on, the session's report publisher drops it as already processed), and (b) as a new
 * message, a new MsgSeqNum carrying the already-booked ExecID (the strategy's exec id check ignores it). Either way
 * the fill is booked once: the daemon's position stays the exchange's.
 */
class DaemonFixDuplicatesTest
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
    void aFillSentAgainWithPossDupIsBookedOnceUnderItsOldOrANewSequenceNumber() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        final FixSessionCounters fix = scenario.fix();
        scenario.awaitQuoting(60_000);
        await("a fill booked", 60_000, () -> scenario.progress() && scenario.counter(DaemonCounters.FILLS) >= 1);
        final Session venueSession = scenario.venueSession();
        final List<Message> fills = scenario.storedFills(1);
        assertTrue(!fills.isEmpty(), "the venue stored the fill it sent");
        final Message fill = fills.get(0);
        final int originalSeqNum = fill.getHeader().getInt(MsgSeqNum.FIELD);
        final String execId = fill.getString(ExecID.FIELD);
        assertTrue(originalSeqNum < venueSession.getExpectedSenderNum(), "already sent");

        // (a) the same message again under its old MsgSeqNum, PossDupFlag=Y, as a resend would carry it; written
        // straight to the socket, since QuickFIX/J only numbers messages forward.
        final long droppedBefore = fix.duplicates();
        final long duplicateExecIdsBefore = scenario.counter(DaemonCounters.FILLS_DUPLICATE);
        final Message resent = possDup(fill);
        assertTrue(venueSession.getResponder().send(resent.toString()), "written to the daemon's socket");
        await("the retransmission dropped as already processed", 10_000, () -> scenario.progress() &&
            fix.duplicates() == droppedBefore + 1);
        assertEquals(1, fix.loggedOn(), "a PossDup retransmission is no reason to end the session");
        assertEquals(duplicateExecIdsBefore, scenario.counter(DaemonCounters.FILLS_DUPLICATE),
            "dropped by the session: the strategy never saw it");
        assertEquals(0, fix.invalid(), "Artio passed it on as valid; the publisher's seq num check dropped it");

        // (b) the same fill as a new message (new MsgSeqNum), PossDupFlag=Y: past the session, stopped by exec id
        final Message again = possDup(fill);
        assertTrue(venueSession.send(again, true), "sent under the next MsgSeqNum");
        await("the strategy ignored the already-booked exec id " + execId, 10_000, () -> scenario.progress() &&
            scenario.counter(DaemonCounters.FILLS_DUPLICATE) == duplicateExecIdsBefore + 1);
        assertEquals(droppedBefore + 1, fix.duplicates(), "a new sequence number is not a session duplicate");
        Thread.sleep(500);
        assertEquals(duplicateExecIdsBefore + 1, scenario.counter(DaemonCounters.FILLS_DUPLICATE), "ignored once");
        assertEquals(1, fix.loggedOn());

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(scenario.fixture.exchange.counters().netFilledPosition(), scenario.counter(DaemonCounters.POSITION),
            "each fill booked once: the daemon's position is what the venue filled");
        assertEquals(scenario.fixture.exchange.counters().fills(), scenario.counter(DaemonCounters.FILLS),
            "as many fills booked as the exchange made");
        assertEquals(0, scenario.counter(DaemonCounters.FILLS_UNKNOWN_ORDER) +
            scenario.counter(DaemonCounters.FILLS_OVERFILL) + scenario.counter(DaemonCounters.FILLS_CONFLICT));
    }

    /**
     * @return a copy of the message marked as a possible duplicate: PossDupFlag=Y, OrigSendingTime its SendingTime,
     * SendingTime now (QuickFIX/J recomputes BodyLength and CheckSum when it writes it out).
     */
    private static Message possDup(final Message message) throws Exception
    {
        final Message copy = (Message)message.clone();
        final Message.Header header = copy.getHeader();
        header.setUtcTimeStamp(OrigSendingTime.FIELD, header.getUtcTimeStamp(SendingTime.FIELD), true);
        header.setUtcTimeStamp(SendingTime.FIELD, LocalDateTime.now(ZoneOffset.UTC), true);
        header.setBoolean(PossDupFlag.FIELD, true);
        return copy;
    }
}
