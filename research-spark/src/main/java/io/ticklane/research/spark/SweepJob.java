package io.ticklane.research.spark;

import io.ticklane.backtest.SweepPlan;
import io.ticklane.marketmaking.config.StrategyConfig;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

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
import java.util.function.Consumer;

/**
 * A research sweep: every journal of a catalogue x every combination of a grid ({@link SweepPlan}, the syntax of
 * {@code backtest --sweep}), one backtest each ({@link TaskRunner}), run on a local thread pool or as a Spark
 * Dataset of tasks mapped to results. Both engines run the same tasks and give the same results; only where the
 * tasks run differs.
 */
public final class SweepJob
{
    /**
     * Where the tasks run.
     */
    public enum Engine
    {
        /** A fixed thread pool in this JVM (today's {@code backtest --sweep}). */
        LOCAL,
        /** Spark: a Dataset of tasks, one partition each, mapped to results by the executors. */
        SPARK
    }

    private SweepJob()
    {
    }

    /**
     * Runs a sweep and writes {@code results.parquet}, {@code summary.txt} and {@code summary.html} under its output.
     *
     * @param spark    session: reads the catalogue and writes the results; runs the tasks with {@link Engine#SPARK}.
     * @param request  what to run.
     * @param progress receives a few lines about the run.
     * @return one result per task, in task order.
     * @throws IOException              if the base configuration cannot be read or an output cannot be written.
     * @throws IllegalArgumentException for a bad grid or base configuration (nothing runs then).
     */
    public static List<TaskResult> execute(
        final SparkSession spark, final SweepRequest request, final Consumer<String> progress) throws IOException
    {
        final SweepPlan plan = SweepPlan.parse(request.grid());
        final String baseText = Files.readString(request.config(), StandardCharsets.UTF_8);
        final String baseQuoter = StrategyConfig.load(request.config()).quoterSpec();
        final List<CatalogEntry> catalog = CatalogTable.read(spark, request.catalog());
        final List<SweepTask> tasks = tasks(catalog, baseText, baseQuoter, plan);
        progress.accept(String.format("sweep: %d journal(s) x %d combination(s) of %s = %d task(s)",
            catalog.size(), plan.combinations().size(), plan.keys(), tasks.size()));
        final List<TaskResult> results = run(spark, request, tasks, progress);
        write(spark, request.out(), results, plan.keys(), progress);
        return results;
    }

    /**
     * Runs tasks on the request's engine and reports how long they took.
     *
     * @param spark    session: runs the tasks with {@link Engine#SPARK}.
     * @param request  engine, threads and shared settings.
     * @param tasks    what to run.
     * @param progress receives a few lines about the run.
     * @return one result per task, in task order.
     * @throws IOException if the output directory cannot be created.
     */
    public static List<TaskResult> run(
        final SparkSession spark, final SweepRequest request, final List<SweepTask> tasks, final Consumer<String> progress)
        throws IOException
    {
        Files.createDirectories(request.out());
        progress.accept(String.format("sweep: %d task(s), engine %s%s", tasks.size(), request.engine().name().toLowerCase(),
            Engine.LOCAL == request.engine() ? " on " + request.threads() + " thread(s)" : " on " + spark.sparkContext().master()));
        final long startNs = System.nanoTime();
        final List<TaskResult> results = Engine.LOCAL == request.engine() ?
            runLocal(tasks, request.options(), request.threads()) : runSpark(spark, tasks, request.options());
        final long tasksNs = System.nanoTime() - startNs;
        long insideNs = 0;
        int failed = 0;
        for (final TaskResult result : results)
        {
            insideNs += result.wallClockNs();
            failed += result.ok() ? 0 : 1;
        }
        progress.accept(String.format("sweep: %d task(s), %d failed, in %.2f s (%.1f tasks/min); time inside the tasks " +
            "%.2f s (sum over tasks)", results.size(), failed, tasksNs / 1e9, results.size() * 60e9 / Math.max(1, tasksNs),
            insideNs / 1e9));
        return results;
    }

    /**
     * Writes {@code results.parquet}, {@code results.sha256}, {@code summary.txt} and {@code summary.html} under
     * {@code out}.
     *
     * @param spark    session: writes the Parquet table.
     * @param out      output directory.
     * @param results  the tasks' results.
     * @param keys     the grid's keys.
     * @param progress receives the summary and the content hash.
     * @throws IOException if an output cannot be written.
     */
    public static void write(final SparkSession spark, final Path out, final List<TaskResult> results, final List<String> keys,
        final Consumer<String> progress) throws IOException
    {
        ResultTable.write(spark, results, keys, out.resolve("results.parquet").toString());
        final String contentSha256 = ResultTable.contentSha256(results, keys);
        Files.writeString(out.resolve("results.sha256"), contentSha256 + "\n", StandardCharsets.UTF_8);
        final String summary = SweepSummary.text(results);
        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.html"), SweepSummary.html(results, "Ticklane research sweep: " + keys),
            StandardCharsets.UTF_8);
        progress.accept(summary.stripTrailing());
        progress.accept("sweep: results content sha256 " + contentSha256);
    }

    /**
     * @param catalog    the journals, in the catalogue's order.
     * @param baseText   the base configuration's text.
     * @param baseQuoter the base configuration's quoter spec (swept quoter parameters rewrite it).
     * @param plan       the grid.
     * @return the tasks: journals in catalogue order, each with every combination in the grid's order.
     */
    public static List<SweepTask> tasks(
        final List<CatalogEntry> catalog, final String baseText, final String baseQuoter, final SweepPlan plan)
    {
        final List<SweepTask> tasks = new ArrayList<>();
        final List<Map<String, String>> combinations = plan.combinations();
        for (int j = 0; j < catalog.size(); j++)
        {
            final CatalogEntry journal = catalog.get(j);
            for (int c = 0; c < combinations.size(); c++)
            {
                final Map<String, String> overrides = combinations.get(c);
                tasks.add(new SweepTask(j * combinations.size() + c, journal.path(), journal.journalSha256(),
                    journal.instruments(), c, List.copyOf(plan.keys()), List.copyOf(overrides.values()),
                    SweepPlan.configText(baseText, baseQuoter, overrides)));
            }
        }
        return tasks;
    }

    /**
     * Runs the tasks on a pool of threads.
     *
     * @param tasks   what to run.
     * @param options shared settings.
     * @param threads pool size.
     * @return one result per task, in task order.
     */
    public static List<TaskResult> runLocal(final List<SweepTask> tasks, final SweepOptions options, final int threads)
    {
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), (runnable) ->
        {
            final Thread thread = new Thread(runnable, "ticklane-research-sweep");
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            final List<Future<TaskResult>> futures = new ArrayList<>();
            for (final SweepTask task : tasks)
            {
                futures.add(pool.submit(() -> TaskRunner.run(task, options)));
            }
            final List<TaskResult> results = new ArrayList<>();
            for (final Future<TaskResult> future : futures)
            {
                results.add(future.get());
            }
            return results;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", ex);
        }
        catch (final ExecutionException ex)
        {
            // TaskRunner turns every exception into a failed result: only an Error gets here
            throw new IllegalStateException("a task died: " + ex.getCause(), ex.getCause());
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the tasks on Spark: a Dataset of tasks, one partition per task so the executors share them out, mapped
     * to results and collected (a result is a few kilobytes).
     *
     * @param spark   session.
     * @param tasks   what to run.
     * @param options shared settings.
     * @return one result per task, in task order.
     */
    public static List<TaskResult> runSpark(final SparkSession spark, final List<SweepTask> tasks, final SweepOptions options)
    {
        if (tasks.isEmpty())
        {
            return List.of();
        }
        final JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        final MapFunction<SweepTask, TaskResult> run = (task) -> TaskRunner.run(task, options);
        final List<TaskResult> results = new ArrayList<>(spark
            .createDataset(context.parallelize(tasks, tasks.size()).rdd(), Encoders.javaSerialization(SweepTask.class))
            .map(run, Encoders.javaSerialization(TaskResult.class))
            .collectAsList());
        results.sort((a, b) -> Integer.compare(a.task().taskId(), b.task().taskId()));
        return results;
    }
}
