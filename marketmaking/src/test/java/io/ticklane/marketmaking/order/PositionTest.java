package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PositionTest
{
    private static final double EXACT = 1e-9;

    @Test
    void addingAveragesAndReducingThroughZeroRealisesAndFlips()
    {
        final Position position = new Position(1, 1.0, 0, 0);

        position.onFill(Side.BUY, 100, 3, true);
        position.onFill(Side.BUY, 104, 1, true);
        // (3 × 100 + 1 × 104) / 4 = 404 / 4 = 101
        assertEquals(4, position.position());
        assertEquals(101.0, position.averagePrice(), EXACT);

        position.onFill(Side.SELL, 103, 5, true);
        // closes 4 at 103 against 101: (103 − 101) × 4 = +8; the last lot opens a short at 103
        assertEquals(8.0, position.realisedPnlTicksLots(), EXACT);
        assertEquals(-1, position.position());
        assertEquals(103.0, position.averagePrice(), EXACT);
        // short 1 @ 103 marked at 101: (101 − 103) × (−1) = +2
        assertEquals(2.0, position.unrealisedPnlTicksLots(101), EXACT);
    }

    @Test
    void reducingKeepsTheAverageAndFlatResetsIt()
    {
        final Position position = new Position(1, 1.0, 0, 0);
        position.onFill(Side.SELL, 50, 4, false);

        position.onFill(Side.BUY, 48, 1, false);
        // short 4 @ 50, buy 1 @ 48: (48 − 50) × 1 × (−1) = +2; still short 3 @ 50
        assertEquals(2.0, position.realisedPnlTicksLots(), EXACT);
        assertEquals(-3, position.position());
        assertEquals(50.0, position.averagePrice(), EXACT);

        position.onFill(Side.BUY, 53, 3, false);
        // (53 − 50) × 3 × (−1) = −9; total 2 − 9 = −7; flat
        assertEquals(-7.0, position.realisedPnlTicksLots(), EXACT);
        assertEquals(0, position.position());
        assertEquals(0.0, position.averagePrice(), EXACT);
        assertEquals(0.0, position.unrealisedPnlTicksLots(60), EXACT);
        assertEquals(4, position.boughtQuantity());
        assertEquals(4, position.soldQuantity());
    }

    @Test
    void makerRebateIsANegativeFeeAndCurrencyUsesTheTickValue()
    {
        // tick value 0.5 per tick per lot; maker −2 bps (rebate), taker 5 bps
        final Position position = new Position(1, 0.5, -2.0, 5.0);

        position.onFill(Side.BUY, 2000, 10, true);
        // notional 2000 × 10 × 0.5 = 10,000; fee 10,000 × (−2) / 10,000 = −2.00
        assertEquals(10_000.0, position.notional(2000, 10), EXACT);
        assertEquals(-2.0, position.fees(), EXACT);

        position.onFill(Side.SELL, 2010, 4, false);
        // notional 2010 × 4 × 0.5 = 4,020; fee 4,020 × 5 / 10,000 = +2.01; total −2.00 + 2.01 = 0.01
        assertEquals(0.01, position.fees(), EXACT);
        // realised (2010 − 2000) × 4 = 40 ticks × lots = 20.0 in currency
        assertEquals(40.0, position.realisedPnlTicksLots(), EXACT);
        assertEquals(20.0, position.realisedPnl(), EXACT);
        // long 6 @ 2000 marked at 2005: 5 × 6 = 30 ticks × lots = 15.0; net 20 + 15 − 0.01 = 34.99
        assertEquals(15.0, position.unrealisedPnl(2005), EXACT);
        assertEquals(34.99, position.netPnl(2005), EXACT);
    }

    @Test
    void executionReportsOfOtherInstrumentsAndNonFillsAreIgnored()
    {
        final Position position = new Position(3, 1.0, -1.0, 4.0);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
        decoder.wrap(buffer, 0, ExecutionReportEncoder.BLOCK_LENGTH, ExecutionReportEncoder.SCHEMA_VERSION);

        encoder.wrap(buffer, 0).instrumentId(3).execType(ExecType.PARTIAL_FILL).side(Side.SELL).lastPrice(1000)
            .lastQuantity(2).liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE);
        assertTrue(position.onExecutionReport(decoder));
        // short 2 @ 1000; maker fee 1000 × 2 × 1.0 × (−1) / 10,000 = −0.2
        assertEquals(-2, position.position());
        assertEquals(-0.2, position.fees(), EXACT);

        encoder.instrumentId(4);
        assertFalse(position.onExecutionReport(decoder), "another instrument");
        encoder.instrumentId(3).execType(ExecType.ACK);
        assertFalse(position.onExecutionReport(decoder), "not a fill");
        assertEquals(-2, position.position());
        assertEquals(1, position.fills());
    }

    @Test
    void fillsWithoutASideOrQuantityAreIgnored()
    {
        final Position position = new Position(1, 1.0, 0, 0);

        assertFalse(position.onFill(Side.NULL_VAL, 100, 1, true));
        assertFalse(position.onFill(Side.BUY, 100, 0, true));

        assertEquals(0, position.position());
        assertEquals(0, position.fills());
    }

    @Test
    void nonPositiveTickValueIsAConfigurationError()
    {
        assertThrows(IllegalArgumentException.class, () -> new Position(1, 0.0, 0, 0));
    }
}
