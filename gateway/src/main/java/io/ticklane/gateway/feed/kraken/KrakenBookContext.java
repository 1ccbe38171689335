package io.ticklane.gateway.feed.kraken;

/**
 * Settings of one Kraken v1 book subscription, validated together by {@link #conclude()} before the handler starts,
 * so a bad pair, depth or bound is refused with a clear message instead of surfacing as odd book behaviour.
 */
public final class KrakenBookContext
{
    /** {@link #priceDecimals(int)} / {@link #lotDecimals(int)} value meaning "derive from the first snapshot". */
    public static final int DERIVE_FROM_SNAPSHOT = -1;
    /** Longest message accepted by default: a depth-1000 snapshot is about 100 KB. */
    public static final int MAX_MESSAGE_BYTES_DEFAULT = 256 * 1024;
    /** Most decimals a price or volume grid may have: a long holds 18 digits for sure. */
    public static final int MAX_DECIMALS = 18;

    private static final int MAX_SYMBOL = 16;
    private static final int[] KRAKEN_DEPTHS = { 10, 25, 100, 500, 1000 };
    private static final int EXTRA_LEVELS_PER_MESSAGE = 64;

    private String pair = "XBT/USD";
    private int depth = 10;
    private int priceDecimals = DERIVE_FROM_SNAPSHOT;
    private int lotDecimals = DERIVE_FROM_SNAPSHOT;
    private int instrumentId = 1;
    private int maxMessageBytes = MAX_MESSAGE_BYTES_DEFAULT;
    private int maxLevelsPerMessage;

    /**
     * Checks every setting and fills the defaults that depend on others.
     *
     * @return this.
     * @throws IllegalArgumentException naming the setting that is wrong.
     */
    public KrakenBookContext conclude()
    {
        if (null == pair || pair.isEmpty() || pair.length() > MAX_SYMBOL || pair.indexOf('/') <= 0 ||
            !pair.chars().allMatch((c) -> c > ' ' && c < 127 && c != '"' && c != '\\'))
        {
            throw new IllegalArgumentException("pair must look like XBT/USD (at most " + MAX_SYMBOL + " ASCII characters): " + pair);
        }
        boolean knownDepth = false;
        for (final int allowed : KRAKEN_DEPTHS)
        {
            knownDepth |= allowed == depth;
        }
        if (!knownDepth)
        {
            throw new IllegalArgumentException("depth must be one Kraken offers (10, 25, 100, 500, 1000): " + depth);
        }
        checkDecimals("price decimals", priceDecimals);
        checkDecimals("lot decimals", lotDecimals);
        if (maxLevelsPerMessage == 0)
        {
            maxLevelsPerMessage = 2 * depth + EXTRA_LEVELS_PER_MESSAGE;
        }
        if (maxLevelsPerMessage < 2 * depth)
        {
            throw new IllegalArgumentException("max levels per message must hold a snapshot (2 x depth = " + 2 * depth + "): " +
                maxLevelsPerMessage);
        }
        if (maxMessageBytes < 1024)
        {
            throw new IllegalArgumentException("max message bytes must be at least 1024: " + maxMessageBytes);
        }
        return this;
    }

    private static void checkDecimals(final String name, final int value)
    {
        if (value != DERIVE_FROM_SNAPSHOT && (value < 0 || value > MAX_DECIMALS))
        {
            throw new IllegalArgumentException(name + " must be 0.." + MAX_DECIMALS + ": " + value);
        }
    }

    /**
     * @param pair Kraken v1 pair name, as in {@code XBT/USD}.
     * @return this.
     */
    public KrakenBookContext pair(final String pair)
    {
        this.pair = pair;
        return this;
    }

    public String pair()
    {
        return pair;
    }

    /**
     * @param depth subscribed depth: 10, 25, 100, 500 or 1000.
     * @return this.
     */
    public KrakenBookContext depth(final int depth)
    {
        this.depth = depth;
        return this;
    }

    public int depth()
    {
        return depth;
    }

    /**
     * @param decimals fraction digits of a price as the venue prints them (the v1 docs show XBT/USD with 5), or
     *     {@link #DERIVE_FROM_SNAPSHOT}.
     * @return this.
     */
    public KrakenBookContext priceDecimals(final int decimals)
    {
        this.priceDecimals = decimals;
        return this;
    }

    public int priceDecimals()
    {
        return priceDecimals;
    }

    /**
     * @param decimals fraction digits of a volume (8 for most Kraken pairs), or {@link #DERIVE_FROM_SNAPSHOT}.
     * @return this.
     */
    public KrakenBookContext lotDecimals(final int decimals)
    {
        this.lotDecimals = decimals;
        return this;
    }

    public int lotDecimals()
    {
        return lotDecimals;
    }

    /**
     * @param instrumentId Ticklane instrument id stamped on every frame.
     * @return this.
     */
    public KrakenBookContext instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param bytes longest message accepted; a longer one is counted and treated as malformed.
     * @return this.
     */
    public KrakenBookContext maxMessageBytes(final int bytes)
    {
        this.maxMessageBytes = bytes;
        return this;
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /**
     * @param levels most levels one message may carry (default 2 x depth + 64).
     * @return this.
     */
    public KrakenBookContext maxLevelsPerMessage(final int levels)
    {
        this.maxLevelsPerMessage = levels;
        return this;
    }

    public int maxLevelsPerMessage()
    {
        return maxLevelsPerMessage;
    }
}
