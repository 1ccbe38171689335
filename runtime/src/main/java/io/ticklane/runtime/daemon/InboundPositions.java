package io.ticklane.runtime.daemon;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How far the daemon has taken in each inbound Aeron session (stream, session, position after the last frame put on
 * the ring), in a small memory-mapped file beside the daemon's state file, so it outlives a {@code kill -9} and a
 * run: a new run after a clean stop must pass over its predecessor's frames as much as a continued run. Why it exists: an
 * Aeron IPC subscription joins a publication at the lowest position of the subscriptions the publication already
 * has, and a killed daemon's subscriptions stay until the driver times its client out. A daemon restarted within
 * that time, twice in a row, was handed again frames its predecessor had journaled: the kill -9 loop saw book
 * updates journaled twice, and a fill read twice is booked twice. The receiver passes over a frame at or below the
 * position recorded for its session. Only the receiver's thread writes; nothing is allocated after open.
 */
final class InboundPositions implements AutoCloseable
{
    /** Name of the file in the daemon's state directory. */
    static final String FILE_NAME = "inbound-positions.dat";
    static final int ENTRIES = 64;

    private static final int MAGIC = 0x50494C54; // "TLIP", little-endian
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 16;
    private static final int ENTRY_LENGTH = 16; // key: stream id << 32 | session id, then the position
    private static final int FILE_LENGTH = HEADER_LENGTH + ENTRIES * ENTRY_LENGTH;
    private static final long FREE = 0;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer buffer;
    private final long[] lastTaken = new long[ENTRIES];
    private long takes;
    private int lastIndex;

    private InboundPositions(final MappedByteBuffer mapped)
    {
        this.mapped = mapped;
        this.buffer = new UnsafeBuffer(mapped);
    }

    /**
     * Opens the file, or makes an empty one: a start finds the positions of every earlier start with the same state.
     *
     * @param directory the directory of the daemon's state file.
     * @return the positions.
     * @throws IOException              if the file cannot be made or mapped.
     * @throws IllegalArgumentException if the file there is not one of these.
     */
    static InboundPositions open(final Path directory) throws IOException
    {
        final Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            final MappedByteBuffer created = IoUtil.mapNewFile(file.toFile(), FILE_LENGTH, true);
            final UnsafeBuffer header = new UnsafeBuffer(created);
            header.putInt(4, VERSION);
            header.putIntVolatile(0, MAGIC);
            return new InboundPositions(created);
        }
        if (Files.size(file) != FILE_LENGTH)
        {
            throw new IllegalArgumentException(file + " is not an inbound positions file (" + Files.size(file) + " bytes)");
        }
        final MappedByteBuffer existing = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_WRITE, FILE_NAME);
        final UnsafeBuffer header = new UnsafeBuffer(existing);
        if (MAGIC != header.getIntVolatile(0) || VERSION != header.getInt(4))
        {
            IoUtil.unmap(existing);
            throw new IllegalArgumentException(file + " is not an inbound positions file of version " + VERSION);
        }
        return new InboundPositions(existing);
    }

    /**
     * @param streamId  the frame's stream.
     * @param sessionId the frame's Aeron session (its publication).
     * @param position  the stream position after the frame ({@code Header.position()}).
     * @return true if a frame of that session up to that position was taken in already, by this process or the one
     *         whose run this is.
     */
    boolean isTaken(final int streamId, final int sessionId, final long position)
    {
        final int index = find(key(streamId, sessionId));
        return index >= 0 && position <= buffer.getLong(offset(index) + 8);
    }

    /**
     * Records that the frames of a session up to a position were taken in (put on the inbound ring).
     *
     * @param streamId  the frame's stream.
     * @param sessionId its Aeron session.
     * @param position  the stream position after it.
     */
    void taken(final int streamId, final int sessionId, final long position)
    {
        final long key = key(streamId, sessionId);
        int index = find(key);
        if (index < 0)
        {
            index = freeOrOldest();
            buffer.putLong(offset(index) + 8, 0);
            buffer.putLong(offset(index), key);
            lastIndex = index;
        }
        buffer.putLongOrdered(offset(index) + 8, position);
        lastTaken[index] = ++takes;
    }

    private int find(final long key)
    {
        if (buffer.getLong(offset(lastIndex)) == key)
        {
            return lastIndex;
        }
        for (int i = 0; i < ENTRIES; i++)
        {
            if (buffer.getLong(offset(i)) == key)
            {
                lastIndex = i;
                return i;
            }
        }
        return -1;
    }

    private int freeOrOldest()
    {
        for (int i = 0; i < ENTRIES; i++)
        {
            if (FREE == buffer.getLong(offset(i)))
            {
                return i;
            }
        }
        int oldest = 0;
        for (int i = 1; i < ENTRIES; i++)
        {
            if (lastTaken[i] < lastTaken[oldest])
            {
                oldest = i;
            }
        }
        return oldest; // the session taken from least recently (in this process): an operator's, long closed

    }

    private static long key(final int streamId, final int sessionId)
    {
        // stream ids of the daemon's streams are never 0 (0 is its own frames), so a key is never FREE
        return ((long)streamId << 32) | (sessionId & 0xFFFF_FFFFL);
    }

    private static int offset(final int index)
    {
        return HEADER_LENGTH + index * ENTRY_LENGTH;
    }

    /**
     * Unmaps the file; it stays for the next start.
     */
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
