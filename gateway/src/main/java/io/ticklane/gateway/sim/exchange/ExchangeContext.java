package io.ticklane.gateway.sim.exchange;

import io.ticklane.gateway.sim.venue.VenueContext;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.concurrent.TimeUnit;

/**
 * Settings of one {@link ExchangeAgent}, in the Aeron {@code Context} style: where its market comes from (a
 * {@link MarketFlow} it publishes, or the market-data stream it follows, published by a feed handler), how it
 * matches (a {@link VenueContext}), on which clock and how fast, and how often it sends heartbeats and snapshots.
 * {@link #conclude()} checks everything before the agent is built.
 */
public final class ExchangeContext
{
    /** Default period of definition + snapshot, so a late or restarted subscriber syncs: 1 s. */
    public static final long DEFAULT_SNAPSHOT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);
    /** Default period of venue heartbeats on the market data stream: 100 ms. */
    public static final long DEFAULT_HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Default heartbeat sender id of the exchange. */
    public static final int DEFAULT_SENDER_ID = 2;
    /** Default most flow frames published in one duty cycle, so orders are polled between bursts. */
    public static final int DEFAULT_MAX_FRAMES_PER_CYCLE = 256;
    /** Default most order stream fragments handled in one duty cycle. */
    public static final int DEFAULT_ORDER_FRAGMENT_LIMIT = 64;

    private MarketFlow flow;
    private boolean followMarketData;
    private VenueContext venueContext = new VenueContext();
    private EpochNanoClock clock = SystemEpochNanoClock.INSTANCE;
    private double speed = 1.0;
    private long snapshotIntervalNs = DEFAULT_SNAPSHOT_INTERVAL_NS;
    private long heartbeatIntervalNs = DEFAULT_HEARTBEAT_INTERVAL_NS;
    private int senderId = DEFAULT_SENDER_ID;
    private int maxFramesPerCycle = DEFAULT_MAX_FRAMES_PER_CYCLE;
    private int orderFragmentLimit = DEFAULT_ORDER_FRAGMENT_LIMIT;

    /**
     * Checks every setting, the venue's included.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public ExchangeContext conclude()
    {
        require((null != flow) != followMarketData, "give the exchange either a market flow to publish or the " +
            "market-data stream to follow, not both or neither");
        require(null != venueContext, "venue context must be set");
        venueContext.conclude();
        if (null != flow)
        {
            require(venueContext.instrumentId() == flow.instrumentId(), "the venue trades instrument " +
                venueContext.instrumentId() + " but the flow publishes " + flow.instrumentId());
        }
        require(null != clock, "clock must be set");
        require(speed >= 0 && Double.isFinite(speed), "speed must be >= 0 (0 = as fast as possible): " + speed);
        require(snapshotIntervalNs > 0, "snapshot interval must be > 0 ns: " + snapshotIntervalNs);
        require(heartbeatIntervalNs > 0, "heartbeat interval must be > 0 ns: " + heartbeatIntervalNs);
        require(maxFramesPerCycle >= 1, "max frames per cycle must be >= 1: " + maxFramesPerCycle);
        require(orderFragmentLimit >= 1, "order fragment limit must be >= 1: " + orderFragmentLimit);
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param flow what the exchange publishes; the agent owns it from then on and closes it.
     * @return this.
     */
    public ExchangeContext flow(final MarketFlow flow)
    {
        this.flow = flow;
        return this;
    }

    /**
     * @return what the exchange publishes, or null when it follows the market-data stream.
     */
    public MarketFlow flow()
    {
        return flow;
    }

    /**
     * @param follow true to publish no market of its own but match against the frames another publisher (a feed
     *               handler) puts on the transport's market-data stream, the frames the daemon hears; then the
     *               exchange sends no heartbeats or snapshots on that stream either (a second publisher there would
     *               read, to the daemon, as a restarted venue).
     * @return this.
     */
    public ExchangeContext followMarketData(final boolean follow)
    {
        this.followMarketData = follow;
        return this;
    }

    /**
     * @return true when the exchange follows the market-data stream instead of publishing a flow.
     */
    public boolean followMarketData()
    {
        return followMarketData;
    }

    /**
     * @param context settings of the matching venue; its instrument must be the flow's. Live, its latency model is
     *                usually {@code ConstantLatency(0, 0, 0)} (the default): venue time is the clock.
     * @return this.
     */
    public ExchangeContext venueContext(final VenueContext context)
    {
        this.venueContext = context;
        return this;
    }

    /**
     * @return settings of the matching venue.
     */
    public VenueContext venueContext()
    {
        return venueContext;
    }

    /**
     * @param clock epoch-ns clock frames fall due against and are stamped with.
     * @return this.
     */
    public ExchangeContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @return epoch-ns clock of the exchange.
     */
    public EpochNanoClock clock()
    {
        return clock;
    }

    /**
     * @param speed flow time per real time: 1 real time, 10 ten times faster, 0 as fast as possible.
     * @return this.
     */
    public ExchangeContext speed(final double speed)
    {
        this.speed = speed;
        return this;
    }

    /**
     * @return flow time per real time (0 = as fast as possible).
     */
    public double speed()
    {
        return speed;
    }

    /**
     * @param intervalNs period of definition + snapshot frames.
     * @return this.
     */
    public ExchangeContext snapshotIntervalNs(final long intervalNs)
    {
        this.snapshotIntervalNs = intervalNs;
        return this;
    }

    /**
     * @return period of definition + snapshot frames, ns.
     */
    public long snapshotIntervalNs()
    {
        return snapshotIntervalNs;
    }

    /**
     * @param intervalNs period of venue heartbeats.
     * @return this.
     */
    public ExchangeContext heartbeatIntervalNs(final long intervalNs)
    {
        this.heartbeatIntervalNs = intervalNs;
        return this;
    }

    /**
     * @return period of venue heartbeats, ns.
     */
    public long heartbeatIntervalNs()
    {
        return heartbeatIntervalNs;
    }

    /**
     * @param senderId heartbeat sender id of the exchange.
     * @return this.
     */
    public ExchangeContext senderId(final int senderId)
    {
        this.senderId = senderId;
        return this;
    }

    /**
     * @return heartbeat sender id of the exchange.
     */
    public int senderId()
    {
        return senderId;
    }

    /**
     * @param frames most flow frames published in one duty cycle.
     * @return this.
     */
    public ExchangeContext maxFramesPerCycle(final int frames)
    {
        this.maxFramesPerCycle = frames;
        return this;
    }

    /**
     * @return most flow frames published in one duty cycle.
     */
    public int maxFramesPerCycle()
    {
        return maxFramesPerCycle;
    }

    /**
     * @param fragments most order stream fragments handled in one duty cycle.
     * @return this.
     */
    public ExchangeContext orderFragmentLimit(final int fragments)
    {
        this.orderFragmentLimit = fragments;
        return this;
    }

    /**
     * @return most order stream fragments handled in one duty cycle.
     */
    public int orderFragmentLimit()
    {
        return orderFragmentLimit;
    }
}
