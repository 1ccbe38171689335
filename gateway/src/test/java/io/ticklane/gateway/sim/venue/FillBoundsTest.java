package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.AggressorSide;
import org.junit.jupiter.api.Test;

import static io.ticklane.sbe.L3EventType.ADD;
import static io.ticklane.sbe.L3EventType.EXECUTE;
import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static io.ticklane.sbe.TimeInForce.GTC;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fills bounded by what the market offered, each case computed by hand: prints the exchange made before our order
 * arrived, a contra-side touch that shows less than our order, our own orders queueing at one price, prints without
 * an aggressor, a STALE book, and order-by-order data under a price-level queue model.
 */
class FillBoundsTest
{
    @Test
    void aPrintTheExchangeMadeBeforeOurOrderArrivedNeverFillsIt()
    {
        // given: our bid at 101 rests at t = 10 (zero latency), inside the market's 100 / 103
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 101, 3).advanceTo(10);
        assertEquals("ACK #1", venue.take());

        // when: a trade stream lagging the depth stream brings prints stamped t = 5 and t = 10 through our price
        venue.trade(5, AggressorSide.SELL, 99, 7);
        venue.trade(10, AggressorSide.SELL, 99, 7);

        // then: neither fills (at the very nanosecond of our arrival the market goes first); both are counted
        assertEquals("", venue.take());
        assertEquals(2, venue.venue.printsBeforeArrival());

        // a print made after our arrival fills as before
        venue.trade(11, AggressorSide.SELL, 99, 2);
        assertEquals("PARTIAL_FILL #1 2@101 M", venue.take());
    }

    @Test
    void aContraTouchFillsAtMostWhatTheOtherSideShowsThere()
    {
        // given: our bid 100 x 10 rests behind the market's 5 at 100; asks at 103
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 100, 10).advanceTo(10);
        venue.take();

        // when: the market's bids at 100 leave and an ask of 2 appears at our price: 2 of our 10 fill, not all 10
        venue.level(20, BUY, 100, 0);
        venue.level(21, SELL, 100, 2);
        assertEquals("PARTIAL_FILL #1 2@100 M", venue.take());

        // an update elsewhere leaves the 2 we took taken
        venue.level(22, SELL, 103, 9);
        assertEquals("", venue.take());

        // the level shows 5 now: the market's update supersedes what we took, 5 more fill
        venue.level(23, SELL, 100, 5);
        assertEquals("PARTIAL_FILL #1 5@100 M", venue.take());
        assertEquals(3, venue.venue.leavesQuantity(1));
    }

    @Test
    void whatTheMarketsOwnPrintsTookIsNotThereForUsUntilTheDepthSaysOtherwise()
    {
        // given: the market's best ask 101 x 4
        final VenueHarness venue = new VenueHarness().book(1, new long[] {99, 5}, new long[] {101, 4});

        // when: a market buyer takes 3 at 101, reported before the depth; then our IOC buy 4 at 101 arrives
        venue.trade(20, AggressorSide.BUY, 101, 3);
        venue.order(30, 1, BUY, io.ticklane.sbe.OrderType.LIMIT, io.ticklane.sbe.TimeInForce.IOC, 101, 4).advanceTo(30);

        // then: 4 - 3 = 1 was left for us
        assertEquals("ACK #1; PARTIAL_FILL #1 1@101 T; CANCELLED #1", venue.take());
    }

    @Test
    void ourOwnOrdersAtOnePriceQueueInArrivalOrder()
    {
        // given: the market shows 5 at 100; our orders 1 then 2 join with 3 each (5 ahead of each in the market)
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 100, 3).advanceTo(10);
        venue.limit(11, 2, BUY, GTC, 100, 3).advanceTo(11);
        venue.take();

        // when: a seller prints 8 at 100: 5 go to the market ahead, 3 to order 1, none reach order 2 behind it
        venue.trade(20, AggressorSide.SELL, 100, 8);
        assertEquals("FILL #1 3@100 M", venue.take());

        // then: the next 2 printed reach order 2
        venue.trade(21, AggressorSide.SELL, 100, 2);
        assertEquals("PARTIAL_FILL #2 2@100 M", venue.take());
    }

    @Test
    void aPrintWithoutAnAggressorIsAttributedByWhereItPrintedAndNeverToBothSides()
    {
        // given: market 100 / 104 (mid 102); our bid at 101 and our ask at 103, both inside
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {104, 5});
        venue.limit(10, 1, BUY, GTC, 101, 2).limit(10, 2, SELL, GTC, 103, 2).advanceTo(10);
        venue.take();

        // at the mid: neither side
        venue.trade(20, AggressorSide.NULL_VAL, 102, 5);
        assertEquals("", venue.take());
        assertEquals(1, venue.venue.printsUnattributed());

        // at the best bid: a seller, through our bid (the ask is untouched although the print is below it)
        venue.trade(21, AggressorSide.NULL_VAL, 100, 1);
        assertEquals("PARTIAL_FILL #1 1@101 M", venue.take());

        // above the mid inside the spread: a buyer, at our ask's price only through the queue (nothing ahead)
        venue.trade(22, AggressorSide.NULL_VAL, 103, 1);
        assertEquals("PARTIAL_FILL #2 1@103 M", venue.take());
    }

    @Test
    void aStaleBookFillsNothing()
    {
        // given: our bid at 101 inside 100 / 104
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {104, 5});
        venue.limit(10, 1, BUY, GTC, 101, 2).advanceTo(10);
        venue.take();

        // when: the market's bid crosses its ask (the book cannot be trusted: STALE), then prints go through us
        venue.level(20, BUY, 105, 5);
        venue.trade(21, AggressorSide.SELL, 99, 5);

        // then: no fill until a snapshot makes the book LIVE again
        assertEquals("", venue.take());
        assertEquals(1, venue.venue.printsWhileStale());
        venue.book(30, new long[] {100, 5}, new long[] {104, 5});
        venue.trade(31, AggressorSide.SELL, 99, 5);
        assertEquals("FILL #1 2@101 M", venue.take());
    }

    @Test
    void orderByOrderDataUnderAPriceLevelQueueModelKeepsItsBookLiveAndFillsFromExecutions()
    {
        // given: L3 data with the risk-averse model: market bids 5 then 3 at 100; we join with 4 (8 ahead)
        final VenueHarness venue = new VenueHarness(
            new VenueContext().queueModel("risk-averse").orderByOrderData(true).maxBookOrders(64))
            .book(1, new long[] {}, new long[] {});
        venue.event(2, ADD, 1, BUY, 100, 5).event(3, ADD, 2, BUY, 100, 3).event(4, ADD, 3, SELL, 102, 5);
        venue.limit(10, 100, BUY, GTC, 100, 4).advanceTo(10);
        assertEquals("ACK #100", venue.take());
        assertEquals(8, venue.venue.queueAhead(100));

        // when: order 1 executes 5 and order 2 executes 3 (the whole queue ahead of us); then a new order joins
        // behind us and 1 of it executes: that print went through us first
        venue.event(20, EXECUTE, 1, BUY, 100, 5);
        assertEquals(3, venue.venue.queueAhead(100));
        venue.event(21, EXECUTE, 2, BUY, 100, 3);
        assertEquals(0, venue.venue.queueAhead(100));
        assertEquals("", venue.take());
        venue.event(22, ADD, 4, BUY, 100, 6).event(23, EXECUTE, 4, BUY, 100, 1);

        // then: the book stayed LIVE through L3 events and the execution filled us
        assertEquals("PARTIAL_FILL #100 1@100 M", venue.take());
        assertEquals(io.ticklane.orderbook.BookState.LIVE, venue.venue.book().state());
    }

    @Test
    void fifoQueueOnPriceLevelDataIsRefusedWithAClearError()
    {
        final IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> new VenueContext().queueModel("fifo-l3").orderByOrderData(false).conclude());
        assertEquals("queueModel fifo-l3 needs order-by-order market data; this data is price levels", error.getMessage());
    }
}
