package io.ticklane.backtest.replay;

import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.microstructure.MarketEventListener;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.backtest.verify.BinanceVerification;
import io.ticklane.backtest.verify.LobsterVerification;
import io.ticklane.backtest.verify.VerifyReport;
import org.agrona.concurrent.MessageHandler;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real market data named by the user, replayed through a book that is kept exact (and checked) while an observer
 * sees every frame: a LOBSTER message file (its orderbook file, found by name, seeds the book and supplies levels
 * no message announces) or one or more Binance captures in time order.
 */
public final class ReplaySource
{
    private static final Pattern LOBSTER_MESSAGE = Pattern.compile("(.*)_message_(\\d+)(\\.csv(?:\\.gz)?)");

    private final List<Path> inputs;
    private final Path lobsterBook;
    private final BigDecimal tickSize;
    private final BigDecimal lotSize;

    private ReplaySource(final List<Path> inputs, final Path lobsterBook, final BigDecimal tickSize, final BigDecimal lotSize)
    {
        this.inputs = List.copyOf(inputs);
        this.lobsterBook = lobsterBook;
        this.tickSize = tickSize;
        this.lotSize = lotSize;
    }

    /**
     * @param inputs   a LOBSTER message file, or Binance capture files in time order.
     * @param tickSize tick size in currency, or null for the source's default (LOBSTER one cent; Binance inferred).
     * @param lotSize  lot size (Binance only), or null to infer it.
     * @return the source.
     * @throws IllegalArgumentException when the inputs do not name one of the supported sources.
     */
    public static ReplaySource resolve(final List<Path> inputs, final BigDecimal tickSize, final BigDecimal lotSize)
    {
        if (inputs.isEmpty())
        {
            throw new IllegalArgumentException("no input files");
        }

        final Matcher matcher = LOBSTER_MESSAGE.matcher(inputs.get(0).getFileName().toString());
        if (matcher.matches())
        {
            if (inputs.size() > 1)
            {
                throw new IllegalArgumentException("a LOBSTER input is one message file (its orderbook file is found " +
                    "by name); got " + inputs.size() + " files");
            }
            final Path message = inputs.get(0);
            final Path book = message.resolveSibling(
                matcher.group(1) + "_orderbook_" + matcher.group(2) + matcher.group(3));
            if (!Files.isRegularFile(book))
            {
                throw new IllegalArgumentException("LOBSTER message file " + message + " needs its orderbook file " +
                    book + " (not found)");
            }
            if (null != lotSize)
            {
                throw new IllegalArgumentException("--lot-size applies to Binance captures only");
            }
            return new ReplaySource(inputs, book, tickSize, null);
        }

        return new ReplaySource(inputs, null, tickSize, lotSize);
    }

    private static long lobsterPriceUnits(final BigDecimal tickSize)
    {
        try
        {
            final long units = tickSize.scaleByPowerOfTen(-LobsterContext.PRICE_EXPONENT).longValueExact();
            if (units > 0)
            {
                return units;
            }
        }
        catch (final ArithmeticException ex)
        {
            // reported below
        }
        throw new IllegalArgumentException("tick size " + tickSize.toPlainString() +
            " is not a positive multiple of LOBSTER's price unit 0.0001");
    }

    /**
     * @return true for LOBSTER, false for Binance.
     */
    public boolean isLobster()
    {
        return null != lobsterBook;
    }

    /**
     * Replays the whole source into a listener of market events (each book change and trade once applied), as the
     * offline fitters take them; no factor is computed.
     *
     * @param listener told every market event.
     * @param progress told the record count every million records.
     * @return one line saying how exact the book stayed (the verification summary).
     */
    public String replayEvents(final MarketEventListener listener, final LongConsumer progress)
    {
        return replay((book) -> FactorEngine.observing(book, List.of()).listener(listener), progress);
    }

    /**
     * Replays the whole source.
     *
     * @param observerFactory creates the observer of every frame, given the replay's book.
     * @param progress        told the record count every million records.
     * @return one line saying how exact the book stayed (the verification summary).
     */
    public String replay(final Function<OrderBook, MessageHandler> observerFactory, final LongConsumer progress)
    {
        if (isLobster())
        {
            final LobsterContext context = new LobsterContext();
            if (null != tickSize)
            {
                context.tickSize(lobsterPriceUnits(tickSize));
            }
            final VerifyReport report = new LobsterVerification(inputs.get(0), lobsterBook, 0, context, progress)
                .observer(observerFactory)
                .run();
            return "book: " + report.summaryLine();
        }

        final BinanceCaptureReader.Context context = new BinanceCaptureReader.Context()
            .files(inputs)
            .market(new MarketDetection().detect(inputs))
            .tickSize(tickSize)
            .lotSize(lotSize);
        final BinanceVerification.Result result = new BinanceVerification(context, progress)
            .observer(observerFactory)
            .run();
        return "book: " + result.summaryLine() + " (" + result.sizes() + ")";
    }
}
