package io.ticklane.cli;

import io.ticklane.microstructure.fit.IntensityFit;
import io.ticklane.microstructure.fit.IntensityFitter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane fit intensity}: fits the order arrival intensity λ(δ) = A·e^(−kδ) per side from the trades of a
 * real data set, the calibration the Avellaneda–Stoikov and GLFT quoters take A and k from.
 */
@Command(
    name = "intensity",
    mixinStandardHelpOptions = true,
    description = {
        "Fit order arrival intensity lambda(delta) = A*exp(-k*delta) per side from trades at distance delta from mid.",
        "Prints the per-bucket table and A (trades/s), k (per tick), R^2 per side; --out writes the fit as JSON."
    })
public final class FitIntensityCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*", required = true,
        description = "LOBSTER message file (orderbook file found by name) or Binance captures in order.")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the fit as JSON.")
    private Path out;

    @Option(names = "--bucket-ticks", paramLabel = "TICKS", defaultValue = "0.5",
        description = "Width of a distance bucket in ticks (default: ${DEFAULT-VALUE}).")
    private double bucketTicks;

    @Option(names = "--buckets", paramLabel = "N", defaultValue = "40",
        description = "Number of distance buckets (default: ${DEFAULT-VALUE}).")
    private int buckets;

    @CommandLine.Mixin
    private ReplaySizeOptions sizes = new ReplaySizeOptions();

    public Integer call() throws IOException
    {
        final IntensityFitter fitter = new IntensityFitter(bucketTicks, buckets);
        final PrintWriter err = spec.commandLine().getErr();
        final String bookSummary = sizes.resolve(inputs).replayEvents(fitter::onEvent,
            (records) -> err.printf("fit intensity: %,d records...%n", records));

        final IntensityFit fit = fitter.fit();
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(bookSummary);
        stdout.println(fit.report());
        if (null != out)
        {
            Files.writeString(out, fit.toJson(), StandardCharsets.UTF_8);
            stdout.println("written " + out);
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
