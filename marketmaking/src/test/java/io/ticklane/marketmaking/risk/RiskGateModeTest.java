package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ticklane.marketmaking.risk.RiskFixture.ASK;
import static io.ticklane.marketmaking.risk.RiskFixture.BID;
import static io.ticklane.marketmaking.risk.RiskFixture.MS;
import static io.ticklane.marketmaking.risk.RiskFixture.REFERENCE;
import static io.ticklane.marketmaking.risk.RiskFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mode transitions ACTIVE → REDUCE_ONLY → HALTED and back, each with its reason, its timestamp, the cancel-all it
 * asks for, and whether it clears by itself or needs RESUME.
 */
class RiskGateModeTest
{
    // max position 100
    @ParameterizedTest(name = "position {0} -> {1} {2}")
    @CsvSource({
        "99, ACTIVE, NONE, NONE",
        "100, ACTIVE, NONE, NONE",
        "101, REDUCE_ONLY, POSITION_LIMIT, CANCEL_ALL_REQUIRED",
        "-101, REDUCE_ONLY, POSITION_LIMIT, CANCEL_ALL_REQUIRED",
    })
    void positionBeyondTheLimitMakesTheStrategyReduceOnly(
        final long position, final StrategyMode mode, final ModeReason reason, final RiskAction action)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(action, gate.onPosition(position, T0 + 7));
        assertEquals(mode, gate.mode());
        assertEquals(reason, gate.modeReason());
        if (StrategyMode.ACTIVE != mode)
        {
            assertEquals(T0 + 7, gate.modeSinceNs());
        }
    }

    @Test
    void positionLimitClearsByItselfOnceBackInside()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(120, T0);
        assertEquals(RiskAction.NONE, gate.onPosition(100, T0 + 1));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(ModeReason.NONE, gate.modeReason());
        assertEquals(T0 + 1, gate.modeSinceNs());
        assertEquals(2, gate.modeChanges());
    }

    // position 120, reduce-only: an order passes only if opposite to the position and unable to take it past zero
    @ParameterizedTest(name = "working sell {0}: {1} {2} -> {3}")
    @CsvSource({
        "0, SELL, 10, PASSED",
        "110, SELL, 10, PASSED",      // 110 + 10 = 120: exactly flat if all fill
        "111, SELL, 10, REDUCE_ONLY", // 121: could flip the position
        "0, BUY, 1, REDUCE_ONLY",
        "0, SELL, 11, MAX_ORDER_SIZE",
    })
    void reduceOnlyAllowsOnlyOrdersThatReducePosition(
        final long workingSell, final Side side, final long quantity, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(120, T0);
        gate.onWorkingOrders(0, workingSell, 1);
        assertEquals(expected, gate.checkNewOrder(side, 1_000, quantity, false, T0));
    }

    @Test
    void replaceClaimingMoreThanIsWorkingGetsNoCreditForIt()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(-8, T0);
        RiskFixture.admin(gate, AdminCommandType.FLATTEN, T0);
        gate.onWorkingOrders(2, 0, 1);
        // order state says 2 lots work, the replace says 6: counted as 0 others working, so 10 could flip the short
        assertEquals(RiskCheck.REDUCE_ONLY, gate.checkReplace(Side.BUY, 1_000, 10, 6, false, T0));
        assertEquals(RiskCheck.PASSED, gate.checkReplace(Side.BUY, 1_000, 8, 6, false, T0));
    }

    // max daily loss 1,000 from a peak of 0 (drawdown limit 1,500 is further away)
    @ParameterizedTest(name = "PnL {0} -> {1}")
    @CsvSource({
        "-999, ACTIVE, NONE, NONE",
        "-1000, ACTIVE, NONE, NONE",
        "-1001, HALTED, DAILY_LOSS, CANCEL_ALL_REQUIRED",
    })
    void dailyLossBreaker(final long pnl, final StrategyMode mode, final ModeReason reason, final RiskAction action)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(action, gate.onPnl(pnl, T0));
        assertEquals(mode, gate.mode());
        assertEquals(reason, gate.modeReason());
    }

    // peak 800, max drawdown 1,500: trips below -700, before the daily loss limit at -1,000
    @ParameterizedTest(name = "PnL 800 then {0} -> {1}")
    @CsvSource({
        "-699, ACTIVE, NONE",
        "-700, ACTIVE, NONE",
        "-701, HALTED, DRAWDOWN",
    })
    void drawdownBreakerMeasuresFromThePeak(final long pnl, final StrategyMode mode, final ModeReason reason)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPnl(800, T0);
        gate.onPnl(pnl, T0 + 1);
        assertEquals(800, gate.peakPnl());
        assertEquals(mode, gate.mode());
        assertEquals(reason, gate.modeReason());
    }

    @Test
    void lossTripsTheBreakerAndResumeIsRefusedWhileTheLossPersists()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.onPnl(-1_200, T0 + 1));
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(T0 + 1, gate.modeSinceNs());
        assertEquals(RiskCheck.HALTED, gate.checkNewOrder(Side.SELL, 1_000, 1, false, T0 + 2));
        assertEquals(RiskCheck.PASSED, gate.checkCancel(T0 + 2), "halted still cancels");

        assertEquals(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 3));
        assertEquals(StrategyMode.HALTED, gate.mode());

        gate.onPnl(-900, T0 + 4);
        assertEquals(StrategyMode.HALTED, gate.mode(), "the breaker is latched: a recovering PnL does not resume");
        assertEquals(ModeReason.DAILY_LOSS, gate.modeReason());

        assertEquals(AdminOutcome.RESUMED, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 5));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(T0 + 5, gate.modeSinceNs());
        assertEquals(RiskCheck.PASSED, gate.checkNewOrder(Side.SELL, 1_000, 1, false, T0 + 6));
        assertEquals(1, gate.adminOutcomes(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE));
    }

    @Test
    void anUnknownFillHaltsAtOnceAndHoldsUntilResume()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.onUnknownFill(T0 + 1));
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.UNKNOWN_FILL, gate.modeReason());
        assertEquals(T0 + 1, gate.modeSinceNs());
        assertEquals(RiskCheck.HALTED, gate.checkNewOrder(Side.SELL, 1_000, 1, false, T0 + 2));
        assertEquals(RiskCheck.PASSED, gate.checkCancel(T0 + 2), "halted still cancels");

        assertEquals(RiskAction.NONE, gate.onUnknownFill(T0 + 3), "already halted: nothing new to cancel");
        gate.onTimer(T0 + 4);
        assertEquals(ModeReason.UNKNOWN_FILL, gate.modeReason(), "latched: nothing clears it by itself");
        assertEquals(2, gate.unknownFills());

        assertEquals(AdminOutcome.RESUMED, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 5));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
    }

    @Test
    void anUnknownFillUnderALatchedLossKeepsTheLossAsTheReason()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPnl(-1_200, T0 + 1);
        gate.onUnknownFill(T0 + 2);
        assertEquals(ModeReason.DAILY_LOSS, gate.modeReason());
        assertEquals(1, gate.unknownFills());
    }

    @Test
    void newTradingDayClearsTheLossButNotTheLatchedHalt()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPnl(-5_000, T0);
        assertEquals(RiskAction.NONE, gate.onNewTradingDay(T0 + 1));
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(0, gate.pnl());
        assertEquals(AdminOutcome.RESUMED, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 2));
    }

    // stale after 500 ms of event time without market data
    @ParameterizedTest(name = "timer {0} ms after the last update -> {1}")
    @CsvSource({
        "499, ACTIVE, NONE",
        "500, ACTIVE, NONE",
        "501, HALTED, CANCEL_ALL_REQUIRED",
    })
    void staleMarketDataHaltsOnTheTimer(final long elapsedMs, final StrategyMode mode, final RiskAction action)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(action, gate.onTimer(T0 + elapsedMs * MS));
        assertEquals(mode, gate.mode());
    }

    @Test
    void staleMarketDataFoundByAnOrderCheckRejectsItAndAsksForCancelAllOnce()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(RiskCheck.HALTED, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0 + 501 * MS));
        assertEquals(ModeReason.STALE_MARKET_DATA, gate.modeReason());
        assertEquals(T0 + 501 * MS, gate.modeSinceNs());
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.takeAction());
        assertEquals(RiskAction.NONE, gate.takeAction());
        assertEquals(RiskAction.NONE, gate.onTimer(T0 + 600 * MS), "asked once, not on every tick");
    }

    @Test
    void staleMarketDataClearsByItselfWhenDataArrives()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onTimer(T0 + 800 * MS);
        assertEquals(RiskAction.NONE, gate.onMarketData(T0 + 900 * MS, REFERENCE, BID, ASK));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(RiskCheck.PASSED, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0 + 900 * MS));
        assertEquals(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 901 * MS));
    }

    @Test
    void staleBookHaltsAndClearsByItselfWhenTheBookIsLiveAgain()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.onBookState(BookState.STALE, T0 + 1));
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.BOOK_STALE, gate.modeReason());
        assertEquals(RiskCheck.HALTED, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0 + 2));
        assertEquals(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME, RiskFixture.admin(gate, AdminCommandType.RESUME, T0 + 2));

        assertEquals(RiskAction.NONE, gate.onBookState(BookState.LIVE, T0 + 3));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(T0 + 3, gate.modeSinceNs());
    }

    @Test
    void latchedLossOutranksStaleDataAndOutlastsIt()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onTimer(T0 + 600 * MS);
        assertEquals(ModeReason.STALE_MARKET_DATA, gate.modeReason());
        gate.onPnl(-2_000, T0 + 700 * MS);
        assertEquals(ModeReason.DAILY_LOSS, gate.modeReason());
        gate.onMarketData(T0 + 800 * MS, REFERENCE, BID, ASK);
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.DAILY_LOSS, gate.modeReason());
    }

    @Test
    void positionBreachUnderAHaltKeepsTheStricterMode()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onBookState(BookState.STALE, T0);
        gate.onPosition(150, T0 + 1);
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(RiskAction.NONE, gate.onBookState(BookState.LIVE, T0 + 2), "reduce-only is less strict: no cancel");
        assertEquals(StrategyMode.REDUCE_ONLY, gate.mode());
        assertEquals(ModeReason.POSITION_LIMIT, gate.modeReason());
    }

    // venue silence limit 300 ms (under the 500 ms market-data staleness, so it is the one that trips)
    @ParameterizedTest(name = "heartbeat at +{0} ms, timer at +{1} ms -> {2} {3}")
    @CsvSource({
        "0, 300, ACTIVE, NONE",
        "0, 301, HALTED, VENUE_SILENT",
        "200, 500, ACTIVE, NONE",
        "200, 501, HALTED, VENUE_SILENT",     // both hold: the venue's silence is the cause named
        "250, 549, HALTED, STALE_MARKET_DATA", // the venue spoke 299 ms ago, but no market data for 549 ms
    })
    void venueSilenceBeyondTheLimitHalts(
        final long heartbeatMs, final long timerMs, final StrategyMode mode, final ModeReason reason)
    {
        final RiskGate gate = new RiskGate(RiskFixture.limits().venueSilenceMs(300));
        gate.onMarketData(T0, REFERENCE, BID, ASK);
        gate.onVenueMessage(T0 + heartbeatMs * MS);
        gate.onTimer(T0 + timerMs * MS);
        assertEquals(mode, gate.mode());
        assertEquals(reason, gate.modeReason());
    }

    @Test
    void venueSilenceClearsByItselfWhenTheVenueSpeaksAgain()
    {
        final RiskGate gate = new RiskGate(RiskFixture.limits().venueSilenceMs(300));
        gate.onMarketData(T0, REFERENCE, BID, ASK);
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.onTimer(T0 + 301 * MS));
        assertEquals(ModeReason.VENUE_SILENT, gate.modeReason());
        assertEquals(RiskAction.NONE, gate.onVenueMessage(T0 + 302 * MS));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(ModeReason.NONE, gate.modeReason());
    }

    @Test
    void aDroppedVenueSessionHaltsRanksBetweenAStaleBookAndVenueSilenceAndClearsWhenReportedBack()
    {
        final RiskGate gate = new RiskGate(RiskFixture.limits().venueSilenceMs(300));
        gate.onMarketData(T0, REFERENCE, BID, ASK);
        assertEquals(RiskAction.CANCEL_ALL_REQUIRED, gate.onVenueSession(true, T0 + 1), "stricter: the caller decides");
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.VENUE_DISCONNECTED, gate.modeReason());
        assertEquals(T0 + 1, gate.modeSinceNs());
        assertEquals(true, gate.isVenueDisconnected());

        assertEquals(RiskAction.NONE, gate.onTimer(T0 + 301 * MS));
        assertEquals(ModeReason.VENUE_DISCONNECTED, gate.modeReason(), "silent too: the drop is the cause named");
        assertEquals(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME, gate.onAdmin(AdminCommandType.RESUME, T0 + 302 * MS));
        gate.onBookState(BookState.STALE, T0 + 303 * MS);
        assertEquals(ModeReason.BOOK_STALE, gate.modeReason());
        gate.onBookState(BookState.LIVE, T0 + 304 * MS);
        assertEquals(ModeReason.VENUE_DISCONNECTED, gate.modeReason());
        assertEquals(true, gate.isBreachActive(T0 + 304 * MS));

        gate.onVenueMessage(T0 + 305 * MS);
        gate.onMarketData(T0 + 305 * MS, REFERENCE, BID, ASK);
        assertEquals(ModeReason.VENUE_DISCONNECTED, gate.modeReason(), "the venue speaking does not end it");
        assertEquals(RiskAction.NONE, gate.onVenueSession(false, T0 + 306 * MS));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(ModeReason.NONE, gate.modeReason());
        assertEquals(false, gate.isVenueDisconnected());
    }

    @Test
    void venueIsNotWatchedWhenTheLimitIsZero()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onVenueMessage(T0);
        gate.onMarketData(T0 + 400 * MS, REFERENCE, BID, ASK);
        assertEquals(RiskAction.NONE, gate.onTimer(T0 + 800 * MS));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
    }
}
