package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.MessageHeaderEncoder;
import net.openhft.chronicle.bytes.Bytes;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bytes of one journal document ({@link JournalFormat}: header, record or trailer) as Chronicle hands them
 * over, checking every length and count against the bytes there are, so a damaged queue file is an
 * {@link InputFormatException} naming the journal and the record, never an exception from deep inside Chronicle or an
 * allocation sized by garbage. Separate from {@link JournalReader}, which walks the queue, so the decoding can be
 * fuzzed in memory at a rate no queue file allows. A record's frame is copied into a reused buffer.
 */
final class JournalDecoder
{
    private static final int INITIAL_FRAME_CAPACITY = 64 * 1024;
    private static final int HEADER_FIXED_LENGTH = 1 + 8 + 4 + 4 + 4;
    private static final int TRAILER_LENGTH = 1 + 8 + 8;
    /** An instrument with an empty symbol: id, symbol length, tick, lot, two exponents. */
    private static final int MIN_INSTRUMENT_LENGTH = 4 + 1 + 8 + 8 + 1 + 1;

    private final String source;
    private final UnsafeBuffer mapped = new UnsafeBuffer(0, 0);
    private UnsafeBuffer frame = new UnsafeBuffer(new byte[INITIAL_FRAME_CAPACITY]);
    private Direction direction;
    private int stream;
    private long receiveTimeNs;
    private int frameLength;
    private int refusal;

    /**
     * @param source the journal, as errors name it.
     */
    JournalDecoder(final String source)
    {
        this.source = source;
    }

    /**
     * @param bytes the first document, positioned at its start.
     * @return the header it holds.
     * @throws InputFormatException if it is not a header this build reads.
     */
    JournalHeader header(final Bytes<?> bytes)
    {
        if (bytes.readRemaining() < HEADER_FIXED_LENGTH || JournalFormat.KIND_HEADER != bytes.readByte() ||
            JournalFormat.MAGIC != bytes.readLong())
        {
            throw new InputFormatException(source, 0, "not a Ticklane journal: the first record is not a journal header");
        }
        final int formatVersion = bytes.readInt();
        if (formatVersion < JournalFormat.MIN_FORMAT_VERSION || formatVersion > JournalFormat.FORMAT_VERSION)
        {
            throw new InputFormatException(source, 0, "journal format version " + formatVersion +
                ", this build reads versions " + JournalFormat.MIN_FORMAT_VERSION + " to " + JournalFormat.FORMAT_VERSION);
        }
        final int schemaId = bytes.readInt();
        final int schemaVersion = bytes.readInt();
        if (MessageHeaderEncoder.SCHEMA_ID != schemaId || schemaVersion < 1 ||
            schemaVersion > MessageHeaderEncoder.SCHEMA_VERSION)
        {
            // an older version is read: the schema only ever grows (SCHEMA.md, evolution rules)
            throw new InputFormatException(source, 0, "journal frames use SBE schema " + schemaId + " version " +
                schemaVersion + ", this build reads schema " + MessageHeaderEncoder.SCHEMA_ID + " versions 1 to " +
                MessageHeaderEncoder.SCHEMA_VERSION);
        }
        final String configHash = text(bytes, "config hash");
        final String codeVersion = text(bytes, "code version");
        final String description = text(bytes, "source");
        final int count = headerInt(bytes, "instrument count");
        if (count < 0 || count > bytes.readRemaining() / MIN_INSTRUMENT_LENGTH)
        {
            throw damagedHeader("instrument count " + count + " does not fit the header's " + bytes.readRemaining() +
                " remaining bytes");
        }
        final List<JournalInstrument> instruments = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final int id = headerInt(bytes, "instrument id");
            final String symbol = text(bytes, "instrument symbol");
            if (bytes.readRemaining() < 8 + 8 + 1 + 1)
            {
                throw damagedHeader("instrument " + (i + 1) + " of " + count + " is cut short");
            }
            instruments.add(new JournalInstrument(
                id, symbol, bytes.readLong(), bytes.readLong(), bytes.readByte(), bytes.readByte()));
        }
        return new JournalHeader(formatVersion, schemaId, schemaVersion, instruments, configHash, codeVersion, description);
    }

    /**
     * @param bytes a document, positioned at its start.
     * @return the record count of the trailer, or -1 if the document is not a trailer.
     */
    static long trailerCount(final Bytes<?> bytes)
    {
        if (bytes.readRemaining() < TRAILER_LENGTH || JournalFormat.KIND_TRAILER != bytes.readByte() ||
            JournalFormat.MAGIC != bytes.readLong())
        {
            return -1;
        }
        return bytes.readLong();
    }

    /**
     * Decodes a document after the header: a record, whose fields and frame are then this decoder's, or the trailer.
     *
     * @param bytes the document, positioned at its start.
     * @param index 1-based index of the document after the header, for errors.
     * @return true for a record, false for the trailer.
     * @throws InputFormatException naming the record for anything else.
     */
    boolean record(final Bytes<?> bytes, final long index)
    {
        final long available = bytes.readRemaining();
        if (available < 1)
        {
            throw new InputFormatException(source, index, "record " + index + ": empty");
        }
        final byte kind = bytes.readByte();
        if (JournalFormat.KIND_TRAILER == kind)
        {
            return false;
        }
        if (JournalFormat.KIND_RECORD != kind)
        {
            throw new InputFormatException(source, index, "record " + index + ": unknown record kind " + kind);
        }
        if (available < JournalFormat.RECORD_PREFIX_LENGTH)
        {
            throw new InputFormatException(source, index,
                "record " + index + ": truncated, " + available + " bytes is less than a record prefix");
        }
        final byte code = bytes.readByte();
        final Direction decoded;
        int decodedRefusal = 0;
        if (JournalFormat.DIRECTION_REFUSED == code)
        {
            if (available < JournalFormat.REFUSED_PREFIX_LENGTH)
            {
                throw new InputFormatException(source, index,
                    "record " + index + ": truncated, " + available + " bytes is less than a refused record's prefix");
            }
            decoded = Direction.IN;
            decodedRefusal = bytes.readUnsignedByte();
            if (0 == decodedRefusal)
            {
                throw new InputFormatException(source, index, "record " + index + ": refused record without a refusal code");
            }
        }
        else
        {
            decoded = Direction.fromCode(code);
            if (null == decoded)
            {
                throw new InputFormatException(source, index, "record " + index + ": unknown direction " + code);
            }
        }
        final int decodedStream = bytes.readInt();
        final long decodedTimeNs = bytes.readLong();
        final int length = bytes.readInt();
        final long remaining = bytes.readRemaining();
        final int shortest = 0 == decodedRefusal ? MessageHeaderEncoder.ENCODED_LENGTH : 0; // refused bytes may be anything
        if (length < shortest || length > remaining)
        {
            throw new InputFormatException(source, index,
                "record " + index + ": frame length " + length + " does not fit the record's " + remaining + " bytes");
        }
        if (length > frame.capacity())
        {
            frame = new UnsafeBuffer(new byte[Integer.highestOneBit(length) << 1]);
        }
        if (bytes.isDirectMemory())
        {
            // Chronicle's own copy (unsafeReadObject) is a Java loop of 16-byte moves; Unsafe.copyMemory is a memcpy.
            mapped.wrap(bytes.addressForRead(bytes.readPosition()), length);
            frame.putBytes(0, mapped, 0, length);
        }
        else
        {
            bytes.unsafeReadObject(frame.byteArray(), (int)BufferUtil.ARRAY_BASE_OFFSET, length);
        }
        direction = decoded;
        refusal = decodedRefusal;
        stream = decodedStream;
        receiveTimeNs = decodedTimeNs;
        frameLength = length;
        return true;
    }

    /**
     * @return direction of the last record decoded.
     */
    Direction direction()
    {
        return direction;
    }

    /**
     * @return the refusal code of the last record decoded if the daemon refused its frame (its bytes may be anything),
     * else 0.
     */
    int refusal()
    {
        return refusal;
    }

    /**
     * @return stream of the last record decoded.
     */
    int stream()
    {
        return stream;
    }

    /**
     * @return receive time of the last record decoded, epoch ns.
     */
    long receiveTimeNs()
    {
        return receiveTimeNs;
    }

    /**
     * @return the last record's frame, from index 0; reused by the next record.
     */
    UnsafeBuffer frame()
    {
        return frame;
    }

    /**
     * @return the last record's frame length.
     */
    int frameLength()
    {
        return frameLength;
    }

    private int headerInt(final Bytes<?> bytes, final String what)
    {
        if (bytes.readRemaining() < Integer.BYTES)
        {
            throw damagedHeader("it ends before its " + what);
        }
        return bytes.readInt();
    }

    /**
     * A string as {@code Bytes.writeUtf8} wrote it (stop-bit length, then UTF-8), its length checked against the bytes
     * there are before Chronicle reads it.
     */
    private String text(final Bytes<?> bytes, final String what)
    {
        if (bytes.readRemaining() < 1)
        {
            throw damagedHeader("it ends before its " + what);
        }
        final long start = bytes.readPosition();
        final long length;
        try
        {
            length = bytes.readStopBit();
        }
        catch (final RuntimeException ex)
        {
            // found by JournalReaderFuzzTest: Chronicle's IORuntimeException "Cannot read more than 10 stop bits"
            throw new InputFormatException(source, 0, "damaged journal header: its " + what + " has no valid length (" + ex + ")", ex);
        }
        if (length < 0 || length > bytes.readRemaining())
        {
            throw damagedHeader("its " + what + " has length " + length + " of " + bytes.readRemaining() + " remaining bytes");
        }
        bytes.readPosition(start);
        final String text;
        try
        {
            text = bytes.readUtf8();
        }
        catch (final RuntimeException ex)
        {
            throw new InputFormatException(source, 0, "damaged journal header: its " + what + " is not UTF-8 (" + ex + ")", ex);
        }
        if (null == text)
        {
            throw damagedHeader("its " + what + " is missing");
        }
        return text;
    }

    private InputFormatException damagedHeader(final String detail)
    {
        return new InputFormatException(source, 0, "damaged journal header: " + detail);
    }
}
