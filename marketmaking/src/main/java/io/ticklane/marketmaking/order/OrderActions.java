package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;

/**
 * The next stage after the {@link QuoteManager}: the risk gate, then the order encoder. Each method returns false
 * when the stage refuses the request (a risk limit, a full outbound ring); the manager then records nothing and
 * tries again on a later target. Implementations must not allocate.
 */
public interface OrderActions
{
    /**
     * @param clientOrderId id of the new order.
     * @param side          BUY or SELL.
     * @param price         limit price, ticks.
     * @param quantity      lots.
     * @param timeInForce   POST_ONLY (or as configured) for quotes, IOC for take orders.
     * @param timeNs        event time.
     * @return true if accepted for sending.
     */
    boolean sendNew(long clientOrderId, Side side, long price, long quantity, TimeInForce timeInForce, long timeNs);

    /**
     * @param requestId     id of this cancel request.
     * @param clientOrderId id of the order to cancel.
     * @param side          its side.
     * @param timeNs        event time.
     * @return true if accepted for sending.
     */
    boolean sendCancel(long requestId, long clientOrderId, Side side, long timeNs);

    /**
     * @param newClientOrderId id the order carries after the replace.
     * @param origClientOrderId id of the order to replace.
     * @param side              its side.
     * @param price             new limit price, ticks.
     * @param quantity          new quantity, lots.
     * @param timeNs            event time.
     * @return true if accepted for sending.
     */
    boolean sendReplace(long newClientOrderId, long origClientOrderId, Side side, long price, long quantity, long timeNs);
}
