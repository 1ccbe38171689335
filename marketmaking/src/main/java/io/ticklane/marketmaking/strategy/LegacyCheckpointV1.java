package io.ticklane.marketmaking.strategy;

import io.ticklane.sbe.CheckpointMode;
import io.ticklane.sbe.CheckpointModeReason;
import io.ticklane.sbe.CheckpointOrderState;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.QuoteManagerStateEncoder;
import io.ticklane.sbe.RiskGateStateEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.StrategyCheckpointEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Reads a checkpoint written by the build before SBE checkpoints ("v1": magic 'TLCP', version 1) and transcodes it
 * into the SBE StrategyCheckpoint message, so a daemon upgraded from that build restores its position, orders and
 * risk state instead of starting flat; the normal restore path then runs on the SBE copy, with all its checks.
 * Nothing writes v1: the next checkpoint of an upgraded daemon is SBE.
 * <p>
 * <b>The one literal-offset layout left, on purpose.</b> This reads a frozen format that predates the schema and will
 * never change, so it cannot be an SBE message; its offsets are the named constants below, copied from the v1
 * writer's Javadoc (that build's {@code StrategyCheckpoint}, {@code Position/QuoteManager/RiskGate/Orders.writeTo}),
 * and so are its enum ordinals, frozen here as they stood then. Once no v1 state file can remain, delete this class.
 * <p>
 * <b>Why v1 and SBE cannot be confused.</b> A v1 record starts with the int32 0x50434C54 ('T','L','C','P'). Read as an
 * SBE message header (uint16 blockLength, templateId, schemaId, version) its bytes 2-3 ('C','P') are template 20547,
 * never 60; and every SBE checkpoint has 60 in bytes 2-3, so its first int32 is never the magic.
 * <p>
 * A record is checked as the v1 reader did and in its order (lengths, version, CRC32C over {@code [16, length)}, the
 * orders section's counts against the bytes, instrument, capacity), in 64-bit arithmetic so hostile counts cannot
 * wrap; an ordinal the v1 build never wrote is a {@link CheckpointCheck#BAD_FIELD}. Never throws for bad bytes.
 * For start-up only: an instance allocates its scratch (about the SBE record's size), and a check copies the record.
 */
final class LegacyCheckpointV1
{
    /** 'TLCP' read as a little-endian int32. */
    static final int MAGIC = 0x50434C54;
    /** The only version of the layout. */
    static final short VERSION = 1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    // header (v1 StrategyCheckpoint), from the record's start
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int LENGTH_OFFSET = 8;
    private static final int CHECKSUM_OFFSET = 12;
    private static final int CHECKSUMMED_FROM = 16;
    private static final int INSTRUMENT_OFFSET = 16;
    private static final int JOURNAL_INDEX_OFFSET = 24;
    private static final int LAST_TIME_OFFSET = 32;
    private static final int QUOTER_MEMORY_OFFSET = 40;
    private static final int POSITION_OFFSET = 48;
    private static final int QUOTE_MANAGER_OFFSET = 104;
    private static final int RISK_OFFSET = 160;
    private static final int ORDERS_OFFSET = 264;

    // position section (v1 Position.writeTo)
    private static final int POSITION_LOTS = 0;
    private static final int POSITION_AVERAGE_PRICE = 8;
    private static final int POSITION_REALISED = 16;
    private static final int POSITION_FEES = 24;
    private static final int POSITION_BOUGHT = 32;
    private static final int POSITION_SOLD = 40;
    private static final int POSITION_FILLS = 48;

    // quote manager section (v1 QuoteManager.writeTo)
    private static final int QUOTE_NEXT_ID = 0;
    private static final int QUOTE_BID_ORDER = 8;
    private static final int QUOTE_ASK_ORDER = 16;
    private static final int QUOTE_BID_REPLACE = 24;
    private static final int QUOTE_ASK_REPLACE = 32;
    private static final int QUOTE_TAKE = 40;
    private static final int QUOTE_FLAGS = 48;
    private static final long QUOTE_HAS_BID = 1;
    private static final long QUOTE_HAS_ASK = 2;
    private static final long QUOTE_BID_REPLACING = 4;
    private static final long QUOTE_ASK_REPLACING = 8;
    private static final long QUOTE_TAKE_OPEN = 16;

    // risk gate section (v1 RiskGate.writeTo)
    private static final int RISK_POSITION = 0;
    private static final int RISK_WORKING_BUY = 8;
    private static final int RISK_WORKING_SELL = 16;
    private static final int RISK_OPEN_ORDERS = 24;
    private static final int RISK_FLAGS = 28;
    private static final int RISK_REFERENCE_PRICE = 32;
    private static final int RISK_BEST_BID = 40;
    private static final int RISK_BEST_ASK = 48;
    private static final int RISK_LAST_MARKET_DATA = 56;
    private static final int RISK_LAST_VENUE = 64;
    private static final int RISK_PNL = 72;
    private static final int RISK_PEAK_PNL = 80;
    private static final int RISK_MODE_SINCE = 88;
    private static final int RISK_MODE = 96;
    private static final int RISK_MODE_REASON = 97;
    private static final int RISK_LATCHED_BREAKER = 98;
    private static final int RISK_POSITION_BREACH = 1;
    private static final int RISK_LOSS_BREACH = 2;
    private static final int RISK_DRAWDOWN_BREACH = 4;
    private static final int RISK_BOOK_STALE = 8;
    private static final int RISK_OPERATOR_STOP = 16;
    private static final int RISK_FLATTENING = 32;
    private static final int RISK_CANCEL_ALL_PENDING = 64;

    // orders section (v1 Orders.writeTo): header, open orders in slot order, then the free-slot stack bottom first
    private static final int ORDERS_CAPACITY = 0;
    private static final int ORDERS_OPEN_COUNT = 4;
    private static final int ORDERS_FREE_COUNT = 12;
    private static final int ORDERS_HEADER_LENGTH = 16;
    private static final int ORDER_LENGTH = 80;
    private static final int FREE_SLOT_LENGTH = 4;
    private static final int ORDER_SLOT = 0;
    private static final int ORDER_STATE = 4;
    private static final int ORDER_SIDE = 5;
    private static final int ORDER_CLIENT_ID = 8;
    private static final int ORDER_PRICE = 16;
    private static final int ORDER_QUANTITY = 24;
    private static final int ORDER_LEAVES = 32;
    private static final int ORDER_FILLED = 40;
    private static final int ORDER_SENT_TIME = 48;
    private static final int ORDER_REPLACE_ID = 56;
    private static final int ORDER_REPLACE_PRICE = 64;
    private static final int ORDER_REPLACE_QUANTITY = 72;

    /** Shortest record the v1 reader took: the fixed sections and an orders header. */
    private static final int MIN_LENGTH = ORDERS_OFFSET + ORDERS_HEADER_LENGTH;

    // the v1 build wrote Java enum ordinals; these are those enums as they stood, by ordinal (FILLED, CANCELLED and
    // REJECTED followed PENDING_REPLACE but free their slot, so they were never written)
    private static final CheckpointOrderState[] V1_ORDER_STATES = {
        CheckpointOrderState.PENDING_NEW, CheckpointOrderState.LIVE, CheckpointOrderState.PARTIALLY_FILLED,
        CheckpointOrderState.PENDING_CANCEL, CheckpointOrderState.PENDING_REPLACE};
    private static final CheckpointMode[] V1_MODES = {
        CheckpointMode.ACTIVE, CheckpointMode.REDUCE_ONLY, CheckpointMode.HALTED};
    private static final CheckpointModeReason[] V1_MODE_REASONS = {
        CheckpointModeReason.OPERATOR_STOP, CheckpointModeReason.DAILY_LOSS, CheckpointModeReason.DRAWDOWN,
        CheckpointModeReason.BOOK_STALE, CheckpointModeReason.STALE_MARKET_DATA, CheckpointModeReason.OPERATOR_FLATTEN,
        CheckpointModeReason.POSITION_LIMIT, CheckpointModeReason.NONE, CheckpointModeReason.VENUE_SILENT};

    private final int instrumentId;
    private final int orderCapacity;
    private final UnsafeBuffer sbe;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final StrategyCheckpointEncoder encoder = new StrategyCheckpointEncoder();
    private int sbeLength;

    /**
     * @param instrumentId  the restoring strategy's instrument.
     * @param orderCapacity its order capacity.
     */
    LegacyCheckpointV1(final int instrumentId, final int orderCapacity)
    {
        this.instrumentId = instrumentId;
        this.orderCapacity = orderCapacity;
        sbe = new UnsafeBuffer(new byte[StrategyCheckpoint.maxLength(orderCapacity)]);
    }

    /**
     * @param buffer holding a record.
     * @param offset where it starts.
     * @param length bytes available from {@code offset}.
     * @return true if the bytes start with the v1 magic (whatever follows: {@link #transcode} checks the rest).
     */
    static boolean isV1(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= Integer.BYTES && MAGIC == buffer.getInt(offset + MAGIC_OFFSET, ORDER);
    }

    /**
     * @param buffer holding a verified v1 record.
     * @param offset where it starts.
     * @return the journal index stored by the writer.
     */
    static long lastJournalIndex(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + JOURNAL_INDEX_OFFSET, ORDER);
    }

    /**
     * @param orderCapacity order capacity.
     * @return the most bytes a v1 record of that capacity took (every slot an open order): a buffer or store that
     *         loads one needs this many.
     */
    static int maxLength(final int orderCapacity)
    {
        return ORDERS_OFFSET + ORDERS_HEADER_LENGTH + orderCapacity * Math.max(ORDER_LENGTH, FREE_SLOT_LENGTH);
    }

    /**
     * Checks a v1 record and writes its state as a sealed SBE StrategyCheckpoint into {@link #buffer()}.
     *
     * @param buffer holding the record (its magic seen by {@link #isV1}).
     * @param offset where it starts.
     * @param length bytes available from {@code offset}.
     * @param sealer seals the SBE copy with the checksum the normal restore verifies.
     * @return VALID with the copy in {@link #buffer()}, or the first problem found.
     */
    CheckpointCheck transcode(
        final DirectBuffer buffer, final int offset, final int length, final StrategyCheckpoint sealer)
    {
        final CheckpointCheck check = verify(buffer, offset, length);
        if (CheckpointCheck.VALID != check)
        {
            return check;
        }
        encoder.wrapAndApplyHeader(sbe, 0, headerEncoder)
            .checksum(0)
            .messageLength(0)
            .instrumentId(instrumentId)
            .orderCapacity(orderCapacity)
            .lastJournalIndex(buffer.getLong(offset + JOURNAL_INDEX_OFFSET, ORDER))
            .lastTimeNs(buffer.getLong(offset + LAST_TIME_OFFSET, ORDER))
            .quoterMemory(buffer.getLong(offset + QUOTER_MEMORY_OFFSET, ORDER));
        transcodePosition(buffer, offset + POSITION_OFFSET);
        transcodeQuoteManager(buffer, offset + QUOTE_MANAGER_OFFSET);
        if (!transcodeRisk(buffer, offset + RISK_OFFSET) || !transcodeOrders(buffer, offset + ORDERS_OFFSET))
        {
            return CheckpointCheck.BAD_FIELD;
        }
        sbeLength = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        encoder.messageLength(sbeLength);
        sealer.seal(sbe, 0, sbeLength);
        return CheckpointCheck.VALID;
    }

    /**
     * @return the SBE copy written by the last VALID {@link #transcode}, at offset 0.
     */
    DirectBuffer buffer()
    {
        return sbe;
    }

    /**
     * @return its length.
     */
    int length()
    {
        return sbeLength;
    }

    private CheckpointCheck verify(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MIN_LENGTH)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        if (VERSION != buffer.getShort(offset + VERSION_OFFSET, ORDER))
        {
            return CheckpointCheck.UNSUPPORTED_VERSION;
        }
        final int stated = buffer.getInt(offset + LENGTH_OFFSET, ORDER);
        if (stated > length)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        if (stated < MIN_LENGTH)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        if (buffer.getInt(offset + CHECKSUM_OFFSET, ORDER) != checksum(buffer, offset, stated))
        {
            return CheckpointCheck.BAD_CHECKSUM;
        }
        final int orders = offset + ORDERS_OFFSET;
        final int open = buffer.getInt(orders + ORDERS_OPEN_COUNT, ORDER);
        final int free = buffer.getInt(orders + ORDERS_FREE_COUNT, ORDER);
        if (open < 0 || free < 0)
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        final long sections = MIN_LENGTH + (long)open * ORDER_LENGTH + (long)free * FREE_SLOT_LENGTH;
        if (sections > stated)
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        if (sections != stated)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        if (buffer.getInt(offset + INSTRUMENT_OFFSET, ORDER) != instrumentId)
        {
            return CheckpointCheck.WRONG_INSTRUMENT;
        }
        if (buffer.getInt(orders + ORDERS_CAPACITY, ORDER) != orderCapacity)
        {
            return CheckpointCheck.WRONG_CAPACITY;
        }
        if (open + free != orderCapacity) // the v1 reader's own consistency check (it threw; this refuses)
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        return CheckpointCheck.VALID;
    }

    private static int checksum(final DirectBuffer buffer, final int offset, final int stated)
    {
        final byte[] checked = new byte[stated - CHECKSUMMED_FROM]; // start-up only: one copy, whatever the buffer
        buffer.getBytes(offset + CHECKSUMMED_FROM, checked);
        final CRC32C crc = new CRC32C();
        crc.update(checked);
        return (int)crc.getValue();
    }

    private void transcodePosition(final DirectBuffer buffer, final int at)
    {
        encoder.position()
            .position(buffer.getLong(at + POSITION_LOTS, ORDER))
            .averagePrice(buffer.getDouble(at + POSITION_AVERAGE_PRICE, ORDER))
            .realisedTicksLots(buffer.getDouble(at + POSITION_REALISED, ORDER))
            .fees(buffer.getDouble(at + POSITION_FEES, ORDER))
            .boughtQuantity(buffer.getLong(at + POSITION_BOUGHT, ORDER))
            .soldQuantity(buffer.getLong(at + POSITION_SOLD, ORDER))
            .fills(buffer.getLong(at + POSITION_FILLS, ORDER));
    }

    private void transcodeQuoteManager(final DirectBuffer buffer, final int at)
    {
        final QuoteManagerStateEncoder state = encoder.quoteManager()
            .nextClientOrderId(buffer.getLong(at + QUOTE_NEXT_ID, ORDER))
            .bidOrderId(buffer.getLong(at + QUOTE_BID_ORDER, ORDER))
            .askOrderId(buffer.getLong(at + QUOTE_ASK_ORDER, ORDER))
            .bidReplaceId(buffer.getLong(at + QUOTE_BID_REPLACE, ORDER))
            .askReplaceId(buffer.getLong(at + QUOTE_ASK_REPLACE, ORDER))
            .takeId(buffer.getLong(at + QUOTE_TAKE, ORDER));
        final long flags = buffer.getLong(at + QUOTE_FLAGS, ORDER);
        state.flags().clear()
            .hasBidOrder(0 != (flags & QUOTE_HAS_BID))
            .hasAskOrder(0 != (flags & QUOTE_HAS_ASK))
            .bidReplaceInFlight(0 != (flags & QUOTE_BID_REPLACING))
            .askReplaceInFlight(0 != (flags & QUOTE_ASK_REPLACING))
            .takeOpen(0 != (flags & QUOTE_TAKE_OPEN));
    }

    private boolean transcodeRisk(final DirectBuffer buffer, final int at)
    {
        final int mode = buffer.getByte(at + RISK_MODE);
        final int reason = buffer.getByte(at + RISK_MODE_REASON);
        final int latched = buffer.getByte(at + RISK_LATCHED_BREAKER);
        if (!isOrdinal(mode, V1_MODES.length) || !isOrdinal(reason, V1_MODE_REASONS.length) ||
            !isOrdinal(latched, V1_MODE_REASONS.length))
        {
            return false;
        }
        final RiskGateStateEncoder state = encoder.risk()
            .position(buffer.getLong(at + RISK_POSITION, ORDER))
            .workingBuy(buffer.getLong(at + RISK_WORKING_BUY, ORDER))
            .workingSell(buffer.getLong(at + RISK_WORKING_SELL, ORDER))
            .openOrders(buffer.getInt(at + RISK_OPEN_ORDERS, ORDER));
        final int flags = buffer.getInt(at + RISK_FLAGS, ORDER);
        state.flags().clear()
            .positionBreach(0 != (flags & RISK_POSITION_BREACH))
            .lossBreach(0 != (flags & RISK_LOSS_BREACH))
            .drawdownBreach(0 != (flags & RISK_DRAWDOWN_BREACH))
            .bookStale(0 != (flags & RISK_BOOK_STALE))
            .operatorStop(0 != (flags & RISK_OPERATOR_STOP))
            .flattening(0 != (flags & RISK_FLATTENING))
            .cancelAllPending(0 != (flags & RISK_CANCEL_ALL_PENDING));
        state.referencePrice(buffer.getLong(at + RISK_REFERENCE_PRICE, ORDER))
            .bestBid(buffer.getLong(at + RISK_BEST_BID, ORDER))
            .bestAsk(buffer.getLong(at + RISK_BEST_ASK, ORDER))
            .lastMarketDataNs(buffer.getLong(at + RISK_LAST_MARKET_DATA, ORDER))
            .lastVenueNs(buffer.getLong(at + RISK_LAST_VENUE, ORDER))
            .pnl(buffer.getLong(at + RISK_PNL, ORDER))
            .peakPnl(buffer.getLong(at + RISK_PEAK_PNL, ORDER))
            .modeSinceNs(buffer.getLong(at + RISK_MODE_SINCE, ORDER))
            .mode(V1_MODES[mode])
            .modeReason(V1_MODE_REASONS[reason])
            .latchedBreaker(V1_MODE_REASONS[latched]);
        return true;
    }

    /**
     * Slots go across as written (as uint32: a negative one becomes a slot past the capacity, which the SBE checks
     * refuse like a slot used twice).
     */
    private boolean transcodeOrders(final DirectBuffer buffer, final int orders)
    {
        final int open = buffer.getInt(orders + ORDERS_OPEN_COUNT, ORDER);
        final int free = buffer.getInt(orders + ORDERS_FREE_COUNT, ORDER);
        final StrategyCheckpointEncoder.OpenOrdersEncoder openOrders = encoder.openOrdersCount(open);
        int at = orders + ORDERS_HEADER_LENGTH;
        for (int i = 0; i < open; i++, at += ORDER_LENGTH)
        {
            final int state = buffer.getByte(at + ORDER_STATE);
            final Side side = side(buffer.getByte(at + ORDER_SIDE));
            if (!isOrdinal(state, V1_ORDER_STATES.length) || null == side)
            {
                return false;
            }
            openOrders.next()
                .slot(buffer.getInt(at + ORDER_SLOT, ORDER) & 0xFFFF_FFFFL)
                .state(V1_ORDER_STATES[state])
                .side(side)
                .clientOrderId(buffer.getLong(at + ORDER_CLIENT_ID, ORDER))
                .price(buffer.getLong(at + ORDER_PRICE, ORDER))
                .quantity(buffer.getLong(at + ORDER_QUANTITY, ORDER))
                .leavesQuantity(buffer.getLong(at + ORDER_LEAVES, ORDER))
                .filledQuantity(buffer.getLong(at + ORDER_FILLED, ORDER))
                .sentTimeNs(buffer.getLong(at + ORDER_SENT_TIME, ORDER))
                .replaceId(buffer.getLong(at + ORDER_REPLACE_ID, ORDER))
                .replacePrice(buffer.getLong(at + ORDER_REPLACE_PRICE, ORDER))
                .replaceQuantity(buffer.getLong(at + ORDER_REPLACE_QUANTITY, ORDER));
        }
        final StrategyCheckpointEncoder.FreeSlotsEncoder freeSlots = encoder.freeSlotsCount(free);
        for (int i = 0; i < free; i++, at += FREE_SLOT_LENGTH)
        {
            freeSlots.next().slot(buffer.getInt(at, ORDER) & 0xFFFF_FFFFL);
        }
        return true;
    }

    private static boolean isOrdinal(final int value, final int count)
    {
        return value >= 0 && value < count;
    }

    /**
     * v1 wrote the side as its SBE code, which the schema still has.
     */
    private static Side side(final byte code)
    {
        if (Side.BUY.value() == code)
        {
            return Side.BUY;
        }
        return Side.SELL.value() == code ? Side.SELL : null;
    }
}
