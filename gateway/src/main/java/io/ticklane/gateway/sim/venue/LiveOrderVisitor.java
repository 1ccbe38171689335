package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.Side;

/**
 * Sees one live order of a {@link SimulatedVenue} at a time, as {@link SimulatedVenue#forEachLiveOrder} walks them:
 * what a live exchange needs to answer an order status request or to cancel everything, without the venue handing
 * out its internal slots or allocating a view per order. A visitor reads; it must not send requests to the venue
 * from inside the walk.
 */
@FunctionalInterface
public interface LiveOrderVisitor
{
    /**
     * @param clientOrderId  the order's current client id (after any replace).
     * @param venueOrderId   the venue's id of the order.
     * @param side           BUY or SELL.
     * @param price          limit price, ticks.
     * @param orderQuantity  quantity ordered (after any replace), lots.
     * @param leavesQuantity quantity still open, lots.
     * @param cumQuantity    quantity filled, lots.
     */
    void onLiveOrder(
        long clientOrderId, long venueOrderId, Side side, long price, long orderQuantity, long leavesQuantity,
        long cumQuantity);
}
