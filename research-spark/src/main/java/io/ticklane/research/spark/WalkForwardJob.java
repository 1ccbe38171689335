package io.ticklane.research.spark;

import io.ticklane.backtest.SweepPlan;
import io.ticklane.marketmaking.config.StrategyConfig;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * A walk-forward validation: the windows are planned from the catalogue first (bad lengths refuse before anything
 * runs), then every journal some window uses x every combination runs once, as one sweep batch on the sweep's engine
 * ({@link SweepJob#run}, so each task is a single-machine backtest), and each window reads its training and test
 * figures from those results ({@link WalkForwardSelection}). A later window's training days are an earlier window's
 * test days: their backtests are the same tasks, never run twice.
 */
public final class WalkForwardJob
{
    private WalkForwardJob()
    {
    }

    /**
     * Runs a walk-forward and writes, under the sweep's output: the sweep's results.parquet, results.sha256,
     * summary.txt/html and tasks/, and walk_forward.parquet, walk_forward.sha256, walk_forward.txt and
     * walk_forward.html.
     *
     * @param spark    session: reads the catalogue, writes the tables; runs the tasks with the Spark engine.
     * @param request  what to run.
     * @param progress receives a few lines about the run.
     * @return the outcome.
     * @throws IOException              if the base configuration cannot be read or an output cannot be written.
     * @throws IllegalArgumentException for a bad grid, base configuration or window lengths (nothing runs then).
     */
    public static WalkForwardOutcome execute(
        final SparkSession spark, final WalkForwardRequest request, final Consumer<String> progress) throws IOException
    {
        final SweepRequest sweep = request.sweep();
        final SweepPlan plan = SweepPlan.parse(sweep.grid());
        final String baseText = Files.readString(sweep.config(), StandardCharsets.UTF_8);
        final String baseQuoter = StrategyConfig.load(sweep.config()).quoterSpec();
        final List<CatalogEntry> catalog = CatalogTable.read(spark, sweep.catalog());
        final List<WalkForwardWindow> windows =
            WalkForwardPlan.windows(catalog, request.trainDays(), request.testDays(), request.embargoDays());
        final List<Map.Entry<WalkForwardWindow, List<Integer>>> splits = request.cpcvBlocks() > 0 ?
            CombinatorialPurgedCv.splits(catalog, request.cpcvBlocks(), request.cpcvTests(), request.embargoDays()) : List.of();
        final List<WalkForwardWindow> used = new ArrayList<>(windows);
        splits.forEach((split) -> used.add(split.getKey()));
        final List<SweepTask> tasks = tasks(catalog, used, SweepJob.tasks(catalog, baseText, baseQuoter, plan));
        final String heading = heading(request, plan, windows);
        progress.accept(heading);

        final List<TaskResult> results = SweepJob.run(spark, sweep, tasks, progress);
        SweepJob.write(spark, sweep.out(), results, plan.keys(), progress);
        final List<WindowResult> windowResults =
            WalkForwardSelection.select(windows, results, plan.combinations().size(), request.objective());
        final WalkForwardOverall overall = WalkForwardSelection.overall(windowResults);
        final Path out = sweep.out();
        final String contentSha256 =
            WalkForwardTable.write(spark, windowResults, plan.keys(), out.resolve("walk_forward.parquet").toString());
        Files.writeString(out.resolve("walk_forward.sha256"), contentSha256 + "\n", StandardCharsets.UTF_8);
        final String text = WalkForwardSummary.text(heading, plan.keys(), windowResults, overall);
        Files.writeString(out.resolve("walk_forward.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("walk_forward.html"), WalkForwardSummary.html(heading, plan.keys(), windowResults, overall),
            StandardCharsets.UTF_8);
        progress.accept("walk-forward: content sha256 " + contentSha256);
        if (!splits.isEmpty())
        {
            final List<CombinatorialPurgedCv.Split> evaluated =
                CombinatorialPurgedCv.evaluate(splits, results, plan.combinations().size(), request.objective());
            final String cpcvSha256 = CpcvReport.write(spark, evaluated, out.resolve("cpcv.parquet").toString());
            Files.writeString(out.resolve("cpcv.sha256"), cpcvSha256 + "\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("cpcv.txt"), CpcvReport.text(String.format(
                "combinatorial purged cross-validation: %d block(s) of days per group, %d tested per split, embargo %d " +
                "day(s), objective %s; %d split(s)", request.cpcvBlocks(), request.cpcvTests(), request.embargoDays(),
                request.objective().cliName(), splits.size()), evaluated), StandardCharsets.UTF_8);
        }
        return new WalkForwardOutcome(results, windowResults, overall);
    }

    /**
     * @param catalog  the catalogue.
     * @param windows  the plan.
     * @param all      every journal x combination, as a sweep of the catalogue numbers them.
     * @return the tasks of journals some window uses, and of unreadable journals (which fail, and so are reported),
     *     with the sweep's task ids.
     */
    static List<SweepTask> tasks(final List<CatalogEntry> catalog, final List<WalkForwardWindow> windows, final List<SweepTask> all)
    {
        final Set<String> used = new TreeSet<>();
        for (final WalkForwardWindow window : windows)
        {
            window.trainJournals().forEach((j) -> used.add(catalog.get(j).path()));
            window.testJournals().forEach((j) -> used.add(catalog.get(j).path()));
        }
        for (final CatalogEntry entry : catalog)
        {
            if (!entry.readable())
            {
                used.add(entry.path());
            }
        }
        final List<SweepTask> tasks = new ArrayList<>();
        for (final SweepTask task : all)
        {
            if (used.contains(task.journalPath()))
            {
                tasks.add(task);
            }
        }
        return tasks;
    }

    private static String heading(final WalkForwardRequest request, final SweepPlan plan, final List<WalkForwardWindow> windows)
    {
        final Objective objective = request.objective();
        return String.format("walk-forward: objective %s (%s of %s over a window's journals), train %d day(s), test %d day(s), " +
            "embargo %d day(s), step %d day(s); grid %s = %d combination(s); %d window(s)", objective.cliName(),
            objective.additive() ? "sum" : "mean", objective.reportField(), request.trainDays(), request.testDays(),
            request.embargoDays(), request.testDays(), plan.keys(), plan.combinations().size(), windows.size());
    }
}
