package io.ticklane.backtest;

import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A local sweep: every combination of configuration overrides ({@link SweepPlan}) backtested in parallel on a fixed
 * pool, each into its own subdirectory with its configuration and reports, then ranked in {@code sweep.json} and
 * {@code sweep.html}. Every combination's configuration is written and validated before anything runs, so a typo in
 * the fifth value fails in a second rather than after four backtests. Each backtest is single-threaded and shares
 * nothing, so combinations scale with the pool; the reports do not depend on the thread count.
 */
public final class SweepRunner
{
    private SweepRunner()
    {
    }

    /**
     * @param settings what to sweep: {@link BacktestSettings#sweeps()} must not be empty.
     * @param progress receives progress lines (one per finished combination), never two at once.
     * @return the combinations' reports.
     * @throws IOException              if a file cannot be read or written.
     * @throws IllegalArgumentException for a bad sweep specification, configuration, model name or setting.
     */
    public static SweepResult run(final BacktestSettings settings, final Consumer<String> progress) throws IOException
    {
        settings.conclude();
        final StrategyConfig base = StrategyConfig.load(settings.config());
        final String baseText = Files.readString(settings.config(), StandardCharsets.UTF_8);
        ConfigurationRun.check(settings, base);

        final SweepPlan plan = SweepPlan.parse(settings.sweeps());
        final List<Map<String, String>> combinations = plan.combinations();
        final List<StrategyConfig> configs = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<Path> dirs = new ArrayList<>();
        final List<Path> files = new ArrayList<>();
        Files.createDirectories(settings.out());
        for (int i = 0; i < combinations.size(); i++)
        {
            final Map<String, String> overrides = combinations.get(i);
            final Path dir = settings.out().resolve(SweepPlan.directoryName(i, overrides));
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
        final JournalDigest digest = JournalDigest.of(settings.journal());
        final ConfigurationRun run = new ConfigurationRun(settings, digest, settings.metricSettings(digest), false);
        final int poolSize = Math.min(settings.threads(), combinations.size());
        final Object progressLock = new Object();
        progress.accept(String.format("sweep: %d combination(s) of %s on %d thread(s)", combinations.size(), plan.keys(),
            poolSize));

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
                    final BacktestReport report = run.run(configs.get(index), texts.get(index), combinations.get(index),
                        files.get(index), dirs.get(index), null, null);
                    // main and guard runs: one of them is the main run
                    final long total = events.addAndGet(
                        report.guard().riskAverse().events() + report.guard().optimistic().events());
                    synchronized (progressLock)
                    {
                        final double seconds = (System.nanoTime() - startNs) / 1e9;
                        progress.accept(String.format("sweep: %d/%d done (%s), net pnl %.2f; %,.0f events/s aggregate",
                            done.incrementAndGet(), combinations.size(), dirs.get(index).getFileName(),
                            report.metrics().netPnl(), total / Math.max(seconds, 1e-9)));
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
        SweepReport.write(settings.out(), plan.keys(), entries, poolSize, System.nanoTime() - startNs);
        return new SweepResult(plan.keys(), entries, poolSize);
    }
}
