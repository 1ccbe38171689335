package io.ticklane.journal.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Appends SBE frames to a new journal: the header when created, one record per {@link #append}, the trailer on
 * {@link #close()}. Each frame is copied once, straight from the caller's buffer into the queue's mapped memory
 * inside a Chronicle document context; nothing is allocated per record.
 *
 * <p>Single writer: one thread appends. A journal without a trailer (writer crashed, or {@link #abort()}) reads as
 * INCOMPLETE.
 */
public final class JournalWriter implements AutoCloseable
{
    private final Path dir;
    private final ChronicleQueue queue;
    private final ExcerptAppender appender;
    private long recordCount;
    private boolean closed;

    private JournalWriter(final Path dir, final JournalHeader header)
    {
        this.dir = dir;
        this.queue = JournalFormat.openQueue(dir, false);
        this.appender = queue.createAppender();
        writeHeader(header);
    }

    private JournalWriter(final Path dir, final long recordCount)
    {
        this.dir = dir;
        this.queue = JournalFormat.openQueue(dir, false);
        this.appender = queue.createAppender();
        this.recordCount = recordCount;
    }

    /**
     * Continues a journal whose writer died before writing the trailer (a crash): the same header, the records so far
     * kept, new records appended after them. A daemon restarting after {@code kill -9} keeps one journal for the
     * whole session, so a checkpoint's journal position stays meaningful. A complete journal is never reopened.
     *
     * @param dir journal directory.
     * @return a writer appending to it.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException if it is complete (it has a trailer).
     */
    public static JournalWriter reopen(final Path dir) throws IOException
    {
        final long records;
        try (JournalReader reader = JournalReader.open(dir, true))
        {
            if (reader.isComplete())
            {
                throw new IllegalArgumentException(dir + " is a complete journal (it has a trailer): it is never appended to");
            }
            records = reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) -> { });
        }
        return new JournalWriter(dir, records);
    }

    /**
     * Creates a journal in a directory that does not exist yet or is empty, and writes its header.
     *
     * @param dir    journal directory.
     * @param header what the journal says about itself.
     * @return the writer.
     * @throws FileAlreadyExistsException if the directory exists and is not empty: journals are never appended to
     *                                    or overwritten.
     * @throws IOException                if the directory cannot be created.
     */
    public static JournalWriter create(final Path dir, final JournalHeader header) throws IOException
    {
        if (Files.exists(dir))
        {
            if (!Files.isDirectory(dir))
            {
                throw new FileAlreadyExistsException(dir + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(dir))
            {
                if (entries.findAny().isPresent())
                {
                    throw new FileAlreadyExistsException(dir + " already exists and is not empty; refusing to overwrite");
                }
            }
        }
        Files.createDirectories(dir);
        return new JournalWriter(dir, header);
    }

    /**
     * Appends one frame. Allocation-free.
     *
     * @param direction     IN or OUT of the pipeline.
     * @param stream        stream id.
     * @param receiveTimeNs epoch nanoseconds the frame was received.
     * @param buffer        holds the SBE frame (heap or off-heap).
     * @param offset        where the frame starts.
     * @param length        frame length in bytes.
     */
    public void append(
        final Direction direction,
        final int stream,
        final long receiveTimeNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        buffer.boundsCheck(offset, length);
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeByte(JournalFormat.KIND_RECORD);
            bytes.writeByte(direction.code());
            bytes.writeInt(stream);
            bytes.writeLong(receiveTimeNs);
            bytes.writeInt(length);
            writeFrame(bytes, buffer, offset, length);
        }
        recordCount++;
    }

    /**
     * Appends an inbound frame the daemon's edge refused, marked with why (format version 2). Allocation-free.
     *
     * @param refusal       a {@code FrameRefusal} code, 1 to 255.
     * @param stream        stream id it arrived on.
     * @param receiveTimeNs epoch nanoseconds it was received.
     * @param buffer        holds the bytes as received.
     * @param offset        where they start.
     * @param length        how many; any length from 0.
     */
    public void appendRefused(
        final int refusal,
        final int stream,
        final long receiveTimeNs,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        if (refusal < 1 || refusal > 0xFF)
        {
            throw new IllegalArgumentException("refusal code must be 1 to 255: " + refusal);
        }
        buffer.boundsCheck(offset, length);
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeByte(JournalFormat.KIND_RECORD);
            bytes.writeByte(JournalFormat.DIRECTION_REFUSED);
            bytes.writeUnsignedByte(refusal);
            bytes.writeInt(stream);
            bytes.writeLong(receiveTimeNs);
            bytes.writeInt(length);
            writeFrame(bytes, buffer, offset, length);
        }
        recordCount++;
    }

    private static void writeFrame(final Bytes<?> bytes, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            bytes.unsafeWriteObject(array, (int)(buffer.addressOffset() + offset), length);
        }
        else
        {
            bytes.unsafeWrite(buffer.addressOffset() + offset, length);
        }
    }

    /**
     * Hands the writer to the calling thread: Chronicle's appender checks it is used by one thread, and a daemon
     * creates the journal on its main thread (so start-up errors are reported there) but appends from its journal
     * agent. Call once on the new thread before its first append; the old thread must not append again.
     */
    public void handOverToCurrentThread()
    {
        appender.singleThreadedCheckReset();
    }

    /**
     * @return records appended so far (header and trailer not counted).
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * @return the journal directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Writes the trailer, which marks the journal complete, and closes the queue.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeByte(JournalFormat.KIND_TRAILER);
            bytes.writeLong(JournalFormat.MAGIC);
            bytes.writeLong(recordCount);
        }
        release();
    }

    /**
     * Closes the queue without a trailer: the journal stays INCOMPLETE, as after a crash. For a failed import
     * (whose directory is then deleted) and for testing crash handling.
     */
    public void abort()
    {
        if (!closed)
        {
            release();
        }
    }

    private void release()
    {
        closed = true;
        appender.close();
        queue.close();
    }

    private void writeHeader(final JournalHeader header)
    {
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeByte(JournalFormat.KIND_HEADER);
            bytes.writeLong(JournalFormat.MAGIC);
            bytes.writeInt(header.formatVersion());
            bytes.writeInt(header.schemaId());
            bytes.writeInt(header.schemaVersion());
            bytes.writeUtf8(header.configHash());
            bytes.writeUtf8(header.codeVersion());
            bytes.writeUtf8(header.source());
            bytes.writeInt(header.instruments().size());
            for (final JournalInstrument instrument : header.instruments())
            {
                bytes.writeInt(instrument.id());
                bytes.writeUtf8(instrument.symbol());
                bytes.writeLong(instrument.tickSize());
                bytes.writeLong(instrument.lotSize());
                bytes.writeByte(instrument.priceExponent());
                bytes.writeByte(instrument.quantityExponent());
            }
        }
    }
}
