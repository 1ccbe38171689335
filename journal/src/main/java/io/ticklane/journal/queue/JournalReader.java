package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.MessageHeaderDecoder;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
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
    private final Path dir;
    private final String source;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final JournalHeader header;
    private final boolean complete;
    private final long trailerRecordCount;
    private final boolean following;
    private final JournalDecoder decoder;
    private final UnsafeBuffer inbound = new UnsafeBuffer(0, 0);
    private final MessageHeaderDecoder inboundHeader = new MessageHeaderDecoder();
    private long recordsRead;
    private boolean done;

    private static ChronicleQueue openQueue(final Path dir, final String source)
    {
        try
        {
            return JournalFormat.openQueue(dir, true);
        }
        catch (final Exception | AssertionError | InternalError ex)
        {
            // QueueFilesCheck has refused the damage found so far; anything Chronicle still fails on opening
            // (an exception, its assertion, a fault past a file's end) is refused the same way
            throw new InputFormatException(source, 0, "cannot open the journal's queue (damaged metadata or queue file?): " + ex, ex);
        }
    }

    /**
     * Closes the queue of a journal being refused: on a damaged queue file the close can fail too (found by
     * JournalReaderFuzzTest: a fault past the end of a cut queue file), and that must not replace the refusal.
     */
    private static InputFormatException closeRefused(
        final ChronicleQueue queue, final ExcerptTailer tailer, final InputFormatException refusal)
    {
        try
        {
            // the tailer first: it holds the queue file's store, and its mapping, until it is closed
            if (null != tailer)
            {
                tailer.close();
            }
            queue.close();
        }
        catch (final Exception | AssertionError | InternalError ex)
        {
            refusal.addSuppressed(ex);
        }
        return refusal;
    }

    private JournalReader(final Path dir, final boolean allowIncomplete, final boolean following)
    {
        this.dir = dir;
        this.following = following;
        this.source = dir.toString();
        this.decoder = new JournalDecoder(source);
        this.queue = openQueue(dir, source);
        ExcerptTailer opened = null;
        try
        {
            opened = queue.createTailer();
            this.tailer = opened;
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
            throw closeRefused(queue, opened, ex);
        }
        catch (final Exception ex)
        {
            // Chronicle also throws checked exceptions it does not declare (found by JournalReaderFuzzTest: a
            // damaged queue file header gives StreamCorruptedException from createTailer)
            throw closeRefused(queue, opened, new InputFormatException(source, 0, "unreadable journal (damaged queue file?): " + ex, ex));
        }
        catch (final AssertionError ex)
        {
            // found by JournalReaderFuzzTest: with assertions enabled (tests, -ea), Chronicle's own checks fail on a
            // damaged queue file where a JVM without them refuses it or reads on; refused either way
            throw closeRefused(queue, opened, new InputFormatException(source, 0,
                "unreadable journal (Chronicle's check of its queue file failed): " + ex, ex));
        }
        catch (final InternalError ex)
        {
            // A mapped queue file shorter than its index says (truncated copy, full disk) faults on access (SIGBUS).
            throw closeRefused(queue, opened, new InputFormatException(source, 0, "a queue file ends before the data its index points to " +
                "(truncated copy or full disk?): " + ex.getMessage(), ex));
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
        checkQueueFiles(dir, false);
        return construct(dir, allowIncomplete, false);
    }

    /**
     * Opens a journal that another process may still be writing, to follow it: a poll that finds no new record returns
     * 0 and the next poll picks up what was appended since, until the trailer ends it ({@link #isDone()}). For
     * watchers in other processes (the cockpit's recent fills); the queue is opened read-only.
     *
     * @param dir journal directory.
     * @return the reader, positioned at the first record.
     * @throws NoSuchFileException  if the directory does not exist.
     * @throws IOException          if the directory cannot be listed.
     * @throws InputFormatException if it is not a journal this build reads.
     */
    public static JournalReader follow(final Path dir) throws IOException
    {
        checkQueueFiles(dir, true);
        return construct(dir, true, true);
    }

    /**
     * A fault in a mapped file (SIGBUS) inside compiled code is raised as an {@link InternalError} at a later
     * instruction of the same thread, which can be past the constructor's own catch, after it has closed the queue
     * (found by JournalReaderFuzzTest with a cut queue file once the reader was compiled).
     */
    private static JournalReader construct(final Path dir, final boolean allowIncomplete, final boolean following)
    {
        try
        {
            return new JournalReader(dir, allowIncomplete, following);
        }
        catch (final InternalError ex)
        {
            throw new InputFormatException(dir.toString(), 0, "a queue file ends before the data its index points to " +
                "(truncated copy or full disk?): " + ex.getMessage(), ex);
        }
    }

    private static void checkQueueFiles(final Path dir, final boolean following) throws IOException
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
        QueueFilesCheck.check(dir, dir.toString(), queueFiles, following);
    }

    /**
     * @return the header record: instruments, schema, config hash.
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
        try
        {
            return readRecords(records, inboundFrames, limit);
        }
        catch (final InternalError ex)
        {
            // A mapped queue file shorter than its index says (truncated copy, full disk) faults on access (SIGBUS);
            // caught here, around the whole loop, as compiled code raises it at a later instruction (see construct)
            done = true;
            throw new InputFormatException(source, recordsRead + 1, "record " + (recordsRead + 1) +
                ": the queue file ends before it (truncated copy or full disk?): " + ex.getMessage(), ex);
        }
    }

    private long readRecords(final JournalRecordHandler records, final MessageHandler inboundFrames, final long limit)
    {
        long count = 0;
        while (count < limit && !done)
        {
            if (readOne())
            {
                count++;
                // The frame was copied out and the document released: handlers run outside Chronicle's read context.
                final int frameLength = decoder.frameLength();
                if (0 != decoder.refusal())
                {
                    if (null != records)
                    {
                        records.onRefused(decoder.refusal(), decoder.stream(), decoder.receiveTimeNs(), decoder.frame(), 0,
                            frameLength);
                    }
                }
                else if (null != records)
                {
                    records.onRecord(decoder.direction(), decoder.stream(), decoder.receiveTimeNs(), decoder.frame(), 0,
                        frameLength);
                }
                else if (Direction.IN == decoder.direction())
                {
                    inbound.wrap(decoder.frame(), 0, frameLength);
                    inboundFrames.onMessage(inboundHeader.wrap(inbound, 0).templateId(), inbound, 0, frameLength);
                }
            }
            else
            {
                break; // done, or (following) nothing new yet
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
        catch (final Exception ex)
        {
            // a checked exception Chronicle throws without declaring it is the same kind of damage
            done = true;
            throw new InputFormatException(source, index, "record " + index + ": unreadable: " + ex, ex);
        }
        catch (final AssertionError ex)
        {
            done = true;
            throw new InputFormatException(source, index, "record " + index + ": Chronicle's check of its queue file failed: " + ex, ex);
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
                if (following)
                {
                    return false; // the writer may append more: not done
                }
                done = true;
                if (complete)
                {
                    throw new InputFormatException(source, index,
                        "journal ends before its trailer (truncated after " + recordsRead + " records)");
                }
                return false;
            }
            if (!decoder.record(document.wire().bytes(), index))
            {
                done = true;
                checkTrailerCount(index);
                return false;
            }
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
            return decoder.header(document.wire().bytes());
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
                return JournalDecoder.trailerCount(document.wire().bytes());
            }
        }
    }
}
