package io.ticklane.backtest;

import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The backtest entry point: the strategy of a configuration against the simulated venue over a journal's market
 * data, with the {@link FillIllusionGuard}'s second run, written to {@code report.json} and {@code report.html} in
 * the output directory. Everything is checked (configuration, instrument, model names) before anything runs.
 */
public final class BacktestRun
{
    private BacktestRun()
    {
    }

    /**
     * @param settings what to run; {@link BacktestSettings#sweeps()} is ignored (see {@link SweepRunner}).
     * @param progress receives progress lines with events/s, one at a time, on the calling thread.
     * @return the report, as written.
     * @throws IOException              if the journal or configuration cannot be read or a report cannot be written.
     * @throws IllegalArgumentException for a bad configuration, model name or setting.
     */
    public static BacktestReport run(final BacktestSettings settings, final Consumer<String> progress) throws IOException
    {
        return run(settings, progress, true);
    }

    /**
     * The same backtest with the choice of threads: a caller that already runs one backtest per core (a sweep on a
     * pool or on Spark executors) runs the guard's backtest after the main one instead of alongside it. The report
     * does not depend on that choice, only the wall clock does.
     *
     * @param settings       what to run; {@link BacktestSettings#sweeps()} is ignored (see {@link SweepRunner}).
     * @param progress       receives progress lines, or null for none.
     * @param guardAlongside true to run the guard's backtest on a second thread at the same time as the main one.
     * @return the report, as written.
     * @throws IOException              if the journal or configuration cannot be read or a report cannot be written.
     * @throws IllegalArgumentException for a bad configuration, model name or setting.
     */
    public static BacktestReport run(
        final BacktestSettings settings, final Consumer<String> progress, final boolean guardAlongside) throws IOException
    {
        settings.conclude();
        final StrategyConfig config = StrategyConfig.load(settings.config());
        final String configText = Files.readString(settings.config(), StandardCharsets.UTF_8);
        ConfigurationRun.check(settings, config);

        final JournalDigest digest = JournalDigest.of(settings.journal());
        Files.createDirectories(settings.out());
        return new ConfigurationRun(settings, digest, settings.metricSettings(digest), guardAlongside)
            .run(config, configText, Map.of(), settings.config(), settings.out(), progress, "backtest");
    }
}
