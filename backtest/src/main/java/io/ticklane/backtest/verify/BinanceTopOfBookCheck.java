package io.ticklane.backtest.verify;

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

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame side of a Binance verification: applies L2 frames to an {@link L2Book} and compares the rebuilt top of
 * book with every BestBidOffer (bookTicker) at the same update id. It takes frames from anywhere, so the capture
 * reader ({@link BinanceVerification}) and a live feed handler (through {@code feed serve}) are checked by the same
 * code and their tallies can be compared one to one.
 * <p>
 * A bookTicker with update id {@code u} is compared with the book as of the depth update whose last update id is
 * exactly {@code u}, whether the ticker arrives before or after that update. Tickers whose {@code u} falls inside a
 * depth batch (spot batches 100 ms of updates) describe a state the book never passes through; they are counted as
 * not comparable, never as matches.
 */
public final class BinanceTopOfBookCheck
{
    private static final int HISTORY = 1 << 14;
    private static final int MAX_DESCRIBED = 5;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final long[] historySequence = new long[HISTORY];
    private final long[][] historyTop = new long[HISTORY][4];
    private final Long2LongHashMap historyIndex = new Long2LongHashMap(-1);
    private final ArrayDeque<long[]> pendingTickers = new ArrayDeque<>();
    private final List<String> differences = new ArrayList<>();
    private final L2Book book;
    private final BookFeed feed;
    private long historyCount;
    private long updates;
    private long compared;
    private long notComparable;
    private long topMismatches;
    private long lastAppliedSequence = Long.MIN_VALUE;

    /**
     * @param instrumentId of the book the frames describe.
     */
    public BinanceTopOfBookCheck(final int instrumentId)
    {
        book = new L2Book(instrumentId);
        feed = new BookFeed(book);
    }

    /**
     * @return the book the frames are applied to.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * Apply or compare one SBE frame (message header first); other templates are ignored.
     *
     * @param msgTypeId SBE template id.
     * @param buffer    holding the frame.
     * @param index     of the frame.
     * @param length    of the frame.
     */
    public void onFrame(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
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
    }

    /**
     * End of the frames: tickers still waiting for their book state never got one and count as not comparable.
     *
     * @param sizes  tick and lot the frames were built with.
     * @param reader the decoder's counters.
     * @return the outcome.
     */
    public BinanceVerification.Result finish(final TickLotSizes sizes, final BinanceReaderCounters reader)
    {
        notComparable += pendingTickers.size();
        pendingTickers.clear();
        return new BinanceVerification.Result(
            updates,
            book.gapCount(),
            Math.max(0, book.snapshotCount() - 1),
            book.crossedCount(),
            topMismatches,
            compared,
            notComparable,
            book.state(),
            book.outOfRangeLevels(),
            sizes,
            reader,
            differences);
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
}
