package io.ticklane.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one backtest (or sweep) of a strategy over a journal needs, in the Aeron {@code Context} style: plain
 * settings with defaults and a {@link #conclude()} that checks them before anything runs, so {@link BacktestRun} and
 * {@link SweepRunner} take one object whoever builds it (the command line, a test, a research job).
 */
public final class BacktestSettings
{
    /** Default queue model of the main run: the one that never fills a quote ahead of the queue it joined. */
    public static final String DEFAULT_QUEUE_MODEL = FillIllusionGuard.RISK_AVERSE;
    /** Default queue model the fill-illusion guard compares the risk-averse one with. */
    public static final String DEFAULT_OPTIMISTIC_QUEUE_MODEL = "prob-power:3";
    /**
     * Latency model chosen from the data ({@link MarketDataShape#latencyModel}): derived from its exchange and receive
     * times where it has both, else zero, and said so.
     */
    public static final String AUTO_LATENCY = "auto";
    /** Default latency model: {@link #AUTO_LATENCY}. */
    public static final String DEFAULT_LATENCY_MODEL = AUTO_LATENCY;
    /** Points a report's charts are thinned to, whatever the journal's span. */
    public static final int CHART_POINTS = 2000;

    private Path journal;
    private Path config;
    private Path out;
    private String queueModel = DEFAULT_QUEUE_MODEL;
    private String optimisticQueueModel = DEFAULT_OPTIMISTIC_QUEUE_MODEL;
    private String latencyModel = DEFAULT_LATENCY_MODEL;
    private double makerBps;
    private double takerBps;
    private long timerIntervalMs;
    private long sampleIntervalNs = MetricSettings.DEFAULT_SAMPLE_INTERVAL_NS;
    private List<String> sweeps = new ArrayList<>();
    private int threads = Runtime.getRuntime().availableProcessors();

    /**
     * Checks the settings that need no file to check (the configuration, the journal and the model names are checked
     * by the run, before it starts).
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public BacktestSettings conclude()
    {
        require(null != journal, "journal must be set");
        require(null != config, "strategy configuration must be set");
        require(null != out, "output directory must be set");
        require(sampleIntervalNs > 0 && MetricSettings.DAY_NS % sampleIntervalNs == 0 && sampleIntervalNs % 1_000_000L == 0,
            "sample interval must be a whole number of milliseconds that divides a day: " + sampleIntervalNs + " ns");
        require(timerIntervalMs >= 0, "timer interval must not be negative: " + timerIntervalMs);
        require(threads >= 1, "threads must be at least 1: " + threads);
        require(null != sweeps, "sweeps must be set (empty for none)");
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
     * @param journal directory of the journal whose market data is replayed.
     * @return this.
     */
    public BacktestSettings journal(final Path journal)
    {
        this.journal = journal;
        return this;
    }

    /**
     * @return directory of the journal whose market data is replayed.
     */
    public Path journal()
    {
        return journal;
    }

    /**
     * @param config strategy configuration file (.properties).
     * @return this.
     */
    public BacktestSettings config(final Path config)
    {
        this.config = config;
        return this;
    }

    /**
     * @return strategy configuration file.
     */
    public Path config()
    {
        return config;
    }

    /**
     * @param out directory for report.json and report.html (created), or a sweep's root.
     * @return this.
     */
    public BacktestSettings out(final Path out)
    {
        this.out = out;
        return this;
    }

    /**
     * @return output directory.
     */
    public Path out()
    {
        return out;
    }

    /**
     * @param queueModel queue model of the main run, e.g. risk-averse, prob-power:N, prob-log, fifo-l3.
     * @return this.
     */
    public BacktestSettings queueModel(final String queueModel)
    {
        this.queueModel = queueModel;
        return this;
    }

    /**
     * @return queue model of the main run.
     */
    public String queueModel()
    {
        return queueModel;
    }

    /**
     * @param optimisticQueueModel the queue model the guard compares the risk-averse one with.
     * @return this.
     */
    public BacktestSettings optimisticQueueModel(final String optimisticQueueModel)
    {
        this.optimisticQueueModel = optimisticQueueModel;
        return this;
    }

    /**
     * @return the queue model the guard compares the risk-averse one with.
     */
    public String optimisticQueueModel()
    {
        return optimisticQueueModel;
    }

    /**
     * @param latencyModel latency model, e.g. constant:FEED,ENTRY,RESPONSE.
     * @return this.
     */
    public BacktestSettings latencyModel(final String latencyModel)
    {
        this.latencyModel = latencyModel;
        return this;
    }

    /**
     * @return latency model.
     */
    public String latencyModel()
    {
        return latencyModel;
    }

    /**
     * @param makerBps venue maker fee, bps of notional (negative: rebate).
     * @return this.
     */
    public BacktestSettings makerBps(final double makerBps)
    {
        this.makerBps = makerBps;
        return this;
    }

    /**
     * @return venue maker fee, bps of notional.
     */
    public double makerBps()
    {
        return makerBps;
    }

    /**
     * @param takerBps venue taker fee, bps of notional.
     * @return this.
     */
    public BacktestSettings takerBps(final double takerBps)
    {
        this.takerBps = takerBps;
        return this;
    }

    /**
     * @return venue taker fee, bps of notional.
     */
    public double takerBps()
    {
        return takerBps;
    }

    /**
     * @param timerIntervalMs event-time period of the timer ticks delivered to the strategy, 0 for none.
     * @return this.
     */
    public BacktestSettings timerIntervalMs(final long timerIntervalMs)
    {
        this.timerIntervalMs = timerIntervalMs;
        return this;
    }

    /**
     * @return event-time period of the timer ticks, ms; 0 for none.
     */
    public long timerIntervalMs()
    {
        return timerIntervalMs;
    }

    /**
     * @param sampleIntervalNs equity sampling interval for Sharpe, Sortino and drawdown: whole milliseconds that
     *                         divide a day.
     * @return this.
     */
    public BacktestSettings sampleIntervalNs(final long sampleIntervalNs)
    {
        this.sampleIntervalNs = sampleIntervalNs;
        return this;
    }

    /**
     * @return equity sampling interval, ns.
     */
    public long sampleIntervalNs()
    {
        return sampleIntervalNs;
    }

    /**
     * @param sweeps {@code key=v1,v2} specifications whose cartesian product a sweep runs (see {@link SweepPlan}).
     * @return this.
     */
    public BacktestSettings sweeps(final List<String> sweeps)
    {
        this.sweeps = sweeps;
        return this;
    }

    /**
     * @return the sweep specifications; empty for a single backtest.
     */
    public List<String> sweeps()
    {
        return sweeps;
    }

    /**
     * @param threads threads a sweep runs its combinations on.
     * @return this.
     */
    public BacktestSettings threads(final int threads)
    {
        this.threads = threads;
        return this;
    }

    /**
     * @return threads a sweep runs its combinations on.
     */
    public int threads()
    {
        return threads;
    }

    /**
     * @param digest the journal's digest, for its time span.
     * @return the metric settings of this backtest: its sampling interval, charts thinned to {@link #CHART_POINTS}.
     */
    MetricSettings metricSettings(final JournalDigest digest)
    {
        final long spanNs = Math.max(0, digest.lastReceiveNs() - digest.firstReceiveNs());
        return new MetricSettings(sampleIntervalNs, MetricSettings.chartIntervalFor(spanNs, CHART_POINTS),
            MetricSettings.DEFAULT_HORIZONS_NS);
    }
}
