package io.ticklane.gateway.feed.kraken;

import java.net.URI;

/**
 * Settings of one live Kraken v1 book handler, validated by {@link #conclude()}: the book's own settings
 * ({@link KrakenBookContext}) plus the connection's (where, how long to wait, when to give up). The address defaults
 * to Kraken's public v1 endpoint and can point anywhere, {@code feed serve --lines} on loopback in tests.
 */
public final class KrakenFeedContext
{
    /** Kraken's public WebSocket API v1 endpoint. */
    public static final String KRAKEN_WS = "wss://ws.kraken.com";
    /** Default silence timeout: Kraken sends a heartbeat about every second when a subscription has no data. */
    public static final long SILENCE_TIMEOUT_MS_DEFAULT = 10_000;

    private static final int MIN_INBOX_CAPACITY = 1 << 22;
    private static final int EVENT_OVERHEAD = 64;

    private KrakenBookContext book = new KrakenBookContext();
    private String wsUrl = KRAKEN_WS;
    private long reconnectMinMs = 100;
    private long reconnectMaxMs = 10_000;
    private long connectTimeoutMs = 5_000;
    private long silenceTimeoutMs = SILENCE_TIMEOUT_MS_DEFAULT;
    private boolean stopOnNormalClose;
    private int giveUpAfterFailedConnects;
    private int inboxCapacity;
    private URI uri;

    /**
     * Checks every setting, the book's included.
     *
     * @return this.
     * @throws IllegalArgumentException naming the setting that is wrong.
     */
    public KrakenFeedContext conclude()
    {
        book.conclude();
        if (null == wsUrl)
        {
            throw new IllegalArgumentException("ws-url not given");
        }
        try
        {
            uri = URI.create(wsUrl);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("ws-url is not a URL: " + wsUrl, ex);
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || null == uri.getHost())
        {
            throw new IllegalArgumentException("ws-url must be ws://host[:port][/path] or wss://...: " + wsUrl);
        }
        if (reconnectMinMs <= 0 || reconnectMaxMs < reconnectMinMs)
        {
            throw new IllegalArgumentException("reconnect backoff must be 0 < min <= max: " + reconnectMinMs + ", " + reconnectMaxMs);
        }
        if (connectTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeoutMs);
        }
        if (silenceTimeoutMs < 100)
        {
            throw new IllegalArgumentException("silence-timeout-ms must be at least 100: " + silenceTimeoutMs);
        }
        if (giveUpAfterFailedConnects < 0)
        {
            throw new IllegalArgumentException("giveUpAfterFailedConnects must not be negative: " + giveUpAfterFailedConnects);
        }
        // The inbox's largest event is an eighth of its ring: size the ring for the longest message accepted.
        int capacity = MIN_INBOX_CAPACITY;
        while (capacity / 8 - EVENT_OVERHEAD < book.maxMessageBytes())
        {
            capacity <<= 1;
        }
        inboxCapacity = capacity;
        return this;
    }

    /**
     * @param book the book's settings (pair, depth, decimals, instrument, message bound).
     * @return this.
     */
    public KrakenFeedContext book(final KrakenBookContext book)
    {
        this.book = book;
        return this;
    }

    /**
     * @return the book's settings.
     */
    public KrakenBookContext book()
    {
        return book;
    }

    /**
     * @param wsUrl WebSocket address such as {@code ws://127.0.0.1:8090/}; default {@link #KRAKEN_WS}.
     * @return this.
     */
    public KrakenFeedContext wsUrl(final String wsUrl)
    {
        this.wsUrl = wsUrl;
        return this;
    }

    /**
     * @return the WebSocket address (after {@link #conclude()}).
     */
    public URI uri()
    {
        return uri;
    }

    /**
     * @param minMs first wait before reconnecting; doubled after each attempt that brought no message.
     * @param maxMs longest wait.
     * @return this.
     */
    public KrakenFeedContext reconnectBackoffMs(final long minMs, final long maxMs)
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
     * @param timeoutMs longest wait for the opening handshake.
     * @return this.
     */
    public KrakenFeedContext connectTimeoutMs(final long timeoutMs)
    {
        this.connectTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * @return longest wait for the opening handshake.
     */
    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /**
     * @param timeoutMs longest silence (no message, no ping) on an open connection before it is taken as dead: dropped,
     *     the book marked STALE, and reconnected. Kraken heartbeats about every second while a subscription is quiet,
     *     so the default {@value #SILENCE_TIMEOUT_MS_DEFAULT} ms is ten missed heartbeats.
     * @return this.
     */
    public KrakenFeedContext silenceTimeoutMs(final long timeoutMs)
    {
        this.silenceTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * @return longest silence on an open connection before it is dropped and reconnected.
     */
    public long silenceTimeoutMs()
    {
        return silenceTimeoutMs;
    }

    /**
     * @param stop true to end the handler when the server closes the stream normally (status 1000), as
     *     {@code feed serve} does at the end of its file; false (live) reconnects.
     * @return this.
     */
    public KrakenFeedContext stopOnNormalClose(final boolean stop)
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
     * @param attempts end the handler after this many connection attempts in a row that never opened; 0 (default,
     *     live) keeps trying with backoff for ever.
     * @return this.
     */
    public KrakenFeedContext giveUpAfterFailedConnects(final int attempts)
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
     * @return bytes of the inbox ring between the network threads and the handler's thread (after {@link #conclude()}).
     */
    public int inboxCapacity()
    {
        return inboxCapacity;
    }
}
