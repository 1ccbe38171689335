package io.ticklane.gateway.sim.exchange;

import io.ticklane.gateway.transport.InboundStamp;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalRecordHandler;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * The market data of a recorded journal as a {@link MarketFlow}, so {@code ticklane venue --journal} replays a real
 * (imported) or a daemon's market at its recorded pace: the inbound market data frames of one instrument, each due
 * at its time after the first one's, by receive time (the journal's own clock) or by exchange time. The exchange
 * agent divides those gaps by its speed. Times never run backwards: a frame stamped earlier than the one before it
 * is due with it. Heartbeats, reports, orders and frames of other instruments are passed over (counted).
 * <p>
 * For late joiners the flow keeps the book its frames build (an {@link L2Book}) and writes an L2Snapshot of up to
 * {@code snapshotLevels} levels a side carrying the last applied sequence, and the journal's latest
 * InstrumentDefinition (or one made from the journal header). An order-by-order (L3) journal cannot seed a
 * subscriber's L3 book from price levels, so it has no snapshot: its subscribers must be there from the start.
 * <p>
 * The journal module stays out of the gateway: this class lives in the runtime. Nothing is allocated per frame
 * (apart from growing the frame buffer for a larger frame than any before).
 */
public final class JournalMarketFlow implements MarketFlow, AutoCloseable
{
    /** Largest frame the flow publishes; larger recorded frames are passed over and counted. */
    public static final int MAX_FRAME_LENGTH = 256 * 1024;
    /** Default most levels a side of a snapshot carries (fits a 4 KiB frame slot of the daemon). */
    public static final int DEFAULT_SNAPSHOT_LEVELS = 100;

    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int INSTRUMENT_OFFSET = 16;
    private static final int DEFINITION_CAPACITY = 512;

    /** Which recorded time paces the replay. */
    public enum Pacing
    {
        /** The record's receive time: the pace the recorder saw. */
        RECEIVE,
        /** The frame's exchange time (its receive time when the exchange time is 0). */
        EXCHANGE
    }

    private final Path dir;
    private final long instrumentId;
    private final Pacing pacing;
    private final int snapshotLevels;
    private final JournalRecordHandler recordHandler = this::onRecord;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final L2SnapshotEncoder snapshotEncoder = new L2SnapshotEncoder();
    private final L2Book book;
    private final BookFeed feed;
    private final long[] levelPrices;
    private final long[] levelQuantities;
    private final UnsafeBuffer definition = new UnsafeBuffer(new byte[DEFINITION_CAPACITY]);
    private int definitionLength;

    private JournalReader reader;
    private boolean closed;
    private UnsafeBuffer next = new UnsafeBuffer(new byte[64 * 1024]);
    private int nextLength;
    private long nextTimeNs = END_OF_FLOW;
    private long firstTimeNs = Long.MIN_VALUE;
    private long lastTimeNs;
    private long lastExchangeTimeNs;
    private boolean orderByOrder;
    private long framesWritten;
    private long recordsPassedOver;
    private long framesTooLarge;

    /**
     * Checks the journal and the instrument; the journal is read by the thread that first asks for a frame.
     *
     * @param dir            journal directory (a complete journal).
     * @param instrumentId   instrument to publish; 0 for the first one the journal header lists.
     * @param pacing         which recorded time paces the frames.
     * @param snapshotLevels most levels a side of a snapshot carries (>= 1).
     * @return the flow.
     * @throws IOException              if the journal cannot be read.
     * @throws IllegalArgumentException if the instrument is not in the journal or a setting is bad.
     */
    public static JournalMarketFlow open(final Path dir, final long instrumentId, final Pacing pacing, final int snapshotLevels)
        throws IOException
    {
        if (snapshotLevels < 1)
        {
            throw new IllegalArgumentException("snapshot levels must be >= 1: " + snapshotLevels);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            return new JournalMarketFlow(dir, reader.header().instruments(), instrumentId, pacing, snapshotLevels);
        }
    }

    private JournalMarketFlow(
        final Path dir, final List<JournalInstrument> instruments, final long instrumentId, final Pacing pacing,
        final int snapshotLevels)
    {
        this.dir = dir;
        this.pacing = null == pacing ? Pacing.RECEIVE : pacing;
        this.snapshotLevels = snapshotLevels;
        JournalInstrument chosen = null;
        final StringBuilder held = new StringBuilder();
        for (final JournalInstrument instrument : instruments)
        {
            if (null == chosen && (0 == instrumentId || instrument.id() == instrumentId))
            {
                chosen = instrument;
            }
            held.append(held.length() > 0 ? "," : "").append(instrument.id());
        }
        if (null == chosen)
        {
            throw new IllegalArgumentException("journal " + dir + " holds instrument(s) [" + held + "], not " +
                instrumentId);
        }
        this.instrumentId = chosen.id();
        definitionLength = HEADER + new InstrumentDefinitionEncoder().wrapAndApplyHeader(definition, 0, headerEncoder)
            .exchangeTimeNs(0)
            .receiveTimeNs(0)
            .instrumentId(chosen.id())
            .sequence(0)
            .symbol(chosen.symbol().length() > 16 ? chosen.symbol().substring(0, 16) : chosen.symbol())
            .priceExponent(chosen.priceExponent())
            .tickSize(chosen.tickSize())
            .quantityExponent(chosen.quantityExponent())
            .lotSize(chosen.lotSize())
            .encodedLength();
        book = new L2Book(this.instrumentId);
        feed = new BookFeed(book);
        levelPrices = new long[snapshotLevels];
        levelQuantities = new long[snapshotLevels];
    }

    /**
     * @param dir          journal directory.
     * @param instrumentId instrument id, 0 for the first.
     * @return the instrument as the journal header records it, for the venue's tick size.
     * @throws IOException if the journal cannot be read.
     */
    public static JournalInstrument instrument(final Path dir, final long instrumentId) throws IOException
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (final JournalInstrument instrument : reader.header().instruments())
            {
                if (0 == instrumentId || instrument.id() == instrumentId)
                {
                    return instrument;
                }
            }
        }
        throw new IllegalArgumentException("journal " + dir + " does not hold instrument " + instrumentId);
    }

    public long instrumentId()
    {
        return instrumentId;
    }

    public long nextTimeNs()
    {
        openOnFirstUse();
        return nextTimeNs;
    }

    public int writeNext(final MutableDirectBuffer buffer, final int offset)
    {
        openOnFirstUse();
        if (END_OF_FLOW == nextTimeNs)
        {
            return 0;
        }
        final int length = nextLength;
        buffer.putBytes(offset, next, 0, length);
        lastTimeNs = nextTimeNs;
        lastExchangeTimeNs = next.getLong(HEADER, ByteOrder.LITTLE_ENDIAN);
        headerDecoder.wrap(next, 0);
        final int templateId = headerDecoder.templateId();
        if (InstrumentDefinitionDecoder.TEMPLATE_ID == templateId && length <= DEFINITION_CAPACITY)
        {
            definition.putBytes(0, next, 0, length);
            definitionLength = length;
        }
        else if (L3OrderEventDecoder.TEMPLATE_ID == templateId)
        {
            orderByOrder = true;
        }
        else
        {
            feed.onMessage(templateId, next, 0, length);
        }
        framesWritten++;
        readAhead();
        return length;
    }

    public int writeDefinition(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putBytes(offset, definition, 0, definitionLength);
        buffer.putLong(offset + HEADER, lastExchangeTimeNs, ByteOrder.LITTLE_ENDIAN);
        return definitionLength;
    }

    public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
    {
        if (orderByOrder || BookState.LIVE != book.state())
        {
            return 0;
        }
        snapshotEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .exchangeTimeNs(lastExchangeTimeNs)
            .receiveTimeNs(0)
            .instrumentId(instrumentId)
            .sequence(book.sequence());
        final PriceLadder bids = book.bids();
        final PriceLadder asks = book.asks();
        final int bidCount = Math.min(snapshotLevels, bids.levelCount());
        final int askCount = Math.min(snapshotLevels, asks.levelCount());
        final L2SnapshotEncoder.LevelsEncoder levels = snapshotEncoder.levelsCount(bidCount + askCount);
        bids.levels(levelPrices, levelQuantities, bidCount);
        for (int i = 0; i < bidCount; i++)
        {
            levels.next().side(Side.BUY).price(levelPrices[i]).quantity(levelQuantities[i]);
        }
        asks.levels(levelPrices, levelQuantities, askCount);
        for (int i = 0; i < askCount; i++)
        {
            levels.next().side(Side.SELL).price(levelPrices[i]).quantity(levelQuantities[i]);
        }
        return HEADER + snapshotEncoder.encodedLength();
    }

    public int maxFrameLength()
    {
        final int snapshot = HEADER + L2SnapshotEncoder.BLOCK_LENGTH + L2SnapshotEncoder.LevelsEncoder.sbeHeaderSize() +
            2 * snapshotLevels * L2SnapshotEncoder.LevelsEncoder.sbeBlockLength();
        return Math.max(MAX_FRAME_LENGTH, snapshot);
    }

    /**
     * @return frames written so far.
     */
    public long framesWritten()
    {
        return framesWritten;
    }

    /**
     * @return journal records passed over: not inbound market data of the instrument.
     */
    public long recordsPassedOver()
    {
        return recordsPassedOver;
    }

    /**
     * @return market data frames passed over because they were longer than {@link #MAX_FRAME_LENGTH}.
     */
    public long framesTooLarge()
    {
        return framesTooLarge;
    }

    /**
     * @return the book the frames written so far built.
     */
    public L2Book book()
    {
        return book;
    }

    /**
     * Closes the journal; the flow is then exhausted.
     */
    public void close()
    {
        closed = true;
        nextTimeNs = END_OF_FLOW;
        if (null != reader)
        {
            reader.close();
            reader = null;
        }
    }

    /**
     * The journal's reader is opened by the thread that first asks for a frame (the exchange agent's): Chronicle's
     * tailer must be used by one thread only.
     */
    private void openOnFirstUse()
    {
        if (null == reader && !closed)
        {
            try
            {
                reader = JournalReader.open(dir);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            readAhead();
        }
    }

    private void readAhead()
    {
        nextTimeNs = END_OF_FLOW;
        while (END_OF_FLOW == nextTimeNs && reader.poll(recordHandler, 1) > 0)
        {
            Thread.onSpinWait(); // each record is either taken as the next frame or passed over
        }
    }

    private void onRecord(
        final Direction direction, final int stream, final long receiveTimeNs, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (Direction.IN != direction || length < HEADER + INSTRUMENT_OFFSET + 4)
        {
            recordsPassedOver++;
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != headerDecoder.schemaId() || !InboundStamp.isMarketData(headerDecoder.templateId()) ||
            (buffer.getInt(offset + HEADER + INSTRUMENT_OFFSET, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL) != instrumentId)
        {
            recordsPassedOver++;
            return;
        }
        if (length > MAX_FRAME_LENGTH)
        {
            framesTooLarge++;
            return;
        }
        if (length > next.capacity())
        {
            next = new UnsafeBuffer(new byte[Integer.highestOneBit(length) << 1]);
        }
        next.putBytes(0, buffer, offset, length);
        nextLength = length;

        final long exchangeTimeNs = buffer.getLong(offset + HEADER, ByteOrder.LITTLE_ENDIAN);
        final long timeNs = Pacing.EXCHANGE == pacing && 0 != exchangeTimeNs ? exchangeTimeNs : receiveTimeNs;
        if (Long.MIN_VALUE == firstTimeNs)
        {
            firstTimeNs = timeNs;
        }
        nextTimeNs = Math.max(lastTimeNs, timeNs - firstTimeNs);
    }
}
