package io.ticklane.cli;

import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.backtest.BacktestDriver;
import io.ticklane.backtest.BacktestMetrics;
import io.ticklane.backtest.BacktestReport;
import io.ticklane.backtest.BacktestResult;
import io.ticklane.backtest.JournalDigest;
import io.ticklane.backtest.MetricRows;
import io.ticklane.backtest.MetricSettings;
import io.ticklane.backtest.ReportHtml;
import io.ticklane.backtest.ReportJson;
import io.ticklane.backtest.SweepPlan;
import io.ticklane.backtest.SweepReport;
import io.ticklane.marketmaking.config.StrategyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ticklane backtest}: runs the strategy of a configuration against the simulated venue over a journal's market
 * data and writes what it earned and how (metrics, charts), with the models used and the hashes needed to reproduce
 * it, to {@code report.json} and {@code report.html}. It runs twice, with a risk-averse and an optimistic queue model,
 * and states how net PnL moves between them: the fill-illusion guard, which makes a strategy that only works with
 * fantasy fills visible. With {@code --sweep} it runs every combination of configuration overrides in parallel, each
 * into its own subdirectory, and ranks them in {@code sweep.json} and {@code sweep.html}.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Backtest the strategy of --config against the simulated venue over the market data of --journal.",
        "Prints a summary table, progress with events/s on stderr, and writes DIR/report.json and DIR/report.html.",
        "--sweep key=v1,v2 (repeatable) runs the cartesian product of overrides in parallel, one subdirectory each,",
        "and writes DIR/sweep.json and DIR/sweep.html ranked by net PnL.",
        "Fill-illusion guard: the run is repeated with the other queue model (risk-averse vs --optimistic-queue)",
        "and both net PnLs are reported with their difference. PnL is in ticks x lots; fees are the venue's."
    })
public final class BacktestCommand implements Callable<Integer>
{
    static final String RISK_AVERSE = "risk-averse";
    private static final int CHART_POINTS = 2000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory.")
    private Path journal;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Strategy configuration (.properties).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Directory for report.json and report.html (created); a sweep's root.")
    private Path out;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = RISK_AVERSE,
        description = "Queue model of the main run: risk-averse, prob-power:N, prob-log, fifo-l3. Default: ${DEFAULT-VALUE}.")
    private String queue;

    @Option(names = "--optimistic-queue", paramLabel = "MODEL", defaultValue = "prob-power:3",
        description = "Queue model the guard compares the risk-averse one with. Default: ${DEFAULT-VALUE}.")
    private String optimisticQueue;

    @Option(names = "--latency", paramLabel = "MODEL", defaultValue = "constant:0,0,0",
        description = "Latency model: constant:FEED,ENTRY,RESPONSE (ns) or feed-derived:ENTRY_X,RESPONSE_X,MIN_NS. " +
            "Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--maker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue maker fee, bps of notional (negative: rebate). Default: ${DEFAULT-VALUE}.")
    private double makerBps;

    @Option(names = "--taker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue taker fee, bps of notional. Default: ${DEFAULT-VALUE}.")
    private double takerBps;

    @Option(names = "--timer-interval-ms", paramLabel = "MS", defaultValue = "0",
        description = "Deliver a TimerTick to the strategy every MS milliseconds of event time (its risk gate checks " +
            "staleness and venue silence on timers); 0 = none. Default: ${DEFAULT-VALUE}.")
    private long timerIntervalMs;

    @Option(names = "--sample-interval", paramLabel = "S", defaultValue = "60",
        description = "Equity sampling interval for Sharpe/Sortino/drawdown, seconds of event time (a whole number of " +
            "milliseconds dividing a day). Default: ${DEFAULT-VALUE}.")
    private double sampleIntervalS;

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2",
        description = "Sweep a configuration key (e.g. quotes.replace_ticks) or quoter parameter (quoter.gamma or gamma) " +
            "over the listed values; repeat for a cartesian product.")
    private List<String> sweeps = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
        description = "Threads for a sweep. Default: the available processors.")
    private int threads = Runtime.getRuntime().availableProcessors();

    public Integer call() throws IOException
    {
        final StrategyConfig strategyConfig = StrategyConfig.load(config);
        final String configText = Files.readString(config, StandardCharsets.UTF_8);
        final JournalInstrument instrument = instrument(strategyConfig.instrumentId());
        final String guardQueue = RISK_AVERSE.equals(queue) ? optimisticQueue : RISK_AVERSE;
        // both contexts are checked before anything runs, so a bad model name fails fast
        venueContext(strategyConfig, instrument.tickSize(), queue).conclude();
        venueContext(strategyConfig, instrument.tickSize(), guardQueue).conclude();
        final long intervalNs = sampleIntervalNs();
        if (timerIntervalMs < 0)
        {
            throw new IllegalArgumentException("--timer-interval-ms must not be negative: " + timerIntervalMs);
        }
        if (threads < 1)
        {
            throw new IllegalArgumentException("--threads must be at least 1: " + threads);
        }

        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter stdout = spec.commandLine().getOut();
        if (sweeps.isEmpty())
        {
            final JournalDigest digest = JournalDigest.of(journal);
            final MetricSettings settings = settings(intervalNs, digest);
            Files.createDirectories(out);
            final BacktestReport report = runAndWrite(strategyConfig, configText, Map.of(), config, out, digest, settings,
                err, "backtest");
            printSummary(stdout, report);
            stdout.println("report=" + out.resolve("report.json"));
            stdout.println("html=" + out.resolve("report.html"));
            stdout.flush();
            return ExitCodes.OK;
        }
        return sweep(strategyConfig, configText, intervalNs, err, stdout);
    }

    private int sweep(
        final StrategyConfig base,
        final String baseText,
        final long intervalNs,
        final PrintWriter err,
        final PrintWriter stdout) throws IOException
    {
        final SweepPlan plan = SweepPlan.parse(sweeps);
        final List<Map<String, String>> combinations = plan.combinations();
        final List<StrategyConfig> configs = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        // every combination's configuration is written and validated before anything runs
        Files.createDirectories(out);
        for (int i = 0; i < combinations.size(); i++)
        {
            final Map<String, String> overrides = combinations.get(i);
            final Path dir = out.resolve(SweepPlan.directoryName(i, overrides));
            final String text = SweepPlan.configText(baseText, base.quoterSpec(), overrides);
            Files.createDirectories(dir);
            final Path file = Files.writeString(dir.resolve("config.properties"), text, StandardCharsets.UTF_8);
            try
            {
                configs.add(StrategyConfig.load(file));
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("--sweep " + overrides + ": " + ex.getMessage(), ex);
            }
            texts.add(text);
            dirs.add(dir);
            files.add(file);
        }
        final JournalDigest digest = JournalDigest.of(journal);
        final MetricSettings settings = settings(intervalNs, digest);
        final int poolSize = Math.min(threads, combinations.size());
        err.printf("sweep: %d combination(s) of %s on %d thread(s)%n", combinations.size(), plan.keys(), poolSize);
        err.flush();

        final long startNs = System.nanoTime();
        final AtomicInteger done = new AtomicInteger();
        final AtomicLong events = new AtomicLong();
        final ExecutorService pool = Executors.newFixedThreadPool(poolSize, runnable ->
        {
            final Thread thread = new Thread(runnable, "ticklane-sweep");
            thread.setDaemon(true);
            return thread;
        });
        final List<SweepReport.Entry> entries = new ArrayList<>();
        try
        {
            final List<Future<BacktestReport>> futures = new ArrayList<>();
            for (int i = 0; i < combinations.size(); i++)
            {
                final int index = i;
                futures.add(pool.submit(() ->
                {
                    final BacktestReport report = runAndWrite(configs.get(index), texts.get(index), combinations.get(index),
                        files.get(index), dirs.get(index), digest, settings, null, null);
                    // main and guard runs: one of them is the main run
                    final long total = events.addAndGet(
                        report.guard().riskAverse().events() + report.guard().optimistic().events());
                    synchronized (err)
                    {
                        final double seconds = (System.nanoTime() - startNs) / 1e9;
                        err.printf("sweep: %d/%d done (%s), net pnl %.2f; %,.0f events/s aggregate%n", done.incrementAndGet(),
                            combinations.size(), dirs.get(index).getFileName(), report.metrics().netPnl(),
                            total / Math.max(seconds, 1e-9));
                        err.flush();
                    }
                    return report;
                }));
            }
            for (int i = 0; i < futures.size(); i++)
            {
                entries.add(new SweepReport.Entry(dirs.get(i).getFileName().toString(), futures.get(i).get()));
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof IOException io)
            {
                throw io;
            }
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        finally
        {
            pool.shutdownNow();
        }
        SweepReport.write(out, plan.keys(), entries, poolSize, System.nanoTime() - startNs);

        stdout.printf("%-5s %-50s %14s %12s %10s%n", "rank", "combination", "net pnl", "sharpe", "fills");
        int rank = 1;
        for (final SweepReport.Entry entry : SweepReport.ranked(entries))
        {
            final BacktestMetrics m = entry.report().metrics();
            stdout.printf("%-5d %-50s %14.2f %12s %10d%n", rank++, entry.directory(), m.netPnl(),
                m.curve().sharpe().defined() ? String.format("%.3f", m.curve().sharpe().value()) : "undefined",
                entry.report().result().fills());
        }
        stdout.println("sweep=" + out.resolve("sweep.json"));
        stdout.println("html=" + out.resolve("sweep.html"));
        stdout.flush();
        return ExitCodes.OK;
    }

    private long sampleIntervalNs()
    {
        final long ns = Math.round(sampleIntervalS * 1e3) * 1_000_000L;
        if (ns <= 0 || Math.abs(ns - sampleIntervalS * 1e9) > 1 || MetricSettings.DAY_NS % ns != 0)
        {
            throw new IllegalArgumentException("--sample-interval " + sampleIntervalS +
                ": must be a whole number of milliseconds that divides a day (e.g. 1, 10, 60, 300)");
        }
        return ns;
    }

    private static MetricSettings settings(final long intervalNs, final JournalDigest digest)
    {
        final long spanNs = Math.max(0, digest.lastReceiveNs() - digest.firstReceiveNs());
        return new MetricSettings(intervalNs, MetricSettings.chartIntervalFor(spanNs, CHART_POINTS),
            MetricSettings.DEFAULT_HORIZONS_NS);
    }

    /**
     * Runs the main and the guard backtests of one configuration and writes its report.json and report.html.
     *
     * @param err  progress lines go here, or nowhere when null (sweeps report per combination instead).
     */
    private BacktestReport runAndWrite(
        final StrategyConfig strategyConfig,
        final String configText,
        final Map<String, String> overrides,
        final Path configFile,
        final Path dir,
        final JournalDigest digest,
        final MetricSettings settings,
        final PrintWriter err,
        final String label) throws IOException
    {
        final JournalInstrument instrument = instrument(strategyConfig.instrumentId());
        final String guardQueue = RISK_AVERSE.equals(queue) ? optimisticQueue : RISK_AVERSE;
        final VenueContext mainContext = venueContext(strategyConfig, instrument.tickSize(), queue).conclude();
        final VenueContext guardContext = venueContext(strategyConfig, instrument.tickSize(), guardQueue).conclude();

        final BacktestDriver mainDriver = new BacktestDriver(mainContext, strategyConfig::newStrategy, settings)
            .timerTicks(timerIntervalMs * 1_000_000L);
        final BacktestResult main = run(mainDriver, mainContext, err, label);
        final BacktestDriver guardDriver = new BacktestDriver(guardContext, strategyConfig::newStrategy, settings)
            .timerTicks(timerIntervalMs * 1_000_000L);
        final BacktestResult guard = run(guardDriver, guardContext, err, label);
        final BacktestResult riskAverse = RISK_AVERSE.equals(queue) ? main : guard;
        final BacktestResult optimistic = RISK_AVERSE.equals(queue) ? guard : main;
        final String optimisticName = RISK_AVERSE.equals(queue) ? guardQueue : queue;

        final BacktestReport report = new BacktestReport(
            digest,
            strategyConfig.sha256(),
            configText,
            overrides,
            CodeVersion.current(),
            instrument,
            strategyConfig.quoterSpec(),
            new BacktestReport.Models(mainContext.queueModel().name(), mainContext.latencyModel().name(),
                mainContext.feeModel().name(), makerBps, takerBps, timerIntervalMs),
            main,
            mainDriver.metrics(),
            new BacktestReport.Guard(riskAverse, optimistic, optimisticName),
            new BacktestReport.Run(journal.toAbsolutePath().toString(), configFile.toAbsolutePath().toString(),
                main.wallClockNs(), guard.wallClockNs()));
        ReportJson.write(dir.resolve("report.json"), report);
        ReportHtml.write(dir.resolve("report.html"), report);
        return report;
    }

    private BacktestResult run(final BacktestDriver driver, final VenueContext context, final PrintWriter err, final String label)
        throws IOException
    {
        final String name = context.queueModel().name();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver.Progress progress = null == err ? null : (events, elapsedNs) ->
            {
                err.printf("%s[%s]: %,d events, %,.0f events/s%n", label, name, events, events * 1e9 / Math.max(1, elapsedNs));
                err.flush();
            };
            final BacktestResult result = driver.run(reader, progress);
            if (null != err)
            {
                err.printf("%s[%s]: done, %,d events in %.3f s, %,.0f events/s%n",
                    label, name, result.events(), result.wallClockNs() / 1e9, result.eventsPerSecond());
                err.flush();
            }
            return result;
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    private VenueContext venueContext(final StrategyConfig strategyConfig, final long unitsPerTick, final String queueModel)
    {
        return new VenueContext()
            .instrumentId(strategyConfig.instrumentId())
            .priceUnitsPerTick(unitsPerTick)
            .queueModel(queueModel)
            .latencyModel(latency)
            .feeModel(new BpsFeeModel(makerBps, takerBps));
    }

    private JournalInstrument instrument(final int instrumentId) throws IOException
    {
        final StringBuilder held = new StringBuilder();
        try (JournalReader reader = JournalReader.open(journal))
        {
            for (final JournalInstrument instrument : reader.header().instruments())
            {
                if (instrument.id() == instrumentId)
                {
                    return instrument;
                }
                held.append(held.length() > 0 ? "," : "").append(instrument.id());
            }
        }
        throw new IllegalArgumentException(
            config + ": instrument.id=" + instrumentId + " but journal " + journal + " holds instrument(s) [" + held + "]");
    }

    private void printSummary(final PrintWriter stdout, final BacktestReport report)
    {
        final BacktestResult r = report.result();
        stdout.println("journal=" + journal + " config=" + config);
        stdout.println("queue=" + report.models().queue() + " latency=" + report.models().latency() +
            " fees=" + report.models().fees());
        row(stdout, "events", String.format("%,d (%,d market, %,d reports)", r.events(), r.marketEvents(), r.reportsDelivered()));
        row(stdout, "events/s", String.format("%,.0f (wall clock %.3f s)", r.eventsPerSecond(), r.wallClockNs() / 1e9));
        row(stdout, "orders", String.format("new %d, cancel %d, replace %d", r.newOrders(), r.cancels(), r.replaces()));
        row(stdout, "fills", String.format("%d (maker %d lots, taker %d lots)", r.fills(), r.makerQuantity(), r.takerQuantity()));
        row(stdout, "rejects", String.format("venue %d, risk %d", r.venueRejects(), r.riskRejections()));
        row(stdout, "position", String.format("%d lots (last mid %s ticks)", r.position(),
            Long.MIN_VALUE == r.lastMid() ? "none" : Long.toString(r.lastMid())));
        row(stdout, "realised", String.format("%.2f ticks x lots", r.realisedPnl()));
        row(stdout, "unrealised", String.format("%.2f ticks x lots", r.unrealisedPnl()));
        row(stdout, "fees", String.format("%.2f ticks x lots", r.fees()));
        row(stdout, "net pnl", String.format("%.2f ticks x lots", r.netPnl()));
        row(stdout, "guard", String.format("net pnl %s %.2f, %s %.2f, difference %.2f", RISK_AVERSE,
            report.guard().riskAverse().netPnl(), report.guard().optimisticName(), report.guard().optimistic().netPnl(),
            report.guard().difference()));
        for (final String[] metric : MetricRows.of(report))
        {
            stdout.printf("  %-52s %s%n", metric[0], metric[1]);
        }
    }

    private static void row(final PrintWriter stdout, final String name, final String value)
    {
        stdout.printf("%-12s %s%n", name, value);
    }
}
