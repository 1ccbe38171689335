package io.ticklane.orderbook;

import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.Side;

/**
 * What every book shares: two {@link PriceLadder} sides, the sequence it is as of, and its health
 * ({@link BookState} with a {@link StaleReason}). Subclasses apply the messages of their feed type; the queries a
 * strategy needs (best prices, levels, depth) work the same on both.
 * <p>
 * Single-threaded: owned by the thread that applies messages. Nothing here throws on bad data: it goes STALE.
 */
public abstract class OrderBook
{
    /** Default ticks each ladder window spans. */
    public static final int DEFAULT_LADDER_CAPACITY = 1 << 16;

    protected final PriceLadder bids;
    protected final PriceLadder asks;
    private final long instrumentId;

    private BookState state = BookState.EMPTY;
    private StaleReason staleReason = StaleReason.NONE;
    private long staleSequence;
    private long sequence;
    private long exchangeTimeNs;
    private long messagesApplied;
    private long messagesIgnoredWhileStale;
    private long staleCount;
    private long gapCount;
    private long crossedCount;
    private long snapshotCount;
    private long resyncCount;

    protected OrderBook(final long instrumentId, final int ladderCapacity)
    {
        this.instrumentId = instrumentId;
        this.bids = new PriceLadder(true, ladderCapacity);
        this.asks = new PriceLadder(false, ladderCapacity);
    }

    /**
     * Applies a full aggregated snapshot: the book is rebuilt from it and becomes LIVE (a recovery when STALE).
     *
     * @param snapshot wrapped snapshot message.
     */
    public abstract void onSnapshot(L2SnapshotDecoder snapshot);

    /**
     * Applies an aggregated incremental update.
     *
     * @param update wrapped update message.
     */
    public abstract void onUpdate(L2UpdateDecoder update);

    /**
     * Applies an order-by-order event.
     *
     * @param event wrapped event message.
     */
    public abstract void onOrderEvent(L3OrderEventDecoder event);

    /**
     * @return instrument the book is for.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return bid side.
     */
    public PriceLadder bids()
    {
        return bids;
    }

    /**
     * @return ask side.
     */
    public PriceLadder asks()
    {
        return asks;
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @return that side.
     */
    public PriceLadder side(final Side side)
    {
        return Side.BUY == side ? bids : asks;
    }

    /**
     * @return best bid price, or {@link PriceLadder#NULL_PRICE}.
     */
    public long bestBidPrice()
    {
        return bids.bestPrice();
    }

    /**
     * @return best ask price, or {@link PriceLadder#NULL_PRICE}.
     */
    public long bestAskPrice()
    {
        return asks.bestPrice();
    }

    /**
     * @return health of the book.
     */
    public BookState state()
    {
        return state;
    }

    /**
     * @return why the book is (or last was) stale; {@link StaleReason#NONE} if it never was.
     */
    public StaleReason staleReason()
    {
        return staleReason;
    }

    /**
     * @return sequence of the message that made the book stale.
     */
    public long staleSequence()
    {
        return staleSequence;
    }

    /**
     * @return sequence of the last message applied.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return exchange time of the last message applied, epoch ns.
     */
    public long exchangeTimeNs()
    {
        return exchangeTimeNs;
    }

    /**
     * @return messages applied (snapshots included).
     */
    public long messagesApplied()
    {
        return messagesApplied;
    }

    /**
     * @return updates ignored because the book was EMPTY or STALE.
     */
    public long messagesIgnoredWhileStale()
    {
        return messagesIgnoredWhileStale;
    }

    /**
     * @return times the book went STALE, for any reason.
     */
    public long staleCount()
    {
        return staleCount;
    }

    /**
     * @return sequence gaps detected.
     */
    public long gapCount()
    {
        return gapCount;
    }

    /**
     * @return crossed (or locked) books detected after an update.
     */
    public long crossedCount()
    {
        return crossedCount;
    }

    /**
     * @return snapshots applied.
     */
    public long snapshotCount()
    {
        return snapshotCount;
    }

    /**
     * @return snapshots that recovered a STALE book.
     */
    public long resyncCount()
    {
        return resyncCount;
    }

    /**
     * @return levels dropped or refused on either side because they were beyond the ladder window.
     */
    public long outOfRangeLevels()
    {
        return bids.droppedLevels() + bids.refusedLevels() + asks.droppedLevels() + asks.refusedLevels();
    }

    /**
     * Marks the book STALE. Idempotent while stale: the first reason is kept.
     *
     * @param reason        why.
     * @param atSequence    sequence of the offending message.
     */
    public final void markStale(final StaleReason reason, final long atSequence)
    {
        if (BookState.STALE == state)
        {
            return;
        }

        state = BookState.STALE;
        staleReason = reason;
        staleSequence = atSequence;
        staleCount++;
        if (StaleReason.SEQUENCE_GAP == reason)
        {
            gapCount++;
        }
        else if (StaleReason.CROSSED_BOOK == reason)
        {
            crossedCount++;
        }
    }

    protected final void onSnapshotApplied(final long snapshotSequence, final long timeNs)
    {
        if (BookState.STALE == state)
        {
            resyncCount++;
        }
        state = BookState.LIVE;
        sequence = snapshotSequence;
        exchangeTimeNs = timeNs;
        snapshotCount++;
        messagesApplied++;
        checkCrossed(snapshotSequence);
    }

    /**
     * Checks that an update may be applied: the book is LIVE, the instrument matches and the update follows on.
     *
     * @return true to apply.
     */
    protected final boolean acceptUpdate(final long messageInstrumentId, final long messageSequence, final long prevSequence)
    {
        if (BookState.LIVE != state)
        {
            messagesIgnoredWhileStale++;
            return false;
        }
        if (messageInstrumentId != instrumentId)
        {
            markStale(StaleReason.UNSUPPORTED_MESSAGE, messageSequence);
            return false;
        }
        if (prevSequence != sequence)
        {
            markStale(StaleReason.SEQUENCE_GAP, messageSequence);
            return false;
        }
        return true;
    }

    protected final void onUpdateApplied(final long messageSequence, final long timeNs)
    {
        sequence = messageSequence;
        exchangeTimeNs = timeNs;
        messagesApplied++;
        checkCrossed(messageSequence);
    }

    protected final void ignoreUnsupported(final long messageSequence)
    {
        markStale(StaleReason.UNSUPPORTED_MESSAGE, messageSequence);
    }

    private void checkCrossed(final long atSequence)
    {
        final long bid = bids.bestPrice();
        final long ask = asks.bestPrice();
        if (PriceLadder.NULL_PRICE != bid && PriceLadder.NULL_PRICE != ask && bid >= ask)
        {
            markStale(StaleReason.CROSSED_BOOK, atSequence);
        }
    }
}
