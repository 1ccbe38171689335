package io.ticklane.orderbook;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.Side;

/**
 * Aggregated (price-level) book for venues that publish L2 data, such as Binance depth streams: a snapshot, then
 * absolute level quantities per update. Applies each update in O(1) per level near the touch and allocates nothing
 * after construction.
 */
public final class L2Book extends OrderBook
{
    /**
     * @param instrumentId   instrument whose messages this book applies.
     * @param ladderCapacity ticks each side's window spans (power of two).
     */
    public L2Book(final long instrumentId, final int ladderCapacity)
    {
        super(instrumentId, ladderCapacity);
    }

    /**
     * @param instrumentId instrument whose messages this book applies.
     */
    public L2Book(final long instrumentId)
    {
        this(instrumentId, DEFAULT_LADDER_CAPACITY);
    }

    public void onSnapshot(final L2SnapshotDecoder snapshot)
    {
        final long messageSequence = snapshot.sequence();
        if (snapshot.instrumentId() != instrumentId())
        {
            markStale(StaleReason.UNSUPPORTED_MESSAGE, messageSequence);
            return;
        }

        bids.clear();
        asks.clear();
        boolean negative = false;
        boolean malformed = false;
        for (final L2SnapshotDecoder.LevelsDecoder level : snapshot.levels())
        {
            final long quantity = level.quantity();
            final Side side = level.side();
            if (!isSide(side))
            {
                malformed = true;
                continue;
            }
            if (quantity < 0)
            {
                negative = true;
                continue;
            }
            side(side).set(level.price(), quantity);
        }

        onSnapshotApplied(messageSequence, snapshot.exchangeTimeNs());
        if (malformed)
        {
            markStale(StaleReason.MALFORMED_MESSAGE, messageSequence);
        }
        else if (negative)
        {
            markStale(StaleReason.NEGATIVE_QUANTITY, messageSequence);
        }
    }

    public void onUpdate(final L2UpdateDecoder update)
    {
        final long messageSequence = update.sequence();
        if (!acceptUpdate(update.instrumentId(), messageSequence, update.prevSequence()))
        {
            return;
        }

        for (final L2UpdateDecoder.LevelsDecoder level : update.levels())
        {
            final long quantity = level.quantity();
            final L2Action action = level.action();
            final Side side = level.side();
            if (!isSide(side) || !isAction(action))
            {
                markStale(StaleReason.MALFORMED_MESSAGE, messageSequence);
                return;
            }
            if (L2Action.DELETE == action)
            {
                side(side).set(level.price(), 0);
            }
            else if (quantity < 0)
            {
                markStale(StaleReason.NEGATIVE_QUANTITY, messageSequence);
                return;
            }
            else
            {
                side(side).set(level.price(), quantity);
            }
        }

        onUpdateApplied(messageSequence, update.exchangeTimeNs());
    }

    /**
     * A side or action the schema does not define ({@code SBE_UNKNOWN}, from a newer writer) or the null value is
     * malformed input: the book goes STALE rather than guess which ladder it meant.
     */
    private static boolean isSide(final Side side)
    {
        return Side.BUY == side || Side.SELL == side;
    }

    private static boolean isAction(final L2Action action)
    {
        return L2Action.NEW == action || L2Action.CHANGE == action || L2Action.DELETE == action;
    }

    /**
     * Sets one level directly, for callers that hold no SBE message (tests, benchmarks, simulators).
     *
     * @param side     BUY for bids, SELL for asks.
     * @param price    in ticks.
     * @param quantity absolute quantity; 0 removes the level.
     * @return false if the level was refused (beyond the ladder window).
     */
    public boolean setLevel(final Side side, final long price, final long quantity)
    {
        return side(side).set(price, quantity);
    }

    /**
     * An L2 book cannot follow orders: an L3 event makes it STALE with {@link StaleReason#UNSUPPORTED_MESSAGE}.
     *
     * @param event wrapped event message.
     */
    public void onOrderEvent(final L3OrderEventDecoder event)
    {
        ignoreUnsupported(event.sequence());
    }
}
