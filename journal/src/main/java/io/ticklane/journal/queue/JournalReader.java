package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.BufferUtil;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replays a journal into a {@link JournalRecordHandler}, or only its inbound frames by template id into an Agrona
 * {@link MessageHandler} (how replay, backtest and recovery drive a strategy: one loop, not one per caller; refused
 * records are never among them, as the live strategy never saw them), after
 * checking it is one this build can read: a Ticklane header of this format version and SBE schema, and a trailer (a
 * complete journal) unless the caller explicitly reads an incomplete one. Each frame is copied once into a reused
 * buffer; nothing is allocated per record.
 *
 * <p>Problems are {@link InputFormatException}s naming the directory and, for a bad record, its 1-based index.
 * Single-threaded.
 */
public final class JournalReader implements AutoCloseable
{
    private static final int INITIAL_FRAME_CAPACITY = 64 * 1024;

    private final Path dir;
    private final String source;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHeader header;
    private final boolean complete;
    private final long trailerRecordCount;
    private final UnsafeBuffer mapped = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer inbound = new UnsafeBuffer(0, 0);
    private final MessageHeaderDecoder inboundHeader = new MessageHeaderDecoder();
    private UnsafeBuffer frame = new UnsafeBuffer(new byte[INITIAL_FRAME_CAPACITY]);
    private long recordsRead;
    private boolean done;
    private Direction direction;
    private int stream;
    private long receiveTimeNs;
    private int frameLength;
    private int refusal;

    private JournalReader(final Path dir, final boolean allowIncomplete)
    {
        this.dir = dir;
        this.source = dir.toString();
        this.queue = JournalFormat.openQueue(dir, true);
        try
        {
            this.tailer = queue.createTailer();
            this.header = readHeader();
            final long trailerCount = readTrailerCount();
            this.complete = trailerCount >= 0;
            this.trailerRecordCount = trailerCount;
            if (!complete && !allowIncomplete)
            {
                throw new InputFormatException(source, 0,
                    "journal is INCOMPLETE (no trailer: its writer was interrupted or crashed); " +
                    "it can only be read for recovery, explicitly allowing an incomplete journal");
            }
        }
        catch (final InputFormatException ex)
        {
            queue.close();
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw new InputFormatException(source, 0, "unreadable journal (damaged queue file?): " + ex, ex);
        }
        catch (final InternalError ex)
        {
            // A mapped queue file shorter than its index says (truncated copy, full disk) faults on access (SIGBUS).
            queue.close();
            throw new InputFormatException(source, 0, "a queue file ends before the data its index points to " +
                "(truncated copy or full disk?): " + ex.getMessage(), ex);
        }
    }

    /**
     * Opens a complete journal.
     *
     * @param dir journal directory.
     * @return the reader, positioned at the first record.
     * @throws NoSuchFileException  if the directory does not exist.
     * @throws IOException          if the directory cannot be listed.
     * @throws InputFormatException if it is not a journal this build reads, or is incomplete.
     */
    public static JournalReader open(final Path dir) throws IOException
    {
        return open(dir, false);
    }

    /**
     * Opens a journal, optionally one without a trailer (for crash recovery).
     *
     * @param dir             journal directory.
     * @param allowIncomplete read a journal without a trailer rather than refusing it.
     * @return the reader, positioned at the first record.
     * @throws NoSuchFileException  if the directory does not exist.
     * @throws IOException          if the directory cannot be listed.
     * @throws InputFormatException if it is not a journal this build reads, or is incomplete and that is not allowed.
     */
    public static JournalReader open(final Path dir, final boolean allowIncomplete) throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            throw new NoSuchFileException(dir.toString(), null, "journal directory does not exist");
        }
        final List<Path> queueFiles = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir))
        {
            entries.filter((p) -> p.getFileName().toString().endsWith(JournalFormat.QUEUE_FILE_SUFFIX)).forEach(queueFiles::add);
        }
        if (queueFiles.isEmpty())
        {
            throw new InputFormatException(dir.toString(), 0,
                "not a Ticklane journal: no Chronicle Queue " + JournalFormat.QUEUE_FILE_SUFFIX + " files");
        }
        return new JournalReader(dir, allowIncomplete);
    }

    /**
     * @return the header.
     */
    public JournalHeader header()
    {
        return header;
    }

    /**
     * @return true if the journal has its trailer.
     */
    public boolean isComplete()
    {
        return complete;
    }

    /**
     * @return records the trailer says were written, -1 for an incomplete journal.
     */
    public long trailerRecordCount()
    {
        return trailerRecordCount;
    }

    /**
     * @return records delivered so far.
     */
    public long recordsRead()
    {
        return recordsRead;
    }

    /**
     * @return true once the trailer (or, for an incomplete journal, the end) has been reached.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * @return the journal directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Delivers up to {@code limit} records.
     *
     * @param handler told each record.
     * @param limit   most records to deliver.
     * @return records delivered; 0 when done.
     * @throws InputFormatException naming the record index for a corrupt record.
     */
    public int poll(final JournalRecordHandler handler, final int limit)
    {
        return (int)read(handler, null, limit);
    }

    /**
     * Delivers every remaining record.
     *
     * @param handler told each record.
     * @return records delivered.
     * @throws InputFormatException naming the record index for a corrupt record.
     */
    public long readAll(final JournalRecordHandler handler)
    {
        return read(handler, null, Long.MAX_VALUE);
    }

    /**
     * Reads up to {@code limit} records and hands each inbound (IN) frame to the handler with its SBE template id, as
     * {@code onMessage(templateId, frame, 0, length)} over a buffer exactly the frame long; OUT and refused records
     * are read and passed over.
     *
     * @param handler told each inbound frame.
     * @param limit   most records to read.
     * @return records read, IN, OUT and refused; 0 when done.
     * @throws InputFormatException naming the record index for a corrupt record.
     */
    public int pollInbound(final MessageHandler handler, final int limit)
    {
        return (int)read(null, handler, limit);
    }

    /**
     * Reads every remaining record, handing the inbound frames to the handler as {@link #pollInbound} does.
     *
     * @param handler told each inbound frame.
     * @return records read, IN, OUT and refused.
     * @throws InputFormatException naming the record index for a corrupt record.
     */
    public long readInbound(final MessageHandler handler)
    {
        return read(null, handler, Long.MAX_VALUE);
    }

    public void close()
    {
        tailer.close();
        queue.close();
    }

    /**
     * The one record loop: exactly one of the handlers is given.
     */
    private long read(final JournalRecordHandler records, final MessageHandler inboundFrames, final long limit)
    {
        long count = 0;
        while (count < limit && !done)
        {
            if (readOne())
            {
                count++;
                // The frame was copied out and the document released: handlers run outside Chronicle's read context.
                if (0 != refusal)
                {
                    if (null != records)
                    {
                        records.onRefused(refusal, stream, receiveTimeNs, frame, 0, frameLength);
                    }
                }
                else if (null != records)
                {
                    records.onRecord(direction, stream, receiveTimeNs, frame, 0, frameLength);
                }
                else if (Direction.IN == direction)
                {
                    inbound.wrap(frame, 0, frameLength);
                    inboundFrames.onMessage(inboundHeader.wrap(inbound, 0).templateId(), inbound, 0, frameLength);
                }
            }
        }
        return count;
    }

    private boolean readOne()
    {
        final long index = recordsRead + 1;
        try
        {
            if (!readRecord(index))
            {
                return false;
            }
        }
        catch (final InputFormatException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            done = true;
            throw new InputFormatException(source, index, "record " + index + ": unreadable: " + ex, ex);
        }
        catch (final InternalError ex)
        {
            // A mapped queue file shorter than its index says (truncated copy, full disk) faults on access (SIGBUS).
            done = true;
            throw new InputFormatException(source, index,
                "record " + index + ": the queue file ends before it (truncated copy or full disk?): " + ex.getMessage(), ex);
        }
        recordsRead++;
        return true;
    }

    private boolean readRecord(final long index)
    {
        try (DocumentContext document = tailer.readingDocument())
        {
            if (!document.isPresent())
            {
                done = true;
                if (complete)
                {
                    throw new InputFormatException(source, index,
                        "journal ends before its trailer (truncated after " + recordsRead + " records)");
                }
                return false;
            }
            final Bytes<?> bytes = document.wire().bytes();
            final long available = bytes.readRemaining();
            if (available < 1)
            {
                throw new InputFormatException(source, index, "record " + index + ": empty");
            }
            final byte kind = bytes.readByte();
            if (JournalFormat.KIND_TRAILER == kind)
            {
                done = true;
                checkTrailerCount(index);
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
            refusal = 0;
            if (JournalFormat.DIRECTION_REFUSED == code)
            {
                if (available < JournalFormat.REFUSED_PREFIX_LENGTH)
                {
                    throw new InputFormatException(source, index,
                        "record " + index + ": truncated, " + available + " bytes is less than a refused record's prefix");
                }
                direction = Direction.IN;
                refusal = bytes.readUnsignedByte();
                if (0 == refusal)
                {
                    throw new InputFormatException(source, index, "record " + index + ": refused record without a refusal code");
                }
            }
            else
            {
                direction = Direction.fromCode(code);
                if (null == direction)
                {
                    throw new InputFormatException(source, index, "record " + index + ": unknown direction " + code);
                }
            }
            stream = bytes.readInt();
            receiveTimeNs = bytes.readLong();
            final int length = bytes.readInt();
            final long remaining = bytes.readRemaining();
            final int shortest = 0 == refusal ? MessageHeaderEncoder.ENCODED_LENGTH : 0; // refused bytes may be anything
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
            frameLength = length;
            return true;
        }
    }

    private void checkTrailerCount(final long index)
    {
        if (complete && trailerRecordCount != recordsRead)
        {
            throw new InputFormatException(source, index,
                "trailer says " + trailerRecordCount + " records, the journal holds " + recordsRead);
        }
    }

    private JournalHeader readHeader()
    {
        try (DocumentContext document = tailer.readingDocument())
        {
            if (!document.isPresent())
            {
                throw new InputFormatException(source, 0, "not a Ticklane journal: the queue is empty (no header)");
            }
            final Bytes<?> bytes = document.wire().bytes();
            if (bytes.readRemaining() < 1 + 8 + 12 || JournalFormat.KIND_HEADER != bytes.readByte() ||
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
            final String configHash = bytes.readUtf8();
            final String codeVersion = bytes.readUtf8();
            final String description = bytes.readUtf8();
            final int count = bytes.readInt();
            final List<JournalInstrument> instruments = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                instruments.add(new JournalInstrument(
                    bytes.readInt(), bytes.readUtf8(), bytes.readLong(), bytes.readLong(), bytes.readByte(), bytes.readByte()));
            }
            return new JournalHeader(formatVersion, schemaId, schemaVersion, instruments, configHash, codeVersion, description);
        }
    }

    /**
     * @return the record count of the trailer, or -1 if the last document is not a trailer.
     */
    private long readTrailerCount()
    {
        final long lastIndex = queue.lastIndex();
        try (ExcerptTailer last = queue.createTailer())
        {
            if (lastIndex < 0 || !last.moveToIndex(lastIndex))
            {
                return -1;
            }
            try (DocumentContext document = last.readingDocument())
            {
                if (!document.isPresent())
                {
                    return -1;
                }
                final Bytes<?> bytes = document.wire().bytes();
                if (bytes.readRemaining() < 17 || JournalFormat.KIND_TRAILER != bytes.readByte() ||
                    JournalFormat.MAGIC != bytes.readLong())
                {
                    return -1;
                }
                return bytes.readLong();
            }
        }
    }
}
