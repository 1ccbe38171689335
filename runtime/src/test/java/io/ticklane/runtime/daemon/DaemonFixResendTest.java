package io.ticklane.runtime.daemon;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Session;

import java.nio.file.Path;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue asks the daemon to resend orders it already sent (QuickFIX/J told to expect an older MsgSeqNum, as a venue
 * that lost messages would): the daemon answers with a gap fill, never with the orders again. Resent, an order the
 * venue missed would reach it late, at a price the strategy no longer wants; here each resent NewOrderSingle would be
 * refused as a duplicate ClOrdID. The session stays up and the daemon goes on quoting.
 */
class DaemonFixResendTest
{
    private static final int RESENT_NUMBERS = 30;

    @TempDir
    Path dir;

    private FixScenario scenario;

    @AfterEach
    void close()
    {
        CloseHelper.close(scenario);
    }

    @Test
    void theDaemonsOrdersAreGapFilledNotSentAgain() throws Exception
    {
        scenario = new FixScenario(dir);
        scenario.startVenue();
        final Daemon daemon = scenario.startDaemon(FixScenario.PASSWORD);
        scenario.awaitQuoting(60_000);
        await("orders enough to resend", 30_000, () -> scenario.progress() &&
            scenario.venue.counters().requests() >= RESENT_NUMBERS / 2);

        final Session venueSession = scenario.venueSession();
        final int expected = venueSession.getExpectedTargetNum();
        final int resendFrom = Math.max(2, expected - RESENT_NUMBERS); // 1 is the daemon's Logon
        venueSession.setNextTargetMsgSeqNum(resendFrom);
        // the next message from the daemon (an order, or its 1 s heartbeat) is ahead: the venue asks for the gap
        await("the venue's ResendRequest answered: it expects past its old number again", 30_000, () ->
            scenario.progress() && venueSession.getExpectedTargetNum() > expected);

        assertEquals(0, scenario.venue.counters().requestsRefused(), "an order of the daemon's sent again (a resent " +
            "NewOrderSingle is refused as a duplicate ClOrdID)");
        assertTrue(venueSession.isLoggedOn(), "the session stayed up");
        await("still quoting", 30_000, () -> scenario.progress() && 0 == scenario.counter(DaemonCounters.MODE) &&
            scenario.counter(DaemonCounters.OPEN_ORDERS) >= 1);

        assertTrue(daemon.shutdown(), "every order confirmed cancelled before the agents closed");
        assertNull(daemon.firstError());
        assertEquals(0, scenario.venue.counters().requestsRefused(), "the venue refused nothing");
        scenario.assertEndedAsTheVenue();
    }
}
