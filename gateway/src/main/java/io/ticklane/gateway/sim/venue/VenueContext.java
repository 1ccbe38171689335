package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;

/**
 * Settings of one {@link SimulatedVenue}, in the Aeron {@code Context} style: fluent setters with defaults, and
 * {@link #conclude()} validating everything before the venue is built, so a bad configuration fails at start with
 * a message naming the setting, never on the hot path.
 */
public final class VenueContext
{
    /** Default live orders the venue holds for the strategy at once. */
    public static final int DEFAULT_MAX_ORDERS = 256;
    /** Default orders in flight to the venue (sent, not yet arrived) at once; a power of two. */
    public static final int DEFAULT_MAX_PENDING = 1024;

    private long instrumentId;
    private long priceIncrementTicks = 1;
    private long lotIncrement = 1;
    private long priceUnitsPerTick = 1;
    private int maxOrders = DEFAULT_MAX_ORDERS;
    private int maxPending = DEFAULT_MAX_PENDING;
    private int ladderCapacity = OrderBook.DEFAULT_LADDER_CAPACITY;
    private int maxBookOrders = L3Book.DEFAULT_MAX_ORDERS;
    private QueueModel queueModel = RiskAverseQueue.INSTANCE;
    private Boolean orderByOrderData;
    private LatencyModel latencyModel = new ConstantLatency(0, 0, 0);
    private FeeModel feeModel = new BpsFeeModel(0, 0);

    /**
     * Checks every setting.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public VenueContext conclude()
    {
        require(priceIncrementTicks >= 1, "priceIncrementTicks must be >= 1: " + priceIncrementTicks);
        require(lotIncrement >= 1, "lotIncrement must be >= 1: " + lotIncrement);
        require(priceUnitsPerTick >= 1, "priceUnitsPerTick must be >= 1: " + priceUnitsPerTick);
        require(maxOrders >= 1, "maxOrders must be >= 1: " + maxOrders);
        require(maxPending >= 2 && Integer.bitCount(maxPending) == 1, "maxPending must be a power of two >= 2: " + maxPending);
        require(null != queueModel, "queueModel must be set");
        require(queueModel != FifoQueue.INSTANCE || !Boolean.FALSE.equals(orderByOrderData),
            "queueModel fifo-l3 needs order-by-order market data; this data is price levels");
        require(maxBookOrders >= 1, "maxBookOrders must be >= 1: " + maxBookOrders);
        require(null != latencyModel, "latencyModel must be set");
        require(null != feeModel, "feeModel must be set");
        return this;
    }

    /**
     * Chooses a queue model by name, as a config file spells it: {@code risk-averse}, {@code prob-power:N} (e.g.
     * {@code prob-power:2}), {@code prob-log}, or {@code fifo-l3} for order-by-order data.
     *
     * @param name model name.
     * @return this.
     */
    public VenueContext queueModel(final String name)
    {
        if ("risk-averse".equals(name))
        {
            return queueModel(RiskAverseQueue.INSTANCE);
        }
        if ("fifo-l3".equals(name))
        {
            return queueModel(FifoQueue.INSTANCE);
        }
        if ("prob-log".equals(name))
        {
            return queueModel(ProbabilisticQueue.log());
        }
        if (null != name && name.startsWith("prob-power:"))
        {
            final String exponent = name.substring("prob-power:".length());
            try
            {
                return queueModel(ProbabilisticQueue.power(Double.parseDouble(exponent)));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("queue model prob-power needs a number, got: " + exponent, ex);
            }
        }
        throw new IllegalArgumentException("unknown queue model '" + name + "': risk-averse, prob-power:N, prob-log or fifo-l3");
    }

    /**
     * Chooses a latency model by name, as a config file spells it: {@code constant:FEED,ENTRY,RESPONSE} (ns, e.g.
     * {@code constant:500000,1000000,1000000}) or {@code feed-derived:ENTRY_MULTIPLE,RESPONSE_MULTIPLE,MINIMUM_NS}
     * (e.g. {@code feed-derived:2,2,100000}).
     *
     * @param spec model and parameters.
     * @return this.
     */
    public VenueContext latencyModel(final String spec)
    {
        final int colon = null == spec ? -1 : spec.indexOf(':');
        final String[] parts = colon < 0 ? new String[0] : spec.substring(colon + 1).split(",");
        try
        {
            if (3 == parts.length && spec.startsWith("constant:"))
            {
                return latencyModel(new ConstantLatency(
                    Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()), Long.parseLong(parts[2].trim())));
            }
            if (3 == parts.length && spec.startsWith("feed-derived:"))
            {
                return latencyModel(new FeedDerivedLatency(
                    Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()), Long.parseLong(parts[2].trim())));
            }
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("latency model '" + spec + "' has a parameter that is not a number", ex);
        }
        throw new IllegalArgumentException(
            "unknown latency model '" + spec + "': constant:FEED,ENTRY,RESPONSE or feed-derived:ENTRY_X,RESPONSE_X,MIN_NS");
    }

    /**
     * Says what the market data is, so the venue's book understands it: order-by-order events fed to a price-level
     * book would leave it STALE for the rest of the run. Unset, it follows the queue model ({@link FifoQueue} means
     * order by order).
     *
     * @param orderByOrderData true for L3 (order-by-order) data, false for price levels.
     * @return this.
     */
    public VenueContext orderByOrderData(final boolean orderByOrderData)
    {
        this.orderByOrderData = orderByOrderData;
        return this;
    }

    /**
     * @return true when the market data is order by order: the venue keeps an L3 book, whatever the queue model
     *         (only {@link FifoQueue} uses its exact queue positions).
     */
    public boolean orderByOrder()
    {
        return null == orderByOrderData ? queueModel == FifoQueue.INSTANCE : orderByOrderData;
    }

    /**
     * @param maxBookOrders market orders the venue's L3 book holds at once (order-by-order data only).
     * @return this.
     */
    public VenueContext maxBookOrders(final int maxBookOrders)
    {
        this.maxBookOrders = maxBookOrders;
        return this;
    }

    /**
     * @return market orders the venue's L3 book holds at once.
     */
    public int maxBookOrders()
    {
        return maxBookOrders;
    }

    /**
     * @param instrumentId the one instrument the venue trades.
     * @return this.
     */
    public VenueContext instrumentId(final long instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /**
     * @return the one instrument the venue trades.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param ticks order prices must be multiples of this many ticks (1 = every tick).
     * @return this.
     */
    public VenueContext priceIncrementTicks(final long ticks)
    {
        this.priceIncrementTicks = ticks;
        return this;
    }

    /**
     * @return order prices must be multiples of this many ticks.
     */
    public long priceIncrementTicks()
    {
        return priceIncrementTicks;
    }

    /**
     * @param lots order quantities must be multiples of this many lots.
     * @return this.
     */
    public VenueContext lotIncrement(final long lots)
    {
        this.lotIncrement = lots;
        return this;
    }

    /**
     * @return order quantities must be multiples of this many lots.
     */
    public long lotIncrement()
    {
        return lotIncrement;
    }

    /**
     * @param units price units in one tick (the instrument's tickSize), to compare {@code Trade.priceUnits} with ticks.
     * @return this.
     */
    public VenueContext priceUnitsPerTick(final long units)
    {
        this.priceUnitsPerTick = units;
        return this;
    }

    /**
     * @return price units in one tick.
     */
    public long priceUnitsPerTick()
    {
        return priceUnitsPerTick;
    }

    /**
     * @param maxOrders live orders held at once; more are rejected.
     * @return this.
     */
    public VenueContext maxOrders(final int maxOrders)
    {
        this.maxOrders = maxOrders;
        return this;
    }

    /**
     * @return live orders held at once.
     */
    public int maxOrders()
    {
        return maxOrders;
    }

    /**
     * @param maxPending order requests in flight at once, a power of two.
     * @return this.
     */
    public VenueContext maxPending(final int maxPending)
    {
        this.maxPending = maxPending;
        return this;
    }

    /**
     * @return order requests in flight at once.
     */
    public int maxPending()
    {
        return maxPending;
    }

    /**
     * @param capacity ticks each side of the venue's book spans (power of two).
     * @return this.
     */
    public VenueContext ladderCapacity(final int capacity)
    {
        this.ladderCapacity = capacity;
        return this;
    }

    /**
     * @return ticks each side of the venue's book spans.
     */
    public int ladderCapacity()
    {
        return ladderCapacity;
    }

    /**
     * @param model queue model for resting orders.
     * @return this.
     */
    public VenueContext queueModel(final QueueModel model)
    {
        this.queueModel = model;
        return this;
    }

    /**
     * @return queue model for resting orders.
     */
    public QueueModel queueModel()
    {
        return queueModel;
    }

    /**
     * @param model latency model.
     * @return this.
     */
    public VenueContext latencyModel(final LatencyModel model)
    {
        this.latencyModel = model;
        return this;
    }

    /**
     * @return latency model.
     */
    public LatencyModel latencyModel()
    {
        return latencyModel;
    }

    /**
     * @param model fee model.
     * @return this.
     */
    public VenueContext feeModel(final FeeModel model)
    {
        this.feeModel = model;
        return this;
    }

    /**
     * @return fee model.
     */
    public FeeModel feeModel()
    {
        return feeModel;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
