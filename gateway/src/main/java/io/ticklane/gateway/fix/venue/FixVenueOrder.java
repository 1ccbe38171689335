package io.ticklane.gateway.fix.venue;

import io.ticklane.sbe.Side;
import quickfix.SessionID;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;

/**
 * An order a FIX session entered at the venue, as the bridge last heard of it from the matching engine: what the
 * bridge needs to answer the session in FIX terms (its side, type and time in force as sent, its status, leaves and
 * cumulative quantity). Mutable, owned by the bridge's thread.
 */
final class FixVenueOrder
{
    final SessionID session;
    final char fixSide;
    final Side side;
    final char fixOrdType;
    final char fixTif;
    final boolean postOnly;
    long id;
    long venueOrderId;
    long ticks;
    long lots;
    long leaves;
    long cum;
    long notionalTicksLots;
    char status = OrdStatus.PENDING_NEW;

    FixVenueOrder(
        final SessionID session,
        final long id,
        final char fixSide,
        final Side side,
        final char fixOrdType,
        final char fixTif,
        final boolean postOnly,
        final long ticks,
        final long lots)
    {
        this.session = session;
        this.id = id;
        this.fixSide = fixSide;
        this.side = side;
        this.fixOrdType = fixOrdType;
        this.fixTif = fixTif;
        this.postOnly = postOnly;
        this.ticks = ticks;
        this.lots = lots;
        this.leaves = lots;
    }

    void update(final long price, final long quantity, final long leavesQuantity, final long cumQuantity)
    {
        if (OrdType.LIMIT == fixOrdType)
        {
            ticks = price;
        }
        lots = quantity;
        leaves = leavesQuantity;
        cum = cumQuantity;
    }

    boolean isLive()
    {
        return OrdStatus.NEW == status || OrdStatus.PARTIALLY_FILLED == status;
    }

    /** False for IOC, FOK and market orders: what they do not fill at entry the engine cancels. */
    boolean restsAfterEntry()
    {
        return OrdType.LIMIT == fixOrdType && quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL != fixTif &&
            quickfix.field.TimeInForce.FILL_OR_KILL != fixTif;
    }
}
