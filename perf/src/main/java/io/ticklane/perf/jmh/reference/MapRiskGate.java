package io.ticklane.perf.jmh.reference;

import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.marketmaking.risk.RiskLimits;
import io.ticklane.sbe.Side;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The pre-trade check most Java code starts with: limits looked up by name in a {@code HashMap<String, Long>}, rate
 * limits as {@code ArrayDeque<Long>} windows of send times, trimmed of entries older than a second on every check. It
 * is the yardstick for {@code RiskGate}: the same checks in the same order (quantity, side, halted on stale market
 * data, reduce-only beyond the position limit, order size, position, notional, reference price, collar, open orders,
 * rate) with the same outcomes, but no operator commands, breakers or counters beyond rejections.
 */
public final class MapRiskGate
{
    private static final long ONE_SECOND_NS = 1_000_000_000L;
    private static final long NO_PRICE = Long.MIN_VALUE;

    private final Map<String, Long> limits = new HashMap<>();
    private final ArrayDeque<Long> orderTimes = new ArrayDeque<>();
    private final ArrayDeque<Long> cancelTimes = new ArrayDeque<>();
    private long position;
    private long workingBuy;
    private long workingSell;
    private long openOrders;
    private long referencePrice = NO_PRICE;
    private long lastMarketDataNs = Long.MIN_VALUE;
    private long passed;
    private long rejected;

    /**
     * @param settings the same limits a {@code RiskGate} would get (concluded here).
     */
    public MapRiskGate(final RiskLimits settings)
    {
        settings.conclude();
        limits.put("maxOrderQuantity", settings.maxOrderQuantity());
        limits.put("maxPosition", settings.maxPosition());
        limits.put("maxNotional", settings.maxNotional());
        limits.put("tickValue", settings.tickValue());
        limits.put("priceCollarTicks", settings.priceCollarTicks());
        limits.put("aggressiveCollarTicks", settings.aggressiveCollarTicks());
        limits.put("maxOpenOrders", (long)settings.maxOpenOrders());
        limits.put("maxOrdersPerSecond", (long)settings.maxOrdersPerSecond());
        limits.put("maxCancelsPerSecond", (long)settings.maxCancelsPerSecond());
        limits.put("staleMarketDataNs", settings.staleMarketDataMs() * 1_000_000L);
    }

    /**
     * @param timeNs         event time of the update.
     * @param referencePrice price the collar is centred on, ticks.
     */
    public void onMarketData(final long timeNs, final long referencePrice)
    {
        lastMarketDataNs = Math.max(lastMarketDataNs, timeNs);
        this.referencePrice = referencePrice;
    }

    /**
     * @param position signed position, lots.
     */
    public void onPosition(final long position)
    {
        this.position = position;
    }

    /**
     * @param workingBuyQuantity  lots working on the bid.
     * @param workingSellQuantity lots working on the ask.
     * @param openOrders          working orders.
     */
    public void onWorkingOrders(final long workingBuyQuantity, final long workingSellQuantity, final int openOrders)
    {
        this.workingBuy = workingBuyQuantity;
        this.workingSell = workingSellQuantity;
        this.openOrders = openOrders;
    }

    /**
     * @return {@link RiskCheck#PASSED} or the first limit broken.
     */
    public RiskCheck checkNewOrder(
        final Side side, final long price, final long quantity, final boolean aggressive, final long timeNs)
    {
        return check(side, price, quantity, 0, aggressive, true, timeNs);
    }

    /**
     * @return {@link RiskCheck#PASSED} or the first limit broken.
     */
    public RiskCheck checkReplace(
        final Side side,
        final long newPrice,
        final long newQuantity,
        final long replacedQuantity,
        final boolean aggressive,
        final long timeNs)
    {
        return check(side, newPrice, newQuantity, replacedQuantity, aggressive, false, timeNs);
    }

    /**
     * @return {@link RiskCheck#PASSED} or {@link RiskCheck#CANCEL_RATE}; only the rate can refuse a cancel, and only
     *         while not halted.
     */
    public RiskCheck checkCancel(final long timeNs)
    {
        if (!isStale(timeNs) && !withinRate(cancelTimes, "maxCancelsPerSecond", timeNs))
        {
            return reject(RiskCheck.CANCEL_RATE);
        }
        cancelTimes.addLast(timeNs);
        passed++;
        return RiskCheck.PASSED;
    }

    private RiskCheck check(
        final Side side,
        final long price,
        final long quantity,
        final long replacedQuantity,
        final boolean aggressive,
        final boolean isNew,
        final long timeNs)
    {
        if (quantity <= 0)
        {
            return reject(RiskCheck.INVALID_QUANTITY);
        }
        if (Side.BUY != side && Side.SELL != side)
        {
            return reject(RiskCheck.INVALID_SIDE);
        }
        if (isStale(timeNs))
        {
            return reject(RiskCheck.HALTED);
        }
        final boolean buy = Side.BUY == side;
        final long otherWorking = Math.max(0, (buy ? workingBuy : workingSell) - replacedQuantity);
        final boolean reducing = buy ?
            position < 0 && otherWorking + quantity <= -position :
            position > 0 && otherWorking + quantity <= position;
        if (Math.abs(position) > limits.get("maxPosition") && !reducing)
        {
            return reject(RiskCheck.REDUCE_ONLY);
        }
        if (quantity > limits.get("maxOrderQuantity"))
        {
            return reject(RiskCheck.MAX_ORDER_SIZE);
        }
        if (!reducing)
        {
            final long worstCase = buy ? position + otherWorking + quantity : position - otherWorking - quantity;
            if (Math.abs(worstCase) > limits.get("maxPosition"))
            {
                return reject(RiskCheck.MAX_POSITION);
            }
        }
        if (Math.abs(price) * quantity * limits.get("tickValue") > limits.get("maxNotional"))
        {
            return reject(RiskCheck.MAX_NOTIONAL);
        }
        if (NO_PRICE == referencePrice)
        {
            return reject(RiskCheck.NO_REFERENCE_PRICE);
        }
        if (Math.abs(price - referencePrice) > limits.get(aggressive ? "aggressiveCollarTicks" : "priceCollarTicks"))
        {
            return reject(RiskCheck.PRICE_COLLAR);
        }
        if (isNew && openOrders >= limits.get("maxOpenOrders"))
        {
            return reject(RiskCheck.MAX_OPEN_ORDERS);
        }
        if (!withinRate(orderTimes, "maxOrdersPerSecond", timeNs))
        {
            return reject(RiskCheck.ORDER_RATE);
        }
        orderTimes.addLast(timeNs);
        passed++;
        return RiskCheck.PASSED;
    }

    private boolean isStale(final long timeNs)
    {
        return Long.MIN_VALUE != lastMarketDataNs && timeNs - lastMarketDataNs > limits.get("staleMarketDataNs");
    }

    private boolean withinRate(final ArrayDeque<Long> sent, final String limit, final long timeNs)
    {
        while (!sent.isEmpty() && timeNs - sent.peekFirst() >= ONE_SECOND_NS)
        {
            sent.removeFirst();
        }
        return sent.size() < limits.get(limit);
    }

    private RiskCheck reject(final RiskCheck outcome)
    {
        rejected++;
        return outcome;
    }

    /**
     * @return orders and cancels that passed.
     */
    public long passed()
    {
        return passed;
    }

    /**
     * @return orders and cancels rejected, for any reason.
     */
    public long rejected()
    {
        return rejected;
    }
}
