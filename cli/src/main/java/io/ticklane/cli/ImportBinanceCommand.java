package io.ticklane.cli;

import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.JournalSource;
import io.ticklane.journal.importer.DailyJournalImport;
import io.ticklane.journal.importer.JournalImport;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane import binance}: journals Binance captures as the frames the capture reader emits (instrument
 * definition, synchronised snapshots and depth updates, best bid/offer, trades), exchange and local timestamps as the
 * frames carry them.
 */
@Command(
    name = "binance",
    mixinStandardHelpOptions = true,
    description = {
        "Import Binance captures (hftbacktest collector .gz, in time order: one stream) into a journal.",
        "Market (spot or USD-M futures) detected from the data. Records: IN on stream 1, receive time = the capture's",
        "local timestamp. Written to a hidden sibling directory and renamed to --out only when complete.",
        "Last line: journal=<dir> records=<n> market=<m>. Exit 0 on success, 2 on bad usage or input.",
        "With --split-utc-days, --out is a directory of journals, one per UTC day of receive time (named YYYY-MM-DD),",
        "each replayable on its own: a day after the first starts at 00:00:00Z with the whole book the capture had built",
        "by then (an L2Snapshot carrying the last update's sequence). One line per day, then:",
        "journals=<dir> days=<d> records=<n> market=<m>. All days or none are written."
    })
public final class ImportBinanceCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE", description = "Capture files (.gz), in order.")
    private List<Path> inputs;

    @Option(names = "--instrument", required = true, paramLabel = "SYM", description = "Symbol the capture must carry.")
    private String instrument;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Journal directory to create; must not exist.")
    private Path out;

    @Option(names = "--split-utc-days",
        description = "Write one journal per UTC day under --out, each starting with the book as it stood at midnight.")
    private boolean splitUtcDays;

    public Integer call() throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(inputs)
            .market(new MarketDetection().detect(inputs));
        final StringBuilder files = new StringBuilder();
        for (final Path input : inputs)
        {
            files.append(' ').append(input.getFileName());
        }
        final String source = JournalSource.binanceCapture(context.market().name(), files +
            "; the capture reader's frames, exchange and local timestamps as captured");

        if (splitUtcDays)
        {
            return importDays(context, source, stdout, err);
        }
        try (JournalImport journal = new JournalImport(out, source, CodeVersion.current(),
            (records) -> err.printf("import: %,d records...%n", records)).expectSymbol(instrument);
            BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            reader.readAll(journal);
            final long records = journal.commit();
            stdout.println("journal=" + out + " records=" + records + " market=" + context.market());
            stdout.flush();
        }
        return ExitCodes.OK;
    }

    private int importDays(
        final BinanceCaptureReader.Context context, final String source, final PrintWriter stdout, final PrintWriter err)
        throws IOException
    {
        try (DailyJournalImport journals = new DailyJournalImport(out, source, CodeVersion.current(),
            (records) -> err.printf("import: %,d records...%n", records)).expectSymbol(instrument);
            BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            reader.readAll(journals);
            final List<DailyJournalImport.Day> days = journals.commit();
            long records = 0;
            for (final DailyJournalImport.Day day : days)
            {
                stdout.println("journal=" + day.journal() + " day=" + day.date() + " records=" + day.records() +
                    " starts=" + day.start().name().toLowerCase(Locale.ROOT));
                records += day.records();
            }
            stdout.println("journals=" + out + " days=" + days.size() + " records=" + records + " market=" + context.market());
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
