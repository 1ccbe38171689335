package io.ticklane.backtest;

import io.ticklane.backtest.replay.ConfiguredInstrument;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * One strategy configuration backtested as a report needs it: the main run and the {@link FillIllusionGuard}'s
 * second run over the same journal, assembled into a {@link BacktestReport} written as report.json and report.html.
 * Shared by {@link BacktestRun} (one configuration) and {@link SweepRunner} (one per combination, in parallel: it
 * keeps no state between calls).
 */
final class ConfigurationRun
{
    private final BacktestSettings settings;
    private final JournalDigest digest;
    private final MetricSettings metricSettings;
    private final FillIllusionGuard guard;
    private final boolean guardAlongside;

    /**
     * @param guardAlongside true to run the guard's backtest on a thread of its own, at the same time as the main
     *                       one (a single backtest: the two share nothing but the journal's read-only files, so a
     *                       second core halves the wall time); false to run them one after the other (a sweep,
     *                       which already runs one combination per thread).
     */
    ConfigurationRun(
        final BacktestSettings settings,
        final JournalDigest digest,
        final MetricSettings metricSettings,
        final boolean guardAlongside)
    {
        this.settings = settings;
        this.digest = digest;
        this.metricSettings = metricSettings;
        this.guardAlongside = guardAlongside;
        this.guard = new FillIllusionGuard(settings.queueModel(), settings.optimisticQueueModel());
    }

    /**
     * Checks what can be checked before anything runs: the configuration's instrument is in the journal and both
     * runs' venue models exist, so a bad model name fails fast.
     */
    static void check(final BacktestSettings settings, final StrategyConfig config) throws IOException
    {
        final JournalInstrument instrument = instrument(settings, config.instrumentId());
        final FillIllusionGuard guard = new FillIllusionGuard(settings.queueModel(), settings.optimisticQueueModel());
        final MarketDataShape shape = MarketDataShape.of(settings.journal());
        venueContext(settings, config, instrument.tickSize(), settings.queueModel(), shape).conclude();
        venueContext(settings, config, instrument.tickSize(), guard.guardQueueModel(), shape).conclude();
    }

    /**
     * Runs the main and the guard backtests of one configuration and writes its report.json and report.html.
     *
     * @param progress progress lines, or null for none (sweeps report per combination instead).
     * @param label    what progress lines start with.
     */
    BacktestReport run(
        final StrategyConfig config,
        final String configText,
        final Map<String, String> overrides,
        final Path configFile,
        final Path dir,
        final Consumer<String> progress,
        final String label) throws IOException
    {
        final JournalInstrument instrument = instrument(settings, config.instrumentId());
        final MarketDataShape shape = MarketDataShape.of(settings.journal());
        final VenueContext mainContext =
            venueContext(settings, config, instrument.tickSize(), settings.queueModel(), shape).conclude();
        final VenueContext guardContext =
            venueContext(settings, config, instrument.tickSize(), guard.guardQueueModel(), shape).conclude();
        final String latencySource = !BacktestSettings.AUTO_LATENCY.equals(settings.latencyModel()) ?
            BacktestReport.Models.LATENCY_ASKED : shape.bothTimestamps() ?
            BacktestReport.Models.LATENCY_FROM_DATA : BacktestReport.Models.LATENCY_NONE;

        // book.type=auto (the default) gets the book the data needs, as the venue does
        final StrategyConfig strategy = config.forData(shape.orderByOrder());
        final BacktestDriver mainDriver = new BacktestDriver(mainContext, strategy::newStrategy, metricSettings)
            .timerTicks(settings.timerIntervalMs() * 1_000_000L);
        final BacktestDriver guardDriver = new BacktestDriver(guardContext, strategy::newStrategy, metricSettings)
            .timerTicks(settings.timerIntervalMs() * 1_000_000L);
        final BacktestResult main;
        final BacktestResult guarded;
        if (guardAlongside)
        {
            // progress lines stay on the calling thread: the guard's run reports its end once joined
            final CompletableFuture<BacktestResult> guardRun = CompletableFuture.supplyAsync(() ->
            {
                try
                {
                    return run(guardDriver, guardContext, null, label);
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }, (task) -> new Thread(task, "backtest-guard").start());
            main = run(mainDriver, mainContext, progress, label);
            guarded = join(guardRun);
            if (null != progress)
            {
                progress.accept(doneLine(label, guardContext.queueModel().name(), guarded));
            }
        }
        else
        {
            main = run(mainDriver, mainContext, progress, label);
            guarded = run(guardDriver, guardContext, progress, label);
        }

        final BacktestReport report = new BacktestReport(
            digest,
            config.sha256(),
            configText,
            overrides,
            CodeVersion.current(),
            instrument,
            config.quoterSpec(),
            new BacktestReport.Models(mainContext.queueModel().name(), mainContext.latencyModel().name(), latencySource,
                mainContext.feeModel().name(), settings.makerBps(), settings.takerBps(), settings.timerIntervalMs()),
            main,
            mainDriver.metrics(),
            mainDriver.realisedLatency(),
            guard.compare(main, guarded),
            new BacktestReport.Run(settings.journal().toAbsolutePath().toString(), configFile.toAbsolutePath().toString(),
                main.wallClockNs(), guarded.wallClockNs()));
        ReportJson.write(dir.resolve("report.json"), report);
        ReportHtml.write(dir.resolve("report.html"), report);
        EquityCsv.write(dir.resolve(EquityCsv.FILE), report.metrics().series());
        return report;
    }

    private BacktestResult run(
        final BacktestDriver driver, final VenueContext context, final Consumer<String> progress, final String label)
        throws IOException
    {
        final String name = context.queueModel().name();
        try (JournalReader reader = JournalReader.open(settings.journal()))
        {
            final BacktestDriver.Progress onProgress = null == progress ? null : (events, elapsedNs) ->
                progress.accept(String.format("%s[%s]: %,d events, %,.0f events/s", label, name, events,
                    events * 1e9 / Math.max(1, elapsedNs)));
            final BacktestResult result = driver.run(reader, onProgress);
            if (null != progress)
            {
                progress.accept(doneLine(label, name, result));
            }
            return result;
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    private static String doneLine(final String label, final String queueModel, final BacktestResult result)
    {
        return String.format("%s[%s]: done, %,d events in %.3f s, %,.0f events/s, %,.0f book level changes/s", label,
            queueModel, result.events(), result.wallClockNs() / 1e9, result.eventsPerSecond(),
            result.bookLevelChangesPerSecond());
    }

    private static BacktestResult join(final CompletableFuture<BacktestResult> run) throws IOException
    {
        try
        {
            return run.join();
        }
        catch (final CompletionException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof UncheckedIOException io)
            {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            if (cause instanceof Error error)
            {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static VenueContext venueContext(
        final BacktestSettings settings,
        final StrategyConfig config,
        final long unitsPerTick,
        final String queueModel,
        final MarketDataShape shape)
    {
        return new VenueContext()
            .instrumentId(config.instrumentId())
            .priceUnitsPerTick(unitsPerTick)
            .queueModel(queueModel)
            .orderByOrderData(shape.orderByOrder())
            .latencyModel(shape.latencyModel(settings.latencyModel()))
            .feeModel(new BpsFeeModel(settings.makerBps(), settings.takerBps()));
    }

    private static JournalInstrument instrument(final BacktestSettings settings, final int instrumentId) throws IOException
    {
        try (JournalReader reader = JournalReader.open(settings.journal()))
        {
            return ConfiguredInstrument.require(reader.header(), instrumentId, settings.config(), settings.journal());
        }
    }
}
