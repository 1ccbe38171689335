package io.ticklane.orderbook;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static io.ticklane.sbe.L3EventType.ADD;
import static io.ticklane.sbe.L3EventType.CANCEL;
import static io.ticklane.sbe.L3EventType.DELETE;
import static io.ticklane.sbe.L3EventType.EXECUTE;
import static io.ticklane.sbe.L3EventType.MODIFY;
import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class L3BookTest
{
    private final L3Book book = new L3Book(Frames.INSTRUMENT, 1024, 16);
    private final Frames frames = new Frames(book);
    private long sequence;

    private void apply(final L3EventType type, final long orderId, final Side side, final long price, final long qty)
    {
        frames.event(sequence + 1, sequence, type, orderId, side, price, qty);
        sequence++;
    }

    private void emptySnapshot()
    {
        frames.snapshot(0);
    }

    @Test
    void ordersQueueInArrivalOrderAndQueuePositionIsTheSizeAhead()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(ADD, 2, BUY, 100, 3);
        apply(ADD, 3, BUY, 100, 4);

        assertEquals(0, book.quantityAhead(1));
        assertEquals(5, book.quantityAhead(2));
        assertEquals(8, book.quantityAhead(3));
        assertEquals(100, book.orderPrice(3));
        assertEquals(PriceLadder.NULL_PRICE, book.orderPrice(99));
        assertEquals(12, book.bids().bestQuantity());
        assertEquals(3, book.bids().orderCount(100));

        apply(EXECUTE, 1, BUY, 100, 2);
        assertEquals(3, book.quantityAhead(2));

        apply(DELETE, 2, BUY, 100, 3);
        assertEquals(3, book.quantityAhead(3));
        assertEquals(7, book.bids().bestQuantity());
        assertEquals(2, book.orderCount());
        assertEquals(-1, book.quantityAhead(2));
    }

    @Test
    void partialCancelReducesAndFullExecutionRemoves()
    {
        emptySnapshot();
        apply(ADD, 1, SELL, 101, 10);
        apply(CANCEL, 1, SELL, 101, 4);
        assertEquals(6, book.orderQuantity(1));
        assertEquals(6, book.asks().bestQuantity());

        apply(EXECUTE, 1, SELL, 101, 6);
        assertEquals(-1, book.orderQuantity(1));
        assertEquals(PriceLadder.NULL_PRICE, book.bestAskPrice());
        assertEquals(BookState.LIVE, book.state());
        assertEquals(0, book.orderCount());
    }

    @Test
    void modifyDownKeepsPriorityButModifyUpGoesToTheBack()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(ADD, 2, BUY, 100, 3);

        apply(MODIFY, 1, BUY, 100, 4);
        assertEquals(0, book.quantityAhead(1));
        assertEquals(4, book.quantityAhead(2));

        apply(MODIFY, 1, BUY, 100, 6);
        assertEquals(0, book.quantityAhead(2));
        assertEquals(3, book.quantityAhead(1));
        assertEquals(9, book.bids().bestQuantity());

        apply(MODIFY, 2, BUY, 99, 3);
        assertEquals(6, book.bids().bestQuantity());
        assertEquals(3, book.bids().quantity(99));
    }

    @Test
    void snapshotSizeIsAnonymousAndConsumedByUnknownOrders()
    {
        frames.snapshot(0, 1, 100, 50, 2, 101, 20);
        apply(ADD, 9, BUY, 100, 5);
        assertEquals(50, book.quantityAhead(9), "size from the snapshot rests ahead of new orders");

        apply(CANCEL, 1234, BUY, 100, 30);
        assertEquals(25, book.bids().bestQuantity());
        assertEquals(20, book.quantityAhead(9));
        assertEquals(BookState.LIVE, book.state());

        apply(EXECUTE, 5678, BUY, 100, 21);
        assertEquals(BookState.STALE, book.state());
        assertEquals(StaleReason.UNKNOWN_ORDER_ID, book.staleReason());
        assertEquals(sequence, book.staleSequence());
    }

    @Test
    void unknownOrderWithoutAnonymousSizeGoesStale()
    {
        emptySnapshot();
        apply(DELETE, 42, SELL, 101, 1);

        assertEquals(StaleReason.UNKNOWN_ORDER_ID, book.staleReason());
    }

    @Test
    void anAddWhoseSideTheSchemaDoesNotDefineGoesStaleInsteadOfJoiningTheAsks()
    {
        emptySnapshot();
        frames.rawSideEvent(1, 0, 1, 3, 101);

        assertEquals(StaleReason.MALFORMED_MESSAGE, book.staleReason());
        assertEquals(0, book.asks().quantity(101));
    }

    @Test
    void duplicateAddGoesStale()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(ADD, 1, BUY, 99, 5);

        assertEquals(StaleReason.DUPLICATE_ORDER_ID, book.staleReason());
    }

    @Test
    void deleteOfADifferentSizeThanRemainsGoesStale()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(DELETE, 1, BUY, 100, 4);

        assertEquals(StaleReason.ORDER_MISMATCH, book.staleReason());
    }

    @Test
    void executingMoreThanTheOrderHoldsGoesStale()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(EXECUTE, 1, BUY, 100, 6);

        assertEquals(StaleReason.NEGATIVE_QUANTITY, book.staleReason());
    }

    @Test
    void eventAtAnotherPriceThanTheOrderGoesStale()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        apply(CANCEL, 1, BUY, 101, 1);

        assertEquals(StaleReason.ORDER_MISMATCH, book.staleReason());
    }

    @Test
    void crossingAddGoesStale()
    {
        emptySnapshot();
        apply(ADD, 1, SELL, 101, 5);
        apply(ADD, 2, BUY, 101, 5);

        assertEquals(StaleReason.CROSSED_BOOK, book.staleReason());
    }

    @Test
    void sequenceGapGoesStaleAndSnapshotRecovers()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 5);
        frames.event(5, 3, ADD, 2, BUY, 99, 1);

        assertEquals(StaleReason.SEQUENCE_GAP, book.staleReason());
        assertEquals(-1, book.orderQuantity(2));

        frames.snapshot(10, 1, 98, 7);
        assertEquals(BookState.LIVE, book.state());
        assertEquals(0, book.orderCount(), "a snapshot forgets every order");
        assertEquals(98, book.bestBidPrice());
        assertEquals(1, book.resyncCount());
    }

    @Test
    void orderCapacityExhaustedGoesStaleInsteadOfAllocating()
    {
        emptySnapshot();
        for (int i = 1; i <= 16; i++)
        {
            apply(ADD, i, BUY, 100 - i, 1);
        }
        assertEquals(BookState.LIVE, book.state());

        apply(ADD, 17, BUY, 50, 1);
        assertEquals(StaleReason.ORDER_CAPACITY_EXCEEDED, book.staleReason());
    }

    @Test
    void retainLevelsForgetsOrdersBeyondTheDepthAndFreesTheirRecords()
    {
        emptySnapshot();
        apply(ADD, 1, SELL, 101, 1);
        apply(ADD, 2, SELL, 102, 1);
        apply(ADD, 3, SELL, 102, 1);
        apply(ADD, 4, SELL, 103, 1);

        assertEquals(2, book.retainLevels(1));
        assertEquals(1, book.orderCount());
        assertEquals(-1, book.orderQuantity(3));
        assertEquals(1, book.asks().levelCount());

        apply(ADD, 3, SELL, 104, 2);
        assertEquals(BookState.LIVE, book.state(), "a forgotten id can be used again");
    }

    @Test
    void learnedLevelIsAnonymousSize()
    {
        emptySnapshot();
        book.addAnonymous(SELL, 105, 30);
        apply(ADD, 1, SELL, 105, 5);

        assertEquals(30, book.quantityAhead(1));
        assertEquals(35, book.asks().bestQuantity());
        assertEquals(30, book.asks().anonymousQuantity(105));
    }

    @Test
    void aNewLevelStatementIsAnonymousSizeThatUnknownOrdersConsumeAndCount()
    {
        frames.snapshot(0, 1, 100, 10, 2, 101, 10);
        apply(ADD, 1, SELL, 102, 5);
        // the feed states a level that entered its window with no message: same sequence, chained on the book's
        frames.level(sequence, sequence, L2Action.NEW, SELL, 103, 30);
        assertEquals(BookState.LIVE, book.state());
        assertEquals(30, book.asks().anonymousQuantity(103));
        assertEquals(3, book.asks().levelCount());

        apply(CANCEL, 77, SELL, 103, 10);
        apply(EXECUTE, 78, SELL, 103, 5);
        assertEquals(BookState.LIVE, book.state());
        assertEquals(15, book.asks().quantity(103));
        assertEquals(2, book.unknownOrderEventsAbsorbed());
        assertEquals(15, book.unknownOrderQuantityAbsorbed());
        assertEquals(1, book.levelsStated());

        apply(DELETE, 79, SELL, 103, 16);
        assertEquals(StaleReason.UNKNOWN_ORDER_ID, book.staleReason(), "16 is more than the 15 anonymous left");
    }

    @Test
    void aDeletedLevelForgetsItsOrdersSoNoPhantomLiquidityStays()
    {
        emptySnapshot();
        apply(ADD, 1, SELL, 101, 4);
        apply(ADD, 2, SELL, 102, 6);
        apply(ADD, 3, SELL, 102, 7);
        frames.level(sequence, sequence, L2Action.DELETE, SELL, 102, 0);

        assertEquals(BookState.LIVE, book.state());
        assertEquals(1, book.asks().levelCount());
        assertEquals(1, book.orderCount());
        assertEquals(2, book.ordersForgotten());
        assertEquals(1, book.levelsDeleted());
        assertEquals(-1, book.orderQuantity(3));

        apply(EXECUTE, 2, SELL, 102, 6);
        assertEquals(StaleReason.UNKNOWN_ORDER_ID, book.staleReason(), "a forgotten order has no size left to take");
    }

    @Test
    void aChangeStatementKeepsTheNamedOrdersAndSetsTheAnonymousRest()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 4);
        frames.level(sequence, sequence, L2Action.CHANGE, BUY, 100, 10);

        assertEquals(BookState.LIVE, book.state());
        assertEquals(10, book.bids().quantity(100));
        assertEquals(6, book.bids().anonymousQuantity(100));
        assertEquals(6, book.quantityAhead(1));
        assertEquals(4, book.orderQuantity(1));
    }

    @Test
    void statementsThatDisagreeWithTheBookGoStale()
    {
        assertStatementStale(L2Action.NEW, 100, 5, "NEW for a level the book holds");
        assertStatementStale(L2Action.DELETE, 99, 0, "DELETE for a level the book does not hold");
        assertStatementStale(L2Action.CHANGE, 99, 5, "CHANGE for a level the book does not hold");
        assertStatementStale(L2Action.CHANGE, 100, 3, "CHANGE below the named order's 4");
    }

    @Test
    void aStatementOffTheSequenceIsAGap()
    {
        emptySnapshot();
        apply(ADD, 1, BUY, 100, 4);
        frames.level(sequence + 1, sequence - 1, L2Action.NEW, BUY, 99, 5);
        assertEquals(StaleReason.SEQUENCE_GAP, book.staleReason());
    }

    private static void assertStatementStale(final L2Action action, final long price, final long quantity, final String why)
    {
        final L3Book fresh = new L3Book(Frames.INSTRUMENT, 1024, 16);
        final Frames feed = new Frames(fresh);
        feed.snapshot(0);
        feed.event(1, 0, ADD, 1, BUY, 100, 4);
        feed.level(1, 1, action, BUY, price, quantity);
        assertEquals(StaleReason.LEVEL_MISMATCH, fresh.staleReason(), why);
        assertEquals(0, fresh.levelsStated(), why);
    }
}
