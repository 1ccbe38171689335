package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.order.QuoteManager;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.StrategyCheckpointEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.zip.CRC32C;

/**
 * One strategy checkpoint record: the SBE {@code StrategyCheckpoint} message (schema
 * {@code sbe-schemas/.../ticklane-schema.xml}, id 60) written and read through its generated flyweights, plus the
 * checks that make a damaged or hostile record a refusal with a reason instead of an exception or wrong state. Each
 * state class writes its own part ({@code encode}/{@code decode}); this class frames them, seals the record with a
 * CRC32C and checks a record before anything is restored (see docs/decisions/crash-recovery.md).
 * <p>
 * One instance per strategy (it holds the flyweights and the checksum state); writing allocates nothing.
 */
public final class StrategyCheckpoint
{
    /** The first schema version with this message: older versions cannot hold a checkpoint. */
    public static final int FIRST_VERSION = 2;
    /** The most orders a checkpoint's groups can count: a strategy's order capacity is at most this. */
    public static final int MAX_ORDER_CAPACITY = StrategyCheckpointEncoder.OpenOrdersEncoder.countMaxValue();

    private static final int HEADER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH;
    /**
     * The root block of {@link #FIRST_VERSION}. Later versions only append fields after {@code risk} (SCHEMA.md rule
     * 2), so the end of {@code risk} stays the least block any version can have.
     */
    private static final int FIRST_BLOCK_LENGTH =
        StrategyCheckpointDecoder.riskEncodingOffset() + StrategyCheckpointDecoder.riskEncodingLength();
    private static final int FIRST_ORDER_BLOCK_LENGTH =
        StrategyCheckpointDecoder.OpenOrdersDecoder.replaceQuantityEncodingOffset() +
        StrategyCheckpointDecoder.OpenOrdersDecoder.replaceQuantityEncodingLength();
    private static final int FIRST_FREE_SLOT_BLOCK_LENGTH =
        StrategyCheckpointDecoder.FreeSlotsDecoder.slotEncodingOffset() +
        StrategyCheckpointDecoder.FreeSlotsDecoder.slotEncodingLength();
    private static final int CHECKSUM_OFFSET = HEADER_LENGTH + StrategyCheckpointDecoder.checksumEncodingOffset();
    private static final int CHECKSUM_END = CHECKSUM_OFFSET + StrategyCheckpointDecoder.checksumEncodingLength();
    private static final int GROUP_HEADERS_LENGTH = StrategyCheckpointDecoder.OpenOrdersDecoder.sbeHeaderSize() +
        StrategyCheckpointDecoder.FreeSlotsDecoder.sbeHeaderSize();

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final StrategyCheckpointEncoder encoder = new StrategyCheckpointEncoder();
    private final StrategyCheckpointDecoder decoder = new StrategyCheckpointDecoder();
    private final CRC32C crc = new CRC32C();
    private final byte[] scratch = new byte[4096];
    private final Orders orders;
    private final Position position;
    private final QuoteManager quoteManager;
    private final RiskGate risk;

    /**
     * @param orders       the strategy's orders.
     * @param position     its position.
     * @param quoteManager its quote manager.
     * @param risk         its risk gate.
     * @throws IllegalArgumentException if the order capacity is more than a checkpoint group can count.
     */
    public StrategyCheckpoint(
        final Orders orders, final Position position, final QuoteManager quoteManager, final RiskGate risk)
    {
        if (orders.capacity() > MAX_ORDER_CAPACITY)
        {
            throw new IllegalArgumentException("order capacity " + orders.capacity() + " is more than a checkpoint holds (" +
                MAX_ORDER_CAPACITY + ")");
        }
        this.orders = orders;
        this.position = position;
        this.quoteManager = quoteManager;
        this.risk = risk;
    }

    /**
     * @param orderCapacity capacity of the strategy's {@link Orders}.
     * @return the most bytes a checkpoint of such a strategy takes: size buffers and stores with it.
     */
    public static int maxLength(final int orderCapacity)
    {
        return HEADER_LENGTH + StrategyCheckpointEncoder.BLOCK_LENGTH + GROUP_HEADERS_LENGTH + orderCapacity *
            Math.max(StrategyCheckpointEncoder.OpenOrdersEncoder.sbeBlockLength(),
            StrategyCheckpointEncoder.FreeSlotsEncoder.sbeBlockLength());
    }

    /**
     * For start-up: allocates two flyweights.
     *
     * @param buffer holding a verified record (or a v1 record a restore upgraded).
     * @param offset where it starts.
     * @return the journal index stored by the writer.
     */
    public static long lastJournalIndex(final DirectBuffer buffer, final int offset)
    {
        if (LegacyCheckpointV1.isV1(buffer, offset, buffer.capacity() - offset))
        {
            return LegacyCheckpointV1.lastJournalIndex(buffer, offset);
        }
        return new StrategyCheckpointDecoder().wrapAndApplyHeader(buffer, offset, new MessageHeaderDecoder())
            .lastJournalIndex();
    }

    /**
     * Writes the state of the strategy's parts as one sealed record. Allocates nothing.
     *
     * @param buffer           to write into; needs {@link #maxLength} bytes from {@code offset}.
     * @param offset           where to start.
     * @param lastJournalIndex index of the last journal record whose event the state includes.
     * @param lastTimeNs       the strategy's last market event time.
     * @param quoterMemory     the quoter's memory word.
     * @return bytes written.
     */
    int write(
        final MutableDirectBuffer buffer,
        final int offset,
        final long lastJournalIndex,
        final long lastTimeNs,
        final long quoterMemory)
    {
        encoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .checksum(0)
            .messageLength(0)
            .instrumentId(position.instrumentId())
            .orderCapacity(orders.capacity())
            .lastJournalIndex(lastJournalIndex)
            .lastTimeNs(lastTimeNs)
            .quoterMemory(quoterMemory);
        position.encode(encoder.position());
        quoteManager.encode(encoder.quoteManager());
        risk.encode(encoder.risk());
        orders.encode(encoder);
        final int length = HEADER_LENGTH + encoder.encodedLength();
        encoder.messageLength(length);
        encoder.checksum(checksum(buffer, offset, length) & 0xFFFF_FFFFL);
        return length;
    }

    /**
     * Seals a record whose other fields are written, as {@link #write} does: for the v1 upgrade, which writes its
     * record through the encoders itself ({@link LegacyCheckpointV1}).
     *
     * @param buffer holding the record.
     * @param offset where it starts.
     * @param length its messageLength.
     */
    void seal(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        buffer.putInt(offset + CHECKSUM_OFFSET, checksum(buffer, offset, length), StrategyCheckpointEncoder.BYTE_ORDER);
    }

    /**
     * Checks that the bytes are a whole checkpoint this strategy can take: the message header (template, schema,
     * version, block length), the stated length and the group counts against the bytes, the checksum, then the
     * instrument, the order capacity and every value. Never throws for bad bytes. On VALID the decoder is left over
     * the record for {@link #restore()}.
     *
     * @param buffer holding the record.
     * @param offset where it starts.
     * @param length bytes available from {@code offset}.
     * @return VALID, or the first problem found.
     */
    CheckpointCheck verify(final DirectBuffer buffer, final int offset, final int length)
    {
        final CheckpointCheck frame = verifyFrame(buffer, offset, length);
        if (CheckpointCheck.VALID != frame)
        {
            return frame;
        }
        final int stated = (int)decoder.messageLength();
        if ((int)decoder.checksum() != checksum(buffer, offset, stated))
        {
            return CheckpointCheck.BAD_CHECKSUM;
        }
        if ((int)decoder.instrumentId() != position.instrumentId())
        {
            return CheckpointCheck.WRONG_INSTRUMENT;
        }
        if (decoder.orderCapacity() != orders.capacity())
        {
            return CheckpointCheck.WRONG_CAPACITY;
        }
        decoder.sbeRewind();
        final StrategyCheckpointDecoder.OpenOrdersDecoder open = decoder.openOrders();
        final int openCount = open.count();
        while (open.hasNext())
        {
            open.next(); // moves the message's limit to the next group
        }
        if (openCount + decoder.freeSlots().count() != orders.capacity())
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        decoder.sbeRewind();
        if (!RiskGate.isDecodable(decoder.risk()) || !orders.isDecodable(decoder))
        {
            return CheckpointCheck.BAD_FIELD;
        }
        decoder.sbeRewind();
        return CheckpointCheck.VALID;
    }

    /**
     * Takes the record {@link #verify} found VALID into the strategy's parts.
     */
    void restore()
    {
        decoder.sbeRewind();
        position.decode(decoder.position());
        quoteManager.decode(decoder.quoteManager());
        risk.decode(decoder.risk());
        orders.decode(decoder);
    }

    /**
     * @return the strategy's last market event time in the record {@link #verify} accepted.
     */
    long lastTimeNs()
    {
        return decoder.lastTimeNs();
    }

    /**
     * @return the quoter's memory word in the record {@link #verify} accepted.
     */
    long quoterMemory()
    {
        return decoder.quoterMemory();
    }

    private CheckpointCheck verifyFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        headerDecoder.wrap(buffer, offset);
        if (StrategyCheckpointDecoder.TEMPLATE_ID != headerDecoder.templateId())
        {
            return CheckpointCheck.WRONG_TEMPLATE;
        }
        if (StrategyCheckpointDecoder.SCHEMA_ID != headerDecoder.schemaId())
        {
            return CheckpointCheck.WRONG_SCHEMA;
        }
        final int version = headerDecoder.version();
        if (version < FIRST_VERSION || version > StrategyCheckpointDecoder.SCHEMA_VERSION)
        {
            return CheckpointCheck.UNSUPPORTED_VERSION;
        }
        final int blockLength = headerDecoder.blockLength();
        if (blockLength < FIRST_BLOCK_LENGTH)
        {
            return CheckpointCheck.BAD_BLOCK_LENGTH;
        }
        if (length < HEADER_LENGTH + blockLength)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        decoder.wrap(buffer, offset + HEADER_LENGTH, blockLength, version);
        final long stated = decoder.messageLength();
        if (stated > length)
        {
            return CheckpointCheck.TOO_SHORT;
        }
        if (stated < HEADER_LENGTH + blockLength + GROUP_HEADERS_LENGTH)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        final int end = offset + (int)stated;

        // each group's header lies inside the stated length: the first one because of the check above, the second
        // because the first group's entries end at least a group header before the end
        final StrategyCheckpointDecoder.OpenOrdersDecoder open = decoder.openOrders();
        if (open.actingBlockLength() < FIRST_ORDER_BLOCK_LENGTH)
        {
            return CheckpointCheck.BAD_BLOCK_LENGTH;
        }
        if ((long)open.count() * open.actingBlockLength() >
            end - decoder.limit() - StrategyCheckpointDecoder.FreeSlotsDecoder.sbeHeaderSize())
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        while (open.hasNext())
        {
            open.next(); // moves the message's limit past the entry, reading nothing
        }
        final StrategyCheckpointDecoder.FreeSlotsDecoder free = decoder.freeSlots();
        if (free.actingBlockLength() < FIRST_FREE_SLOT_BLOCK_LENGTH)
        {
            return CheckpointCheck.BAD_BLOCK_LENGTH;
        }
        if ((long)free.count() * free.actingBlockLength() > end - decoder.limit())
        {
            return CheckpointCheck.BAD_GROUP_COUNT;
        }
        while (free.hasNext())
        {
            free.next();
        }
        if (decoder.limit() != end)
        {
            return CheckpointCheck.BAD_LENGTH;
        }
        return CheckpointCheck.VALID;
    }

    /**
     * CRC32C of {@code [offset, offset + length)} without the checksum field itself.
     */
    private int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        crc.reset();
        update(buffer, offset, CHECKSUM_OFFSET);
        update(buffer, offset + CHECKSUM_END, length - CHECKSUM_END);
        return (int)crc.getValue();
    }

    private void update(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            crc.update(array, buffer.wrapAdjustment() + offset, length);
        }
        else
        {
            // off-heap: through a reused heap window (CRC32C's direct-memory entry point is not public)
            for (int at = 0; at < length; at += scratch.length)
            {
                final int chunk = Math.min(scratch.length, length - at);
                buffer.getBytes(offset + at, scratch, 0, chunk);
                crc.update(scratch, 0, chunk);
            }
        }
    }
}
