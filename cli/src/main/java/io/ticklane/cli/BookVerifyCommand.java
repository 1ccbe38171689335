package io.ticklane.cli;

import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.backtest.verify.BinanceVerification;
import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.backtest.verify.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
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
        "Binance: replays depth diffs from the snapshot (files in order, one stream) through the L2 book and compares",
        "its top of book with every bookTicker at the same update id.",
        "Last line: updates=<n> gaps=<g> resyncs=<r> crossed=<c> top_mismatches=<t>.",
        "Exit 0 when everything matches, 1 when a check fails, 2 on bad usage or input."
    })
public final class BookVerifyCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--lobster-message", paramLabel = "FILE", description = "LOBSTER message file (.csv or .csv.gz).")
    private Path lobsterMessage;

    @Option(names = "--lobster-book", paramLabel = "FILE", description = "LOBSTER orderbook file (.csv or .csv.gz).")
    private Path lobsterBook;

    @Option(names = "--binance", paramLabel = "FILE", arity = "1..*",
        description = "Binance capture files (.gz), in time order: a day without a snapshot continues the previous.")
    private List<Path> binance;

    @Option(names = "--market", paramLabel = "spot|usdm",
        description = "Binance market (default: detected from the first depth message).")
    private String market;

    @Option(names = "--lot-size", paramLabel = "QTY",
        description = "Binance lot size (default: inferred from the first snapshot and printed).")
    private BigDecimal lotSize;

    @Option(names = "--levels", paramLabel = "N", defaultValue = "0",
        description = "Levels per side to compare (default: all levels of the orderbook file).")
    private int levels;

    @Option(names = "--tick-size", paramLabel = "PRICE",
        description = "Tick size in currency (LOBSTER default 0.01; Binance default: inferred from the snapshot).")
    private BigDecimal tickSize;

    @Option(names = "--symbol", description = "Instrument symbol (default: from the file name).")
    private String symbol;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Trading date (default: from the file name).")
    private LocalDate date;

    @Option(names = "--json", description = "Print the summary as JSON.")
    private boolean json;

    public Integer call()
    {
        final boolean isLobster = null != lobsterMessage || null != lobsterBook;
        if (isLobster == (null != binance))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "give either --lobster-message with --lobster-book, or --binance FILE...");
        }
        if (isLobster && (null == lobsterMessage || null == lobsterBook))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "give --lobster-message and --lobster-book together");
        }
        return isLobster ? verifyLobster() : verifyBinance();
    }

    private int verifyBinance()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(binance)
            .market(null == market ? new MarketDetection().detect(binance) : parseMarket(market))
            .tickSize(tickSize)
            .lotSize(lotSize);

        final BinanceVerification.Result result = new BinanceVerification(
            context, (lines) -> err.printf("book verify: %,d lines...%n", lines)).run();

        out.println("market=" + context.market() + " " + result.sizes());
        result.differences().forEach((difference) -> out.println("  top mismatch " + difference));
        if (BookState.LIVE != result.finalState())
        {
            out.println("book ended " + result.finalState());
        }
        if (result.outOfRangeLevels() > 0)
        {
            out.println("deep level updates not held (beyond the ladder window of " + OrderBook.DEFAULT_LADDER_CAPACITY +
                " ticks from the touch): " + result.outOfRangeLevels());
        }
        out.println("compared=" + result.compared() + " not_comparable=" + result.notComparable() +
            " dropped_before_sync=" + result.reader().droppedBeforeSync());
        out.println(json ? result.toJson(context.market()) : result.summaryLine());
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private BinanceMarket parseMarket(final String name)
    {
        switch (name)
        {
            case "spot":
                return BinanceMarket.SPOT;
            case "usdm":
                return BinanceMarket.USDM_FUTURES;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--market must be spot or usdm, not '" + name + "'");
        }
    }

    private int verifyLobster()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final LobsterContext context = new LobsterContext().symbol(symbol).tradingDate(date);
        if (null != tickSize)
        {
            context.tickSize(LobsterTickSize.priceUnits(spec.commandLine(), tickSize));
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
            out.println("deep levels not held (beyond the ladder window of " + OrderBook.DEFAULT_LADDER_CAPACITY +
                " ticks from the touch): " + report.outOfRangeLevels());
        }
        if (!json)
        {
            out.println(report.windowLine());
        }
        out.println(json ? report.toJson() : report.summaryLine());
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
