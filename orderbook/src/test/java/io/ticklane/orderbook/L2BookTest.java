package io.ticklane.orderbook;

import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class L2BookTest
{
    private static final long BID = 1;
    private static final long ASK = 2;

    private final L2Book book = new L2Book(Frames.INSTRUMENT, 1024);
    private final Frames frames = new Frames(book);

    @Test
    void updatesBeforeTheFirstSnapshotAreIgnored()
    {
        frames.update(5, 4, BID, 100, 1);

        assertEquals(BookState.EMPTY, book.state());
        assertEquals(1, book.messagesIgnoredWhileStale());
        assertEquals(0, book.bids().levelCount());
    }

    @Test
    void snapshotThenUpdatesInSequenceBuildTheBook()
    {
        frames.snapshot(10, BID, 100, 5, BID, 99, 7, ASK, 101, 3, ASK, 103, 8);
        frames.update(11, 10, BID, 100, 6, ASK, 102, 2);
        frames.update(12, 11, ASK, 101, 0);

        assertEquals(BookState.LIVE, book.state());
        assertEquals(12, book.sequence());
        assertEquals(100, book.bestBidPrice());
        assertEquals(6, book.bids().bestQuantity());
        assertEquals(102, book.bestAskPrice());
        assertEquals(2, book.asks().bestQuantity());
        assertEquals(103, book.asks().priceAtLevel(1));
        assertEquals(3, book.messagesApplied());
    }

    @Test
    void gapMakesTheBookStaleUntilTheNextSnapshot()
    {
        frames.snapshot(10, BID, 100, 5, ASK, 101, 3);
        frames.update(12, 11, BID, 100, 9);

        assertEquals(BookState.STALE, book.state());
        assertEquals(StaleReason.SEQUENCE_GAP, book.staleReason());
        assertEquals(12, book.staleSequence());
        assertEquals(1, book.gapCount());
        assertEquals(5, book.bids().bestQuantity(), "the gapped update must not be applied");

        frames.update(13, 12, BID, 100, 1);
        assertEquals(1, book.messagesIgnoredWhileStale());

        frames.snapshot(20, BID, 98, 4, ASK, 99, 1);
        assertEquals(BookState.LIVE, book.state());
        assertEquals(1, book.resyncCount());
        assertEquals(98, book.bestBidPrice());
        assertEquals(0, book.bids().quantity(100), "the snapshot replaces everything");

        frames.update(21, 20, ASK, 99, 2);
        assertEquals(2, book.asks().bestQuantity());
    }

    @Test
    void crossedBookGoesStale()
    {
        frames.snapshot(1, BID, 100, 5, ASK, 101, 3);
        frames.update(2, 1, BID, 101, 1);

        assertEquals(BookState.STALE, book.state());
        assertEquals(StaleReason.CROSSED_BOOK, book.staleReason());
        assertEquals(1, book.crossedCount());
    }

    @Test
    void negativeQuantityGoesStale()
    {
        frames.snapshot(1, BID, 100, 5, ASK, 101, 3);
        frames.update(2, 1, BID, 99, -4);

        assertEquals(StaleReason.NEGATIVE_QUANTITY, book.staleReason());
    }

    @Test
    void aLevelWhoseSideTheSchemaDoesNotDefineMakesTheBookStaleInsteadOfLandingOnTheAsks()
    {
        for (final int side : new int[]{0, 3, 0xFF})
        {
            final L2Book fresh = new L2Book(Frames.INSTRUMENT, 1024);
            final Frames feed = new Frames(fresh);
            feed.snapshot(1, BID, 100, 5, ASK, 101, 3);
            feed.rawUpdate(2, 1, side, 1, 102, 7);

            assertEquals(BookState.STALE, fresh.state(), "side " + side);
            assertEquals(StaleReason.MALFORMED_MESSAGE, fresh.staleReason(), "side " + side);
            assertEquals(0, fresh.asks().quantity(102), "side " + side);
        }
    }

    @Test
    void aLevelWhoseActionTheSchemaDoesNotDefineMakesTheBookStale()
    {
        frames.snapshot(1, BID, 100, 5, ASK, 101, 3);
        frames.rawUpdate(2, 1, 1, 9, 99, 7);

        assertEquals(StaleReason.MALFORMED_MESSAGE, book.staleReason());
        assertEquals(0, book.bids().quantity(99));
    }

    @Test
    void aSnapshotLevelWithoutAKnownSideIsLeftOutAndTheBookIsStale()
    {
        frames.rawSnapshot(1, 100, 7, 101);

        assertEquals(StaleReason.MALFORMED_MESSAGE, book.staleReason());
        assertEquals(5, book.bids().quantity(100));
        assertEquals(0, book.asks().quantity(101));
    }

    @Test
    void updateForAnotherInstrumentGoesStale()
    {
        frames.snapshot(1, BID, 100, 5, ASK, 101, 3);
        frames.updateFor(Frames.INSTRUMENT + 1, 2, 1, BID, 99, 4);

        assertEquals(StaleReason.UNSUPPORTED_MESSAGE, book.staleReason());
        assertEquals(0, book.bids().quantity(99));
    }

    @Test
    void orderEventsCannotBeAppliedToAnAggregatedBook()
    {
        frames.snapshot(1, BID, 100, 5, ASK, 101, 3);
        frames.event(2, 1, L3EventType.ADD, 1, Side.BUY, 99, 4);

        assertEquals(StaleReason.UNSUPPORTED_MESSAGE, book.staleReason());
    }
}
