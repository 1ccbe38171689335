package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
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

    @CommandLine.Mixin
    private ResearchTaskOptions tasks;

    public Integer call() throws Exception
    {
        final Path checkout = tasks.checkout(spec.commandLine());
        return ResearchJvm.run(checkout, tasks.arguments("sweep"), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
