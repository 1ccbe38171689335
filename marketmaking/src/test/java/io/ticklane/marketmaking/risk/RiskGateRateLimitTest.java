package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ticklane.marketmaking.risk.RiskFixture.ASK;
import static io.ticklane.marketmaking.risk.RiskFixture.BID;
import static io.ticklane.marketmaking.risk.RiskFixture.MS;
import static io.ticklane.marketmaking.risk.RiskFixture.REFERENCE;
import static io.ticklane.marketmaking.risk.RiskFixture.SECOND;
import static io.ticklane.marketmaking.risk.RiskFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Orders-per-second (5) and cancels-per-second (4) limits over sliding one-second windows of event time.
 */
class RiskGateRateLimitTest
{
    @Test
    void burstHitsTheOrderRateLimitAndRecoversAfterOneSecondOfEventTime()
    {
        final RiskGate gate = RiskFixture.liveGate();
        for (int i = 0; i < 5; i++)
        {
            assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0));
        }
        assertEquals(RiskCheck.ORDER_RATE, newOrderAt(gate, T0));
        assertEquals(RiskCheck.ORDER_RATE, newOrderAt(gate, T0 + SECOND - 1));

        for (int i = 0; i < 5; i++)
        {
            assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0 + SECOND), "one second later the burst has left the window");
        }
        assertEquals(RiskCheck.ORDER_RATE, newOrderAt(gate, T0 + SECOND));

        assertEquals(10, gate.passedOrders());
        assertEquals(3, gate.rejections(RiskCheck.ORDER_RATE));
    }

    @Test
    void windowSlidesRatherThanResettingOnSecondBoundaries()
    {
        final RiskGate gate = RiskFixture.liveGate();
        for (int i = 0; i < 5; i++)
        {
            assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0 + i * 200 * MS)); // 0, 200, 400, 600, 800 ms
        }
        assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0 + 1_000 * MS));      // the order at 0 ms has left
        assertEquals(RiskCheck.ORDER_RATE, newOrderAt(gate, T0 + 1_100 * MS));  // 200..1000 still inside: 5 orders
        assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0 + 1_200 * MS));      // the order at 200 ms has left
    }

    @Test
    void replacesCountAgainstTheOrderRateAndRejectedOrdersDoNot()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertEquals(RiskCheck.MAX_ORDER_SIZE, gate.checkNewOrder(Side.BUY, 1_000, 11, false, T0));
        for (int i = 0; i < 4; i++)
        {
            assertEquals(RiskCheck.PASSED, gate.checkReplace(Side.BUY, 1_000, 1, 1, false, T0));
        }
        assertEquals(RiskCheck.PASSED, newOrderAt(gate, T0));
        assertEquals(RiskCheck.ORDER_RATE, gate.checkReplace(Side.BUY, 1_000, 1, 1, false, T0));
    }

    // 4 cancels per second while active
    @ParameterizedTest(name = "{0} cancels in the window -> {1}")
    @CsvSource({
        "3, PASSED",
        "4, CANCEL_RATE",
        "5, CANCEL_RATE",
    })
    void cancelRateLimitWhileActive(final int earlierCancels, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        for (int i = 0; i < earlierCancels; i++)
        {
            gate.checkCancel(T0); // the fifth one in the "5" row is itself refused
        }
        assertEquals(expected, gate.checkCancel(T0 + 10 * MS));

        gate.onMarketData(T0 + SECOND, REFERENCE, BID, ASK);
        assertEquals(StrategyMode.ACTIVE, gate.mode(), "still active, so the limit still applies");
        assertEquals(RiskCheck.PASSED, gate.checkCancel(T0 + SECOND + 10 * MS));
    }

    @Test
    void cancelsAreNeverRefusedOnceTheStrategyIsHaltedOrReducing()
    {
        final RiskGate gate = RiskFixture.liveGate();
        for (int i = 0; i < 4; i++)
        {
            assertEquals(RiskCheck.PASSED, gate.checkCancel(T0));
        }
        assertEquals(RiskCheck.CANCEL_RATE, gate.checkCancel(T0));

        RiskFixture.admin(gate, AdminCommandType.STOP, T0);
        for (int i = 0; i < 20; i++)
        {
            assertEquals(RiskCheck.PASSED, gate.checkCancel(T0), "a halted strategy must be able to pull every order");
        }

        RiskFixture.admin(gate, AdminCommandType.FLATTEN, T0);
        assertEquals(RiskCheck.PASSED, gate.checkCancel(T0), "nor may a reducing one be stopped from cancelling");
        assertEquals(25, gate.passedCancels());
        assertEquals(1, gate.rejections(RiskCheck.CANCEL_RATE));
    }

    private static RiskCheck newOrderAt(final RiskGate gate, final long timeNs)
    {
        gate.onMarketData(timeNs, REFERENCE, BID, ASK); // keep the data fresh: staleness is tested elsewhere
        return gate.checkNewOrder(Side.BUY, 1_000, 1, false, timeNs);
    }
}
