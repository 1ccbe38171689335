package io.ticklane.backtest.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.BinanceReaderCounters;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Replays Binance captures (snapshot + depth diffs, synchronised by the reader) through an {@link L2Book} and
 * compares the rebuilt top of book with the venue's own best bid/offer stream.
 * <p>
 * A bookTicker with update id {@code u} is compared with the book as of the depth update whose last update id is
 * exactly {@code u}, whether the ticker arrives before or after that update in the file. Tickers whose {@code u}
 * falls inside a depth batch (spot batches 100 ms of updates) describe a state the book never passes through; they
 * are counted as not comparable, never as matches.
 */
public final class BinanceVerification
{
    /** Progress is reported every this many lines. */
    public static final int PROGRESS_INTERVAL = 1_000_000;

    private static final int HISTORY = 1 << 14;
    private static final int MAX_DESCRIBED = 5;

    private final BinanceCaptureReader.Context context;
    private final LongConsumer progress;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final long[] historySequence = new long[HISTORY];
    private final long[][] historyTop = new long[HISTORY][4];
    private final Long2LongHashMap historyIndex = new Long2LongHashMap(-1);
    private final ArrayDeque<long[]> pendingTickers = new ArrayDeque<>();
    private final List<String> differences = new ArrayList<>();

    private Function<OrderBook, MessageHandler> observerFactory = (book) -> (msgTypeId, buffer, index, length) -> {};
    private MessageHandler observer;
    private L2Book book;
    private BookFeed feed;
    private long historyCount;
    private long updates;
    private long compared;
    private long notComparable;
    private long topMismatches;
    private long lastAppliedSequence = Long.MIN_VALUE;

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
            book = new L2Book(context.instrumentId());
            feed = new BookFeed(book);
            observer = observerFactory.apply(book);
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
            notComparable += pendingTickers.size();
            pendingTickers.clear();

            return new Result(
                updates,
                book.gapCount(),
                Math.max(0, book.snapshotCount() - 1),
                book.crossedCount(),
                topMismatches,
                compared,
                notComparable,
                book.state(),
                book.outOfRangeLevels(),
                reader.tickLotSizes(),
                reader.counters(),
                differences);
        }
    }

    private void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        switch (msgTypeId)
        {
            case L2UpdateDecoder.TEMPLATE_ID:
                updates++;
                feed.onMessage(msgTypeId, buffer, index, length);
                afterBookMessage();
                break;
            case L2SnapshotDecoder.TEMPLATE_ID:
                feed.onMessage(msgTypeId, buffer, index, length);
                afterBookMessage();
                break;
            case BestBidOfferDecoder.TEMPLATE_ID:
                header.wrap(buffer, index);
                bbo.wrapAndApplyHeader(buffer, index, header);
                onTicker(new long[]{
                    bbo.sequence(), bbo.bidPrice(), bbo.bidQuantity(), bbo.askPrice(), bbo.askQuantity() });
                break;
            default:
                break;
        }
        observer.onMessage(msgTypeId, buffer, index, length);
    }

    private void afterBookMessage()
    {
        if (BookState.LIVE != book.state() || book.sequence() == lastAppliedSequence)
        {
            return;
        }

        lastAppliedSequence = book.sequence();
        record(book.sequence());
        while (!pendingTickers.isEmpty() && pendingTickers.peekFirst()[0] <= book.sequence())
        {
            compareWithHistory(pendingTickers.pollFirst());
        }
    }

    private void onTicker(final long[] ticker)
    {
        if (BookState.LIVE == book.state() && ticker[0] <= book.sequence())
        {
            compareWithHistory(ticker);
        }
        else
        {
            pendingTickers.addLast(ticker);
        }
    }

    private void record(final long sequence)
    {
        final int slot = (int)(historyCount++ & (HISTORY - 1));
        if (historyCount > HISTORY)
        {
            historyIndex.remove(historySequence[slot]);
        }
        historySequence[slot] = sequence;
        final long[] top = historyTop[slot];
        top[0] = book.bids().bestPrice();
        top[1] = book.bids().bestQuantity();
        top[2] = book.asks().bestPrice();
        top[3] = book.asks().bestQuantity();
        historyIndex.put(sequence, slot);
    }

    private void compareWithHistory(final long[] ticker)
    {
        final long slot = historyIndex.get(ticker[0]);
        if (-1 == slot)
        {
            notComparable++;
            return;
        }

        compared++;
        final long[] top = historyTop[(int)slot];
        if (top[0] != ticker[1] || top[1] != ticker[2] || top[2] != ticker[3] || top[3] != ticker[4])
        {
            topMismatches++;
            if (differences.size() < MAX_DESCRIBED)
            {
                differences.add("u=" + ticker[0] + ": bookTicker " + ticker[2] + "@" + ticker[1] + " / " +
                    ticker[4] + "@" + ticker[3] + ", book " + top[1] + "@" + top[0] + " / " + top[3] + "@" + top[2]);
            }
        }
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
