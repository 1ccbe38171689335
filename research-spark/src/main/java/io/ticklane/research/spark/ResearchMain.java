package io.ticklane.research.spark;

import io.ticklane.backtest.MetricSettings;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entry point of the research JVM: {@code catalog DIR}, {@code sweep ...} and {@code walk-forward ...}, as
 * {@code ticklane research} forwards them (the cli holds the help and parses first) or as {@code spark-submit --class}
 * passes them. Exit codes: 0 done, 1 some task failed (every task, failed or not, is in the results), 2 bad usage or
 * input.
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
    private static final Set<String> WALK_FORWARD_OPTIONS = union(SWEEP_OPTIONS,
        Set.of("train-days", "test-days", "embargo-days", "objective", "cpcv"));

    private ResearchMain()
    {
    }

    /**
     * @param args {@code catalog DIR [--out PATH] [--master M]} or {@code sweep --journals CATALOG --config FILE
     *             --grid K=V1,V2 ... --out DIR [--engine local|spark] [--master M] [--threads N] [--sample-interval S]
     *             [--maker-bps B] [--taker-bps B] [--timer-interval-ms MS]}, or {@code walk-forward} with the sweep's
     *             options and {@code --train-days N --test-days M [--embargo-days E] [--objective net_pnl|sharpe|...]}.
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
            if (args.length > 0 && "walk-forward".equals(args[0]))
            {
                return walkForward(new Arguments(tail(args), WALK_FORWARD_OPTIONS), out, err);
            }
            err.println("research: expected catalog, sweep or walk-forward (see ticklane research --help)");
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
        final String dir = JournalLocation.qualified(arguments.positional().get(0));
        final String table = arguments.one("out", dir + "/catalog.parquet");
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
        text.append(String.format(Locale.ROOT, "%-12s %-10s %-21s %12s %6s %7s %-30s %-30s %s%n", "journal", "instrument",
            "market", "records", "gaps", "refused", "first (UTC)", "last (UTC)", "path; source"));
        for (final CatalogEntry e : entries)
        {
            if (!e.readable())
            {
                text.append(String.format(Locale.ROOT, "%-12s %s: %s%n", "UNREADABLE", e.path(), e.error()));
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-12s %-10s %-21s %,12d %6d %7d %-30s %-30s %s; %s%n",
                e.journalSha256().substring(0, 12), e.instruments(), e.market(), e.records(), e.gaps(), e.refused(),
                Instant.ofEpochSecond(0, e.firstReceiveNs()), Instant.ofEpochSecond(0, e.lastReceiveNs()), e.path(), e.source()));
        }
        return text.toString();
    }

    private static int sweep(final Arguments arguments, final PrintStream out, final PrintStream err) throws IOException
    {
        final SweepRequest request = sweepRequest(arguments, "sweep");
        final SparkSession spark = session(request, arguments);
        final List<TaskResult> results;
        try
        {
            results = SweepJob.execute(spark, request, progress(err));
        }
        finally
        {
            spark.stop();
        }
        out.print(SweepSummary.text(results));
        out.println("results=" + request.out().resolve("results.parquet") + " html=" + request.out().resolve("summary.html"));
        out.flush();
        return results.stream().allMatch(TaskResult::ok) ? OK : TASKS_FAILED;
    }

    private static int walkForward(final Arguments arguments, final PrintStream out, final PrintStream err) throws IOException
    {
        final SweepRequest sweep = sweepRequest(arguments, "walk-forward");
        final WalkForwardRequest request = new WalkForwardRequest(sweep, integer(arguments.required("train-days"), "train-days"),
            integer(arguments.required("test-days"), "test-days"), integer(arguments.one("embargo-days", "0"), "embargo-days"),
            Objective.of(arguments.one("objective", Objective.NET_PNL.cliName())), cpcv(arguments, 0), cpcv(arguments, 1));
        WalkForwardPlan.checkLengths(request.trainDays(), request.testDays(), request.embargoDays());
        final SparkSession spark = session(sweep, arguments);
        final WalkForwardOutcome outcome;
        try
        {
            outcome = WalkForwardJob.execute(spark, request, progress(err));
        }
        finally
        {
            spark.stop();
        }
        out.print(Files.readString(sweep.out().resolve("walk_forward.txt"), StandardCharsets.UTF_8));
        if (request.cpcvBlocks() > 0)
        {
            out.print(Files.readString(sweep.out().resolve("cpcv.txt"), StandardCharsets.UTF_8));
        }
        for (final TaskResult result : outcome.tasks())
        {
            if (!result.ok())
            {
                out.println("FAILED task " + result.task().taskId() + " journal " + result.task().journalPath() + " grid " +
                    result.task().gridKeys() + "=" + result.task().gridValues() + ": " + result.error());
            }
        }
        out.println("walk_forward=" + sweep.out().resolve("walk_forward.parquet") + " html=" +
            sweep.out().resolve("walk_forward.html") + " results=" + sweep.out().resolve("results.parquet"));
        out.flush();
        return outcome.allTasksRan() ? OK : TASKS_FAILED;
    }

    private static SweepRequest sweepRequest(final Arguments arguments, final String command)
    {
        if (!arguments.positional().isEmpty())
        {
            throw new IllegalArgumentException(command + " takes no positional arguments, got " + arguments.positional());
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
        return new SweepRequest(arguments.required("journals"), Path.of(arguments.required("config")),
            arguments.all("grid"), engine, threads, outDir, options);
    }

    private static SparkSession session(final SweepRequest request, final Arguments arguments)
    {
        // the local engine uses Spark only to read the catalogue and write the results: one core is plenty
        return ResearchSpark.start(
            SweepJob.Engine.LOCAL == request.engine() ? arguments.one("master", "local[1]") : arguments.one("master", null));
    }

    private static Consumer<String> progress(final PrintStream err)
    {
        return (line) ->
        {
            err.println(line);
            err.flush();
        };
    }

    private static int cpcv(final Arguments arguments, final int part)
    {
        final String value = arguments.one("cpcv", null);
        if (null == value)
        {
            return 0;
        }
        final String[] parts = value.split(",");
        if (parts.length != 2)
        {
            throw new IllegalArgumentException("--cpcv takes GROUPS,TEST_GROUPS, e.g. 6,2: " + value);
        }
        return integer(parts[part].strip(), "cpcv");
    }

    private static int integer(final String value, final String option)
    {
        try
        {
            return Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--" + option + " must be a whole number: " + value);
        }
    }

    private static Set<String> union(final Set<String> a, final Set<String> b)
    {
        final Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
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
