package io.ticklane.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane research walk-forward}: rolling windows of training and test days over a catalogue; each window
 * picks the configuration best on its training days and reports it on its test days, next to its in-sample figure.
 * Runs in the research JVM ({@link ResearchJvm}), on the sweep's engines and task options.
 */
@Command(
    name = "walk-forward",
    mixinStandardHelpOptions = true,
    description = {
        "Walk-forward validation over --journals (a research catalog table): journals are grouped by market and",
        "instrument (spot and USD-M BTCUSDT apart) and by the UTC date of their first record; window i of a group",
        "trains on days [i*M, i*M+N) and tests on the M",
        "days after the training days and --embargo-days E (N = --train-days, M = --test-days, step M; days without data",
        "are skipped). Each window picks the --grid combination with the best --objective on its training days only",
        "(ties: the first in the grid's order) and reports the pick's figure on its test days next to the in-sample one;",
        "the overall line shows the gap. Every journal x combination runs once, as a `ticklane backtest` task of",
        "research sweep (OUT/results.parquet, OUT/tasks/); the windows go to OUT/walk_forward.parquet (one row per window),",
        "OUT/walk_forward.txt and OUT/walk_forward.html. Definitions: docs/decisions/research-spark.md.",
        "Exit codes: 0 every task ran; 1 some task failed (listed; windows that needed it are marked failed);",
        "2 bad usage or input (e.g. fewer days than train + embargo + test) or no research jars."
    })
public final class ResearchWalkForwardCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ResearchTaskOptions tasks;

    @Option(names = "--train-days", required = true, paramLabel = "N", description = "Days each window picks on.")
    private int trainDays;

    @Option(names = "--test-days", required = true, paramLabel = "M", description = "Days each window tests its pick on; the step.")
    private int testDays;

    @Option(names = "--embargo-days", paramLabel = "E", defaultValue = "0",
        description = "Days left out between a window's training and test days. Default: ${DEFAULT-VALUE}.")
    private int embargoDays;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "net_pnl",
        description = "net_pnl (sum of metrics.pnl.net), sharpe or sortino (mean of the reports' metrics.sharpe/sortino), " +
            "risk_averse_net_pnl (sum of fill_illusion_guard.risk_averse_net_pnl). Default: ${DEFAULT-VALUE}.")
    private String objective;

    @Option(names = "--cpcv", paramLabel = "G,K", description = "Also combinatorial purged cross-validation over the same " +
        "results: each group's (market and instrument) days in G contiguous blocks, every choice of K test blocks one split " +
        "(training: the other blocks less --embargo-days after each test block); writes OUT/cpcv.parquet and OUT/cpcv.txt with the " +
        "out-of-sample Sharpe distribution and the probability of backtest overfitting (PBO).")
    private String cpcv;

    public Integer call() throws Exception
    {
        if (trainDays < 1 || testDays < 1 || embargoDays < 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--train-days and --test-days must be at least 1 and --embargo-days at least 0");
        }
        if (!List.of("net_pnl", "sharpe", "sortino", "risk_averse_net_pnl").contains(objective))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--objective must be net_pnl, sharpe, sortino or risk_averse_net_pnl: " + objective);
        }
        if (null != cpcv && !cpcv.matches("\\d+,\\d+"))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--cpcv takes G,K, e.g. 6,2: " + cpcv);
        }
        final Path checkout = tasks.checkout(spec.commandLine());
        final List<String> args = tasks.arguments("walk-forward");
        args.addAll(List.of("--train-days", Integer.toString(trainDays), "--test-days", Integer.toString(testDays),
            "--embargo-days", Integer.toString(embargoDays), "--objective", objective));
        if (null != cpcv)
        {
            args.addAll(List.of("--cpcv", cpcv));
        }
        return ResearchJvm.run(checkout, args, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
