package io.ticklane.research.spark;

import io.ticklane.backtest.MetricSettings;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Entry point of the research JVM: {@code catalog DIR} and {@code sweep ...}, as {@code ticklane research} forwards
 * them (the cli holds the help and parses first) or as {@code spark-submit --class} passes them. Exit codes: 0 done,
 * 1 some task failed (every task, failed or not, is in the results), 2 bad usage or input.
 */
public final class ResearchMain
{
    /** Every task ran. */
    public static final int OK = 0;
    /** The results are written, but some tasks failed. */
    public static final int TASKS_FAILED = 1;
    /** Bad usage or input: nothing ran. */
    public static final int USAGE = 2;

    private static final Set<String> CATALOG_OPTIONS = Set.of("out", "master");
    private static final Set<String> SWEEP_OPTIONS = Set.of("journals", "config", "grid", "engine", "master", "threads",
        "out", "sample-interval", "maker-bps", "taker-bps", "timer-interval-ms");

    private ResearchMain()
    {
    }

    /**
     * @param args {@code catalog DIR [--out PATH] [--master M]} or {@code sweep --journals CATALOG --config FILE
     *             --grid K=V1,V2 ... --out DIR [--engine local|spark] [--master M] [--threads N] [--sample-interval S]
     *             [--maker-bps B] [--taker-bps B] [--timer-interval-ms MS]}.
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @return the exit code.
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        try
        {
            if (args.length > 0 && "catalog".equals(args[0]))
            {
                return catalog(new Arguments(tail(args), CATALOG_OPTIONS), out, err);
            }
            if (args.length > 0 && "sweep".equals(args[0]))
            {
                return sweep(new Arguments(tail(args), SWEEP_OPTIONS), out, err);
            }
            err.println("research: expected catalog or sweep (see ticklane research --help)");
            return USAGE;
        }
        catch (final IllegalArgumentException | IOException ex)
        {
            err.println("research: error: " + ex.getMessage());
            return USAGE;
        }
    }

    private static int catalog(final Arguments arguments, final PrintStream out, final PrintStream err) throws IOException
    {
        if (arguments.positional().size() != 1)
        {
            throw new IllegalArgumentException("catalog takes one directory, got " + arguments.positional());
        }
        final Path dir = Path.of(arguments.positional().get(0));
        final String table = arguments.one("out", dir.resolve("catalog.parquet").toString());
        final List<CatalogEntry> entries = JournalCatalog.scan(dir);
        final SparkSession spark = ResearchSpark.start(arguments.one("master", "local[1]"));
        try
        {
            CatalogTable.write(spark, entries, table);
        }
        finally
        {
            spark.stop();
        }
        out.print(catalogTable(entries));
        out.println("journals=" + entries.size() + " catalog=" + table);
        out.flush();
        return OK;
    }

    /**
     * @param entries a catalogue.
     * @return it as a text table.
     */
    public static String catalogTable(final List<CatalogEntry> entries)
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-12s %-10s %12s %6s %7s %-30s %-30s %s%n", "journal", "instrument", "records",
            "gaps", "refused", "first (UTC)", "last (UTC)", "path; source"));
        for (final CatalogEntry e : entries)
        {
            if (!e.readable())
            {
                text.append(String.format(Locale.ROOT, "%-12s %s: %s%n", "UNREADABLE", e.path(), e.error()));
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-12s %-10s %,12d %6d %7d %-30s %-30s %s; %s%n",
                e.journalSha256().substring(0, 12), e.instruments(), e.records(), e.gaps(), e.refused(),
                Instant.ofEpochSecond(0, e.firstReceiveNs()), Instant.ofEpochSecond(0, e.lastReceiveNs()), e.path(), e.source()));
        }
        return text.toString();
    }

    private static int sweep(final Arguments arguments, final PrintStream out, final PrintStream err) throws IOException
    {
        if (!arguments.positional().isEmpty())
        {
            throw new IllegalArgumentException("sweep takes no positional arguments, got " + arguments.positional());
        }
        final SweepJob.Engine engine = switch (arguments.one("engine", "local"))
        {
            case "local" -> SweepJob.Engine.LOCAL;
            case "spark" -> SweepJob.Engine.SPARK;
            default -> throw new IllegalArgumentException("--engine must be local or spark: " + arguments.one("engine", ""));
        };
        final int threads = Integer.parseInt(arguments.one("threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
        if (threads < 1)
        {
            throw new IllegalArgumentException("--threads must be at least 1: " + threads);
        }
        final Path outDir = Path.of(arguments.required("out")).toAbsolutePath().normalize();
        final SweepOptions options = new SweepOptions(outDir.resolve("tasks").toString(),
            sampleIntervalNs(Double.parseDouble(arguments.one("sample-interval", "60"))),
            Double.parseDouble(arguments.one("maker-bps", "0")), Double.parseDouble(arguments.one("taker-bps", "0")),
            Long.parseLong(arguments.one("timer-interval-ms", "0")));
        if (options.timerIntervalMs() < 0)
        {
            throw new IllegalArgumentException("--timer-interval-ms must not be negative: " + options.timerIntervalMs());
        }
        final SweepRequest request = new SweepRequest(arguments.required("journals"), Path.of(arguments.required("config")),
            arguments.all("grid"), engine, threads, outDir, options);
        // the local engine uses Spark only to read the catalogue and write the results: one core is plenty
        final SparkSession spark = ResearchSpark.start(
            SweepJob.Engine.LOCAL == engine ? arguments.one("master", "local[1]") : arguments.one("master", null));
        final List<TaskResult> results;
        try
        {
            results = SweepJob.execute(spark, request, (line) ->
            {
                err.println(line);
                err.flush();
            });
        }
        finally
        {
            spark.stop();
        }
        out.print(SweepSummary.text(results));
        out.println("results=" + outDir.resolve("results.parquet") + " html=" + outDir.resolve("summary.html"));
        out.flush();
        return results.stream().allMatch(TaskResult::ok) ? OK : TASKS_FAILED;
    }

    /**
     * @return the interval in nanoseconds, checked as {@code backtest --sample-interval} checks it.
     */
    static long sampleIntervalNs(final double seconds)
    {
        final long ns = Math.round(seconds * 1e3) * 1_000_000L;
        if (ns <= 0 || Math.abs(ns - seconds * 1e9) > 1 || MetricSettings.DAY_NS % ns != 0)
        {
            throw new IllegalArgumentException("--sample-interval " + seconds +
                ": must be a whole number of milliseconds that divides a day (e.g. 1, 10, 60, 300)");
        }
        return ns;
    }

    private static String[] tail(final String[] args)
    {
        final String[] tail = new String[args.length - 1];
        System.arraycopy(args, 1, tail, 0, tail.length);
        return tail;
    }
}
