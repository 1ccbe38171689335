package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every research command that runs journal x configuration backtests shares ({@code research sweep},
 * {@code research walk-forward}): inputs, grid, engine and the backtest settings of each task. One picocli mixin, so
 * the commands cannot drift apart in names, defaults or help, and one place that forwards them to the research JVM.
 */
public final class ResearchTaskOptions
{
    @Option(names = "--journals", required = true, paramLabel = "CATALOG",
        description = "Catalogue table (research catalog --out): a path, or a Hadoop URI (hdfs://, s3a://...).")
    private String journals;

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

    /**
     * @param commandLine the command, to report a bad value as a usage error.
     * @return the checkout whose research jars run the command.
     * @throws CommandLine.ParameterException for an unknown engine, before any JVM starts.
     */
    Path checkout(final CommandLine commandLine)
    {
        if (!"local".equals(engine) && !"spark".equals(engine))
        {
            throw new CommandLine.ParameterException(commandLine, "--engine must be local or spark: " + engine);
        }
        return ResearchJvm.home(home);
    }

    /**
     * @param command the research JVM's command ({@code sweep}, {@code walk-forward}).
     * @return its arguments for these options (paths made absolute: the child's directory is ours).
     */
    List<String> arguments(final String command)
    {
        final List<String> args = new ArrayList<>(List.of(command,
            "--journals", ResearchJvm.location(journals), "--config", config.toAbsolutePath().toString(),
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
