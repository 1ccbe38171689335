package io.ticklane.gateway.feed.binance;

import io.ticklane.journal.reader.binance.BinanceMarket;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;

/**
 * Settings of one Binance feed handler, validated by {@link #conclude()}. Endpoints default to Binance's public
 * ones and can point anywhere ({@code feed serve} on loopback in tests); the stream names follow the market: depth
 * diffs every 100 ms on spot, every update ({@code @depth@0ms}, carrying {@code pu}) on USD-M futures, plus
 * bookTicker and trade on both, exactly the streams the shared captures hold.
 */
public final class BinanceFeedContext
{
    /** Binance's public spot WebSocket base. */
    public static final String SPOT_WS = "wss://stream.binance.com:9443";
    /** Binance's public USD-M futures WebSocket base. */
    public static final String USDM_WS = "wss://fstream.binance.com";
    /** Binance's public spot REST base. */
    public static final String SPOT_REST = "https://api.binance.com";
    /** Binance's public USD-M futures REST base. */
    public static final String USDM_REST = "https://fapi.binance.com";

    private BinanceMarket market;
    private String symbol;
    private String wsUrl;
    private String restUrl;
    private int instrumentId = 1;
    private BigDecimal tickSize;
    private BigDecimal lotSize;
    private int depthLimit = 1000;
    private int maxMessageBytes = 1 << 20;
    private int maxSnapshotBytes = 1 << 21;
    private int inboxCapacity = 1 << 25;
    private long reconnectMinMs = 100;
    private long reconnectMaxMs = 10_000;
    private long snapshotRetryMs = 500;
    private long connectTimeoutMs = 5_000;
    private long restTimeoutMs = 10_000;
    private long silenceTimeoutMs = 30_000;
    private boolean stopOnNormalClose;
    private int giveUpAfterFailedConnects;

    /**
     * @param market spot or USD-M futures.
     * @return this.
     */
    public BinanceFeedContext market(final BinanceMarket market)
    {
        this.market = market;
        return this;
    }

    /**
     * @return spot or USD-M futures.
     */
    public BinanceMarket market()
    {
        return market;
    }

    /**
     * @param symbol such as {@code BTCUSDT}.
     * @return this.
     */
    public BinanceFeedContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * @return the symbol, upper case.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * @param wsUrl WebSocket base such as {@code ws://127.0.0.1:8090}; null for Binance's.
     * @return this.
     */
    public BinanceFeedContext wsUrl(final String wsUrl)
    {
        this.wsUrl = wsUrl;
        return this;
    }

    /**
     * @param restUrl REST base such as {@code http://127.0.0.1:8090}; null for Binance's.
     * @return this.
     */
    public BinanceFeedContext restUrl(final String restUrl)
    {
        this.restUrl = restUrl;
        return this;
    }

    /**
     * @param instrumentId id put in every published message; default 1.
     * @return this.
     */
    public BinanceFeedContext instrumentId(final int instrumentId)
    {
        this.instrumentId = instrumentId;
        return this;
    }

    /**
     * @return id put in every published message.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param tickSize price step; null infers it from a first REST snapshot, as the capture reader does.
     * @return this.
     */
    public BinanceFeedContext tickSize(final BigDecimal tickSize)
    {
        this.tickSize = tickSize;
        return this;
    }

    /**
     * @return price step, or null to infer.
     */
    public BigDecimal tickSize()
    {
        return tickSize;
    }

    /**
     * @param lotSize quantity step; null infers it from a first REST snapshot.
     * @return this.
     */
    public BinanceFeedContext lotSize(final BigDecimal lotSize)
    {
        this.lotSize = lotSize;
        return this;
    }

    /**
     * @return quantity step, or null to infer.
     */
    public BigDecimal lotSize()
    {
        return lotSize;
    }

    /**
     * @param depthLimit levels per side asked of the REST snapshot (Binance allows up to 1000); default 1000.
     * @return this.
     */
    public BinanceFeedContext depthLimit(final int depthLimit)
    {
        this.depthLimit = depthLimit;
        return this;
    }

    /**
     * @param maxMessageBytes longest WebSocket message accepted; longer ones are discarded and counted.
     * @return this.
     */
    public BinanceFeedContext maxMessageBytes(final int maxMessageBytes)
    {
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    /**
     * @return longest WebSocket message accepted.
     */
    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /**
     * @return largest REST snapshot body accepted.
     */
    public int maxSnapshotBytes()
    {
        return maxSnapshotBytes;
    }

    /**
     * @return bytes of the inbox ring between the network threads and the feed's thread.
     */
    public int inboxCapacity()
    {
        return inboxCapacity;
    }

    /**
     * @param minMs first wait before reconnecting; doubled after each failed attempt.
     * @param maxMs longest wait.
     * @return this.
     */
    public BinanceFeedContext reconnectBackoffMs(final long minMs, final long maxMs)
    {
        this.reconnectMinMs = minMs;
        this.reconnectMaxMs = maxMs;
        return this;
    }

    /**
     * @return first wait before reconnecting.
     */
    public long reconnectMinMs()
    {
        return reconnectMinMs;
    }

    /**
     * @return longest wait before reconnecting.
     */
    public long reconnectMaxMs()
    {
        return reconnectMaxMs;
    }

    /**
     * @return wait before asking again for a snapshot that failed or did not bridge the buffered updates.
     */
    public long snapshotRetryMs()
    {
        return snapshotRetryMs;
    }

    /**
     * @return longest wait for the WebSocket opening handshake.
     */
    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /**
     * @return longest wait for a REST snapshot.
     */
    public long restTimeoutMs()
    {
        return restTimeoutMs;
    }

    /**
     * @param timeoutMs longest silence (no message, no ping) on an open stream before it is taken as dead: dropped,
     *                  the book marked stale, and reconnected. Binance pings every 20 s on spot and every 3 min on
     *                  USD-M, and a liquid symbol's depth stream never pauses that long; raise it for a quiet symbol.
     *                  Default 30 s.
     * @return this.
     */
    public BinanceFeedContext silenceTimeoutMs(final long timeoutMs)
    {
        this.silenceTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * @return longest silence on an open stream before it is dropped and reconnected.
     */
    public long silenceTimeoutMs()
    {
        return silenceTimeoutMs;
    }

    /**
     * @param stop true to end the handler when the venue closes the stream normally (status 1000), as
     *             {@code feed serve} does at the end of its capture; false (live) reconnects.
     * @return this.
     */
    public BinanceFeedContext stopOnNormalClose(final boolean stop)
    {
        this.stopOnNormalClose = stop;
        return this;
    }

    /**
     * @return true when a normal close ends the handler.
     */
    public boolean stopOnNormalClose()
    {
        return stopOnNormalClose;
    }

    /**
     * @param attempts end the handler after this many connection attempts in a row that never opened (a verification
     *                 against a stand-in that is gone); 0 (default, live) keeps trying with backoff forever.
     * @return this.
     */
    public BinanceFeedContext giveUpAfterFailedConnects(final int attempts)
    {
        this.giveUpAfterFailedConnects = attempts;
        return this;
    }

    /**
     * @return failed connection attempts in a row that end the handler, 0 for never.
     */
    public int giveUpAfterFailedConnects()
    {
        return giveUpAfterFailedConnects;
    }

    /**
     * @return the combined-stream address: depth diffs, bookTicker and trade of the symbol.
     */
    public URI streamUri()
    {
        final String base = null != wsUrl ? wsUrl : market == BinanceMarket.SPOT ? SPOT_WS : USDM_WS;
        final String lower = symbol.toLowerCase(Locale.ROOT);
        final String depth = market == BinanceMarket.SPOT ? "@depth@100ms" : "@depth@0ms";
        return URI.create(trimSlash(base) + "/stream?streams=" + lower + depth + "/" + lower + "@bookTicker/" + lower + "@trade");
    }

    /**
     * @return the REST depth snapshot address ({@code /api/v3/depth} on spot, {@code /fapi/v1/depth} on futures).
     */
    public URI snapshotUri()
    {
        final String base = null != restUrl ? restUrl : market == BinanceMarket.SPOT ? SPOT_REST : USDM_REST;
        final String path = market == BinanceMarket.SPOT ? "/api/v3/depth" : "/fapi/v1/depth";
        return URI.create(trimSlash(base) + path + "?symbol=" + symbol + "&limit=" + depthLimit);
    }

    /**
     * Check the settings.
     *
     * @return this.
     * @throws IllegalArgumentException naming the setting that is wrong.
     */
    public BinanceFeedContext conclude()
    {
        if (null == market)
        {
            throw new IllegalArgumentException("market (spot or usdm) not given");
        }
        if (null == symbol || !symbol.matches("[A-Za-z0-9]{1,16}"))
        {
            throw new IllegalArgumentException("symbol must be 1 to 16 letters or digits: " + symbol);
        }
        symbol = symbol.toUpperCase(Locale.ROOT);
        if (instrumentId <= 0)
        {
            throw new IllegalArgumentException("instrumentId must be positive: " + instrumentId);
        }
        if (depthLimit < 5 || depthLimit > 5000)
        {
            throw new IllegalArgumentException("depthLimit must be 5..5000: " + depthLimit);
        }
        if (maxMessageBytes < 1024 || maxMessageBytes > inboxCapacity / 8 - 64)
        {
            throw new IllegalArgumentException("maxMessageBytes must be 1024.." + (inboxCapacity / 8 - 64) + ": " + maxMessageBytes);
        }
        if (maxSnapshotBytes > inboxCapacity / 8 - 64)
        {
            throw new IllegalArgumentException("maxSnapshotBytes must be at most " + (inboxCapacity / 8 - 64) + ": " + maxSnapshotBytes);
        }
        if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs)
        {
            throw new IllegalArgumentException("reconnect backoff must be 0 < min <= max: " + reconnectMinMs + ", " + reconnectMaxMs);
        }
        if (silenceTimeoutMs < 100)
        {
            throw new IllegalArgumentException("silenceTimeoutMs must be at least 100: " + silenceTimeoutMs);
        }
        if (giveUpAfterFailedConnects < 0)
        {
            throw new IllegalArgumentException("giveUpAfterFailedConnects must not be negative: " + giveUpAfterFailedConnects);
        }
        checkUrl(wsUrl, "ws-url", "ws", "wss");
        checkUrl(restUrl, "rest-url", "http", "https");
        return this;
    }

    private static void checkUrl(final String url, final String name, final String plain, final String secure)
    {
        if (null == url)
        {
            return;
        }
        final URI uri;
        try
        {
            uri = URI.create(url);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(name + " is not a URL: " + url, ex);
        }
        if (!plain.equals(uri.getScheme()) && !secure.equals(uri.getScheme()) || null == uri.getHost())
        {
            throw new IllegalArgumentException(name + " must be " + plain + "://host[:port] or " + secure + "://...: " + url);
        }
    }

    private static String trimSlash(final String base)
    {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
