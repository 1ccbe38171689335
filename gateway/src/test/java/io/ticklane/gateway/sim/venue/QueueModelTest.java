package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.AggressorSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.ticklane.sbe.L3EventType.ADD;
import static io.ticklane.sbe.L3EventType.CANCEL;
import static io.ticklane.sbe.L3EventType.EXECUTE;
import static io.ticklane.sbe.L3EventType.MODIFY;
import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static io.ticklane.sbe.TimeInForce.GTC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Queue models, each case worked by hand in its comment, then the same rules seen through the venue.
 */
class QueueModelTest
{
    @Test
    void riskAverseJoinsBehindEverythingAndAdvancesOnlyOnPrints()
    {
        final QueueModel queue = RiskAverseQueue.INSTANCE;
        assertEquals(10, queue.aheadOnArrival(10));
        assertEquals(6, queue.afterTrade(10, 4), "10 ahead, 4 printed at our price: 6 ahead");
        assertEquals(6, queue.afterLevelChange(6, 10, 8, 0), "a cancel of 2 is assumed behind us");
        assertEquals(2, queue.afterLevelChange(6, 8, 2, 0), "but ahead can never exceed what is displayed");
        assertEquals(6, queue.afterLevelChange(6, 10, 15, 0), "joins behind us");
        assertEquals(-3, queue.afterTrade(2, 5), "2 ahead, 5 printed: 3 reach us");
    }

    @ParameterizedTest(name = "{0}: ahead {1}, level {2} -> {3}, traded {4} => {5}")
    @CsvSource({
        // uniform (n = 1): a = 4, b = 6, d = 5; share 4/10 = 0.4; floor(2.0) = 2 from ahead => 2
        "prob-power:1, 4, 10, 5, 0, 2",
        // n = 2: f(4) = 16, f(6) = 36; share 16/52 = 0.3077; floor(1.54) = 1 from ahead => 3
        "prob-power:2, 4, 10, 5, 0, 3",
        // log: ln5 = 1.6094, ln7 = 1.9459; share 0.4527; floor(2.26) = 2 from ahead => 2
        "prob-log, 4, 10, 5, 0, 2",
        // prints explain the whole decrease (10 -> 7 with 3 traded): no cancel => min(4, 7) = 4
        "prob-power:2, 4, 10, 7, 3, 4",
        // prints explain 2 of 5: d = 3; n = 1 share 0.4; floor(1.2) = 1 => 3
        "prob-power:1, 4, 10, 5, 2, 3",
        // level grows: ahead unchanged
        "prob-power:1, 4, 10, 12, 0, 4",
        // overflow: n = 3, a = 2, b = 8, d = 9; share 8/520 = 0.015, floor(0.14) = 0; behind takes 9 > 8 so 1 more
        // comes from ahead => 1 (= the level's 1 left)
        "prob-power:3, 2, 10, 1, 0, 1",
        // nothing ahead stays nothing
        "prob-power:2, 0, 10, 4, 0, 0",
        // everything ahead (b = 0): share 1, d = 3 => 7
        "prob-log, 10, 10, 7, 0, 7"
    })
    void probabilisticQueueShrinksAheadByItsShareOfCancels(
        final String model, final long ahead, final long previous, final long current, final long traded, final long expected)
    {
        final QueueModel queue = new VenueContext().queueModel(model).queueModel();
        assertEquals(expected, queue.afterLevelChange(ahead, previous, current, traded));
    }

    @Test
    void fifoOnOrderByOrderDataMovesOnlyOnEventsAheadOfUs()
    {
        // given: market bids 5 (order 1) then 3 (order 2) at 100; we join behind them with 4
        final VenueHarness venue = new VenueHarness(new VenueContext().queueModel("fifo-l3").maxBookOrders(64))
            .book(1, new long[] {}, new long[] {});
        venue.event(2, ADD, 1, BUY, 100, 5).event(3, ADD, 2, BUY, 100, 3).event(4, ADD, 3, SELL, 102, 5);
        venue.limit(10, 100, BUY, GTC, 100, 4).advanceTo(10);
        assertEquals("ACK #100", venue.take());
        assertEquals(8, venue.venue.queueAhead(100));

        // an order joining and leaving behind us changes nothing (an L2 model would have to guess)
        venue.event(20, ADD, 4, BUY, 100, 6).event(21, CANCEL, 4, BUY, 100, 6);
        assertEquals(8, venue.venue.queueAhead(100));

        // a partial cancel ahead of us: 8 - 1 = 7
        venue.event(22, CANCEL, 2, BUY, 100, 1);
        assertEquals(7, venue.venue.queueAhead(100));

        // order 1 shrinks 5 -> 4 keeping its place: 7 - 1 = 6
        venue.event(23, MODIFY, 1, BUY, 100, 4);
        assertEquals(6, venue.venue.queueAhead(100));

        // order 2 grows 2 -> 5 and goes to the back, behind us: 6 - 2 = 4
        venue.event(24, MODIFY, 2, BUY, 100, 5);
        assertEquals(4, venue.venue.queueAhead(100));

        // order 1 executes in full: nothing ahead
        venue.event(25, EXECUTE, 1, BUY, 100, 4);
        assertEquals(0, venue.venue.queueAhead(100));
        assertEquals("", venue.take());

        // a print of order 2, which is behind us, went through us first: we fill 3 of our 4
        venue.event(26, EXECUTE, 2, BUY, 100, 3);
        assertEquals("PARTIAL_FILL #100 3@100 M", venue.take());

        // a Trade frame is not double-counted on L3 data; an execution at a worse bid fills our last lot
        venue.trade(27, AggressorSide.SELL, 99, 5);
        assertEquals("", venue.take());
        venue.event(28, ADD, 5, BUY, 99, 10).event(29, EXECUTE, 5, BUY, 99, 2);
        assertEquals("FILL #100 1@100 M", venue.take());
    }

    @Test
    void queueModelsReportTheNameTheyAreChosenBy()
    {
        for (final String name : new String[] {"risk-averse", "prob-power:2", "prob-power:0.5", "prob-log", "fifo-l3"})
        {
            assertEquals(name, new VenueContext().queueModel(name).queueModel().name());
        }
    }

    @Test
    void badQueueModelNamesFailAtConfiguration()
    {
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().queueModel("fifo"));
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().queueModel("prob-power:x"));
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().queueModel("prob-power:-1"));
    }

    @Test
    void riskAverseOrderFillsOnlyAfterPrintsClearTheQueueAhead()
    {
        // given: the market bids 5 at 100; we join behind them
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5, 99, 10}, new long[] {102, 5});
        venue.limit(10, 1, BUY, GTC, 100, 4).advanceTo(10);
        venue.take();
        assertEquals(5, venue.venue.queueAhead(1));

        // when: 3 print at 100 and the level shows it; then 1 lot is cancelled
        venue.trade(20, AggressorSide.SELL, 100, 3).level(20, BUY, 100, 2);
        assertEquals(2, venue.venue.queueAhead(1));
        venue.level(30, BUY, 100, 1);
        assertEquals(1, venue.venue.queueAhead(1), "risk-averse: 1 can no longer be ahead of 1 displayed");

        // then: a print of 3 at 100 clears the 1 ahead and 2 reach us
        venue.trade(40, AggressorSide.SELL, 100, 3);
        assertEquals("PARTIAL_FILL #1 2@100 M", venue.take());
        assertEquals(0, venue.venue.queueAhead(1));
    }

    @Test
    void probabilisticOrderAdvancesOnCancelsThatRiskAverseIgnores()
    {
        // given: 6 ahead of us at 100, then 4 more join behind (level 10)
        final VenueHarness venue = new VenueHarness(new VenueContext().queueModel("prob-power:1"))
            .book(1, new long[] {100, 6}, new long[] {102, 5});
        venue.limit(10, 1, BUY, GTC, 100, 4).advanceTo(10).level(15, BUY, 100, 10);
        assertEquals(6, venue.venue.queueAhead(1));

        // when: 5 cancelled without a print; share 6/10 = 0.6 => 3 from ahead
        venue.level(20, BUY, 100, 5);

        // then
        assertEquals(3, venue.venue.queueAhead(1));
    }
}
