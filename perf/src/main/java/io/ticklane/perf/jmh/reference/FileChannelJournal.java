package io.ticklane.perf.jmh.reference;

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The journal most Java code starts with: each record a length prefix and the frame, put into a reused
 * {@link ByteBuffer} and written to a plain file with {@link FileChannel#write}, one system call per record, no fsync.
 * It is the yardstick for {@code JournalWriter}, which copies the frame into Chronicle Queue's mapped memory instead.
 */
public final class FileChannelJournal implements AutoCloseable
{
    private final FileChannel channel;
    private final ByteBuffer record;
    private long recordCount;

    /**
     * @param file           created, or truncated if it exists.
     * @param maxFrameLength largest frame to be appended, bytes.
     * @throws IOException if the file cannot be opened.
     */
    public FileChannelJournal(final Path file, final int maxFrameLength) throws IOException
    {
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
        record = ByteBuffer.allocate(Integer.BYTES + maxFrameLength);
    }

    /**
     * Appends one length-prefixed record.
     *
     * @param buffer holds the frame.
     * @param offset where the frame starts.
     * @param length frame length, bytes.
     * @return records appended so far.
     * @throws IOException if the write fails.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length) throws IOException
    {
        record.clear();
        record.putInt(length);
        buffer.getBytes(offset, record, length);
        record.flip();
        while (record.hasRemaining())
        {
            channel.write(record);
        }
        return ++recordCount;
    }

    /**
     * @return records appended so far.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * Closes the file.
     *
     * @throws IOException if closing fails.
     */
    public void close() throws IOException
    {
        channel.close();
    }
}
