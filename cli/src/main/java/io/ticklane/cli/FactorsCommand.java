package io.ticklane.cli;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.backtest.replay.FactorCsv;
import io.ticklane.backtest.replay.ReplaySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane factors}: replays real data through the book and the factor engine and writes every factor after
 * every event to CSV, the offline twin of what the daemon computes live.
 */
@Command(
    name = "factors",
    mixinStandardHelpOptions = true,
    description = {
        "Compute microstructure factors on real data: one CSV row per input event after it is applied.",
        "Columns: event_time_ns, then one column per factor id (NaN while a factor warms up).",
        "--input takes a LOBSTER message file (its orderbook file is found by name) or Binance captures in order."
    })
public final class FactorsCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*", description = "Market data input.")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write.")
    private Path out;

    @Option(names = "--factors", paramLabel = "SPEC",
        description = "Factors to compute, e.g. ofi_l1,vpin(bucket_volume=500) (default: all).")
    private String factors;

    @CommandLine.Mixin
    private ReplaySizeOptions sizes = new ReplaySizeOptions();

    @Option(names = "--list", description = "List the factors and exit.")
    private boolean list;

    public Integer call() throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final FactorRegistry registry = FactorCatalogue.standard();
        if (list)
        {
            for (final String id : registry.ids())
            {
                final String required = registry.requiredParameter(id);
                stdout.printf("%-24s %s%s%n", id, registry.description(id),
                    null == required ? "" : " [needs " + required + "=..., not in the default set]");
            }
            stdout.flush();
            return ExitCodes.OK;
        }
        if (null == inputs || null == out)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --input and --out (or --list)");
        }

        final List<Factor> selected = null == factors ? registry.createAll() : registry.create(factors);
        final ReplaySource source = sizes.resolve(inputs);
        final PrintWriter err = spec.commandLine().getErr();
        final FactorCsv.Result result = FactorCsv.write(source, selected, out,
            (records, rows) -> err.printf("factors: %,d records, %,d rows written...%n", records, rows));

        stdout.println(result.bookSummary());
        stdout.println("factors=" + selected.size() + " rows=" + result.rows() + " out=" + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
