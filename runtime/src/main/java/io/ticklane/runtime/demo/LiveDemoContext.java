package io.ticklane.runtime.demo;

import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.runtime.daemon.IdleStrategies;

import java.nio.file.Path;

/**
 * Settings of one {@link LiveDemo}, in the Aeron {@code Context} style: where its runs go, its market (the synthetic
 * one's rate and seed, or a Binance feed handler's endpoints), the quoter, the idle strategy of every agent and the
 * order path (Aeron or FIX), with the demo's defaults and a {@link #conclude()} that checks them before anything
 * starts.
 */
public final class LiveDemoContext
{
    /** Default quoter: GLFT with parameters that quote around the synthetic market's default flow. */
    public static final String DEFAULT_QUOTER = "glft(gamma=0.1,sigma=1,a=50,k=0.5,order_size=1)";
    /**
     * Default quoter on a Binance market: the GLFT of {@code examples/binance-usdm-glft} (10 lots a side, sigma, A and
     * k from the factors once warmed up), for BTCUSDT's 0.1 tick and 0.001 lot.
     */
    public static final String DEFAULT_BINANCE_QUOTER = "glft(gamma=0.05,order_size=10,sigma_fallback=1,a_fallback=1,k_fallback=1)";
    /** Default synthetic market events per second. */
    public static final double DEFAULT_EVENTS_PER_SECOND = 2000;

    private Path runsDirectory = Path.of("demo-runs");
    private double eventsPerSecond = DEFAULT_EVENTS_PER_SECOND;
    private long seed = 1;
    private String quoter;
    private BinanceFeedContext binanceFeed;
    private String idle = "backoff";
    private boolean fix;

    /**
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public LiveDemoContext conclude()
    {
        if (null == runsDirectory)
        {
            throw new IllegalArgumentException("runs directory must be set");
        }
        if (!(eventsPerSecond > 0))
        {
            throw new IllegalArgumentException("events per second must be > 0: " + eventsPerSecond);
        }
        if (null == quoter)
        {
            quoter = null == binanceFeed ? DEFAULT_QUOTER : DEFAULT_BINANCE_QUOTER;
        }
        if (quoter.isBlank())
        {
            throw new IllegalArgumentException("quoter must be set");
        }
        if (null != binanceFeed)
        {
            binanceFeed.conclude();
            if (fix)
            {
                throw new IllegalArgumentException("orders over FIX are for the synthetic market only");
            }
        }
        IdleStrategies.create(idle);
        return this;
    }

    /**
     * @param directory where each demo's session directory (runs, journal, histogram) is created.
     * @return this.
     */
    public LiveDemoContext runsDirectory(final Path directory)
    {
        this.runsDirectory = directory;
        return this;
    }

    /**
     * @return where each demo's session directory is created.
     */
    public Path runsDirectory()
    {
        return runsDirectory;
    }

    /**
     * @param eventsPerSecond synthetic market events per second.
     * @return this.
     */
    public LiveDemoContext eventsPerSecond(final double eventsPerSecond)
    {
        this.eventsPerSecond = eventsPerSecond;
        return this;
    }

    /**
     * @return synthetic market events per second.
     */
    public double eventsPerSecond()
    {
        return eventsPerSecond;
    }

    /**
     * @param seed synthetic market seed.
     * @return this.
     */
    public LiveDemoContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /**
     * @return synthetic market seed.
     */
    public long seed()
    {
        return seed;
    }

    /**
     * @param feed a Binance feed handler's settings (endpoints, market, symbol) to take the market from instead of the
     *             synthetic one: the handler runs in the demo on its own thread, publishing to the demo's market-data
     *             stream, and the simulated exchange matches against those same frames; null (default) for the
     *             synthetic market.
     * @return this.
     */
    public LiveDemoContext binanceFeed(final BinanceFeedContext feed)
    {
        this.binanceFeed = feed;
        return this;
    }

    /**
     * @return the Binance feed handler's settings, or null for the synthetic market.
     */
    public BinanceFeedContext binanceFeed()
    {
        return binanceFeed;
    }

    /**
     * @param quoter quoter specification, e.g. glft(gamma=0.1); null for the market's default.
     * @return this.
     */
    public LiveDemoContext quoter(final String quoter)
    {
        this.quoter = quoter;
        return this;
    }

    /**
     * @return quoter specification (the market's default once concluded).
     */
    public String quoter()
    {
        return quoter;
    }

    /**
     * @param idle idle strategy of every agent: busy-spin, yielding, backoff or sleeping.
     * @return this.
     */
    public LiveDemoContext idle(final String idle)
    {
        this.idle = idle;
        return this;
    }

    /**
     * @return idle strategy name of every agent.
     */
    public String idle()
    {
        return idle;
    }

    /**
     * @param fix true to send orders over FIX 4.4: the daemon's Artio initiator to the exchange behind a QuickFIX/J
     *            acceptor on loopback, instead of Aeron.
     * @return this.
     */
    public LiveDemoContext fix(final boolean fix)
    {
        this.fix = fix;
        return this;
    }

    /**
     * @return true when orders go over FIX.
     */
    public boolean fix()
    {
        return fix;
    }
}
