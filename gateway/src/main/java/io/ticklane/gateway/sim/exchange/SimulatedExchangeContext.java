package io.ticklane.gateway.sim.exchange;

import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.FeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;

/**
 * Settings of one {@link SimulatedExchange}, in the Aeron {@code Context} style: which market it publishes (a
 * synthetic one, the default, or a journal replayed on the real clock) or follows (the market-data stream a feed
 * handler publishes on), how its venue matches (queue, latency and
 * fee models), over which transport (its own, launched from a {@link TransportContext}, or one it shares with a
 * daemon in the same process), on which clock, how fast and with which idle strategy. Defaults are those of the
 * parts; {@link #conclude()} checks everything that needs no file before the exchange is launched.
 */
public final class SimulatedExchangeContext
{
    /** Default queue model: a quote fills only once the queue ahead of it has traded. */
    public static final String DEFAULT_QUEUE_MODEL = "risk-averse";
    /** Default latency model: none (live, the clock is venue time). */
    public static final String DEFAULT_LATENCY_MODEL = "constant:0,0,0";

    private TransportContext transportContext;
    private Transport transport;
    private SyntheticMarketContext syntheticMarket = new SyntheticMarketContext();
    private Path journal;
    private long followedInstrumentId;
    private long followedPriceUnitsPerTick;
    private long journalInstrumentId;
    private JournalMarketFlow.Pacing pacing = JournalMarketFlow.Pacing.RECEIVE;
    private int snapshotLevels = JournalMarketFlow.DEFAULT_SNAPSHOT_LEVELS;
    private String queueModel = DEFAULT_QUEUE_MODEL;
    private String latencyModel = DEFAULT_LATENCY_MODEL;
    private FeeModel feeModel = new BpsFeeModel(0, 0);
    private EpochNanoClock clock;
    private double speed = 1.0;
    private long heartbeatIntervalNs = ExchangeContext.DEFAULT_HEARTBEAT_INTERVAL_NS;
    private long snapshotIntervalNs = ExchangeContext.DEFAULT_SNAPSHOT_INTERVAL_NS;
    private IdleStrategy idleStrategy;

    /**
     * Checks every setting that needs no file (the journal is checked when the exchange opens it) and fills in the
     * defaults that are built per exchange (clock, idle strategy).
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public SimulatedExchangeContext conclude()
    {
        require((null == transportContext) != (null == transport),
            "give the exchange either a transport context to launch or a transport to share, not both or neither");
        if (followsMarketData())
        {
            require(null == journal, "an exchange that follows the market-data stream replays no journal");
            require(followedPriceUnitsPerTick > 0, "price units per tick of the followed market must be > 0: " +
                followedPriceUnitsPerTick);
        }
        else if (null == journal)
        {
            require(null != syntheticMarket, "synthetic market must be set when no journal is replayed");
            syntheticMarket.conclude();
        }
        require(journalInstrumentId >= 0, "journal instrument id must be >= 0 (0 = the first): " + journalInstrumentId);
        require(null != pacing, "pacing must be set");
        require(snapshotLevels >= 1, "snapshot levels must be >= 1: " + snapshotLevels);
        // the venue's models by name, so a typo fails before a journal is opened or a driver started
        new VenueContext().queueModel(queueModel).latencyModel(latencyModel).feeModel(feeModel).conclude();
        require(speed >= 0 && Double.isFinite(speed), "speed must be >= 0 (0 = as fast as possible): " + speed);
        require(heartbeatIntervalNs > 0, "heartbeat interval must be > 0 ns: " + heartbeatIntervalNs);
        require(snapshotIntervalNs > 0, "snapshot interval must be > 0 ns: " + snapshotIntervalNs);
        if (null == clock)
        {
            clock = new OffsetEpochNanoClock();
        }
        if (null == idleStrategy)
        {
            idleStrategy = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        }
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
     * @param context settings of a transport the exchange launches (embedded or external driver) and closes.
     * @return this.
     */
    public SimulatedExchangeContext transportContext(final TransportContext context)
    {
        this.transportContext = context;
        return this;
    }

    /**
     * @return settings of the transport the exchange launches, or null when it shares one.
     */
    public TransportContext transportContext()
    {
        return transportContext;
    }

    /**
     * @param transport a running transport the exchange shares (with a daemon in the same process); it is not closed
     *                  with the exchange.
     * @return this.
     */
    public SimulatedExchangeContext transport(final Transport transport)
    {
        this.transport = transport;
        return this;
    }

    /**
     * @return the shared transport, or null when the exchange launches its own.
     */
    public Transport transport()
    {
        return transport;
    }

    /**
     * @param market settings of the synthetic market, published when no journal is set.
     * @return this.
     */
    public SimulatedExchangeContext syntheticMarket(final SyntheticMarketContext market)
    {
        this.syntheticMarket = market;
        return this;
    }

    /**
     * @return settings of the synthetic market.
     */
    public SyntheticMarketContext syntheticMarket()
    {
        return syntheticMarket;
    }

    /**
     * @param instrumentId      instrument of the market data another publisher (a feed handler) puts on the
     *                          transport's market-data stream; the exchange then publishes no market of its own and
     *                          matches against those frames, the ones the daemon hears.
     * @param priceUnitsPerTick price units of one tick of that instrument (its InstrumentDefinition's tick size).
     * @return this.
     */
    public SimulatedExchangeContext followMarketData(final long instrumentId, final long priceUnitsPerTick)
    {
        if (instrumentId <= 0)
        {
            throw new IllegalArgumentException("followed instrument id must be > 0: " + instrumentId);
        }
        this.followedInstrumentId = instrumentId;
        this.followedPriceUnitsPerTick = priceUnitsPerTick;
        return this;
    }

    /**
     * @return true when the exchange follows the market-data stream instead of publishing a market.
     */
    public boolean followsMarketData()
    {
        return followedInstrumentId > 0;
    }

    /**
     * @return instrument of the followed market data, 0 when the exchange publishes its own.
     */
    public long followedInstrumentId()
    {
        return followedInstrumentId;
    }

    /**
     * @return price units per tick of the followed instrument.
     */
    public long followedPriceUnitsPerTick()
    {
        return followedPriceUnitsPerTick;
    }

    /**
     * @param journal a journal whose market data is replayed instead of the synthetic market, or null.
     * @return this.
     */
    public SimulatedExchangeContext journal(final Path journal)
    {
        this.journal = journal;
        return this;
    }

    /**
     * @return the journal replayed, or null for the synthetic market.
     */
    public Path journal()
    {
        return journal;
    }

    /**
     * @param instrumentId instrument of the journal to replay, 0 for the first its header lists.
     * @return this.
     */
    public SimulatedExchangeContext journalInstrumentId(final long instrumentId)
    {
        this.journalInstrumentId = instrumentId;
        return this;
    }

    /**
     * @return instrument of the journal to replay, 0 for the first.
     */
    public long journalInstrumentId()
    {
        return journalInstrumentId;
    }

    /**
     * @param pacing which recorded time paces a replayed journal.
     * @return this.
     */
    public SimulatedExchangeContext pacing(final JournalMarketFlow.Pacing pacing)
    {
        this.pacing = pacing;
        return this;
    }

    /**
     * @return which recorded time paces a replayed journal.
     */
    public JournalMarketFlow.Pacing pacing()
    {
        return pacing;
    }

    /**
     * @param levels most levels a side of a replayed journal's snapshot carries.
     * @return this.
     */
    public SimulatedExchangeContext snapshotLevels(final int levels)
    {
        this.snapshotLevels = levels;
        return this;
    }

    /**
     * @return most levels a side of a replayed journal's snapshot carries.
     */
    public int snapshotLevels()
    {
        return snapshotLevels;
    }

    /**
     * @param name queue model of the venue: risk-averse, prob-power:N, prob-log, fifo-l3.
     * @return this.
     */
    public SimulatedExchangeContext queueModel(final String name)
    {
        this.queueModel = name;
        return this;
    }

    /**
     * @return queue model of the venue.
     */
    public String queueModel()
    {
        return queueModel;
    }

    /**
     * @param spec latency model of the venue; entry latency delays orders on the real clock.
     * @return this.
     */
    public SimulatedExchangeContext latencyModel(final String spec)
    {
        this.latencyModel = spec;
        return this;
    }

    /**
     * @return latency model of the venue.
     */
    public String latencyModel()
    {
        return latencyModel;
    }

    /**
     * @param model fee model of the venue.
     * @return this.
     */
    public SimulatedExchangeContext feeModel(final FeeModel model)
    {
        this.feeModel = model;
        return this;
    }

    /**
     * @return fee model of the venue.
     */
    public FeeModel feeModel()
    {
        return feeModel;
    }

    /**
     * @param clock epoch-ns clock the flow falls due against (share the daemon's in one process).
     * @return this.
     */
    public SimulatedExchangeContext clock(final EpochNanoClock clock)
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
     * @param speed flow time per real time: 10 = ten times faster, 0 = as fast as possible.
     * @return this.
     */
    public SimulatedExchangeContext speed(final double speed)
    {
        this.speed = speed;
        return this;
    }

    /**
     * @return flow time per real time.
     */
    public double speed()
    {
        return speed;
    }

    /**
     * @param intervalNs period of venue heartbeats.
     * @return this.
     */
    public SimulatedExchangeContext heartbeatIntervalNs(final long intervalNs)
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
     * @param intervalNs period of definition + snapshot.
     * @return this.
     */
    public SimulatedExchangeContext snapshotIntervalNs(final long intervalNs)
    {
        this.snapshotIntervalNs = intervalNs;
        return this;
    }

    /**
     * @return period of definition + snapshot, ns.
     */
    public long snapshotIntervalNs()
    {
        return snapshotIntervalNs;
    }

    /**
     * @param idleStrategy how the exchange thread idles (each exchange needs its own instance).
     * @return this.
     */
    public SimulatedExchangeContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /**
     * @return how the exchange thread idles.
     */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }
}
