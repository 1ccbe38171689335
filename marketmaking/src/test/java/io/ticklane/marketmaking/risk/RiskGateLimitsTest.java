package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ticklane.marketmaking.risk.RiskFixture.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One table per limit, each with a value just under, at and just over it; expectations computed by hand from the
 * limits in {@link RiskFixture#limits()}.
 */
class RiskGateLimitsTest
{
    @ParameterizedTest(name = "qty {0} -> {1}")
    @CsvSource({
        "9, PASSED",
        "10, PASSED",
        "11, MAX_ORDER_SIZE",
        "0, INVALID_QUANTITY",
        "-1, INVALID_QUANTITY",
    })
    void maxOrderSize(final long quantity, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertCounted(gate, expected, gate.checkNewOrder(Side.BUY, 1_000, quantity, false, T0));
    }

    // max position 100: worst case = position ± (working same side + qty)
    @ParameterizedTest(name = "position {0}, working buy {1} sell {2}, {3} {4} -> {5}")
    @CsvSource({
        "90, 0, 0, BUY, 9, PASSED",          // 99
        "90, 0, 0, BUY, 10, PASSED",         // 100
        "91, 0, 0, BUY, 10, MAX_POSITION",   // 101
        "80, 10, 0, BUY, 10, PASSED",        // 80 + 10 + 10 = 100
        "81, 10, 0, BUY, 10, MAX_POSITION",  // 101: working orders count
        "81, 0, 10, BUY, 10, PASSED",        // working on the other side does not
        "-90, 0, 9, SELL, 1, PASSED",        // -100
        "-90, 0, 10, SELL, 1, MAX_POSITION", // -101
        "5, 0, 0, SELL, 10, PASSED",         // flips to -5: not reducing, but inside the limit
        "100, 0, 0, SELL, 10, PASSED",       // reducing from the limit
    })
    void maxPosition(
        final long position, final long workingBuy, final long workingSell, final Side side, final long quantity,
        final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(position, T0);
        gate.onWorkingOrders(workingBuy, workingSell, 0);
        assertEquals(StrategyMode.ACTIVE, gate.mode());
        assertCounted(gate, expected, gate.checkNewOrder(side, 1_000, quantity, false, T0));
    }

    // 5 per tick per lot, max 50,000
    @ParameterizedTest(name = "{0} x {1} -> {2}")
    @CsvSource({
        "999, 10, PASSED",         // 49,950
        "1000, 10, PASSED",        // 50,000
        "1001, 10, MAX_NOTIONAL",  // 50,050
        "-1001, 10, MAX_NOTIONAL", // |price|
        "9223372036854775807, 2, MAX_NOTIONAL", // saturates instead of overflowing to a small number
    })
    void maxNotional(final long price, final long quantity, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertCounted(gate, expected, gate.checkNewOrder(Side.BUY, price, quantity, false, T0));
    }

    // reference 1,000: passive collar 20, aggressive collar 5
    @ParameterizedTest(name = "price {0} aggressive {1} -> {2}")
    @CsvSource({
        "981, false, PASSED",
        "980, false, PASSED",
        "979, false, PRICE_COLLAR",
        "1019, false, PASSED",
        "1020, false, PASSED",
        "1021, false, PRICE_COLLAR",
        "996, true, PASSED",
        "995, true, PASSED",
        "994, true, PRICE_COLLAR",
        "1005, true, PASSED",
        "1006, true, PRICE_COLLAR",
    })
    void priceCollar(final long price, final boolean aggressive, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertCounted(gate, expected, gate.checkNewOrder(Side.BUY, price, 1, aggressive, T0));
    }

    // 50 bps of the reference, recomputed when it moves: at 22,015 the collar is floor(110.075) = 110 ticks; at 640,000
    // it is 3,200; at 150 it would be floor(0.75) = 0 and is one tick. The aggressive collar stays 5 ticks.
    @ParameterizedTest(name = "reference {0}, price {1} aggressive {2} -> {3}")
    @CsvSource({
        "22015, 21905, false, PASSED",
        "22015, 21904, false, PRICE_COLLAR",
        "22015, 22125, false, PASSED",
        "22015, 22126, false, PRICE_COLLAR",
        "22015, 22020, true, PASSED",
        "22015, 22021, true, PRICE_COLLAR",
        "640000, 636800, false, PASSED",
        "640000, 636799, false, PRICE_COLLAR",
        "640000, 643200, false, PASSED",
        "640000, 643201, false, PRICE_COLLAR",
        "150, 151, false, PASSED",
        "150, 152, false, PRICE_COLLAR",
    })
    void priceCollarInBps(final long reference, final long price, final boolean aggressive, final RiskCheck expected)
    {
        final RiskGate gate = new RiskGate(RiskFixture.limits().maxNotional(Long.MAX_VALUE).priceCollarBps(50));
        // a first reference far away, so the collar at the tested one is a recomputation, not the first computation
        gate.onMarketData(T0, 1_000_000_000, 999_999_999, 1_000_000_001);
        assertEquals(RiskCheck.PASSED, gate.checkNewOrder(Side.SELL, 1_000_000_100, 1, false, T0));
        gate.onMarketData(T0, reference, reference - 1, reference + 1);
        assertEquals(expected, gate.checkNewOrder(Side.BUY, price, 1, aggressive, T0));
        assertEquals(RiskCheck.PASSED == expected ? 2 : 1, gate.passedOrders());
        assertEquals(RiskCheck.PASSED == expected ? 0 : 1, gate.rejections(RiskCheck.PRICE_COLLAR));
    }

    @Test
    void noReferencePriceMeansNoOrders()
    {
        final RiskGate gate = new RiskGate(RiskFixture.limits());
        assertCounted(gate, RiskCheck.NO_REFERENCE_PRICE, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0));
    }

    @Test
    void sideMustBeBuyOrSell()
    {
        final RiskGate gate = RiskFixture.liveGate();
        assertCounted(gate, RiskCheck.INVALID_SIDE, gate.checkNewOrder(Side.NULL_VAL, 1_000, 1, false, T0));
    }

    // max 3 open orders: a new order is refused once 3 are open
    @ParameterizedTest(name = "{0} open -> {1}")
    @CsvSource({
        "2, PASSED",
        "3, MAX_OPEN_ORDERS",
        "4, MAX_OPEN_ORDERS",
    })
    void maxOpenOrders(final int openOrders, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onWorkingOrders(0, 0, openOrders);
        assertCounted(gate, expected, gate.checkNewOrder(Side.BUY, 1_000, 1, false, T0));
    }

    @Test
    void replaceDoesNotOpenAnOrder()
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onWorkingOrders(1, 0, 3);
        assertCounted(gate, RiskCheck.PASSED, gate.checkReplace(Side.BUY, 1_001, 1, 1, false, T0));
    }

    // the replaced order's quantity is in the working quantity; it is swapped, not added
    @ParameterizedTest(name = "position {0}, working buy {1}, replace {2} -> {3}: {4}")
    @CsvSource({
        "91, 9, 9, 8, PASSED",        // 91 + 0 + 8 = 99
        "91, 9, 9, 9, PASSED",        // 100
        "91, 9, 9, 10, MAX_POSITION", // 101
        "0, 5, 5, 11, MAX_ORDER_SIZE",
    })
    void replaceIsCheckedWithTheNewQuantityInPlaceOfTheOld(
        final long position, final long workingBuy, final long oldQuantity, final long newQuantity, final RiskCheck expected)
    {
        final RiskGate gate = RiskFixture.liveGate();
        gate.onPosition(position, T0);
        gate.onWorkingOrders(workingBuy, 0, 1);
        assertCounted(gate, expected, gate.checkReplace(Side.BUY, 1_000, newQuantity, oldQuantity, false, T0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "PASSED, NONE",
        "MAX_ORDER_SIZE, RISK_LIMIT",
        "PRICE_COLLAR, RISK_LIMIT",
        "ORDER_RATE, THROTTLED",
        "CANCEL_RATE, THROTTLED",
        "HALTED, MARKET_HALTED",
        "INVALID_QUANTITY, INVALID_QUANTITY",
    })
    void rejectionsMapToTheSbeRejectReason(final RiskCheck check, final RejectReason expected)
    {
        assertEquals(expected, check.rejectReason());
    }

    private static void assertCounted(final RiskGate gate, final RiskCheck expected, final RiskCheck actual)
    {
        assertEquals(expected, actual);
        if (RiskCheck.PASSED == expected)
        {
            assertEquals(1, gate.passedOrders());
        }
        else
        {
            assertEquals(0, gate.passedOrders());
            assertEquals(1, gate.rejections(expected), "each rejection is counted under its reason");
        }
    }
}
