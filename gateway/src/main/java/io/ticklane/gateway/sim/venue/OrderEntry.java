package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;

/**
 * Acts on a request when it arrives at the venue: validates a new order, cancel or replace against the instrument's
 * increments and the live orders, rejects it with a reason or accepts it, and hands an accepted order to
 * {@link TakerMatching}. The report conventions (which id each answer carries, TOO_LATE_TO_CANCEL for an order that
 * is not live) are {@link SimulatedVenue}'s.
 */
final class OrderEntry
{
    private final long instrumentId;
    private final long priceIncrement;
    private final long lotIncrement;
    private final PendingRequests pending;
    private final VenueOrders orders;
    private final TakerMatching taker;
    private final ReportEncoder reports;

    OrderEntry(
        final long instrumentId,
        final long priceIncrement,
        final long lotIncrement,
        final PendingRequests pending,
        final VenueOrders orders,
        final TakerMatching taker,
        final ReportEncoder reports)
    {
        this.instrumentId = instrumentId;
        this.priceIncrement = priceIncrement;
        this.lotIncrement = lotIncrement;
        this.pending = pending;
        this.orders = orders;
        this.taker = taker;
        this.reports = reports;
    }

    /**
     * @param at index of a request just taken from the {@link PendingRequests}.
     */
    void onArrival(final int at)
    {
        switch (pending.kind(at))
        {
            case PendingRequests.NEW:
                onNewOrder(at);
                break;
            case PendingRequests.CANCEL:
                onCancel(at);
                break;
            case PendingRequests.REPLACE:
                onReplace(at);
                break;
            default:
                break;
        }
    }

    private void onNewOrder(final int at)
    {
        final long id = pending.clientOrderId(at);
        final Side orderSide = pending.side(at);
        final OrderType type = pending.orderType(at);
        final TimeInForce tif = pending.timeInForce(at);
        final long orderPrice = pending.price(at);
        final long orderQuantity = pending.quantity(at);

        RejectReason reason = RejectReason.NONE;
        if (pending.instrumentId(at) != instrumentId)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        else if (null == orderSide || Side.NULL_VAL == orderSide || null == type || OrderType.NULL_VAL == type ||
            null == tif || TimeInForce.NULL_VAL == tif)
        {
            reason = RejectReason.OTHER;
        }
        else if (orderQuantity <= 0)
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (0 != orderQuantity % lotIncrement)
        {
            reason = RejectReason.QUANTITY_NOT_ON_LOT;
        }
        else if (OrderType.LIMIT == type && (orderPrice <= 0 || 0 != orderPrice % priceIncrement))
        {
            reason = RejectReason.PRICE_NOT_ON_TICK;
        }
        else if (OrderType.MARKET == type && TimeInForce.POST_ONLY == tif)
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        else if (orders.findLive(id) >= 0)
        {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        else if (TimeInForce.POST_ONLY == tif && taker.isMarketable(orderSide, orderPrice))
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        else if (orders.isFull())
        {
            reason = RejectReason.OTHER;
        }

        if (RejectReason.NONE != reason)
        {
            reports.reject(id, 0, orderSide, orderPrice, orderQuantity, reason);
            return;
        }

        final int slot = orders.open(id, orderSide, type, tif, OrderType.MARKET == type ? 0 : orderPrice, orderQuantity);
        reports.report(slot, ExecType.ACK, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);

        if (TimeInForce.FOK == tif && taker.available(orderSide, taker.limitOf(slot)) < orderQuantity)
        {
            taker.cancel(slot);
            return;
        }
        taker.takeThenRest(slot);
    }

    private void onCancel(final int at)
    {
        final long origId = pending.origClientOrderId(at);
        final int slot = orders.findLive(origId);
        if (slot < 0 || pending.instrumentId(at) != instrumentId)
        {
            reports.reject(origId, 0, pending.side(at), 0, 0, RejectReason.TOO_LATE_TO_CANCEL);
            return;
        }
        orders.unlink(slot);
        taker.cancel(slot);
    }

    private void onReplace(final int at)
    {
        final long origId = pending.origClientOrderId(at);
        final long newId = pending.clientOrderId(at);
        final long newPrice = pending.price(at);
        final long newQuantity = pending.quantity(at);
        final int slot = orders.findLive(origId);
        if (slot < 0 || pending.instrumentId(at) != instrumentId)
        {
            reports.reject(origId, 0, pending.side(at), newPrice, newQuantity, RejectReason.TOO_LATE_TO_CANCEL);
            return;
        }

        final long[] price = orders.price;
        final long[] quantity = orders.quantity;
        final long[] cum = orders.cum;
        RejectReason reason = RejectReason.NONE;
        final int other = orders.findLive(newId);
        if (newQuantity <= cum[slot])
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (0 != newQuantity % lotIncrement)
        {
            reason = RejectReason.QUANTITY_NOT_ON_LOT;
        }
        else if (newPrice <= 0 || 0 != newPrice % priceIncrement)
        {
            reason = RejectReason.PRICE_NOT_ON_TICK;
        }
        else if (other >= 0 && other != slot)
        {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        else if (TimeInForce.POST_ONLY == orders.timeInForce[slot] && taker.isMarketable(orders.side[slot], newPrice))
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (RejectReason.NONE != reason)
        {
            reports.reject(origId, orders.venueOrderId[slot], orders.side[slot], newPrice, newQuantity, reason);
            return;
        }

        // Priority is kept only when the price stays and the quantity does not grow.
        final boolean keepsPriority = newPrice == price[slot] && newQuantity <= quantity[slot];
        orders.clientOrderId[slot] = newId;
        orders.leaves[slot] = newQuantity - cum[slot];
        quantity[slot] = newQuantity;
        if (keepsPriority)
        {
            reports.report(slot, ExecType.REPLACED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
            return;
        }
        orders.unlink(slot);
        price[slot] = newPrice;
        reports.report(slot, ExecType.REPLACED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
        taker.takeThenRest(slot);
    }
}
