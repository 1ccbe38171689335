package io.ticklane.gateway.sim.venue;

/**
 * Exact FIFO queue position for order-by-order (L3) data. Choosing it makes the venue keep an {@code L3Book} and
 * follow every order event instead of asking this model: our order joins behind everything at its price when it
 * starts resting (ahead = level quantity, the anonymous snapshot size included), and from then on ahead is always
 * the total of a prefix of the level's FIFO. An event on market order X at our price, with {@code pos} the size
 * ahead of X before the event, touches us only when {@code pos < ahead} (X is in that prefix): a CANCEL, DELETE or
 * EXECUTE of q takes q off ahead; a MODIFY that keeps X's priority takes off the decrease, one that sends X to the
 * back (or away) takes off all of X. An EXECUTE of an order behind us ({@code pos >= ahead}), or at a worse price
 * on our side, went through us: we fill up to its quantity. ADDs join behind us. Events for orders the book never
 * saw consume anonymous size at the front, so they count as ahead.
 * <p>
 * The L2 methods are never called in that mode; they behave as {@link RiskAverseQueue} for completeness.
 */
public final class FifoQueue implements QueueModel
{
    /** The one instance; the venue recognises it. */
    public static final FifoQueue INSTANCE = new FifoQueue();

    private FifoQueue()
    {
    }

    public long afterLevelChange(
        final long ahead, final long previousQuantity, final long currentQuantity, final long tradedSinceLast)
    {
        return RiskAverseQueue.INSTANCE.afterLevelChange(ahead, previousQuantity, currentQuantity, tradedSinceLast);
    }

    public String name()
    {
        return "fifo-l3";
    }
}
