package io.ticklane.gateway.sim.venue;

/**
 * Where a resting order of ours stands in its price level's queue when the data shows only level quantities (L2):
 * the one number {@code ahead}, the market quantity in front of us. The venue keeps that number per order and asks
 * the model how it moves; the model holds no per-order state, so one instance serves every order.
 * <p>
 * Contract: {@link #aheadOnArrival} when the order starts resting; {@link #afterTrade} for each print at the
 * order's price (a result below zero is the part of the print that reached us, a fill); {@link #afterLevelChange}
 * when the level's displayed quantity changes, with the quantity traded at the price since the previous change so
 * the model can tell executions from cancels. Every result must be {@code <= currentQuantity} of the level.
 */
public interface QueueModel
{
    /**
     * @param levelQuantity displayed quantity at the order's price when it starts resting.
     * @return quantity ahead of the order.
     */
    default long aheadOnArrival(final long levelQuantity)
    {
        return levelQuantity;
    }

    /**
     * A print at the order's price, on the side that fills it.
     *
     * @param ahead         quantity ahead before the print.
     * @param tradeQuantity quantity printed.
     * @return quantity ahead after it; negative means that much of the print went past the queue to us.
     */
    default long afterTrade(final long ahead, final long tradeQuantity)
    {
        return ahead - tradeQuantity;
    }

    /**
     * The displayed quantity at the order's price changed.
     *
     * @param ahead            quantity ahead before the change.
     * @param previousQuantity displayed quantity before.
     * @param currentQuantity  displayed quantity now.
     * @param tradedSinceLast  quantity printed at the price since the previous change (already taken off ahead).
     * @return quantity ahead now, between 0 and {@code currentQuantity}.
     */
    long afterLevelChange(long ahead, long previousQuantity, long currentQuantity, long tradedSinceLast);

    /**
     * @return short name for reports (the name it is chosen by in {@link VenueContext#queueModel(String)}).
     */
    String name();
}
