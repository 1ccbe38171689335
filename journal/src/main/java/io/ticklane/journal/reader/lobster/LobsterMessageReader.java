package io.ticklane.journal.reader.lobster;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import io.ticklane.sbe.TradingStatusEncoder;
import io.ticklane.sbe.TradingStatusType;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Turns a LOBSTER message file into the SBE messages a live gateway would deliver, so importers, replay and book
 * verification consume LOBSTER exactly like live data. It emits an {@code InstrumentDefinition} first, then per row:
 * <ul>
 *     <li>1 → {@code L3OrderEvent} ADD; 2 → CANCEL (quantity cancelled); 3 → DELETE (quantity removed);</li>
 *     <li>4 → {@code L3OrderEvent} EXECUTE then {@code Trade} REGULAR; 5 → {@code Trade} HIDDEN;
 *         6 → {@code Trade} CROSS; 7 → {@code TradingStatus}.</li>
 * </ul>
 * Every message of row {@code n} (1-based) has {@code sequence = n}; an L3 event's {@code prevSequence} is the
 * sequence of the previous L3 event (0 for the first), so the book's gap check follows the order stream across
 * rows that only carry trades or status; trades have {@code tradeId = n}. Exchange and receive time are midnight
 * New York of the trading day plus the row's time.
 * Frames go to a {@link MessageHandler} with the SBE template id as message type and start with the SBE message header;
 * the buffer is reused, so a handler must copy what it keeps. Rows are read without allocation; any malformed row
 * throws {@link io.ticklane.journal.reader.InputFormatException} naming the file and line.
 */
public final class LobsterMessageReader implements AutoCloseable
{
    /** LOBSTER type 1: submission of a new limit order. */
    public static final int TYPE_SUBMIT = 1;
    /** LOBSTER type 2: partial cancellation. */
    public static final int TYPE_CANCEL = 2;
    /** LOBSTER type 3: deletion of the remaining order. */
    public static final int TYPE_DELETE = 3;
    /** LOBSTER type 4: execution of a visible order. */
    public static final int TYPE_EXECUTE_VISIBLE = 4;
    /** LOBSTER type 5: execution of a hidden order. */
    public static final int TYPE_EXECUTE_HIDDEN = 5;
    /** LOBSTER type 6: cross (auction) trade. */
    public static final int TYPE_CROSS = 6;
    /** LOBSTER type 7: trading halt indicator. */
    public static final int TYPE_HALT = 7;

    private static final int COLUMNS = 6;
    private static final int COL_TIME = 0;
    private static final int COL_TYPE = 1;
    private static final int COL_ORDER_ID = 2;
    private static final int COL_SIZE = 3;
    private static final int COL_PRICE = 4;
    private static final int COL_DIRECTION = 5;
    private static final int FRAME_CAPACITY = 256;
    private static final String[] COLUMN_NAMES = {"time", "type", "orderId", "size", "price", "direction"};

    private final CsvRowReader rows;
    private final LobsterContext context;
    private final long tickSize;
    private final long instrumentId;
    private final long midnightEpochNs;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FRAME_CAPACITY]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definitionEncoder = new InstrumentDefinitionEncoder();
    private final L3OrderEventEncoder orderEventEncoder = new L3OrderEventEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final TradingStatusEncoder statusEncoder = new TradingStatusEncoder();

    private final long[] typeCounts = new long[TYPE_HALT + 1];
    private long rowCount;
    private long messageCount;
    private long lastExchangeTimeNs = Long.MIN_VALUE;
    private boolean done;
    private long lastOrderEventSequence;

    /**
     * Open a message file (plain or gzip, detected from its first bytes).
     *
     * @param file    LOBSTER message file.
     * @param context instrument settings; symbol and date come from the file name unless set. Concluded here.
     */
    public LobsterMessageReader(final Path file, final LobsterContext context)
    {
        this(context.conclude(file), CsvRowReader.open(file, LobsterMessageReader::columnName));
    }

    /**
     * Read a message file's bytes from a stream: symbol and date still come from the file's name (tests and fuzzing
     * feed bytes without writing a file).
     *
     * @param file    the file the bytes are, as errors name it.
     * @param context instrument settings. Concluded here.
     * @param content the file's bytes (plain or gzip); closed with the reader.
     */
    LobsterMessageReader(final Path file, final LobsterContext context, final InputStream content)
    {
        this(context.conclude(file), CsvRowReader.read(file.toString(), LobsterMessageReader::columnName, content));
    }

    private LobsterMessageReader(final LobsterContext context, final CsvRowReader rows)
    {
        this.context = context;
        this.tickSize = context.tickSize();
        this.instrumentId = context.instrumentId();
        this.midnightEpochNs = context.midnightEpochNs();
        this.rows = rows;
    }

    /**
     * Read up to {@code rowLimit} rows and emit their messages; the instrument definition goes out before the first
     * row. Reading one row at a time lets a caller compare a rebuilt book with the orderbook file after every event.
     *
     * @param handler  receives every frame.
     * @param rowLimit maximum number of rows to read.
     * @return rows read: 0 once the file is exhausted.
     * @throws io.ticklane.journal.reader.InputFormatException on a malformed row or a file with no rows.
     */
    public int poll(final MessageHandler handler, final int rowLimit)
    {
        int read = 0;
        while (read < rowLimit && !done)
        {
            if (!rows.next())
            {
                done = true;
                if (0 == rowCount)
                {
                    throw rows.fileError("no rows");
                }
                break;
            }
            onRow(handler);
            read++;
        }
        return read;
    }

    /**
     * Read every remaining row.
     *
     * @param handler receives every frame.
     * @return total rows read from the file.
     */
    public long readAll(final MessageHandler handler)
    {
        while (poll(handler, Integer.MAX_VALUE) > 0)
        {
            // poll does the work
        }
        return rowCount;
    }

    /**
     * @return true once the end of the file was reached.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * @return rows read so far (also the sequence of the last row).
     */
    public long rows()
    {
        return rowCount;
    }

    /**
     * @param lobsterType LOBSTER event type 1..7.
     * @return rows of that type read so far.
     */
    public long count(final int lobsterType)
    {
        if (lobsterType < TYPE_SUBMIT || lobsterType > TYPE_HALT)
        {
            throw new IllegalArgumentException("LOBSTER event types are 1..7: " + lobsterType);
        }
        return typeCounts[lobsterType];
    }

    /**
     * @return SBE messages emitted so far, the instrument definition included.
     */
    public long messages()
    {
        return messageCount;
    }

    /**
     * @return exchange time of the last row read, epoch ns; {@link Long#MIN_VALUE} before the first row.
     */
    public long lastExchangeTimeNs()
    {
        return lastExchangeTimeNs;
    }

    /**
     * @return the settings in use, symbol and trading date resolved.
     */
    public LobsterContext context()
    {
        return context;
    }

    /**
     * @return the file being read, as named in error messages.
     */
    public String source()
    {
        return rows.source();
    }

    @Override
    public void close()
    {
        rows.close();
    }

    private void onRow(final MessageHandler handler)
    {
        final CsvRowReader row = rows;
        if (COLUMNS != row.fieldCount())
        {
            throw row.error("expected " + COLUMNS + " columns (time,type,orderId,size,price,direction), found " +
                row.fieldCount());
        }

        final long timeNs = midnightEpochNs + row.decimalSecondsAsNanos(COL_TIME);
        final long type = row.longField(COL_TYPE);
        final long orderId = row.longField(COL_ORDER_ID);
        final long size = row.longField(COL_SIZE);
        final long price = row.longField(COL_PRICE);
        final long direction = row.longField(COL_DIRECTION);

        if (type < TYPE_SUBMIT || type > TYPE_HALT)
        {
            throw row.error("unknown event type " + type + " (expected 1..7)");
        }
        if (1 != direction && -1 != direction)
        {
            throw row.error("direction is " + direction + ", expected 1 (buy) or -1 (sell)");
        }
        if (timeNs < lastExchangeTimeNs)
        {
            throw row.error("time goes backwards: " + row.fieldText(COL_TIME) + " is before the previous row");
        }

        final long sequence = row.lineNumber();
        if (0 == messageCount)
        {
            emitDefinition(handler, timeNs);
        }

        final int lobsterType = (int)type;
        switch (lobsterType)
        {
            case TYPE_SUBMIT:
                emitOrderEvent(handler, timeNs, sequence, L3EventType.ADD, orderId, size, price, direction);
                break;
            case TYPE_CANCEL:
                emitOrderEvent(handler, timeNs, sequence, L3EventType.CANCEL, orderId, size, price, direction);
                break;
            case TYPE_DELETE:
                emitOrderEvent(handler, timeNs, sequence, L3EventType.DELETE, orderId, size, price, direction);
                break;
            case TYPE_EXECUTE_VISIBLE:
                emitOrderEvent(handler, timeNs, sequence, L3EventType.EXECUTE, orderId, size, price, direction);
                emitTrade(handler, timeNs, sequence, price, size, aggressorAgainst(direction), TradeType.REGULAR);
                break;
            case TYPE_EXECUTE_HIDDEN:
                requireTradeFields(size, price);
                emitTrade(handler, timeNs, sequence, price, size, aggressorAgainst(direction), TradeType.HIDDEN);
                break;
            case TYPE_CROSS:
                requireTradeFields(size, price);
                emitTrade(handler, timeNs, sequence, price, size, AggressorSide.NONE, TradeType.CROSS);
                break;
            case TYPE_HALT:
                emitStatus(handler, timeNs, sequence, haltStatus(price));
                break;
            default:
                throw row.error("unknown event type " + type);
        }

        typeCounts[lobsterType]++;
        rowCount++;
        lastExchangeTimeNs = timeNs;
    }

    private void emitDefinition(final MessageHandler handler, final long timeNs)
    {
        definitionEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .instrumentId(instrumentId)
            .sequence(0)
            .symbol(context.symbol())
            .priceExponent(LobsterContext.PRICE_EXPONENT)
            .tickSize(tickSize)
            .quantityExponent((byte)0)
            .lotSize(1);
        deliver(handler, InstrumentDefinitionEncoder.TEMPLATE_ID, definitionEncoder.encodedLength());
    }

    private void emitOrderEvent(
        final MessageHandler handler,
        final long timeNs,
        final long sequence,
        final L3EventType eventType,
        final long orderId,
        final long size,
        final long price,
        final long direction)
    {
        if (orderId <= 0)
        {
            throw rows.error("orderId " + orderId + " must be positive for event type " + rows.fieldText(COL_TYPE));
        }
        if (size <= 0)
        {
            throw rows.error("size " + size + " must be positive for event type " + rows.fieldText(COL_TYPE));
        }
        if (price <= 0)
        {
            throw rows.error("price " + price + " must be positive for event type " + rows.fieldText(COL_TYPE));
        }
        if (0 != price % tickSize)
        {
            throw rows.error("price " + price + " is not a multiple of the tick size " + tickSize);
        }

        orderEventEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .prevSequence(lastOrderEventSequence)
            .orderId(orderId)
            .eventType(eventType)
            .side(1 == direction ? Side.BUY : Side.SELL)
            .price(price / tickSize)
            .quantity(size);
        deliver(handler, L3OrderEventEncoder.TEMPLATE_ID, orderEventEncoder.encodedLength());
        lastOrderEventSequence = sequence;
    }

    private void emitTrade(
        final MessageHandler handler,
        final long timeNs,
        final long sequence,
        final long priceUnits,
        final long size,
        final AggressorSide aggressor,
        final TradeType tradeType)
    {
        tradeEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .tradeId(sequence)
            .priceUnits(priceUnits)
            .quantity(size)
            .aggressorSide(aggressor)
            .tradeType(tradeType);
        deliver(handler, TradeEncoder.TEMPLATE_ID, tradeEncoder.encodedLength());
    }

    private void emitStatus(
        final MessageHandler handler, final long timeNs, final long sequence, final TradingStatusType status)
    {
        statusEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .exchangeTimeNs(timeNs)
            .receiveTimeNs(timeNs)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .status(status);
        deliver(handler, TradingStatusEncoder.TEMPLATE_ID, statusEncoder.encodedLength());
    }

    private void deliver(final MessageHandler handler, final int templateId, final int bodyLength)
    {
        messageCount++;
        handler.onMessage(templateId, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }

    private void requireTradeFields(final long size, final long price)
    {
        if (size <= 0)
        {
            throw rows.error("size " + size + " must be positive for event type " + rows.fieldText(COL_TYPE));
        }
        if (price <= 0)
        {
            throw rows.error("price " + price + " must be positive for event type " + rows.fieldText(COL_TYPE));
        }
    }

    private TradingStatusType haltStatus(final long price)
    {
        if (-1 == price)
        {
            return TradingStatusType.HALTED;
        }
        if (0 == price)
        {
            return TradingStatusType.QUOTING;
        }
        if (1 == price)
        {
            return TradingStatusType.TRADING;
        }
        throw rows.error("type 7 (halt indicator) price is " + price + ", expected -1 (halt), 0 (quoting) or 1 (trading)");
    }

    private static String columnName(final int column)
    {
        return column < COLUMN_NAMES.length ? COLUMN_NAMES[column] : "extra";
    }

    private static AggressorSide aggressorAgainst(final long restingDirection)
    {
        return 1 == restingDirection ? AggressorSide.SELL : AggressorSide.BUY;
    }
}
