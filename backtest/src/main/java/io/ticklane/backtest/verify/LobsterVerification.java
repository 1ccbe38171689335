package io.ticklane.backtest.verify;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.journal.reader.lobster.LobsterBookReader;
import io.ticklane.journal.reader.lobster.LobsterContext;
import io.ticklane.journal.reader.lobster.LobsterMessageReader;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Replays a LOBSTER message file through the {@link L3Book} and compares the derived top-N L2 view with every row
 * of the matching orderbook file.
 * <p>
 * LOBSTER's level-N semantics are honoured, never papered over: the book is seeded from orderbook row 1 with
 * message 1 undone (its size is anonymous); after each message only the top N levels are kept, because a level-N
 * file carries no messages for deeper levels; and a level that enters the top N from beyond it — which no message
 * can announce — is taken from the row and counted as learned. A level may only be learned if it is strictly deeper
 * than every level the book knew before the message, so a level the book lost by mistake is reported as a
 * mismatch, never learned back. A row that differs is counted, described, and the book re-seeded from it so later
 * rows are judged on their own.
 * <p>
 * The window is kept through frames, never behind the book's back: after a row, the levels that left the top N
 * (DELETE) and the levels learned (NEW, anonymous size) go to the book as one {@code L2Update} with the row's
 * sequence as both {@code sequence} and {@code prevSequence} (it states the book after row n and applies only to a
 * book at n), and the observer sees it after the row's frames, as it sees a re-seeding snapshot. So a journal of what
 * the observer saw replays through a fresh {@link L3Book} to exactly the book compared here
 * ({@code docs/decisions/lobster-sequence-numbers.md}).
 * <p>
 * Just over 500 lines: the walk over the two files, the seeding, the window frames and the per-row comparison
 * share the book, the row and the counts of one pass; the row check itself already lives apart
 * ({@link LobsterRowCheck}).
 */
public final class LobsterVerification
{
    /** Progress is reported every this many rows. */
    public static final long PROGRESS_INTERVAL = 1_000_000;

    private static final int MAX_ORDERS = 1 << 18;
    private static final MessageHandler NO_OBSERVER = (msgTypeId, buffer, index, length) -> {};

    private final LobsterContext context;
    private final Path messageFile;
    private final Path bookFile;
    private final int compareLevels;
    private final LongConsumer progress;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final L3OrderEventDecoder eventDecoder = new L3OrderEventDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final L2SnapshotEncoder snapshotEncoder = new L2SnapshotEncoder();
    private final UnsafeBuffer snapshotBuffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final L2UpdateEncoder windowEncoder = new L2UpdateEncoder();
    private final UnsafeBuffer windowBuffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final FrameCapture afterRow = new FrameCapture();

    private Function<OrderBook, MessageHandler> observerFactory = (book) -> NO_OBSERVER;
    private MessageHandler observer = NO_OBSERVER;
    private L3Book book;
    private BookFeed feed;
    private int fileLevels;
    private long tickSize;
    private long lastBookSequence;
    private long lastTimeNs;
    private long[] prices;
    private long[] quantities;
    private long[] deepPrices = new long[16];
    private long[] deepQuantities = new long[16];
    private long[] windowLevels = new long[3 * 16];
    private int windowLevelCount;
    private LobsterRowCheck rowCheck;

    /**
     * @param messageFile   LOBSTER message file (plain or gzip).
     * @param bookFile      matching LOBSTER orderbook file.
     * @param compareLevels levels per side to compare, 0 for all the file has.
     * @param context       instrument settings (tick size, symbol, date).
     * @param progress      told the row count every {@link #PROGRESS_INTERVAL} rows.
     */
    public LobsterVerification(
        final Path messageFile,
        final Path bookFile,
        final int compareLevels,
        final LobsterContext context,
        final LongConsumer progress)
    {
        if (compareLevels < 0)
        {
            throw new IllegalArgumentException("--levels must be positive: " + compareLevels);
        }
        this.messageFile = messageFile;
        this.bookFile = bookFile;
        this.compareLevels = compareLevels;
        this.context = context;
        this.progress = progress;
    }

    /**
     * Something that wants every frame after the book has applied it (e.g. a factor engine): created once the book
     * exists. It sees the seeding snapshots, and each row's frames once the book matches that row (depth kept to N,
     * levels entering from beyond learned), so it reads the book the file describes.
     *
     * @param observerFactory creates the observer for the replay's book.
     * @return this.
     */
    public LobsterVerification observer(final Function<OrderBook, MessageHandler> observerFactory)
    {
        this.observerFactory = observerFactory;
        return this;
    }

    /**
     * Runs the whole comparison.
     *
     * @return the outcome, with the first differing rows described.
     * @throws InputFormatException on malformed input or files that do not belong together.
     */
    public VerifyReport run()
    {
        try (LobsterMessageReader messages = new LobsterMessageReader(messageFile, context);
            LobsterBookReader rows = new LobsterBookReader(bookFile))
        {
            tickSize = context.tickSize();
            final VerifyReport report = new VerifyReport();

            // Row 1: read message 1 without applying it, so the book can be seeded as it was before it.
            final FrameCapture firstFrames = new FrameCapture();
            if (0 == messages.poll(firstFrames, 1))
            {
                throw new InputFormatException(messages.source(), 0, "no rows");
            }
            if (!rows.next())
            {
                throw new InputFormatException(rows.source(), 0, "no rows");
            }

            fileLevels = rows.levels();
            if (compareLevels > fileLevels)
            {
                throw new IllegalArgumentException(
                    "--levels " + compareLevels + " but " + rows.source() + " has " + fileLevels + " levels");
            }
            final int levelsToCompare = 0 == compareLevels ? fileLevels : compareLevels;
            prices = new long[fileLevels + 1];
            quantities = new long[fileLevels + 1];
            rowCheck = new LobsterRowCheck(fileLevels, tickSize);
            report.levels(levelsToCompare);

            book = new L3Book(context.instrumentId(), OrderBook.DEFAULT_LADDER_CAPACITY, MAX_ORDERS);
            feed = new BookFeed(book);
            observer = observerFactory.apply(book);
            final MessageHandler applier = this::apply;

            seedBeforeFirstMessage(rows, firstFrames);
            firstFrames.replay(applier);

            final SideState bidState = new SideState();
            final SideState askState = new SideState();
            bidState.complete = !rows.hasBid(fileLevels);
            askState.complete = !rows.hasAsk(fileLevels);
            afterRow.clear();
            compareRow(rows, report, levelsToCompare, bidState, askState);
            firstFrames.replay(observer);
            afterRow.replay(observer);

            // Each row: apply its frames to the book, bring the book in line with the orderbook row (depth kept,
            // levels learned), and only then show the frames to the observer, so it sees the book as the file has it.
            final FrameCapture rowFrames = new FrameCapture();
            while (true)
            {
                bidState.boundary = deepestKnown(book.bids());
                askState.boundary = deepestKnown(book.asks());
                rowFrames.clear();
                afterRow.clear();
                if (0 == messages.poll(rowFrames, 1))
                {
                    break;
                }
                rowFrames.replay(applier);
                if (!rows.next())
                {
                    throw new InputFormatException(rows.source(), rows.row() + 1,
                        "orderbook file ends before the message file (" + messages.source() + " has more rows)");
                }
                compareRow(rows, report, levelsToCompare, bidState, askState);
                rowFrames.replay(observer);
                afterRow.replay(observer);
                if (0 == rows.row() % PROGRESS_INTERVAL)
                {
                    progress.accept(rows.row());
                }
            }

            if (rows.next())
            {
                throw new InputFormatException(rows.source(), rows.row(),
                    "orderbook file has more rows than the message file (" + messages.rows() + ")");
            }
            report.outOfRangeLevels(book.outOfRangeLevels());
            report.absorbed(book.unknownOrderEventsAbsorbed(), book.unknownOrderQuantityAbsorbed(), book.ordersForgotten());
            return report;
        }
    }

    private void apply(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (L3OrderEventDecoder.TEMPLATE_ID == msgTypeId)
        {
            headerDecoder.wrap(buffer, index);
            eventDecoder.wrapAndApplyHeader(buffer, index, headerDecoder);
            lastBookSequence = eventDecoder.sequence();
            lastTimeNs = eventDecoder.receiveTimeNs();
        }
        feed.onMessage(msgTypeId, buffer, index, length);
    }

    private void compareRow(
        final LobsterBookReader rows,
        final VerifyReport report,
        final int levelsToCompare,
        final SideState bidState,
        final SideState askState)
    {
        final long row = rows.row();
        report.rowCompared();
        if (BookState.LIVE == book.state())
        {
            windowLevelCount = 0;
            dropBeyondWindow(Side.BUY, report);
            dropBeyondWindow(Side.SELL, report);
            learnLevels(rows, Side.BUY, bidState, report);
            learnLevels(rows, Side.SELL, askState, report);
            if (windowLevelCount > 0)
            {
                stateWindow();
            }
        }

        final String difference = BookState.LIVE != book.state() ?
            "book went STALE: " + book.staleReason() + " at message row " + book.staleSequence() :
            rowCheck.difference(book, rows, levelsToCompare);

        bidState.complete = !rows.hasBid(fileLevels);
        askState.complete = !rows.hasAsk(fileLevels);
        if (null != difference)
        {
            report.mismatch(row, difference);
            seedFromRow(rows, lastBookSequence, null, 0, 0, 0, afterRow);
        }
    }

    /**
     * Levels beyond the file's N left its window: no message will follow them, so they leave the book (DELETE).
     */
    private void dropBeyondWindow(final Side side, final VerifyReport report)
    {
        final PriceLadder ladder = book.side(side);
        final int count = ladder.levelCount();
        if (count <= fileLevels)
        {
            return;
        }
        if (deepPrices.length < count)
        {
            deepPrices = new long[2 * count];
            deepQuantities = new long[2 * count];
        }
        ladder.levels(deepPrices, deepQuantities, count);
        for (int i = fileLevels; i < count; i++)
        {
            putWindowLevel(side, L2Action.DELETE, deepPrices[i], 0);
            report.levelDropped();
        }
    }

    /**
     * Levels the row shows below every level the book knew before the message entered from beyond the window: their
     * size is taken from the row as anonymous size (NEW). A missing level that is not strictly deeper is left for
     * the comparison to report.
     */
    private void learnLevels(final LobsterBookReader rows, final Side side, final SideState state, final VerifyReport report)
    {
        if (state.complete)
        {
            return;
        }
        final boolean isBid = Side.BUY == side;
        final int known = book.side(side).levels(prices, quantities, fileLevels);
        for (int level = known + 1; level <= fileLevels; level++)
        {
            if (!(isBid ? rows.hasBid(level) : rows.hasAsk(level)))
            {
                break;
            }
            final long rowPrice = rowCheck.ticks(rows, isBid ? rows.bidPrice(level) : rows.askPrice(level));
            final boolean deeper = PriceLadder.NULL_PRICE == state.boundary ||
                (isBid ? rowPrice < state.boundary : rowPrice > state.boundary);
            if (deeper)
            {
                putWindowLevel(side, L2Action.NEW, rowPrice, isBid ? rows.bidSize(level) : rows.askSize(level));
                report.levelLearned();
            }
        }
    }

    private void putWindowLevel(final Side side, final L2Action action, final long price, final long quantity)
    {
        if (windowLevels.length < 3 * (windowLevelCount + 1))
        {
            windowLevels = Arrays.copyOf(windowLevels, 2 * windowLevels.length);
        }
        final int at = 3 * windowLevelCount;
        windowLevels[at] = (Side.BUY == side ? 1 : 2) | (long)action.value() << 8;
        windowLevels[at + 1] = price;
        windowLevels[at + 2] = quantity;
        windowLevelCount++;
    }

    /**
     * The window's changes as one L2Update chained on the book's sequence without advancing it, applied to the book
     * and shown to the observer after the row's frames.
     */
    private void stateWindow()
    {
        final long sequence = book.sequence();
        windowEncoder.wrapAndApplyHeader(windowBuffer, 0, headerEncoder)
            .exchangeTimeNs(lastTimeNs)
            .receiveTimeNs(lastTimeNs)
            .instrumentId(context.instrumentId())
            .sequence(sequence)
            .prevSequence(sequence);
        final L2UpdateEncoder.LevelsEncoder group = windowEncoder.levelsCount(windowLevelCount);
        for (int i = 0; i < windowLevelCount; i++)
        {
            final long sideAndAction = windowLevels[3 * i];
            group.next()
                .side(1 == (sideAndAction & 0xff) ? Side.BUY : Side.SELL)
                .action(L2Action.get((short)(sideAndAction >>> 8)))
                .price(windowLevels[3 * i + 1])
                .quantity(windowLevels[3 * i + 2]);
        }
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + windowEncoder.encodedLength();
        apply(L2UpdateEncoder.TEMPLATE_ID, windowBuffer, 0, length);
        afterRow.onMessage(L2UpdateEncoder.TEMPLATE_ID, windowBuffer, 0, length);
    }

    private void seedBeforeFirstMessage(final LobsterBookReader rows, final FrameCapture firstFrames)
    {
        lastTimeNs = firstFrames.firstReceiveTimeNs(headerDecoder);
        final L3OrderEventDecoder first = firstFrames.firstOrderEvent(headerDecoder, eventDecoder);
        if (null == first)
        {
            seedFromRow(rows, 0, null, 0, 0, 0, observer);
            return;
        }

        // The book before message 1: row 1 with message 1 undone.
        final long quantity = L3EventType.ADD == first.eventType() ? -first.quantity() : first.quantity();
        seedFromRow(rows, first.prevSequence(), first.side(), first.price(), quantity, 1, observer);
    }

    /**
     * Rebuilds the book from an orderbook row, optionally adjusting one level, through an SBE L2 snapshot: the same
     * path a live snapshot takes. The snapshot goes to {@code shownTo}: the observer itself before the first row, the
     * after-row frames for a re-seed (so the observer sees it after the row's own frames, in sequence order).
     */
    private void seedFromRow(
        final LobsterBookReader rows,
        final long sequence,
        final Side adjustSide,
        final long adjustPrice,
        final long adjustQuantity,
        final int adjustments,
        final MessageHandler shownTo)
    {
        int count = 0;
        final long[] levels = new long[(2 * fileLevels + 1) * 3];
        boolean adjusted = 0 == adjustments;
        for (int level = 1; level <= fileLevels; level++)
        {
            if (rows.hasBid(level))
            {
                final long price = rowCheck.ticks(rows, rows.bidPrice(level));
                long size = rows.bidSize(level);
                if (!adjusted && Side.BUY == adjustSide && price == adjustPrice)
                {
                    size += adjustQuantity;
                    adjusted = true;
                }
                count = putLevel(levels, count, 1, price, size);
            }
            if (rows.hasAsk(level))
            {
                final long price = rowCheck.ticks(rows, rows.askPrice(level));
                long size = rows.askSize(level);
                if (!adjusted && Side.SELL == adjustSide && price == adjustPrice)
                {
                    size += adjustQuantity;
                    adjusted = true;
                }
                count = putLevel(levels, count, 2, price, size);
            }
        }
        if (!adjusted)
        {
            // Message 1 removed a whole level (or added one that is not in the row): put it back.
            count = putLevel(levels, count, Side.BUY == adjustSide ? 1 : 2, adjustPrice, adjustQuantity);
        }

        snapshotEncoder.wrapAndApplyHeader(snapshotBuffer, 0, headerEncoder)
            .exchangeTimeNs(lastTimeNs)
            .receiveTimeNs(lastTimeNs)
            .instrumentId(context.instrumentId())
            .sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder group = snapshotEncoder.levelsCount(count);
        for (int i = 0; i < count; i++)
        {
            group.next()
                .side(1 == levels[i * 3] ? Side.BUY : Side.SELL)
                .price(levels[i * 3 + 1])
                .quantity(levels[i * 3 + 2]);
        }
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + snapshotEncoder.encodedLength();
        apply(L2SnapshotEncoder.TEMPLATE_ID, snapshotBuffer, 0, length);
        shownTo.onMessage(L2SnapshotEncoder.TEMPLATE_ID, snapshotBuffer, 0, length);
        lastBookSequence = sequence;
    }

    private static int putLevel(final long[] levels, final int count, final long side, final long price, final long size)
    {
        if (size <= 0)
        {
            return count;
        }
        levels[count * 3] = side;
        levels[count * 3 + 1] = price;
        levels[count * 3 + 2] = size;
        return count + 1;
    }

    private static long deepestKnown(final PriceLadder ladder)
    {
        final int count = ladder.levelCount();
        return 0 == count ? PriceLadder.NULL_PRICE : ladder.priceAtLevel(count - 1);
    }

    /**
     * What the comparison knows about one side between rows.
     */
    private static final class SideState
    {
        /** The last row showed fewer than N levels: the side is entirely known, nothing can enter from beyond. */
        boolean complete;
        /** Deepest price the book knew before the current message: only deeper levels can be learned. */
        long boundary = PriceLadder.NULL_PRICE;
    }

    /**
     * Holds the frames of one message row so they can be inspected before they are applied.
     */
    private static final class FrameCapture implements MessageHandler
    {
        private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        private final ExpandableArrayBuffer frames = new ExpandableArrayBuffer(1024);
        private final int[] offsets = new int[8];
        private final int[] lengths = new int[8];
        private final int[] types = new int[8];
        private int count;
        private int end;

        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            frames.putBytes(end, buffer, index, length);
            offsets[count] = end;
            lengths[count] = length;
            types[count] = msgTypeId;
            count++;
            end += length;
        }

        L3OrderEventDecoder firstOrderEvent(final MessageHeaderDecoder header, final L3OrderEventDecoder decoder)
        {
            for (int i = 0; i < count; i++)
            {
                if (L3OrderEventDecoder.TEMPLATE_ID == types[i])
                {
                    return decoder.wrapAndApplyHeader(frames, offsets[i], header);
                }
            }
            return null;
        }

        /**
         * The reader sends the instrument definition, stamped with the first row's time, before row 1.
         */
        long firstReceiveTimeNs(final MessageHeaderDecoder header)
        {
            for (int i = 0; i < count; i++)
            {
                if (InstrumentDefinitionDecoder.TEMPLATE_ID == types[i])
                {
                    return definition.wrapAndApplyHeader(frames, offsets[i], header).receiveTimeNs();
                }
            }
            return 0;
        }

        void clear()
        {
            count = 0;
            end = 0;
        }

        void replay(final MessageHandler handler)
        {
            for (int i = 0; i < count; i++)
            {
                handler.onMessage(types[i], frames, offsets[i], lengths[i]);
            }
        }
    }
}
