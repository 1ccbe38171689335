package io.ticklane.gateway.fix.session;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * Which inbound MsgSeqNums of the session were processed, exactly, over the last {@link #WINDOW} numbers of one
 * sequence index, kept in a memory-mapped file beside the session's store so that it outlives the process.
 * <p>
 * A PossDup message is a duplicate only if its own number was processed. A high-water mark is not enough: the venue's
 * ResendRequest (or any message numbered after a gap) is processed before the gap's resent reports arrive, and would
 * make each of them look like a duplicate. The file is needed because a restart after kill -9 is asked to resend
 * numbers its predecessor processed (the engine's received index can lag what the library handed on): those reports
 * are already in the journal, and taking them again would book a fill twice, or as one for an unknown order.
 * <p>
 * A bit per number in a fixed ring; nothing allocated after {@link #open(Path)}. The writes reach the page cache at
 * once, so they survive the process; an operating-system crash is out of scope, as for the engine's own files.
 */
final class ProcessedSequenceNumbers implements AutoCloseable
{
    /** How many numbers back a duplicate is recognised. */
    static final int WINDOW = 1 << 16;
    static final int NO_SEQUENCE_INDEX = -1;

    private static final int MASK = WINDOW - 1;
    private static final int MAGIC = 0x544C5053; // "TLPS"
    private static final int VERSION = 1;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int SEQUENCE_INDEX_OFFSET = 8;
    private static final int HIGHEST_OFFSET = 12;
    private static final int BITS_OFFSET = 16;
    static final int FILE_LENGTH = BITS_OFFSET + WINDOW / 8;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final String file;

    private ProcessedSequenceNumbers(final MappedByteBuffer mapped, final String file)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
        this.file = file;
    }

    /**
     * Maps the file, creating it (empty: nothing processed) when it does not exist.
     *
     * @param path the file, in the session's store directory.
     * @return the numbers it records.
     * @throws IllegalStateException if the file exists but is not one of these (wrong length, magic or version).
     */
    static ProcessedSequenceNumbers open(final Path path)
    {
        final File file = path.toFile();
        if (!file.exists())
        {
            final ProcessedSequenceNumbers created =
                new ProcessedSequenceNumbers(IoUtil.mapNewFile(file, FILE_LENGTH), file.toString());
            created.buffer.putInt(VERSION_OFFSET, VERSION);
            created.buffer.putInt(SEQUENCE_INDEX_OFFSET, NO_SEQUENCE_INDEX);
            created.buffer.putInt(MAGIC_OFFSET, MAGIC);
            return created;
        }
        if (file.length() != FILE_LENGTH)
        {
            throw new IllegalStateException(file + " is " + file.length() + " bytes, not the " + FILE_LENGTH +
                " of a processed sequence number file: " + restartHint());
        }
        final ProcessedSequenceNumbers existing =
            new ProcessedSequenceNumbers(IoUtil.mapExistingFile(file, "processed FIX sequence numbers"), file.toString());
        final int magic = existing.buffer.getInt(MAGIC_OFFSET);
        final int version = existing.buffer.getInt(VERSION_OFFSET);
        final int highest = existing.buffer.getInt(HIGHEST_OFFSET);
        if (MAGIC != magic || VERSION != version || highest < 0)
        {
            existing.close();
            throw new IllegalStateException(file + " is not a processed sequence number file of version " + VERSION +
                " (magic " + Integer.toHexString(magic) + ", version " + version + ", highest " + highest + "): " +
                restartHint());
        }
        return existing;
    }

    private static String restartHint()
    {
        return "delete it to start afresh; until the next sequence reset, reports the venue resends that were " +
            "processed before are then taken again (fills are still checked by exec id)";
    }

    /**
     * @return the sequence index the numbers belong to, or {@link #NO_SEQUENCE_INDEX}.
     */
    int sequenceIndex()
    {
        return buffer.getInt(SEQUENCE_INDEX_OFFSET);
    }

    /**
     * The numbers of another sequence index begin (a sequence reset): forgets the old ones when it differs.
     *
     * @param sequenceIndex Artio's sequence index of the message at hand.
     */
    void sequenceIndex(final int sequenceIndex)
    {
        if (sequenceIndex != sequenceIndex())
        {
            clear();
            buffer.putInt(SEQUENCE_INDEX_OFFSET, sequenceIndex);
        }
    }

    /**
     * @param seqNum a MsgSeqNum.
     * @return true when that number was processed (and is within the window of the highest processed).
     */
    boolean contains(final int seqNum)
    {
        final int highest = buffer.getInt(HIGHEST_OFFSET);
        if (seqNum <= 0 || seqNum > highest || highest - seqNum >= WINDOW)
        {
            return false;
        }
        final int index = seqNum & MASK;
        return 0 != (buffer.getLong(wordOffset(index)) & (1L << index));
    }

    /**
     * @param seqNum a MsgSeqNum.
     * @return true when it is the one after the highest processed (and some number was processed).
     */
    boolean isNext(final int seqNum)
    {
        final int highest = buffer.getInt(HIGHEST_OFFSET);
        return highest > 0 && seqNum == highest + 1;
    }

    /**
     * @param seqNum a MsgSeqNum just processed.
     */
    void add(final int seqNum)
    {
        if (seqNum <= 0)
        {
            return;
        }
        final int highest = buffer.getInt(HIGHEST_OFFSET);
        if (seqNum > highest)
        {
            // the numbers skipped between were not processed (a gap): their bits may hold older numbers' marks
            final int from = Math.max(highest + 1, seqNum - WINDOW + 1);
            for (int n = from; n < seqNum; n++)
            {
                final int index = n & MASK;
                final int offset = wordOffset(index);
                buffer.putLong(offset, buffer.getLong(offset) & ~(1L << index));
            }
            buffer.putInt(HIGHEST_OFFSET, seqNum);
        }
        else if (highest - seqNum >= WINDOW)
        {
            return;
        }
        final int index = seqNum & MASK;
        final int offset = wordOffset(index);
        buffer.putLong(offset, buffer.getLong(offset) | (1L << index));
    }

    /**
     * Forgets every number.
     */
    void clear()
    {
        buffer.setMemory(BITS_OFFSET, WINDOW / 8, (byte)0);
        buffer.putInt(HIGHEST_OFFSET, 0);
    }

    /**
     * Unmaps the file; what was written stays in it.
     */
    public void close()
    {
        IoUtil.unmap(mapped);
    }

    /**
     * {@inheritDoc}
     */
    public String toString()
    {
        return file + ": sequence index " + sequenceIndex() + ", highest " + buffer.getInt(HIGHEST_OFFSET);
    }

    private static int wordOffset(final int index)
    {
        return BITS_OFFSET + ((index >>> 6) << 3);
    }
}
