package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.risk.ModeReason;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.CheckpointModeReason;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue session drops and comes back (a FIX logout and logon): the strategy halts with VENUE_DISCONNECTED and
 * sends nothing while it is down, asks the venue for its orders once it is back, and quotes again only when that
 * answer is complete and agrees; an answer to a request sent before the drop never ends the halt.
 */
class VenueSessionTest
{
    private static final long SECOND = 1_000_000_000L;
    // 3 lots a side; mid 1000 and T - t >= 55 s in these tests: half-spread (0.1 x (T - t) + 20 ln(1 + 0.1/1.5)) / 2
    // is between 3.39 and 3.65, so the quotes stay at 996 / 1004
    private static final String QUOTER = "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=3)";

    @Test
    void aDropHaltsAndSilencesTheStrategyAndTheReconnectionReconcilesBeforeQuotingResumes()
    {
        final StrategyHarness h = quoting();
        final long bid = h.lastBidId;
        final long ask = h.lastAskId;

        // the session drops: halted, and not even the halt's cancel-all goes out
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());
        assertEquals(2 * SECOND, h.strategy.risk().modeSinceNs());
        assertEquals(0, h.cancels);
        assertEquals(2, h.strategy.orders().openOrderCount(), "the orders stay as they were");

        // market data (the touch moves and back), timers and an operator CANCEL_ALL: still nothing is sent
        h.touch(2 * SECOND + 100, 995, 1005, 996, 1006);
        h.touch(2 * SECOND + 200, 996, 1006, 995, 1005);
        h.timer(3 * SECOND);
        h.admin(3 * SECOND + 1, AdminCommandType.CANCEL_ALL);
        assertEquals(0, sent(h) - 2, "no frame while the session is down");
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());

        // it comes back: exactly one status request, under the event's time, and still halted
        h.venueSession(4 * SECOND, VenueSessionState.CONNECTED, 2);
        assertEquals(1, h.statusRequests);
        assertEquals(4 * SECOND, h.lastStatusRequestId);
        assertEquals(1, h.strategy.reconnectStatusRequests());
        assertEquals(3, sent(h), "the two quotes and the request");
        h.touch(4 * SECOND + 100, 995, 1005, 996, 1006);
        h.touch(4 * SECOND + 200, 996, 1006, 995, 1005);
        assertEquals(3, sent(h), "the quoting path waits for the answer");
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());

        // the venue has both orders as they were: complete and consistent, so active, and nothing to change
        h.status(5 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        h.status(5 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason(), "not before the complete");
        h.statusComplete(5 * SECOND, 4 * SECOND, 2);
        assertTrue(h.strategy.isConsistent());
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(ModeReason.NONE, h.strategy.risk().modeReason());
        assertEquals(5 * SECOND, h.strategy.risk().modeSinceNs());
        assertFalse(h.strategy.isVenueSessionHalted());
        assertEquals(3, sent(h), "the quotes at the venue are the target: no cancel-all, no replace");
        assertEquals(2, h.strategy.orders().openOrderCount());

        // and quoting goes on: a move of the touch replaces both quotes; mid 1002, T - t = 55 s, half-spread
        // (5.5 + 1.290770) / 2 = 3.395385 -> bid floor(998.604615) = 998, ask ceil(1005.395385) = 1006
        h.touch(6 * SECOND, 995, 1005, 997, 1007);
        assertEquals(2, h.replaces);
        assertEquals(998, h.lastBidPrice);
        assertEquals(1006, h.lastAskPrice);
        assertEquals(1, h.strategy.venueDisconnects());
        assertEquals(1, h.strategy.venueReconnects());
    }

    @Test
    void aReconciliationThatFindsAnOrderGoneEndsTheHaltAndTheQuotingPathReplacesIt()
    {
        final StrategyHarness h = quoting();
        final long ask = h.lastAskId;
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        h.venueSession(3 * SECOND, VenueSessionState.CONNECTED, 2);

        // the venue reports only the ask: the bid (resting, 3 lots) ended while the session was down and is assumed
        // to have filled at its price (Reconciliation's rule for an order that was resting)
        h.status(4 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        h.statusComplete(4 * SECOND, 3 * SECOND, 1);

        assertEquals(3, h.strategy.position().position());
        assertEquals(1, h.strategy.reconciliation().assumedFilled());
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(3, h.newOrders, "a new bid for the one that is gone");
        assertEquals(0, h.cancels);
    }

    @Test
    void theAnswerToARequestSentBeforeTheDropNeverEndsTheHalt()
    {
        final StrategyHarness h = quoting();
        final long bid = h.lastBidId;
        final long ask = h.lastAskId;
        h.strategy.requestOrderStatus(1_500_000_000L, 1_500_000_000L); // in flight when the session drops
        assertEquals(1, h.statusRequests);

        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        // its answer arrives while the session is down: passed over
        h.status(2 * SECOND + 1, bid, Side.BUY, 996, 3, 3, 0);
        h.statusComplete(2 * SECOND + 2, 1_500_000_000L, 1);
        assertEquals(2, h.strategy.venueSessionIgnored());
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());
        assertEquals(2, h.strategy.orders().openOrderCount(), "an answer cut short ended no order");

        h.venueSession(3 * SECOND, VenueSessionState.CONNECTED, 2);
        assertEquals(2, h.statusRequests);
        assertEquals(3 * SECOND, h.lastStatusRequestId);

        // the old request's complete again, after the reconnection: stale
        final long staleBefore = h.strategy.reconciliation().staleCompletes();
        h.statusComplete(3 * SECOND + 1, 1_500_000_000L, 0);
        assertEquals(staleBefore + 1, h.strategy.reconciliation().staleCompletes());
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());
        assertEquals(2, h.strategy.orders().openOrderCount());

        h.status(4 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        h.status(4 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        h.statusComplete(4 * SECOND, 3 * SECOND, 2);
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(ModeReason.NONE, h.strategy.risk().modeReason());
        assertEquals(0, h.cancels);
    }

    @Test
    void aDropDuringTheReconciliationAsksAgainOnTheNextReconnection()
    {
        final StrategyHarness h = quoting();
        final long bid = h.lastBidId;
        final long ask = h.lastAskId;
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        h.venueSession(3 * SECOND, VenueSessionState.CONNECTED, 2);
        h.venueSession(4 * SECOND, VenueSessionState.DISCONNECTED, 2);
        h.venueSession(4 * SECOND + 1, VenueSessionState.DISCONNECTED, 2); // said twice: no harm
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());
        assertEquals(1, h.statusRequests);

        h.venueSession(5 * SECOND, VenueSessionState.CONNECTED, 3);
        assertEquals(2, h.statusRequests);
        assertEquals(5 * SECOND, h.lastStatusRequestId);

        // the first reconnection's answer, complete and consistent on its own, comes late: it ends nothing
        h.statusComplete(5 * SECOND + 1, 3 * SECOND, 0);
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(2, h.strategy.orders().openOrderCount());

        h.status(6 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        h.status(6 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        h.statusComplete(6 * SECOND, 5 * SECOND, 2);
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(3, h.strategy.venueDisconnects());
        assertEquals(2, h.strategy.venueReconnects());
        assertEquals(2, h.newOrders);
        assertEquals(0, h.cancels);
    }

    @Test
    void aReconnectionInTheSameNanosecondAsThePreviousRequestGetsAFreshId()
    {
        final StrategyHarness h = quoting();
        h.strategy.requestOrderStatus(3 * SECOND, 1_500_000_000L);
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        h.venueSession(3 * SECOND, VenueSessionState.CONNECTED, 2);
        assertEquals(3 * SECOND + 1, h.lastStatusRequestId, "not the id of the request sent before the drop");
    }

    @Test
    void theFirstLogonChangesNothingAndAnUnknownStateIsPassedOver()
    {
        final StrategyHarness h = quoting();
        h.venueSession(2 * SECOND, VenueSessionState.CONNECTED, 1);
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(0, h.statusRequests);
        assertEquals(0, h.strategy.venueReconnects());

        h.venueSession(3 * SECOND, VenueSessionState.NULL_VAL, 1); // the null value passes the edge
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(1, h.strategy.venueSessionIgnored());
        assertEquals(2, sent(h));
    }

    @Test
    void anOperatorStopDuringTheDropIsObeyedOnceTheSessionIsBackAndReconciled()
    {
        final StrategyHarness h = quoting();
        final long bid = h.lastBidId;
        final long ask = h.lastAskId;
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        h.admin(2 * SECOND + 1, AdminCommandType.STOP);
        assertEquals(ModeReason.OPERATOR_STOP, h.strategy.risk().modeReason(), "STOP ranks above the drop");
        assertEquals(0, h.cancels, "but its cancels cannot reach the venue");

        h.venueSession(3 * SECOND, VenueSessionState.CONNECTED, 2);
        h.status(4 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        h.status(4 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        h.statusComplete(4 * SECOND, 3 * SECOND, 2);

        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        assertEquals(ModeReason.OPERATOR_STOP, h.strategy.risk().modeReason());
        assertEquals(2, h.cancels, "the stop's cancels go out once the session is reconciled");
    }

    @Test
    void aCheckpointKeepsTheHaltAndTheStartRequestOfTheRestartEndsIt()
    {
        final StrategyHarness original = quoting();
        final long bid = original.lastBidId;
        final long ask = original.lastAskId;
        original.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        final UnsafeBuffer record = new UnsafeBuffer(new byte[16 * 1024]);
        final int length = original.strategy.checkpoint(record, 0, 11L);

        final StrategyCheckpointDecoder decoded =
            new StrategyCheckpointDecoder().wrapAndApplyHeader(record, 0, new MessageHeaderDecoder());
        assertEquals(10, CheckpointModeReason.VENUE_DISCONNECTED.value());
        assertEquals(CheckpointModeReason.VENUE_DISCONNECTED, decoded.risk().modeReason());
        assertTrue(decoded.risk().flags().venueDisconnected());

        final StrategyHarness restored = new StrategyHarness(QUOTER);
        assertEquals(CheckpointCheck.VALID, restored.strategy.restore(record, 0, length));
        assertEquals(StrategyMode.HALTED, restored.strategy.risk().mode());
        assertEquals(ModeReason.VENUE_DISCONNECTED, restored.strategy.risk().modeReason());
        assertEquals(2 * SECOND, restored.strategy.risk().modeSinceNs());
        assertTrue(restored.strategy.isVenueSessionHalted());

        // market data after the restart: still halted, nothing sent
        restored.snapshot(3 * SECOND, 995, 1005);
        assertEquals(0, sent(restored));
        assertEquals(ModeReason.VENUE_DISCONNECTED, restored.strategy.risk().modeReason());

        // the daemon's start request is answered: the session is evidently up, and agrees
        restored.strategy.requestOrderStatus(4 * SECOND, 4 * SECOND);
        restored.status(5 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        restored.status(5 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        restored.statusComplete(5 * SECOND, 4 * SECOND, 2);
        assertEquals(StrategyMode.ACTIVE, restored.strategy.risk().mode());
        assertFalse(restored.strategy.isVenueSessionHalted());
        assertEquals(1, sent(restored), "only the request: the orders at the venue are the target");
    }

    @Test
    void anAnswerThatNeverEndsOrEndsShortIsAskedForAgainOnTimersAndNoFillIsGuessedMeanwhile()
    {
        final StrategyHarness h = quoting();
        final long bid = h.lastBidId;
        final long ask = h.lastAskId;
        h.venueSession(2 * SECOND, VenueSessionState.DISCONNECTED, 1);
        h.venueSession(4 * SECOND, VenueSessionState.CONNECTED, 2);
        assertEquals(1, h.statusRequests);

        // the answer's complete message is lost: timers before the timeout do nothing, the one at it asks again
        h.status(4 * SECOND + 100, bid, Side.BUY, 996, 3, 3, 0);
        h.timer(8 * SECOND);
        assertEquals(1, h.statusRequests, "4 s without the complete: not yet");
        h.timer(9 * SECOND);
        assertEquals(2, h.statusRequests, "5 s without the complete: asked again");
        assertEquals(9 * SECOND, h.lastStatusRequestId, "under a fresh id");
        assertEquals(1, h.strategy.retriedStatusRequests());
        assertEquals(ModeReason.VENUE_DISCONNECTED, h.strategy.risk().modeReason());

        // the second answer is short (2 orders counted, the ask's report lost): no fill guessed for the ask, halted
        h.status(9 * SECOND + 100, bid, Side.BUY, 996, 3, 3, 0);
        h.statusComplete(9 * SECOND + 200, 9 * SECOND, 2);
        assertEquals(0, h.strategy.position().position(), "the unreported ask is not taken for filled");
        assertEquals(2, h.strategy.orders().openOrderCount());
        assertEquals(StrategyMode.HALTED, h.strategy.risk().mode());
        h.timer(9 * SECOND + SECOND / 2);
        assertEquals(2, h.statusRequests, "under 1 s after the short answer's request: not yet");
        h.timer(10 * SECOND);
        assertEquals(3, h.statusRequests, "1 s after: asked again");
        assertEquals(2, h.strategy.retriedStatusRequests());

        // a whole answer ends the halt, with the position as it was
        h.status(11 * SECOND, bid, Side.BUY, 996, 3, 3, 0);
        h.status(11 * SECOND, ask, Side.SELL, 1004, 3, 3, 0);
        h.statusComplete(11 * SECOND, 10 * SECOND, 2);
        assertTrue(h.strategy.isConsistent());
        assertEquals(StrategyMode.ACTIVE, h.strategy.risk().mode());
        assertEquals(0, h.strategy.position().position());
        h.timer(20 * SECOND);
        assertEquals(3, h.statusRequests, "consistent: never asked again");
    }

    /** Every frame the strategy sent: orders, cancels, replaces and status requests. */
    private static long sent(final StrategyHarness h)
    {
        return h.newOrders + h.cancels + h.replaces + h.statusRequests;
    }

    private static StrategyHarness quoting()
    {
        final StrategyHarness h = new StrategyHarness(QUOTER);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        assertEquals(2, h.strategy.orders().openOrderCount());
        assertEquals(996, h.lastBidPrice);
        assertEquals(1004, h.lastAskPrice);
        return h;
    }
}
