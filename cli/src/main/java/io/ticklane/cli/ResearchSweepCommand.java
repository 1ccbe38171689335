package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane research sweep}: every journal of a catalogue x every combination of a grid, one backtest each,
 * on a local pool or on Spark, run in the research JVM ({@link ResearchJvm}).
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description = {
        "Backtest every journal of --journals (a research catalog table) with every combination of --grid overrides",
        "of --config: one task per journal x combination, each exactly a `ticklane backtest` of the task's configuration",
        "(written to OUT/tasks/<task>/config.properties, with its report.json and report.html).",
        "Writes OUT/results.parquet (one row per task, failed tasks included: inputs, status, error, report hash and",
        "every report.json field but its run object, flattened), OUT/summary.txt and OUT/summary.html (ranked by net",
        "PnL). --engine local runs tasks on a thread pool; --engine spark as a Spark Dataset (--master local[N], or a",
        "cluster: docs/decisions/research-spark.md). Runs in a separate JVM with Spark (research-spark).",
        "Exit codes: 0 every task ran; 1 some task failed (see the results); 2 bad usage or input or no research jars."
    })
public final class ResearchSweepCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journals", required = true, paramLabel = "CATALOG", description = "Catalogue table (research catalog --out).")
    private Path journals;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Base strategy configuration.")
    private Path config;

    @Option(names = "--grid", required = true, paramLabel = "KEY=V1,V2",
        description = "A configuration key or quoter parameter and its values, as backtest --sweep; repeat for a product.")
    private List<String> grid = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    private Path out;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
        description = "local (thread pool) or spark (Spark Dataset). Default: ${DEFAULT-VALUE}.")
    private String engine;

    @Option(names = "--master", paramLabel = "URL",
        description = "Spark master for --engine spark, e.g. local[2] (default: local[*]).")
    private String master;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of --engine local. Default: the available processors.")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--sample-interval", paramLabel = "S", defaultValue = "60",
        description = "Equity sampling interval, seconds of event time, as backtest. Default: ${DEFAULT-VALUE}.")
    private String sampleInterval;

    @Option(names = "--maker-bps", paramLabel = "B", defaultValue = "0", description = "Venue maker fee, bps. Default: ${DEFAULT-VALUE}.")
    private String makerBps;

    @Option(names = "--taker-bps", paramLabel = "B", defaultValue = "0", description = "Venue taker fee, bps. Default: ${DEFAULT-VALUE}.")
    private String takerBps;

    @Option(names = "--timer-interval-ms", paramLabel = "MS", defaultValue = "0",
        description = "Timer ticks to the strategy every MS ms of event time; 0 = none. Default: ${DEFAULT-VALUE}.")
    private String timerIntervalMs;

    @Option(names = "--home", paramLabel = "DIR", description = "Ticklane checkout with the research jars built " +
        "(default: $TICKLANE_HOME, else the checkout of this cli).")
    private Path home;

    public Integer call() throws Exception
    {
        if (!"local".equals(engine) && !"spark".equals(engine))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--engine must be local or spark: " + engine);
        }
        final Path checkout = ResearchJvm.home(home);
        return ResearchJvm.run(checkout, arguments(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * @return the research JVM's arguments for these options (paths made absolute: the child's directory is ours).
     */
    List<String> arguments()
    {
        final List<String> args = new ArrayList<>(List.of("sweep",
            "--journals", journals.toAbsolutePath().toString(), "--config", config.toAbsolutePath().toString(),
            "--out", out.toAbsolutePath().toString(), "--engine", engine, "--threads", Integer.toString(threads),
            "--sample-interval", sampleInterval, "--maker-bps", makerBps, "--taker-bps", takerBps,
            "--timer-interval-ms", timerIntervalMs));
        for (final String spec : grid)
        {
            args.add("--grid");
            args.add(spec);
        }
        if (null != master)
        {
            args.add("--master");
            args.add(master);
        }
        return args;
    }
}
