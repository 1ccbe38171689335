package io.ticklane.cli;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.FactorSnapshot;
import io.ticklane.backtest.replay.ReplaySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    @Option(names = "--tick-size", paramLabel = "PRICE", description = "Tick size in currency (default per source).")
    private BigDecimal tickSize;

    @Option(names = "--lot-size", paramLabel = "QTY", description = "Lot size (Binance; default inferred).")
    private BigDecimal lotSize;

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
        final ReplaySource source = ReplaySource.resolve(inputs, tickSize, lotSize);
        final PrintWriter err = spec.commandLine().getErr();
        final long[] rows = new long[1];
        final String bookSummary;
        try (BufferedWriter csv = Files.newBufferedWriter(out, StandardCharsets.US_ASCII))
        {
            bookSummary = source.replay(
                (book) -> new CsvRows(FactorEngine.observing(book, selected), csv, rows),
                (records) -> err.printf("factors: %,d records, %,d rows written...%n", records, rows[0]));
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }

        stdout.println(bookSummary);
        stdout.println("factors=" + selected.size() + " rows=" + rows[0] + " out=" + out);
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * Feeds the engine and writes a row whenever an event reached the factors.
     */
    private static final class CsvRows implements org.agrona.concurrent.MessageHandler
    {
        private final FactorEngine engine;
        private final BufferedWriter csv;
        private final long[] rows;
        private final StringBuilder line = new StringBuilder(1024);
        private long eventsWritten;

        CsvRows(final FactorEngine engine, final BufferedWriter csv, final long[] rows)
        {
            this.engine = engine;
            this.csv = csv;
            this.rows = rows;
            final FactorSnapshot snapshot = engine.snapshot();
            line.append("event_time_ns");
            for (int i = 0; i < snapshot.size(); i++)
            {
                line.append(',').append(snapshot.id(i));
            }
            write();
        }

        public void onMessage(
            final int msgTypeId, final org.agrona.MutableDirectBuffer buffer, final int index, final int length)
        {
            engine.onMessage(msgTypeId, buffer, index, length);
            final FactorSnapshot snapshot = engine.snapshot();
            if (snapshot.events() == eventsWritten)
            {
                return;
            }

            eventsWritten = snapshot.events();
            line.append(snapshot.eventTimeNs());
            for (int i = 0; i < snapshot.size(); i++)
            {
                line.append(',').append(snapshot.value(i));
            }
            write();
            rows[0]++;
        }

        private void write()
        {
            try
            {
                csv.append(line).append('\n');
                line.setLength(0);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
