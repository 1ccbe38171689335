package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.order.QuoteManager;
import io.ticklane.marketmaking.risk.RiskGate;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The layout of one strategy checkpoint record, and its integrity check: everything the trading state of one
 * instrument needs to continue after a restart exactly as it would have without one (see
 * docs/decisions/crash-recovery.md). A record is a header and four fixed-order sections, little-endian:
 * <pre>
 *   0 magic            int32  'TLCP'
 *   4 version          int16
 *   6 padding          int16
 *   8 length           int32  whole record, header included
 *  12 checksum         int32  CRC32C of bytes [16, length)
 *  16 instrumentId     int32
 *  20 reserved         int32
 *  24 lastJournalIndex int64  set by the caller: the last journal record the state includes
 *  32 lastTimeNs       int64  the strategy's last market event time
 *  40 quoterMemory     int64  the quoter's memory word ({@code Long.MIN_VALUE} for none)
 *  48 position         Position.CHECKPOINT_LENGTH bytes
 * 104 quote manager    QuoteManager.CHECKPOINT_LENGTH bytes
 * 160 risk gate        RiskGate.CHECKPOINT_LENGTH bytes
 * 264 orders           Orders header, open orders, free-slot stack (variable, at most Orders.maxCheckpointLength)
 * </pre>
 * One instance per writer (it holds the checksum state); nothing is allocated after construction.
 */
public final class StrategyCheckpoint
{
    /** "TLCP" read as a little-endian int32. */
    public static final int MAGIC = 0x50434C54;
    /** Layout version written by this build. */
    public static final short VERSION = 1;
    /** Bytes of the header. */
    public static final int HEADER_LENGTH = 48;

    static final int VERSION_OFFSET = 4;
    static final int LENGTH_OFFSET = 8;
    static final int CHECKSUM_OFFSET = 12;
    static final int CHECKSUMMED_FROM = 16;
    static final int INSTRUMENT_OFFSET = 16;
    static final int JOURNAL_INDEX_OFFSET = 24;
    static final int LAST_TIME_OFFSET = 32;
    static final int QUOTER_MEMORY_OFFSET = 40;
    static final int POSITION_OFFSET = HEADER_LENGTH;
    static final int QUOTE_MANAGER_OFFSET = POSITION_OFFSET + Position.CHECKPOINT_LENGTH;
    static final int RISK_OFFSET = QUOTE_MANAGER_OFFSET + QuoteManager.CHECKPOINT_LENGTH;
    static final int ORDERS_OFFSET = RISK_OFFSET + RiskGate.CHECKPOINT_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final CRC32C crc = new CRC32C();
    private final byte[] scratch = new byte[4096];

    /**
     * @param orderCapacity capacity of the strategy's {@link Orders}.
     * @return the most bytes a checkpoint of such a strategy takes: size buffers and stores with it.
     */
    public static int maxLength(final int orderCapacity)
    {
        return ORDERS_OFFSET + Orders.maxCheckpointLength(orderCapacity);
    }

    /**
     * @param buffer holding a verified record.
     * @param offset where it starts.
     * @return the journal index stored by the writer.
     */
    public static long lastJournalIndex(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + JOURNAL_INDEX_OFFSET, ORDER);
    }

    /**
     * @param buffer holding a verified record.
     * @param offset where it starts.
     * @return the instrument it was written for.
     */
    public static int instrumentId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + INSTRUMENT_OFFSET, ORDER);
    }

    /**
     * @param buffer holding a record.
     * @param offset where it starts.
     * @return the length its header states.
     */
    public static int length(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + LENGTH_OFFSET, ORDER);
    }

    /**
     * Checks that the bytes are a whole record of this layout: magic, version, the stated length against the
     * available bytes and the sections, and the checksum.
     *
     * @param buffer holding the record.
     * @param offset where it starts.
     * @param length bytes available from {@code offset}.
     * @return VALID, or the first problem found.
     */
    public CheckpointCheck verify(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < ORDERS_OFFSET + Orders.CHECKPOINT_HEADER_LENGTH)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        if (MAGIC != buffer.getInt(offset, ORDER))
        {
            return CheckpointCheck.BAD_MAGIC;
        }
        if (VERSION != buffer.getShort(offset + VERSION_OFFSET, ORDER))
        {
            return CheckpointCheck.UNSUPPORTED_VERSION;
        }
        final int stated = length(buffer, offset);
        if (stated > length)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        if (stated < ORDERS_OFFSET + Orders.CHECKPOINT_HEADER_LENGTH)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        if (buffer.getInt(offset + CHECKSUM_OFFSET, ORDER) != checksum(buffer, offset, stated))
        {
            return CheckpointCheck.BAD_CHECKSUM;
        }
        if (ORDERS_OFFSET + Orders.checkpointLength(buffer, offset + ORDERS_OFFSET) != stated)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        return CheckpointCheck.VALID;
    }

    /**
     * Writes the header around sections already written at their offsets, then seals it with the checksum.
     */
    void seal(
        final MutableDirectBuffer buffer,
        final int offset,
        final int length,
        final int instrumentId,
        final long lastJournalIndex,
        final long lastTimeNs,
        final long quoterMemory)
    {
        buffer.putInt(offset, MAGIC, ORDER);
        buffer.putShort(offset + VERSION_OFFSET, VERSION, ORDER);
        buffer.putShort(offset + VERSION_OFFSET + 2, (short)0, ORDER);
        buffer.putInt(offset + LENGTH_OFFSET, length, ORDER);
        buffer.putInt(offset + INSTRUMENT_OFFSET, instrumentId, ORDER);
        buffer.putInt(offset + INSTRUMENT_OFFSET + 4, 0, ORDER);
        buffer.putLong(offset + JOURNAL_INDEX_OFFSET, lastJournalIndex, ORDER);
        buffer.putLong(offset + LAST_TIME_OFFSET, lastTimeNs, ORDER);
        buffer.putLong(offset + QUOTER_MEMORY_OFFSET, quoterMemory, ORDER);
        buffer.putInt(offset + CHECKSUM_OFFSET, checksum(buffer, offset, length), ORDER);
    }

    private int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        crc.reset();
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            crc.update(array, buffer.wrapAdjustment() + offset + CHECKSUMMED_FROM, length - CHECKSUMMED_FROM);
        }
        else
        {
            // off-heap: through a reused heap window (CRC32C's direct-memory entry point is not public)
            for (int at = CHECKSUMMED_FROM; at < length; at += scratch.length)
            {
                final int chunk = Math.min(scratch.length, length - at);
                buffer.getBytes(offset + at, scratch, 0, chunk);
                crc.update(scratch, 0, chunk);
            }
        }
        return (int)crc.getValue();
    }
}
