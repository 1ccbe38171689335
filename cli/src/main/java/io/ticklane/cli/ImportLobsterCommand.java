package io.ticklane.cli;

import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.JournalSource;
import io.ticklane.journal.importer.JournalImport;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.backtest.verify.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code ticklane import lobster}: journals a LOBSTER message file as the frames that rebuild the book the orderbook
 * file describes. It runs the same replay as {@code book verify} and journals exactly what that replay's observer
 * sees: the seeding snapshot (orderbook row 1 with message 1 undone), then each row's frames, the row's window
 * update (levels that left the top N, levels learned from the orderbook file) and a re-seeding snapshot after any row
 * that did not match, so an L3 book replaying the journal follows the file (docs/decisions/lobster-sequence-numbers.md).
 */
@Command(
    name = "lobster",
    mixinStandardHelpOptions = true,
    description = {
        "Import a LOBSTER message file (with its orderbook file, which seeds the book) into a journal.",
        "Records: IN on stream 1, receive time = the frame's receive time. Written to a hidden sibling directory and",
        "renamed to --out only when complete. Levels entering the top N from beyond it (learned from the orderbook file)",
        "and levels leaving it are journaled as an L2Update after their row, so an L3 book replaying the journal follows",
        "the file; the line before the last counts them and what the book absorbed as anonymous size.",
        "Last line: journal=<dir> records=<n> rows=<r> mismatches=<m> learned=<k>.",
        "Exit 0 on success, 2 on bad usage or input (including an existing --out)."
    })
public final class ImportLobsterCommand implements Callable<Integer>
{
    static final String SOURCE_NOTE = "journaled as book verify's observer sees them: InstrumentDefinition, the seeding " +
        "L2Snapshot (orderbook row 1 with message 1 undone), every row's frames, then the row's window as an L2Update " +
        "(levels that left the top N: DELETE; levels that entered from beyond it, taken from the orderbook file: NEW " +
        "anonymous size) chained on the row's sequence, and a re-seeding L2Snapshot after a row that did not match";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--message", required = true, paramLabel = "FILE", description = "LOBSTER message file (.csv or .csv.gz).")
    private Path message;

    @Option(names = "--book", required = true, paramLabel = "FILE", description = "Matching LOBSTER orderbook file.")
    private Path book;

    @Option(names = "--instrument", required = true, paramLabel = "SYM", description = "Instrument symbol, e.g. AAPL.")
    private String instrument;

    @Option(names = "--tick-size", paramLabel = "PRICE", defaultValue = "0.01", description = "Tick size in dollars (default 0.01).")
    private BigDecimal tickSize;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Trading date (default: from the file name).")
    private LocalDate date;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Journal directory to create; must not exist.")
    private Path out;

    public Integer call() throws IOException
    {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final LobsterContext context = new LobsterContext().symbol(instrument).tradingDate(date)
            .tickSize(LobsterTickSize.priceUnits(spec.commandLine(), tickSize));
        final String source = JournalSource.lobster(message.getFileName() + " orderbook " + book.getFileName() +
            " tick " + tickSize.toPlainString() + "; " + SOURCE_NOTE);

        try (JournalImport journal = new JournalImport(out, source, CodeVersion.current(),
            (records) -> err.printf("import: %,d records...%n", records)).expectSymbol(instrument))
        {
            final VerifyReport report = new LobsterVerification(message, book, 0, context, (rows) -> { })
                .observer((orderBook) -> journal)
                .run();
            final long records = journal.commit();
            stdout.println(report.windowLine());
            stdout.println("journal=" + out + " records=" + records + " " + report.summaryLine());
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}
