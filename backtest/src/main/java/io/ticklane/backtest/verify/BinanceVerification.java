package io.ticklane.backtest.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.BinanceReaderCounters;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Replays Binance captures (snapshot + depth diffs, synchronised by the reader) through the
 * {@link BinanceTopOfBookCheck}, which rebuilds the book and compares its top with the venue's own best bid/offer
 * stream (the rules of that comparison are described there).
 */
public final class BinanceVerification
{
    /** Progress is reported every this many lines. */
    public static final int PROGRESS_INTERVAL = 1_000_000;

    private final BinanceCaptureReader.Context context;
    private final LongConsumer progress;

    private BinanceTopOfBookCheck check;
    private MessageHandler observer;
    private Function<OrderBook, MessageHandler> observerFactory = (book) -> (msgTypeId, buffer, index, length) -> {};

    /**
     * @param context  reader settings (files, market, sizes).
     * @param progress told the line count every {@link #PROGRESS_INTERVAL} lines.
     */
    public BinanceVerification(final BinanceCaptureReader.Context context, final LongConsumer progress)
    {
        this.context = context;
        this.progress = progress;
    }

    /**
     * Something that wants every frame after the book has applied it (e.g. a factor engine): created once the book
     * exists.
     *
     * @param observerFactory creates the observer for the replay's book.
     * @return this.
     */
    public BinanceVerification observer(final Function<OrderBook, MessageHandler> observerFactory)
    {
        this.observerFactory = observerFactory;
        return this;
    }

    /**
     * Runs the replay and the comparison.
     *
     * @return the outcome.
     */
    public Result run()
    {
        try (BinanceCaptureReader reader = new BinanceCaptureReader(context))
        {
            check = new BinanceTopOfBookCheck(context.instrumentId());
            observer = observerFactory.apply(check.book());
            long lines = 0;
            int read;
            while ((read = reader.poll(this::onMessage, PROGRESS_INTERVAL)) > 0)
            {
                lines += read;
                if (read == PROGRESS_INTERVAL)
                {
                    progress.accept(lines);
                }
            }
            return check.finish(reader.tickLotSizes(), reader.counters());
        }
    }

    private void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        check.onFrame(msgTypeId, buffer, index, length);
        observer.onMessage(msgTypeId, buffer, index, length);
    }

    /**
     * Outcome of a Binance verification.
     *
     * @param updates          depth updates applied or offered to the book.
     * @param gaps             sequence gaps the book detected.
     * @param resyncs          snapshots applied after the first.
     * @param crossed          crossed (or locked) books after an update.
     * @param topMismatches    comparable tickers that disagreed with the book.
     * @param compared         tickers compared.
     * @param notComparable    tickers whose update id no book state had (inside a batch, or before sync).
     * @param finalState       state of the book at the end.
     * @param outOfRangeLevels deep level updates not held because they were beyond the ladder window (Binance diffs
     *                         reach levels far beyond the snapshot's depth); any effect on the top shows up as a
     *                         top mismatch.
     * @param sizes            tick and lot used.
     * @param reader           the reader's counters.
     * @param differences      the first mismatches described.
     */
    public record Result(
        long updates,
        long gaps,
        long resyncs,
        long crossed,
        long topMismatches,
        long compared,
        long notComparable,
        BookState finalState,
        long outOfRangeLevels,
        TickLotSizes sizes,
        BinanceReaderCounters reader,
        List<String> differences)
    {
        /**
         * Defensive copy of the differences.
         */
        public Result
        {
            differences = Collections.unmodifiableList(new ArrayList<>(differences));
        }

        /**
         * @return true when the book was rebuilt without gaps, crossings or disagreement with the venue.
         */
        public boolean passed()
        {
            return 0 == gaps && 0 == crossed && 0 == topMismatches && BookState.LIVE == finalState;
        }

        /**
         * @param market the market verified, named in the output.
         * @return the summary and comparison counts as one JSON object.
         */
        public String toJson(final BinanceMarket market)
        {
            final StringWriter out = new StringWriter();
            try (JsonGenerator json = new JsonFactory().createGenerator(out))
            {
                json.writeStartObject();
                json.writeStringField("market", market.name());
                json.writeStringField("tickSize", sizes.tickSize().toPlainString());
                json.writeStringField("lotSize", sizes.lotSize().toPlainString());
                json.writeNumberField("updates", updates);
                json.writeNumberField("gaps", gaps);
                json.writeNumberField("resyncs", resyncs);
                json.writeNumberField("crossed", crossed);
                json.writeNumberField("top_mismatches", topMismatches);
                json.writeNumberField("compared", compared);
                json.writeNumberField("not_comparable", notComparable);
                json.writeNumberField("dropped_before_sync", reader.droppedBeforeSync());
                json.writeNumberField("out_of_range_levels", outOfRangeLevels);
                json.writeStringField("final_state", finalState.name());
                json.writeArrayFieldStart("first_differences");
                for (final String difference : differences)
                {
                    json.writeString(difference);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            return out.toString();
        }

        /**
         * @return the summary line {@code updates=<n> gaps=<g> resyncs=<r> crossed=<c> top_mismatches=<t>}.
         */
        public String summaryLine()
        {
            return "updates=" + updates + " gaps=" + gaps + " resyncs=" + resyncs + " crossed=" + crossed +
                " top_mismatches=" + topMismatches;
        }
    }
}
