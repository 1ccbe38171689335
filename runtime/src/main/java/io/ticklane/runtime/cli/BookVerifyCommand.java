package io.ticklane.runtime.cli;

import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.runtime.verify.LobsterVerification;
import io.ticklane.runtime.verify.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/**
 * {@code ticklane book verify}: rebuilds a book from real exchange data and compares it with the venue's own view,
 * so a user can see the book is exact before trusting anything built on it.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Rebuild an order book from real data and compare it with the venue's view.",
        "LOBSTER: replays the message file through the L3 book and compares the top N levels with every row of the",
        "orderbook file. Last line: rows=<n> mismatches=<m> learned=<k>.",
        "Exit 0 when every row matches, 1 on mismatches, 2 on bad usage or input."
    })
public final class BookVerifyCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--lobster-message", paramLabel = "FILE", description = "LOBSTER message file (.csv or .csv.gz).")
    private Path lobsterMessage;

    @Option(names = "--lobster-book", paramLabel = "FILE", description = "LOBSTER orderbook file (.csv or .csv.gz).")
    private Path lobsterBook;

    @Option(names = "--levels", paramLabel = "N", defaultValue = "0",
        description = "Levels per side to compare (default: all levels of the orderbook file).")
    private int levels;

    @Option(names = "--tick-size", paramLabel = "PRICE",
        description = "Tick size in currency (LOBSTER default 0.01).")
    private BigDecimal tickSize;

    @Option(names = "--symbol", description = "Instrument symbol (default: from the file name).")
    private String symbol;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Trading date (default: from the file name).")
    private LocalDate date;

    @Option(names = "--json", description = "Print the summary as JSON.")
    private boolean json;

    public Integer call()
    {
        if (null == lobsterMessage || null == lobsterBook)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "give --lobster-message and --lobster-book together");
        }
        return verifyLobster();
    }

    private int verifyLobster()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final LobsterContext context = new LobsterContext().symbol(symbol).tradingDate(date);
        if (null != tickSize)
        {
            context.tickSize(priceUnits(tickSize, LobsterContext.PRICE_EXPONENT));
        }

        final VerifyReport report = new LobsterVerification(
            lobsterMessage, lobsterBook, levels, context,
            (rows) -> err.printf("book verify: %,d rows...%n", rows)).run();

        if (!report.differences().isEmpty())
        {
            out.println("first differing rows (prices in ticks, price x size):");
            report.differences().forEach((difference) -> out.println("  " + difference));
        }
        if (report.outOfRangeLevels() > 0)
        {
            out.println("levels beyond the book's ladder window: " + report.outOfRangeLevels());
        }
        out.println(json ? report.toJson() : report.summaryLine());
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private long priceUnits(final BigDecimal price, final int exponent)
    {
        try
        {
            final long units = price.scaleByPowerOfTen(-exponent).longValueExact();
            if (units <= 0)
            {
                throw new ArithmeticException();
            }
            return units;
        }
        catch (final ArithmeticException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--tick-size " + price.toPlainString() + " is not a positive multiple of 10^" + exponent);
        }
    }
}
