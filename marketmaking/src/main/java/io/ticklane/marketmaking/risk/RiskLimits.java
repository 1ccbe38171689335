package io.ticklane.marketmaking.risk;

/**
 * Every setting of a {@link RiskGate}, in one place, with defaults and a {@link #conclude()} that validates them all
 * before the gate starts: a bad limit is a configuration error found at start-up, never a surprise on the hot path.
 * Units follow the SBE schema: prices in ticks, quantities in lots, times in nanoseconds; money (notional, PnL) in
 * one unit chosen by the caller, with {@link #tickValue(long)} the money value of one tick on one lot.
 * <p>
 * Every limit is the largest value allowed: an order of exactly {@link #maxOrderQuantity(long)} passes, one lot
 * more is rejected; a loss of exactly {@link #maxDailyLoss(long)} is tolerated, one unit more trips the breaker.
 */
public final class RiskLimits
{
    /** Default maximum order size, lots. */
    public static final long MAX_ORDER_QUANTITY_DEFAULT = 10;
    /** Default maximum |position|, lots. */
    public static final long MAX_POSITION_DEFAULT = 100;
    /** Default maximum notional of one order, money units. */
    public static final long MAX_NOTIONAL_DEFAULT = 10_000_000;
    /** Default money value of one tick on one lot. */
    public static final long TICK_VALUE_DEFAULT = 1;
    /**
     * Default collar for passive orders around the reference price, basis points of it: 50 bps (0.5 %), relative so one
     * default fits every instrument (a fixed 100 ticks was 1.6 bps of BTCUSDT at a 0.1 tick and refused most of GLFT's
     * quotes). Ten times tighter than the venues' own price bands (Binance PERCENT_PRICE about 5 %, Nasdaq LULD 5 %),
     * yet wide enough for inventory skew at the position limit: it catches a model gone wrong, not a skewed quote.
     */
    public static final long PRICE_COLLAR_BPS_DEFAULT = 50;
    /** Largest relative collar, basis points: 10,000 (the whole price); also keeps the arithmetic inside a long. */
    public static final long PRICE_COLLAR_BPS_MAX = 10_000;
    /** Default collar for aggressive (taking) orders around the reference price, ticks. */
    public static final long AGGRESSIVE_COLLAR_TICKS_DEFAULT = 10;
    /** Default ticks through the touch a FLATTEN order may pay. */
    public static final long FLATTEN_COLLAR_TICKS_DEFAULT = 2;
    /** Default maximum open orders. */
    public static final int MAX_OPEN_ORDERS_DEFAULT = 20;
    /** Default maximum new and replace orders per second of event time. */
    public static final int MAX_ORDERS_PER_SECOND_DEFAULT = 50;
    /** Default maximum cancels per second of event time. */
    public static final int MAX_CANCELS_PER_SECOND_DEFAULT = 50;
    /** Default maximum daily loss, money units. */
    public static final long MAX_DAILY_LOSS_DEFAULT = 100_000;
    /** Default maximum drawdown from the PnL peak, money units. */
    public static final long MAX_DRAWDOWN_DEFAULT = 50_000;
    /** Default market-data silence after which the strategy halts, ms of event time. */
    public static final long STALE_MARKET_DATA_MS_DEFAULT = 2_000;
    /** Default venue silence after which the strategy halts: 0, not watched (replays of market data have no venue). */
    public static final long VENUE_SILENCE_MS_DEFAULT = 0;

    private long maxOrderQuantity = MAX_ORDER_QUANTITY_DEFAULT;
    private long maxPosition = MAX_POSITION_DEFAULT;
    private long maxNotional = MAX_NOTIONAL_DEFAULT;
    private long tickValue = TICK_VALUE_DEFAULT;
    private long priceCollarTicks;
    private long priceCollarBps = PRICE_COLLAR_BPS_DEFAULT;
    private boolean relativeCollar = true;
    private long aggressiveCollarTicks = AGGRESSIVE_COLLAR_TICKS_DEFAULT;
    private long flattenCollarTicks = FLATTEN_COLLAR_TICKS_DEFAULT;
    private int maxOpenOrders = MAX_OPEN_ORDERS_DEFAULT;
    private int maxOrdersPerSecond = MAX_ORDERS_PER_SECOND_DEFAULT;
    private int maxCancelsPerSecond = MAX_CANCELS_PER_SECOND_DEFAULT;
    private long maxDailyLoss = MAX_DAILY_LOSS_DEFAULT;
    private long maxDrawdown = MAX_DRAWDOWN_DEFAULT;
    private long staleMarketDataMs = STALE_MARKET_DATA_MS_DEFAULT;
    private long venueSilenceMs = VENUE_SILENCE_MS_DEFAULT;
    private boolean concluded;

    /**
     * Validates every setting. Called by the {@link RiskGate} constructor;
     * calling it again is harmless.
     *
     * @return this.
     * @throws IllegalStateException naming the first invalid setting.
     */
    public RiskLimits conclude()
    {
        positive("maxOrderQuantity", maxOrderQuantity);
        positive("maxPosition", maxPosition);
        positive("maxNotional", maxNotional);
        positive("tickValue", tickValue);
        notNegative("priceCollarTicks", priceCollarTicks);
        if (relativeCollar && (priceCollarBps <= 0 || priceCollarBps > PRICE_COLLAR_BPS_MAX))
        {
            throw new IllegalStateException("priceCollarBps must be from 1 to " + PRICE_COLLAR_BPS_MAX + ": " + priceCollarBps);
        }
        notNegative("aggressiveCollarTicks", aggressiveCollarTicks);
        notNegative("flattenCollarTicks", flattenCollarTicks);
        positive("maxOpenOrders", maxOpenOrders);
        positive("maxOrdersPerSecond", maxOrdersPerSecond);
        positive("maxCancelsPerSecond", maxCancelsPerSecond);
        positive("maxDailyLoss", maxDailyLoss);
        positive("maxDrawdown", maxDrawdown);
        positive("staleMarketDataMs", staleMarketDataMs);
        if (staleMarketDataMs > Long.MAX_VALUE / 1_000_000L)
        {
            throw new IllegalStateException("staleMarketDataMs too large: " + staleMarketDataMs);
        }
        notNegative("venueSilenceMs", venueSilenceMs);
        if (venueSilenceMs > Long.MAX_VALUE / 1_000_000L)
        {
            throw new IllegalStateException("venueSilenceMs too large: " + venueSilenceMs);
        }
        concluded = true;
        return this;
    }

    private static void positive(final String name, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalStateException(name + " must be positive: " + value);
        }
    }

    private static void notNegative(final String name, final long value)
    {
        if (value < 0)
        {
            throw new IllegalStateException(name + " must not be negative: " + value);
        }
    }

    /**
     * @return whether {@link #conclude()} has validated these settings.
     */
    public boolean isConcluded()
    {
        return concluded;
    }

    /**
     * @param lots largest quantity of one order, lots.
     * @return this.
     */
    public RiskLimits maxOrderQuantity(final long lots)
    {
        this.maxOrderQuantity = lots;
        return this;
    }

    /**
     * @return largest quantity of one order, lots.
     */
    public long maxOrderQuantity()
    {
        return maxOrderQuantity;
    }

    /**
     * @param lots largest |position| the orders may reach, lots; beyond it the strategy is reduce-only.
     * @return this.
     */
    public RiskLimits maxPosition(final long lots)
    {
        this.maxPosition = lots;
        return this;
    }

    /**
     * @return largest |position|, lots.
     */
    public long maxPosition()
    {
        return maxPosition;
    }

    /**
     * @param money largest |price| × quantity × tick value of one order.
     * @return this.
     */
    public RiskLimits maxNotional(final long money)
    {
        this.maxNotional = money;
        return this;
    }

    /**
     * @return largest notional of one order, money units.
     */
    public long maxNotional()
    {
        return maxNotional;
    }

    /**
     * @param money value of one tick on one lot, money units.
     * @return this.
     */
    public RiskLimits tickValue(final long money)
    {
        this.tickValue = money;
        return this;
    }

    /**
     * @return value of one tick on one lot, money units.
     */
    public long tickValue()
    {
        return tickValue;
    }

    /**
     * A fixed passive collar, in ticks; replaces a relative one set before (the last of the two setters called wins).
     *
     * @param ticks largest distance of a passive order's price from the reference price.
     * @return this.
     */
    public RiskLimits priceCollarTicks(final long ticks)
    {
        this.priceCollarTicks = ticks;
        this.relativeCollar = false;
        return this;
    }

    /**
     * @return largest distance of a passive order's price from the reference, ticks, when the collar is fixed
     *         ({@link #priceCollarBps()} 0); otherwise unused.
     */
    public long priceCollarTicks()
    {
        return priceCollarTicks;
    }

    /**
     * A passive collar relative to the reference price, the default: floor(|reference| × bps / 10,000) ticks, and never
     * less than one tick (so a tick coarser than the collar still lets a quote one tick off the reference through).
     * Replaces a fixed collar set before (the last of the two setters called wins).
     *
     * @param bps basis points of the reference price, 1 to {@link #PRICE_COLLAR_BPS_MAX}.
     * @return this.
     */
    public RiskLimits priceCollarBps(final long bps)
    {
        this.priceCollarBps = bps;
        this.relativeCollar = true;
        return this;
    }

    /**
     * @return the relative passive collar, basis points of the reference price, or 0 when the collar is fixed in
     *         {@link #priceCollarTicks()}.
     */
    public long priceCollarBps()
    {
        return relativeCollar ? priceCollarBps : 0;
    }

    /**
     * The passive collar at a reference price, as the gate applies it: exact long arithmetic, no overflow for any
     * reference (the bps are at most 10,000, so each product stays below |reference| or 10^8).
     *
     * @param referencePrice reference price, ticks.
     * @return largest distance of a passive order's price from that reference, ticks.
     */
    public long priceCollarTicksAt(final long referencePrice)
    {
        return relativeCollar ? collarTicks(referencePrice, priceCollarBps) : priceCollarTicks;
    }

    static long collarTicks(final long referencePrice, final long bps)
    {
        final long magnitude = Long.MIN_VALUE == referencePrice ? Long.MAX_VALUE : Math.abs(referencePrice);
        final long ticks = magnitude / 10_000 * bps + magnitude % 10_000 * bps / 10_000;
        return Math.max(1, ticks);
    }

    /**
     * @param ticks largest distance of an aggressive (taking) order's price from the reference price.
     * @return this.
     */
    public RiskLimits aggressiveCollarTicks(final long ticks)
    {
        this.aggressiveCollarTicks = ticks;
        return this;
    }

    /**
     * @return largest distance of an aggressive order's price from the reference, ticks.
     */
    public long aggressiveCollarTicks()
    {
        return aggressiveCollarTicks;
    }

    /**
     * @param ticks how far through the touch a FLATTEN order is priced.
     * @return this.
     */
    public RiskLimits flattenCollarTicks(final long ticks)
    {
        this.flattenCollarTicks = ticks;
        return this;
    }

    /**
     * @return how far through the touch a FLATTEN order is priced, ticks.
     */
    public long flattenCollarTicks()
    {
        return flattenCollarTicks;
    }

    /**
     * @param orders largest number of open orders.
     * @return this.
     */
    public RiskLimits maxOpenOrders(final int orders)
    {
        this.maxOpenOrders = orders;
        return this;
    }

    /**
     * @return largest number of open orders.
     */
    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /**
     * @param orders largest number of new and replace orders in any second of event time.
     * @return this.
     */
    public RiskLimits maxOrdersPerSecond(final int orders)
    {
        this.maxOrdersPerSecond = orders;
        return this;
    }

    /**
     * @return largest number of new and replace orders per second.
     */
    public int maxOrdersPerSecond()
    {
        return maxOrdersPerSecond;
    }

    /**
     * @param cancels largest number of cancels in any second of event time.
     * @return this.
     */
    public RiskLimits maxCancelsPerSecond(final int cancels)
    {
        this.maxCancelsPerSecond = cancels;
        return this;
    }

    /**
     * @return largest number of cancels per second.
     */
    public int maxCancelsPerSecond()
    {
        return maxCancelsPerSecond;
    }

    /**
     * @param money largest loss (realised plus unrealised) tolerated; one unit more halts the strategy.
     * @return this.
     */
    public RiskLimits maxDailyLoss(final long money)
    {
        this.maxDailyLoss = money;
        return this;
    }

    /**
     * @return largest loss tolerated, money units.
     */
    public long maxDailyLoss()
    {
        return maxDailyLoss;
    }

    /**
     * @param money largest fall of PnL below its peak tolerated; one unit more halts the strategy.
     * @return this.
     */
    public RiskLimits maxDrawdown(final long money)
    {
        this.maxDrawdown = money;
        return this;
    }

    /**
     * @return largest drawdown tolerated, money units.
     */
    public long maxDrawdown()
    {
        return maxDrawdown;
    }

    /**
     * @param ms longest silence of market data, in event time, before the strategy halts.
     * @return this.
     */
    public RiskLimits staleMarketDataMs(final long ms)
    {
        this.staleMarketDataMs = ms;
        return this;
    }

    /**
     * @return longest market-data silence tolerated, ms.
     */
    public long staleMarketDataMs()
    {
        return staleMarketDataMs;
    }

    /**
     * @param ms longest silence of the venue (no heartbeat, market data or report), in event time, before the
     *           strategy halts; 0 does not watch the venue.
     * @return this.
     */
    public RiskLimits venueSilenceMs(final long ms)
    {
        this.venueSilenceMs = ms;
        return this;
    }

    /**
     * @return longest venue silence tolerated, ms; 0 when not watched.
     */
    public long venueSilenceMs()
    {
        return venueSilenceMs;
    }
}
