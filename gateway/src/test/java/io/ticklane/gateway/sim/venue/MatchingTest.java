package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static io.ticklane.sbe.TimeInForce.FOK;
import static io.ticklane.sbe.TimeInForce.GTC;
import static io.ticklane.sbe.TimeInForce.IOC;
import static io.ticklane.sbe.TimeInForce.POST_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Matching of the strategy's orders, with zero latency so each order acts on the book it sees. Book for the table:
 * bids 100 x 5, 99 x 10; asks 101 x 4, 102 x 6, 104 x 10.
 */
class MatchingTest
{
    private static final long[] BIDS = {100, 5, 99, 10};
    private static final long[] ASKS = {101, 4, 102, 6, 104, 10};

    static Stream<Arguments> newOrders()
    {
        return Stream.of(
            Arguments.of("passive buy rests", BUY, OrderType.LIMIT, GTC, 100, 3, "ACK #1", 1),
            Arguments.of("buy inside the spread rests", BUY, OrderType.LIMIT, GTC, 100, 3, "ACK #1", 1),
            Arguments.of("marketable IOC fills across two levels at their prices", BUY, OrderType.LIMIT, IOC, 102, 7,
                "ACK #1; PARTIAL_FILL #1 4@101 T; FILL #1 3@102 T", 0),
            Arguments.of("IOC remainder is cancelled", BUY, OrderType.LIMIT, IOC, 102, 12,
                "ACK #1; PARTIAL_FILL #1 4@101 T; PARTIAL_FILL #1 6@102 T; CANCELLED #1", 0),
            Arguments.of("GTC remainder rests at its limit", BUY, OrderType.LIMIT, GTC, 102, 12,
                "ACK #1; PARTIAL_FILL #1 4@101 T; PARTIAL_FILL #1 6@102 T", 1),
            Arguments.of("post-only that would take is rejected", BUY, OrderType.LIMIT, POST_ONLY, 101, 1,
                "REJECTED #1 POST_ONLY_WOULD_TAKE", 0),
            Arguments.of("post-only that would not take rests", BUY, OrderType.LIMIT, POST_ONLY, 100, 1, "ACK #1", 1),
            Arguments.of("sell IOC walks down the bids", SELL, OrderType.LIMIT, IOC, 99, 20,
                "ACK #1; PARTIAL_FILL #1 5@100 T; PARTIAL_FILL #1 10@99 T; CANCELLED #1", 0),
            Arguments.of("market sell takes best first", SELL, OrderType.MARKET, IOC, 0, 6,
                "ACK #1; PARTIAL_FILL #1 5@100 T; FILL #1 1@99 T", 0),
            Arguments.of("market order beyond the book is cancelled", BUY, OrderType.MARKET, IOC, 0, 25,
                "ACK #1; PARTIAL_FILL #1 4@101 T; PARTIAL_FILL #1 6@102 T; PARTIAL_FILL #1 10@104 T; CANCELLED #1", 0),
            Arguments.of("FOK that cannot fill completely does nothing", BUY, OrderType.LIMIT, FOK, 102, 11,
                "ACK #1; CANCELLED #1", 0),
            Arguments.of("FOK that can fill does", BUY, OrderType.LIMIT, FOK, 102, 10,
                "ACK #1; PARTIAL_FILL #1 4@101 T; FILL #1 6@102 T", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newOrders")
    void newOrderAgainstTheBook(
        final String name, final Side side, final OrderType type, final TimeInForce tif, final long price, final long quantity,
        final String expected, final int liveAfter)
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.order(10, 1, side, type, tif, price, quantity).advanceTo(10);
        assertEquals(expected, venue.take());
        assertEquals(liveAfter, venue.venue.liveOrderCount());
    }

    static Stream<Arguments> invalidOrders()
    {
        return Stream.of(
            Arguments.of("price off the price increment", VenueHarness.INSTRUMENT, 101L, 4L, RejectReason.PRICE_NOT_ON_TICK),
            Arguments.of("negative price", VenueHarness.INSTRUMENT, -100L, 4L, RejectReason.PRICE_NOT_ON_TICK),
            Arguments.of("quantity off the lot", VenueHarness.INSTRUMENT, 100L, 3L, RejectReason.QUANTITY_NOT_ON_LOT),
            Arguments.of("zero quantity", VenueHarness.INSTRUMENT, 100L, 0L, RejectReason.INVALID_QUANTITY),
            Arguments.of("other instrument", 8, 100L, 4L, RejectReason.UNKNOWN_INSTRUMENT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void invalidOrdersAreRejectedWithTheirReason(
        final String name, final int instrument, final long price, final long quantity, final RejectReason reason)
    {
        final VenueHarness venue = new VenueHarness(new VenueContext().priceIncrementTicks(5).lotIncrement(2)).book(1, BIDS, ASKS);
        venue.order(10, 1, instrument, BUY, OrderType.LIMIT, GTC, price, quantity).advanceTo(10);
        assertEquals("REJECTED #1 " + reason, venue.take());
        assertEquals(0, venue.venue.liveOrderCount());
    }

    @Test
    void liquidityWeTookIsGoneUntilTheMarketUpdatesTheLevel()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, IOC, 101, 3).limit(11, 2, BUY, IOC, 101, 3).advanceTo(11);
        assertEquals("ACK #1; FILL #1 3@101 T; ACK #2; PARTIAL_FILL #2 1@101 T; CANCELLED #2", venue.take());

        // the market's own update of the level supersedes our estimate
        venue.level(20, SELL, 101, 2).limit(30, 3, BUY, IOC, 101, 3).advanceTo(30);
        assertEquals("ACK #3; PARTIAL_FILL #3 2@101 T; CANCELLED #3", venue.take());
    }

    @Test
    void duplicateClientOrderIdIsRejected()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 98, 1).limit(10, 1, SELL, GTC, 110, 1).advanceTo(10);
        assertEquals("ACK #1; REJECTED #1 DUPLICATE_CLIENT_ORDER_ID", venue.take());
    }

    @Test
    void printThroughOurPricesFillsOwnOrdersInPriceTimePriority()
    {
        // given: three of our bids where the market has none, so nothing is ahead of them
        final VenueHarness venue = new VenueHarness().book(1, new long[] {99, 10}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 100, 3).limit(11, 2, BUY, GTC, 101, 3).limit(12, 3, BUY, GTC, 100, 3).advanceTo(12);
        venue.take();

        // when: a seller prints 7 lots at 99, through all three
        venue.trade(20, AggressorSide.SELL, 99, 7);

        // then: best price first, then time; the print's quantity is shared, never exceeded
        assertEquals("FILL #2 3@101 M; FILL #1 3@100 M; PARTIAL_FILL #3 1@100 M", venue.take());
        assertEquals(2, venue.venue.leavesQuantity(3));
    }

    @Test
    void printAtOurPriceFillsOnlyWhatGetsPastTheQueueAhead()
    {
        // given: our bid at 101 alone at its price, our bid at 100 behind the market's 5
        final VenueHarness venue = new VenueHarness().book(1, new long[] {100, 5}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 101, 3).limit(11, 2, BUY, GTC, 100, 2).advanceTo(11);
        venue.take();

        // when: 6 print at 100: 3 to the better bid first; at 100 the 5 ahead trade and 1 gets past them
        venue.trade(20, AggressorSide.SELL, 100, 6);

        // then
        assertEquals("FILL #1 3@101 M; PARTIAL_FILL #2 1@100 M", venue.take());
        assertEquals(0, venue.venue.queueAhead(2));
    }

    @Test
    void printOnTheOtherSideDoesNotFillUs()
    {
        final VenueHarness venue = new VenueHarness().book(1, new long[] {99, 10}, new long[] {103, 5});
        venue.limit(10, 1, BUY, GTC, 100, 3).advanceTo(10);
        venue.take();
        venue.trade(20, AggressorSide.BUY, 99, 7);
        assertEquals("", venue.take());
    }

    @Test
    void bookMovingThroughRestingOrderFillsItAtItsPrice()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 100, 3).advanceTo(10);
        venue.take();

        // when: the market's bids at 100 leave and its asks come down to our price (a real book never crosses itself)
        venue.level(20, BUY, 100, 0);
        assertEquals("", venue.take());
        venue.level(21, SELL, 100, 8);

        assertEquals("FILL #1 3@100 M", venue.take());
        assertEquals(0, venue.venue.liveOrderCount());
    }

    @Test
    void feesAreChargedToTakersAndRebatedToMakers()
    {
        final VenueHarness venue = new VenueHarness(new VenueContext().feeModel(new BpsFeeModel(-0.5, 2.5)))
            .book(1, new long[] {99, 10}, ASKS);
        venue.limit(10, 1, BUY, IOC, 101, 4).limit(10, 2, SELL, GTC, 102, 2).advanceTo(10);
        venue.take();
        venue.limit(20, 3, BUY, GTC, 100, 2).advanceTo(20).trade(30, AggressorSide.SELL, 99, 2);

        // taker: 4 x 101 x 2.5 bps = +0.101; maker: 2 x 100 x -0.5 bps = -0.01
        assertEquals(2, venue.venue.fills());
        assertEquals(4, venue.venue.takerQuantity());
        assertEquals(2, venue.venue.makerQuantity());
        assertEquals(-0.01, venue.venue.lastFee(), 1e-12);
        assertEquals(0.091, venue.venue.totalFees(), 1e-12);
        assertTrue(venue.reports.stream().allMatch(r -> r.fee() <= 0), "the maker fill is a rebate");
    }

    @Test
    void replaceGivesTheNewIdAndKeepsPriorityOnlyWhenShrinking()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 100, 4).advanceTo(10);
        assertEquals(5, venue.venue.queueAhead(1));

        venue.replace(20, 2, 1, BUY, 100, 3).advanceTo(20);
        assertEquals("ACK #1; REPLACED #2", venue.take());
        assertEquals(5, venue.venue.queueAhead(2), "a smaller quantity keeps its place");

        venue.level(25, BUY, 100, 7).replace(30, 3, 2, BUY, 100, 6).advanceTo(30);
        assertEquals("REPLACED #3", venue.take());
        assertEquals(7, venue.venue.queueAhead(3), "a larger quantity goes to the back");

        venue.trade(40, AggressorSide.SELL, 99, 6);
        assertEquals("FILL #3 6@100 M", venue.take());
    }

    @Test
    void everyReportHasItsOwnExecIdAndEachFillsCumulativeQuantityCountsItAndEveryFillBefore()
    {
        // a strategy matches fills by (client order id, exec id) and bounds them by the cumulative quantity
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 102, 12).advanceTo(10)           // takes 4 + 6, rests 2
            .replace(20, 2, 1, BUY, 100, 14).advanceTo(20)              // keeps its 10 filled, 4 left
            .trade(30, AggressorSide.SELL, 99, 7)                       // fills through 100: the 4
            .limit(40, 3, SELL, GTC, 104, 3).advanceTo(40)
            .limit(50, 4, BUY, IOC, 101, 1).advanceTo(50)               // nothing left at 101: cancelled
            .cancel(60, 5, 3, SELL).advanceTo(60);

        final Set<Long> execIds = new HashSet<>();
        final Map<Long, Long> cumByOrder = new HashMap<>();
        long fills = 0;
        for (final VenueHarness.Report report : venue.reports)
        {
            assertTrue(execIds.add(report.execId()), "exec id " + report.execId() + " used twice: " + venue.reports);
            final boolean fill = ExecType.FILL == report.execType() || ExecType.PARTIAL_FILL == report.execType();
            if (fill)
            {
                fills++;
                final long order = 1 == report.clientOrderId() ? 2 : report.clientOrderId(); // 2 is 1 replaced
                assertEquals(cumByOrder.merge(order, report.lastQuantity(), Long::sum), report.cum(), report.toString());
            }
        }
        assertEquals(3, fills, venue.reports.toString());
    }

    @Test
    void replaceThatCrossesTakesLiquidity()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 100, 6).advanceTo(10).replace(20, 2, 1, BUY, 101, 6).advanceTo(20);
        assertEquals("ACK #1; REPLACED #2; PARTIAL_FILL #2 4@101 T", venue.take());
        assertEquals(2, venue.venue.leavesQuantity(2));
    }

    @Test
    void postOnlyReplaceThatWouldTakeIsRejectedAndTheOrderStays()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, POST_ONLY, 100, 6).advanceTo(10).replace(20, 2, 1, BUY, 101, 6).advanceTo(20);
        assertEquals("ACK #1; REJECTED #1 POST_ONLY_WOULD_TAKE", venue.take());
        assertEquals(6, venue.venue.leavesQuantity(1));
        assertEquals(1, venue.venue.rejects(RejectReason.POST_ONLY_WOULD_TAKE), "counted under its reason");
        assertEquals(0, venue.venue.rejects(RejectReason.TOO_LATE_TO_CANCEL));
    }

    @Test
    void cancelOfUnknownOrderIsRejectedTooLate()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.cancel(10, 9, 42, BUY).advanceTo(10);
        assertEquals("REJECTED #42 TOO_LATE_TO_CANCEL", venue.take());
        assertEquals(1, venue.venue.rejects(RejectReason.TOO_LATE_TO_CANCEL), "counted under its reason");
        assertEquals(0, venue.venue.rejects(RejectReason.POST_ONLY_WOULD_TAKE));
    }

    @Test
    void cancelCarriesTheOrdersId()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 100, 6).cancel(11, 2, 1, BUY).advanceTo(11);
        assertEquals("ACK #1; CANCELLED #1", venue.take());
        assertEquals(0, venue.venue.liveOrderCount());
    }
}
