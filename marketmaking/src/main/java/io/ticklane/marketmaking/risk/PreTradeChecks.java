package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;

/**
 * The checks an outbound order or cancel passes, in the order {@link RiskGate} describes; the first failure is the
 * answer and is counted. An order that passes is recorded in its rate window, so ask only for what will be sent.
 */
final class PreTradeChecks
{
    private static final long ONE_SECOND_NS = 1_000_000_000L;

    private final long maxOrderQuantity;
    private final long maxPosition;
    private final long maxNotional;
    private final long tickValue;
    private final long priceCollarTicks;
    private final long priceCollarBps;
    /** The reference the relative collar was last computed at, and that collar: recomputed only when it moves. */
    private long collarReference = PriceLadder.NULL_PRICE;
    private long collarAtReference;
    private final long aggressiveCollarTicks;
    private final int maxOpenOrders;
    private final SlidingWindowRateLimit orderRate;
    private final SlidingWindowRateLimit cancelRate;
    private final RiskInputs inputs;
    private final ModeControl mode;
    private final RiskCounters counters;

    PreTradeChecks(final RiskLimits limits, final RiskInputs inputs, final ModeControl mode, final RiskCounters counters)
    {
        maxOrderQuantity = limits.maxOrderQuantity();
        maxPosition = limits.maxPosition();
        maxNotional = limits.maxNotional();
        tickValue = limits.tickValue();
        priceCollarTicks = limits.priceCollarTicks();
        priceCollarBps = limits.priceCollarBps();
        aggressiveCollarTicks = limits.aggressiveCollarTicks();
        maxOpenOrders = limits.maxOpenOrders();
        orderRate = new SlidingWindowRateLimit(limits.maxOrdersPerSecond(), ONE_SECOND_NS);
        cancelRate = new SlidingWindowRateLimit(limits.maxCancelsPerSecond(), ONE_SECOND_NS);
        this.inputs = inputs;
        this.mode = mode;
        this.counters = counters;
    }

    RiskCheck checkCancel(final long timeNs)
    {
        mode.evaluate(timeNs);
        if (StrategyMode.ACTIVE == mode.mode && !cancelRate.allows(timeNs))
        {
            return counters.reject(RiskCheck.CANCEL_RATE);
        }
        cancelRate.record(timeNs);
        counters.passedCancels++;
        return RiskCheck.PASSED;
    }

    RiskCheck check(
        final Side side,
        final long price,
        final long quantity,
        final long replacedQuantity,
        final boolean aggressive,
        final boolean isNew,
        final long timeNs)
    {
        mode.evaluate(timeNs);
        if (quantity <= 0)
        {
            return counters.reject(RiskCheck.INVALID_QUANTITY);
        }
        if (Side.BUY != side && Side.SELL != side)
        {
            return counters.reject(RiskCheck.INVALID_SIDE);
        }
        if (StrategyMode.HALTED == mode.mode)
        {
            return counters.reject(RiskCheck.HALTED);
        }

        final long position = inputs.position;
        final boolean buy = Side.BUY == side;
        // never below 0: a replaced quantity larger than the working one (stale order state) must not make room
        final long otherWorking = Math.max(0, (buy ? inputs.workingBuy : inputs.workingSell) - replacedQuantity);
        final boolean reducing = buy ?
            position < 0 && otherWorking + quantity <= -position :
            position > 0 && otherWorking + quantity <= position;
        if (StrategyMode.REDUCE_ONLY == mode.mode && !reducing)
        {
            return counters.reject(RiskCheck.REDUCE_ONLY);
        }
        if (quantity > maxOrderQuantity)
        {
            return counters.reject(RiskCheck.MAX_ORDER_SIZE);
        }
        if (!reducing)
        {
            final long worstCase = buy ? position + otherWorking + quantity : position - otherWorking - quantity;
            if (Math.abs(worstCase) > maxPosition)
            {
                return counters.reject(RiskCheck.MAX_POSITION);
            }
        }
        if (notional(price, quantity) > maxNotional)
        {
            return counters.reject(RiskCheck.MAX_NOTIONAL);
        }
        if (PriceLadder.NULL_PRICE == inputs.referencePrice)
        {
            return counters.reject(RiskCheck.NO_REFERENCE_PRICE);
        }
        if (Math.abs(price - inputs.referencePrice) > (aggressive ? aggressiveCollarTicks : passiveCollarTicks()))
        {
            return counters.reject(RiskCheck.PRICE_COLLAR);
        }
        if (isNew && inputs.openOrders >= maxOpenOrders)
        {
            return counters.reject(RiskCheck.MAX_OPEN_ORDERS);
        }
        if (!orderRate.allows(timeNs))
        {
            return counters.reject(RiskCheck.ORDER_RATE);
        }
        orderRate.record(timeNs);
        counters.passedOrders++;
        return RiskCheck.PASSED;
    }

    /**
     * The passive collar at the current reference: fixed ticks, or the relative collar, whose two divisions run only
     * when the reference has moved since the last order checked (quotes are checked far more often than the mid moves).
     */
    private long passiveCollarTicks()
    {
        if (0 == priceCollarBps)
        {
            return priceCollarTicks;
        }
        final long reference = inputs.referencePrice;
        if (reference != collarReference)
        {
            collarReference = reference;
            collarAtReference = RiskLimits.collarTicks(reference, priceCollarBps);
        }
        return collarAtReference;
    }

    private long notional(final long price, final long quantity)
    {
        final long absPrice = Long.MIN_VALUE == price ? Long.MAX_VALUE : Math.abs(price);
        return saturatingMultiply(saturatingMultiply(absPrice, quantity), tickValue);
    }

    private static long saturatingMultiply(final long a, final long b)
    {
        final long product = a * b;
        return 0 != Math.multiplyHigh(a, b) || product < 0 ? Long.MAX_VALUE : product;
    }
}
