package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.ticklane.marketmaking.risk.RiskFixture.ASK;
import static io.ticklane.marketmaking.risk.RiskFixture.BID;
import static io.ticklane.marketmaking.risk.RiskFixture.REFERENCE;
import static io.ticklane.marketmaking.risk.RiskFixture.T0;
import static io.ticklane.marketmaking.risk.RiskFixture.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operator commands STOP, FLATTEN, CANCEL_ALL and RESUME, in sequences. Tokens are the daemon receiver's business
 * ({@code AdminAuthenticatorTest}): a command that reaches the gate was authenticated.
 */
class RiskGateOperatorTest
{
    @Test
    void stopFromAnSbeFrameHaltsAndResumeFromAnotherFrameRestarts()
    {
        final RiskGate gate = RiskFixture.liveGate();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final AdminCommandDecoder decoder = new AdminCommandDecoder();

        encode(buffer, AdminCommandType.STOP);
        decoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(AdminOutcome.CANCEL_ALL_REQUIRED, gate.onAdmin(decoder, T0 + 1));
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.OPERATOR_STOP, gate.modeReason());
        assertEquals(T0 + 1, gate.modeSinceNs());

        encode(buffer, AdminCommandType.RESUME);
        decoder.wrapAndApplyHeader(buffer, 0, new MessageHeaderDecoder());
        assertEquals(AdminOutcome.RESUMED, gate.onAdmin(decoder, T0 + 3));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
    }

    @Test
    void stopHaltsOnlyCancelsPassUntilResume()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(AdminOutcome.CANCEL_ALL_REQUIRED, admin(gate, AdminCommandType.STOP, T0));
        assertEquals(RiskAction.NONE, gate.takeAction(), "the admin outcome already asked for the cancel-all");
        assertEquals(RiskCheck.HALTED, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0 + 1));
        assertEquals(RiskCheck.HALTED, gate.checkReplace(Side.BUY, 1_000, 1, 1, false, T0 + 1));
        assertEquals(RiskCheck.PASSED, gate.checkCancel(T0 + 1));

        assertEquals(AdminOutcome.RESUMED, admin(gate, AdminCommandType.RESUME, T0 + 2));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertEquals(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME, admin(gate, AdminCommandType.RESUME, T0 + 3));
    }

    @Test
    void resumeAfterStopIsRefusedWhileAnyBreachIsActive()
    {
        final RiskGate gate = RiskFixture.liveGate();
        admin(gate, AdminCommandType.STOP, T0);
        gate.onPosition(101, T0 + 1);
        assertEquals(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE, admin(gate, AdminCommandType.RESUME, T0 + 2));
        gate.onPosition(100, T0 + 3);
        gate.onBookState(BookState.STALE, T0 + 3);
        assertEquals(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE, admin(gate, AdminCommandType.RESUME, T0 + 4));
        assertEquals(ModeReason.OPERATOR_STOP, gate.modeReason(), "a refused RESUME leaves the stop in place");
        gate.onBookState(BookState.LIVE, T0 + 5);
        assertEquals(AdminOutcome.RESUMED, admin(gate, AdminCommandType.RESUME, T0 + 6));
        assertEquals(2, gate.adminOutcomes(AdminOutcome.RESUME_REFUSED_BREACH_ACTIVE));
    }

    @ParameterizedTest
    @EnumSource(value = StrategyMode.class)
    void cancelAllLeavesTheModeAlone(final StrategyMode mode)
    {
        final RiskGate gate = RiskFixture.liveGate();
        if (StrategyMode.REDUCE_ONLY == mode)
        {
            gate.onPosition(150, T0);
        }
        else if (StrategyMode.HALTED == mode)
        {
            gate.onBookState(BookState.STALE, T0);
        }
        gate.takeAction();
        assertEquals(mode, gate.mode());
        final ModeReason reason = gate.modeReason();

        assertEquals(AdminOutcome.CANCEL_ALL_REQUIRED, admin(gate, AdminCommandType.CANCEL_ALL, T0 + 1));
        assertEquals(mode, gate.mode());
        assertEquals(reason, gate.modeReason());
    }

    // long 25 lots, touch 999 / 1,001, flatten 2 ticks through the touch, max order 10
    @ParameterizedTest(name = "position {0}, working buy {1} sell {2} -> {3} {4} @ {5}")
    @CsvSource({
        "25, 0, 0, SELL, 10, 997",
        "25, 0, 10, SELL, 10, 997",
        "25, 0, 20, SELL, 5, 997",
        "25, 3, 20, SELL, 5, 997",  // working buys are irrelevant to a long
        "-7, 0, 0, BUY, 7, 1003",
        "-7, 0, 9, BUY, 7, 1003",
    })
    void flattenWorksThePositionToZeroWithMarketableLimitsInsideTheCollar(
        final long position, final long workingBuy, final long workingSell, final Side side, final long quantity,
        final long price)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(position, T0);
        assertEquals(AdminOutcome.CANCEL_ALL_REQUIRED, admin(gate, AdminCommandType.FLATTEN, T0));
        assertEquals(StrategyMode.REDUCE_ONLY, gate.mode());
        assertEquals(ModeReason.OPERATOR_FLATTEN, gate.modeReason());
        gate.onWorkingOrders(workingBuy, workingSell, 1);

        assertTrue(gate.nextFlattenOrder());
        final Flattener order = gate.flattener();
        assertEquals(side, order.side());
        assertEquals(quantity, order.quantity());
        assertEquals(price, order.price());
        assertEquals(RiskCheck.PASSED, gate.checkNewOrder(order.side(), order.price(), order.quantity(), true, T0 + 1),
            "the flatten order is within the aggressive collar (3 ticks from 1,000) and reducing");
    }

    @ParameterizedTest(name = "position {0}, working sell {1}, touch {2}/{3}")
    @CsvSource({
        "0, 0, 999, 1001",
        "25, 25, 999, 1001",                   // enough already working
        "25, 0, -9223372036854775808, 1001",  // no bid to sell into (PriceLadder.NULL_PRICE)
        "-5, 0, 999, -9223372036854775808",   // no ask to buy from
    })
    void flattenSendsNothingWhenFlatCoveredOrWithoutATouch(
        final long position, final long workingSell, final long bid, final long ask)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onMarketData(T0, REFERENCE, bid, ask);
        gate.onPosition(position, T0);
        admin(gate, AdminCommandType.FLATTEN, T0);
        gate.onWorkingOrders(0, workingSell, 1);
        assertFalse(gate.nextFlattenOrder());
        assertEquals(0, gate.flattener().quantity());
        assertEquals(Side.NULL_VAL, gate.flattener().side());
    }

    @Test
    void flattenSequenceRefusesIncreasingOrdersAndEndsWithResumeOnceFlat()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(12, T0);
        admin(gate, AdminCommandType.FLATTEN, T0);
        assertEquals(RiskCheck.REDUCE_ONLY, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0 + 1));

        assertTrue(gate.nextFlattenOrder());
        assertEquals(10, gate.flattener().quantity());
        gate.onPosition(2, T0 + 2); // filled 10
        assertTrue(gate.nextFlattenOrder());
        assertEquals(2, gate.flattener().quantity());
        gate.onPosition(0, T0 + 3);
        assertFalse(gate.nextFlattenOrder());
        assertEquals(StrategyMode.REDUCE_ONLY, gate.mode(), "flat, but still flattening until the operator resumes");
        assertEquals(RiskCheck.REDUCE_ONLY, gate.checkNewOrder(Side.SELL, 1_000, 1, false, T0 + 4));

        assertEquals(AdminOutcome.RESUMED, admin(gate, AdminCommandType.RESUME, T0 + 5));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertFalse(gate.nextFlattenOrder());
    }

    @Test
    void stopDuringFlattenHaltsItAndFlattenAfterStopResumesWorkingThePosition()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(-30, T0);
        admin(gate, AdminCommandType.FLATTEN, T0);
        admin(gate, AdminCommandType.STOP, T0 + 1);
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertFalse(gate.nextFlattenOrder(), "halted: not even reducing orders");

        admin(gate, AdminCommandType.FLATTEN, T0 + 2);
        assertEquals(StrategyMode.REDUCE_ONLY, gate.mode());
        assertTrue(gate.nextFlattenOrder());
        assertEquals(Side.BUY, gate.flattener().side());
    }

    @Test
    void flattenUnderALatchedLossStaysHaltedUntilResume()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(20, T0);
        gate.onPnl(-1_500, T0);
        admin(gate, AdminCommandType.FLATTEN, T0 + 1);
        assertEquals(StrategyMode.HALTED, gate.mode());
        assertEquals(ModeReason.DAILY_LOSS, gate.modeReason());
        assertFalse(gate.nextFlattenOrder());
    }

    @Test
    void unknownCommandIsRefused()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(AdminOutcome.REJECTED_UNKNOWN_COMMAND, admin(gate, AdminCommandType.NULL_VAL, T0));
        assertEquals(StrategyMode.ACTIVE, gate.mode());
    }

    private static void encode(final UnsafeBuffer buffer, final AdminCommandType type)
    {
        new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timestampNs(T0)
            .requestId(1)
            .command(type)
            .instrumentId(0); // the token field as the receiver leaves it: zeros
    }
}
