package io.ticklane.gateway.sim.exchange;

/**
 * Settings of one {@link SyntheticMarket}, in the Aeron {@code Context} style: fluent setters with defaults and a
 * {@link #conclude()} that checks them all before the market is built, so a bad setting fails at start with a
 * message naming it. The defaults describe one instrument of 1 price unit per tick at a price exponent of -2 (cents),
 * 10,000 events/s around a mid of 1,000.00 that moves 1 tick per square-root second.
 */
public final class SyntheticMarketContext
{
    /** Default instrument id (the daemon's default instrument). */
    public static final long DEFAULT_INSTRUMENT_ID = 1;
    /** Default events (limit orders, cancels, market orders) per second. */
    public static final double DEFAULT_EVENTS_PER_SECOND = 10_000;
    /** Default market orders per second (a part of the events). */
    public static final double DEFAULT_MARKET_ORDERS_PER_SECOND = 500;
    /** Default volatility of the fair mid, ticks per square-root second. */
    public static final double DEFAULT_SIGMA = 1.0;
    /** Default decay k of limit order intensity with distance: intensity ∝ e^(−k·δ), δ in ticks. */
    public static final double DEFAULT_DECAY_PER_TICK = 0.5;
    /** Default farthest a limit order arrives from the fair mid (or the opposite touch), ticks. */
    public static final int DEFAULT_MAX_DISTANCE_TICKS = 20;
    /** Default largest order, lots. */
    public static final long DEFAULT_MAX_ORDER_LOTS = 10;
    /** Default resting depth (both sides) at which half of the non-market events are cancels, lots. */
    public static final long DEFAULT_TARGET_DEPTH_LOTS = 400;
    /** Default fewest levels each side keeps. */
    public static final int DEFAULT_MIN_LEVELS = 5;
    /** Default widest span of one side of the book, ticks (a power of two). */
    public static final int DEFAULT_WINDOW_TICKS = 64;
    /** Default fair mid at the start, ticks. */
    public static final long DEFAULT_INITIAL_MID_TICKS = 100_000;

    private long instrumentId = DEFAULT_INSTRUMENT_ID;
    private String symbol = "SYNTH";
    private byte priceExponent = -2;
    private long priceUnitsPerTick = 1;
    private byte quantityExponent = 0;
    private long lotSize = 1;
    private long seed = 1;
    private double eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
    private double marketOrdersPerSecond = DEFAULT_MARKET_ORDERS_PER_SECOND;
    private double sigmaTicksPerSqrtSecond = DEFAULT_SIGMA;
    private double decayPerTick = DEFAULT_DECAY_PER_TICK;
    private int maxDistanceTicks = DEFAULT_MAX_DISTANCE_TICKS;
    private long maxOrderLots = DEFAULT_MAX_ORDER_LOTS;
    private long targetDepthLots = DEFAULT_TARGET_DEPTH_LOTS;
    private int minLevels = DEFAULT_MIN_LEVELS;
    private int windowTicks = DEFAULT_WINDOW_TICKS;
    private long initialMidTicks = DEFAULT_INITIAL_MID_TICKS;
    private long startTimeNs;

    /**
     * Checks every setting.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public SyntheticMarketContext conclude()
    {
        require(instrumentId > 0 && instrumentId <= 0xFFFF_FFFFL, "instrumentId must be a uint32 > 0: " + instrumentId);
        require(null != symbol && !symbol.isEmpty() && symbol.length() <= 16 && isAscii(symbol),
            "symbol must be 1 to 16 ASCII characters: " + symbol);
        require(priceUnitsPerTick >= 1, "priceUnitsPerTick (tick size) must be >= 1: " + priceUnitsPerTick);
        require(lotSize >= 1, "lotSize must be >= 1: " + lotSize);
        require(eventsPerSecond > 0 && eventsPerSecond <= 1e9, "eventsPerSecond must be in (0, 1e9]: " + eventsPerSecond);
        require(marketOrdersPerSecond >= 0 && marketOrdersPerSecond < eventsPerSecond,
            "marketOrdersPerSecond must be >= 0 and below eventsPerSecond (" + eventsPerSecond + "): " + marketOrdersPerSecond);
        require(sigmaTicksPerSqrtSecond >= 0 && Double.isFinite(sigmaTicksPerSqrtSecond),
            "sigma must be a finite number >= 0 ticks/sqrt(s): " + sigmaTicksPerSqrtSecond);
        require(decayPerTick > 0 && Double.isFinite(decayPerTick), "decayPerTick (k) must be > 0: " + decayPerTick);
        require(Integer.bitCount(windowTicks) == 1 && windowTicks >= 8 && windowTicks <= 1024,
            "windowTicks must be a power of two in [8, 1024]: " + windowTicks);
        require(maxDistanceTicks >= 1 && maxDistanceTicks <= windowTicks / 2,
            "maxDistanceTicks must be in [1, windowTicks/2 = " + windowTicks / 2 + "]: " + maxDistanceTicks);
        require(minLevels >= 1 && minLevels <= maxDistanceTicks,
            "minLevels must be in [1, maxDistanceTicks = " + maxDistanceTicks + "]: " + minLevels);
        require(maxOrderLots >= 1, "maxOrderLots must be >= 1: " + maxOrderLots);
        require(targetDepthLots >= 1, "targetDepthLots must be >= 1: " + targetDepthLots);
        require(initialMidTicks > 2L * windowTicks, "initialMidTicks must be > 2 * windowTicks (prices stay positive): " +
            initialMidTicks);
        require(startTimeNs >= 0, "startTimeNs must be >= 0: " + startTimeNs);
        return this;
    }

    private static boolean isAscii(final String value)
    {
        for (int i = 0; i < value.length(); i++)
        {
            if (value.charAt(i) < 0x20 || value.charAt(i) > 0x7E)
            {
                return false;
            }
        }
        return true;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param id instrument of every frame (uint32).
     * @return this.
     */
    public SyntheticMarketContext instrumentId(final long id)
    {
        this.instrumentId = id;
        return this;
    }

    /**
     * @return instrument of every frame.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param symbol up to 16 ASCII characters, for the instrument definition.
     * @return this.
     */
    public SyntheticMarketContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * @return symbol of the instrument definition.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @param exponent price units are 10^exponent currency.
     * @return this.
     */
    public SyntheticMarketContext priceExponent(final byte exponent)
    {
        this.priceExponent = exponent;
        return this;
    }

    /**
     * @return price units are 10^exponent currency.
     */
    public byte priceExponent()
    {
        return priceExponent;
    }

    /**
     * @param units tick size in price units; a Trade's {@code priceUnits} is price in ticks times this.
     * @return this.
     */
    public SyntheticMarketContext priceUnitsPerTick(final long units)
    {
        this.priceUnitsPerTick = units;
        return this;
    }

    /**
     * @return tick size in price units.
     */
    public long priceUnitsPerTick()
    {
        return priceUnitsPerTick;
    }

    /**
     * @param exponent quantity units are 10^exponent.
     * @return this.
     */
    public SyntheticMarketContext quantityExponent(final byte exponent)
    {
        this.quantityExponent = exponent;
        return this;
    }

    /**
     * @return quantity units are 10^exponent.
     */
    public byte quantityExponent()
    {
        return quantityExponent;
    }

    /**
     * @param size lot size in quantity units, for the instrument definition.
     * @return this.
     */
    public SyntheticMarketContext lotSize(final long size)
    {
        this.lotSize = size;
        return this;
    }

    /**
     * @return lot size in quantity units.
     */
    public long lotSize()
    {
        return lotSize;
    }

    /**
     * @param seed of the random stream: one seed, one market, byte for byte.
     * @return this.
     */
    public SyntheticMarketContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * @return seed of the random stream.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @param rate events per second (exponential inter-arrival times); each event is a limit order, a cancel or a
     *             market order.
     * @return this.
     */
    public SyntheticMarketContext eventsPerSecond(final double rate)
    {
        this.eventsPerSecond = rate;
        return this;
    }

    /**
     * @return events per second.
     */
    public double eventsPerSecond()
    {
        return eventsPerSecond;
    }

    /**
     * @param rate market orders per second, part of {@link #eventsPerSecond()}.
     * @return this.
     */
    public SyntheticMarketContext marketOrdersPerSecond(final double rate)
    {
        this.marketOrdersPerSecond = rate;
        return this;
    }

    /**
     * @return market orders per second.
     */
    public double marketOrdersPerSecond()
    {
        return marketOrdersPerSecond;
    }

    /**
     * @param sigma volatility of the fair mid, ticks per square-root second.
     * @return this.
     */
    public SyntheticMarketContext sigmaTicksPerSqrtSecond(final double sigma)
    {
        this.sigmaTicksPerSqrtSecond = sigma;
        return this;
    }

    /**
     * @return volatility of the fair mid, ticks per square-root second.
     */
    public double sigmaTicksPerSqrtSecond()
    {
        return sigmaTicksPerSqrtSecond;
    }

    /**
     * @param k decay of limit order intensity with distance δ (ticks): intensity ∝ e^(−k·δ).
     * @return this.
     */
    public SyntheticMarketContext decayPerTick(final double k)
    {
        this.decayPerTick = k;
        return this;
    }

    /**
     * @return decay of limit order intensity per tick of distance.
     */
    public double decayPerTick()
    {
        return decayPerTick;
    }

    /**
     * @param ticks farthest distance δ of an arriving limit order.
     * @return this.
     */
    public SyntheticMarketContext maxDistanceTicks(final int ticks)
    {
        this.maxDistanceTicks = ticks;
        return this;
    }

    /**
     * @return farthest distance of an arriving limit order, ticks.
     */
    public int maxDistanceTicks()
    {
        return maxDistanceTicks;
    }

    /**
     * @param lots largest limit order, cancel or market order; sizes are uniform in [1, lots].
     * @return this.
     */
    public SyntheticMarketContext maxOrderLots(final long lots)
    {
        this.maxOrderLots = lots;
        return this;
    }

    /**
     * @return largest order, lots.
     */
    public long maxOrderLots()
    {
        return maxOrderLots;
    }

    /**
     * @param lots resting depth, both sides, at which a non-market event is as likely a cancel as a limit order.
     * @return this.
     */
    public SyntheticMarketContext targetDepthLots(final long lots)
    {
        this.targetDepthLots = lots;
        return this;
    }

    /**
     * @return resting depth the book settles around, lots.
     */
    public long targetDepthLots()
    {
        return targetDepthLots;
    }

    /**
     * @param levels fewest levels each side keeps: cancels and market orders never take a side below it.
     * @return this.
     */
    public SyntheticMarketContext minLevels(final int levels)
    {
        this.minLevels = levels;
        return this;
    }

    /**
     * @return fewest levels each side keeps.
     */
    public int minLevels()
    {
        return minLevels;
    }

    /**
     * @param ticks widest span of one side, best to deepest level (a power of two, 8 to 1024); bounds the snapshot.
     * @return this.
     */
    public SyntheticMarketContext windowTicks(final int ticks)
    {
        this.windowTicks = ticks;
        return this;
    }

    /**
     * @return widest span of one side, ticks.
     */
    public int windowTicks()
    {
        return windowTicks;
    }

    /**
     * @param ticks fair mid at the start.
     * @return this.
     */
    public SyntheticMarketContext initialMidTicks(final long ticks)
    {
        this.initialMidTicks = ticks;
        return this;
    }

    /**
     * @return fair mid at the start, ticks.
     */
    public long initialMidTicks()
    {
        return initialMidTicks;
    }

    /**
     * @param timeNs epoch ns of the flow's start: frames carry {@code exchangeTimeNs} = this + simulated time.
     * @return this.
     */
    public SyntheticMarketContext startTimeNs(final long timeNs)
    {
        this.startTimeNs = timeNs;
        return this;
    }

    /**
     * @return epoch ns of the flow's start.
     */
    public long startTimeNs()
    {
        return startTimeNs;
    }
}
