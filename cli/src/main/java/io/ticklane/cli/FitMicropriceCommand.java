package io.ticklane.cli;

import io.ticklane.microstructure.fit.MicropriceFitter;
import io.ticklane.microstructure.fit.MicropriceModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane fit microprice}: fits the Stoikov (2018) micro-price adjustment table from real data and writes
 * the model the {@code microprice} factor loads.
 */
@Command(
    name = "microprice",
    mixinStandardHelpOptions = true,
    description = {
        "Fit the Stoikov (2018) micro-price: imbalance x spread states, a Markov chain of mid changes, G1..G6.",
        "Prints the buckets, sample counts, G convergence and the final adjustment table; writes model.json.",
        "Use it with: ticklane factors --factors 'microprice(model=model.json)' ..."
    })
public final class FitMicropriceCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", arity = "1..*", required = true,
        description = "LOBSTER message file (orderbook file found by name) or Binance captures in order.")
    private List<Path> inputs;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Model file to write (JSON).")
    private Path out;

    @Option(names = "--imbalance-buckets", paramLabel = "N", defaultValue = "10",
        description = "Equal-width imbalance buckets (default: ${DEFAULT-VALUE}).")
    private int imbalanceBuckets;

    @Option(names = "--spread-buckets", paramLabel = "N", defaultValue = "2",
        description = "Spreads of 1..N ticks are states; wider spreads are excluded and counted (default: ${DEFAULT-VALUE}).")
    private int spreadBuckets;

    @Option(names = "--max-move", paramLabel = "TICKS", defaultValue = "1",
        description = "Largest mid move kept, ticks (default: ${DEFAULT-VALUE}).")
    private int maxMoveTicks;

    @Option(names = "--sample-every", paramLabel = "K", defaultValue = "1",
        description = "Sample every K-th book event (default: ${DEFAULT-VALUE}).")
    private int sampleEvery;

    @CommandLine.Mixin
    private ReplaySizeOptions sizes = new ReplaySizeOptions();

    public Integer call() throws IOException
    {
        final MicropriceFitter fitter = new MicropriceFitter(
            imbalanceBuckets, spreadBuckets, maxMoveTicks, sampleEvery, String.valueOf(inputs));
        final PrintWriter err = spec.commandLine().getErr();
        final String bookSummary = sizes.resolve(inputs).replayEvents(fitter::onEvent,
            (records) -> err.printf("fit microprice: %,d records...%n", records));

        final MicropriceModel model = fitter.fit();
        model.writeJson(out);
        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(bookSummary);
        stdout.println(model.report());
        stdout.println("written " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
