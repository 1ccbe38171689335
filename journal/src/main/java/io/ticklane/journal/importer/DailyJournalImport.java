package io.ticklane.journal.importer;

import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Journals one continuous L2 capture as one journal per UTC day of receive time, each of which replays on its own: a
 * research catalogue counts days by journal, and a capture that rolls at midnight without a fresh snapshot (Binance's
 * collector writes one only at start-up and after a gap) would otherwise give one usable day where it holds two.
 *
 * <p>Every day after the first starts, at 00:00:00 UTC, with the instrument definition and an L2Snapshot of the
 * whole book (every level, not a window) as the capture's own snapshot and depth updates had built it by then, with
 * the sequence and exchange time of the last one: a receiver that applies it continues the chain exactly as one
 * that had read the day before. Only a book that is in sequence is carried over: after a break in the chain (an
 * update whose previous sequence is not the book's), a day starts without a snapshot and waits, as a live receiver
 * would, for the capture's next one. The frames themselves are journaled unchanged, in the day of their receive time;
 * a frame stamped on an earlier day than one before it (a depth update buffered before a snapshot and emitted after
 * it) stays in the later day, in the order the reader emitted it.
 *
 * <p>All or nothing, like {@link JournalImport}: the days are written into a hidden sibling of the target directory,
 * which is renamed into place by {@link #commit()}; without it, {@link #close()} deletes them.
 */
public final class DailyJournalImport implements MessageHandler, AutoCloseable
{
    /** Nanoseconds in a UTC day (no leap seconds in epoch time). */
    public static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final int MAX_SNAPSHOT_LEVELS = 65_535;

    private final Path target;
    private final Path staging;
    private final String source;
    private final String codeVersion;
    private final LongConsumer progress;
    private final List<Day> days = new ArrayList<>();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definitionDecoder = new InstrumentDefinitionDecoder();
    private final L2SnapshotDecoder snapshotDecoder = new L2SnapshotDecoder();
    private final L2UpdateDecoder updateDecoder = new L2UpdateDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final L2SnapshotEncoder snapshotEncoder = new L2SnapshotEncoder();
    private final ExpandableArrayBuffer definition = new ExpandableArrayBuffer(256);
    private final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(64 * 1024);
    private final Long2LongHashMap bids = new Long2LongHashMap(0);
    private final Long2LongHashMap asks = new Long2LongHashMap(0);
    private String expectedSymbol;
    private int definitionLength;
    private long instrumentId;
    private boolean inSequence;
    private long bookSequence;
    private long bookExchangeTimeNs;
    private JournalImport current;
    private long currentDay = Long.MIN_VALUE;
    private long recordsBefore;
    private boolean committed;

    /**
     * @param target      directory to create, holding one journal per day named {@code YYYY-MM-DD}; must not exist.
     * @param source      description of the input, recorded in each day's header with the day and how it starts.
     * @param codeVersion version of the importing code, recorded in each header.
     * @param progress    told the record count (over all days) every {@link JournalImport#PROGRESS_INTERVAL} records.
     * @throws FileAlreadyExistsException if the target exists: imports never overwrite.
     */
    public DailyJournalImport(final Path target, final String source, final String codeVersion, final LongConsumer progress)
        throws FileAlreadyExistsException
    {
        this.target = ImportTarget.checked(target);
        this.staging = ImportTarget.hiddenSibling(this.target);
        this.source = source;
        this.codeVersion = codeVersion;
        this.progress = progress;
    }

    /**
     * @param symbol the symbol the data must carry (case-insensitive), or null to accept any.
     * @return this.
     */
    public DailyJournalImport expectSymbol(final String symbol)
    {
        this.expectedSymbol = symbol;
        return this;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long receiveTimeNs = JournalImport.receiveTimeNs(msgTypeId, buffer, index);
        final long day = Math.floorDiv(receiveTimeNs, NANOS_PER_DAY);
        if (null == current)
        {
            open(day, false);
        }
        else if (day > currentDay)
        {
            startDay(day);
        }
        track(msgTypeId, buffer, index, length);
        current.onMessage(msgTypeId, buffer, index, length);
        final long records = recordsBefore + current.recordCount();
        if (records > 0 && 0 == records % JournalImport.PROGRESS_INTERVAL)
        {
            progress.accept(records);
        }
    }

    /**
     * Commits the last day and renames the directory of days into place, atomically.
     *
     * @return the days journaled, in time order.
     * @throws IOException if there were no frames, or a rename fails.
     */
    public List<Day> commit() throws IOException
    {
        if (null == current)
        {
            throw new IOException(source + ": the input produced no frames, no journal written");
        }
        commitCurrent();
        ImportTarget.publish(staging, target);
        committed = true;
        final List<Day> placed = new ArrayList<>();
        for (final Day day : days)
        {
            placed.add(new Day(day.date, target.resolve(day.date.toString()), day.records, day.start));
        }
        return List.copyOf(placed);
    }

    /**
     * Without a commit: abandons every day and deletes the hidden directory.
     */
    public void close()
    {
        if (committed)
        {
            return;
        }
        if (null != current)
        {
            current.close();
        }
        ImportTarget.delete(staging);
    }

    private void startDay(final long day)
    {
        commitCurrent();
        if (0 == definitionLength)
        {
            throw new IllegalArgumentException(source + ": no instrument definition before " + LocalDate.ofEpochDay(day) +
                ", so that day cannot start a journal");
        }
        final long dayStartNs = day * NANOS_PER_DAY;
        final boolean carriesBook = inSequence;
        open(day, carriesBook);
        definitionEncoder.wrap(definition, MessageHeaderEncoder.ENCODED_LENGTH).receiveTimeNs(dayStartNs);
        current.onMessage(InstrumentDefinitionDecoder.TEMPLATE_ID, definition, 0, definitionLength);
        if (carriesBook)
        {
            final int length = encodeSnapshot(dayStartNs, LocalDate.ofEpochDay(day));
            current.onMessage(L2SnapshotDecoder.TEMPLATE_ID, frame, 0, length);
        }
    }

    private void open(final long day, final boolean carriesBook)
    {
        final LocalDate date = LocalDate.ofEpochDay(day);
        final Start start = null == current ? Start.CAPTURE : carriesBook ? Start.REBUILT_BOOK : Start.NO_BOOK;
        try
        {
            Files.createDirectories(staging);
            current = new JournalImport(staging.resolve(date.toString()), source + "; UTC day " + date + start.description,
                codeVersion, (records) -> { }).expectSymbol(expectedSymbol);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        currentDay = day;
        days.add(new Day(date, null, 0, start));
    }

    private void commitCurrent()
    {
        try
        {
            final long records = current.commit();
            recordsBefore += records;
            final Day last = days.remove(days.size() - 1);
            days.add(new Day(last.date, null, records, last.start));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private void track(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        switch (msgTypeId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                buffer.getBytes(index, definition, 0, length);
                definitionLength = length;
                instrumentId = definitionDecoder.wrapAndApplyHeader(buffer, index, headerDecoder).instrumentId();
                break;
            case L2SnapshotDecoder.TEMPLATE_ID:
                snapshotDecoder.wrapAndApplyHeader(buffer, index, headerDecoder);
                bids.clear();
                asks.clear();
                for (final L2SnapshotDecoder.LevelsDecoder level : snapshotDecoder.levels())
                {
                    set(level.side(), level.price(), level.quantity());
                }
                bookSequence = snapshotDecoder.sequence();
                bookExchangeTimeNs = snapshotDecoder.exchangeTimeNs();
                inSequence = true;
                break;
            case L2UpdateDecoder.TEMPLATE_ID:
                updateDecoder.wrapAndApplyHeader(buffer, index, headerDecoder);
                inSequence = inSequence && updateDecoder.prevSequence() == bookSequence;
                for (final L2UpdateDecoder.LevelsDecoder level : updateDecoder.levels())
                {
                    set(level.side(), level.price(), L2Action.DELETE == level.action() ? 0 : level.quantity());
                }
                bookSequence = updateDecoder.sequence();
                bookExchangeTimeNs = updateDecoder.exchangeTimeNs();
                break;
            case L3OrderEventDecoder.TEMPLATE_ID:
                throw new IllegalArgumentException(source + ": order-by-order (L3) data cannot be split by day: a day " +
                    "would have to start with every resting order, which an L2 snapshot does not carry");
            default:
                break;
        }
    }

    private void set(final Side side, final long price, final long quantity)
    {
        final Long2LongHashMap levels = Side.BUY == side ? bids : Side.SELL == side ? asks : null;
        if (null == levels)
        {
            inSequence = false;
        }
        else if (quantity > 0)
        {
            levels.put(price, quantity);
        }
        else
        {
            levels.remove(price);
        }
    }

    private int encodeSnapshot(final long receiveTimeNs, final LocalDate date)
    {
        final long[] bidPrices = sortedPrices(bids);
        final long[] askPrices = sortedPrices(asks);
        final int count = bidPrices.length + askPrices.length;
        if (count > MAX_SNAPSHOT_LEVELS)
        {
            throw new IllegalArgumentException(source + ": the book at the start of " + date + " has " + count +
                " levels, more than one L2Snapshot can carry (" + MAX_SNAPSHOT_LEVELS + ")");
        }
        snapshotEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(bookExchangeTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(bookSequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshotEncoder.levelsCount(count);
        for (int i = bidPrices.length - 1; i >= 0; i--)
        {
            levels.next().side(Side.BUY).price(bidPrices[i]).quantity(bids.get(bidPrices[i]));
        }
        for (final long price : askPrices)
        {
            levels.next().side(Side.SELL).price(price).quantity(asks.get(price));
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + snapshotEncoder.encodedLength();
    }

    private static long[] sortedPrices(final Long2LongHashMap levels)
    {
        final long[] prices = new long[levels.size()];
        int i = 0;
        for (final Long2LongHashMap.KeyIterator keys = levels.keySet().iterator(); keys.hasNext(); )
        {
            prices[i++] = keys.nextValue();
        }
        Arrays.sort(prices);
        return prices;
    }


    /**
     * How a day's journal starts.
     */
    public enum Start
    {
        /** The first day: the capture's own frames from its first. */
        CAPTURE(""),
        /** The book the capture had built by midnight, as an L2Snapshot at 00:00:00 UTC. */
        REBUILT_BOOK("; starts with the book rebuilt from the capture's earlier frames (an L2Snapshot at 00:00:00Z)"),
        /** No book: the chain was broken at midnight, so the day waits for the capture's next snapshot. */
        NO_BOOK("; starts without a book (the depth chain was broken at midnight): it waits for the capture's next snapshot");

        private final String description;

        Start(final String description)
        {
            this.description = description;
        }
    }

    /**
     * One day's journal.
     *
     * @param date    the UTC day.
     * @param journal its directory (null until committed).
     * @param records records journaled in it.
     * @param start   how it starts.
     */
    public record Day(LocalDate date, Path journal, long records, Start start)
    {
    }
}
