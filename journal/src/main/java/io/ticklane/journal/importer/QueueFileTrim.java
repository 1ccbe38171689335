package io.ticklane.journal.importer;

import io.ticklane.journal.queue.JournalFormat;
import io.ticklane.journal.queue.JournalReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cuts the never-written tail off a finished journal's queue files. Chronicle sizes a queue file in whole blocks
 * ({@link JournalFormat#BLOCK_SIZE}, 1 GiB): on a local disk that is a sparse file of a few real megabytes, but a copy
 * to a file system without holes (HDFS, S3, most archive tools) moves the whole gigabyte per journal. An imported
 * journal is never written again, so its files can end at their last written page; Chronicle reads them as before.
 * The journal is read back after the cut: every record up to its trailer, or the import fails.
 */
final class QueueFileTrim
{
    /** Files end on a whole page: Chronicle maps whole pages. */
    static final int PAGE = 4096;
    private static final int CHUNK = 1 << 20;

    private QueueFileTrim()
    {
    }

    /**
     * @param journal a closed journal directory, complete with its trailer.
     * @throws IOException if a file cannot be cut, or the journal does not read back complete after the cut.
     */
    static void trim(final Path journal) throws IOException
    {
        final List<Path> queueFiles;
        try (Stream<Path> files = Files.list(journal))
        {
            queueFiles = files.filter((f) -> f.getFileName().toString().endsWith(JournalFormat.QUEUE_FILE_SUFFIX)).toList();
        }
        for (final Path file : queueFiles)
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final long end = writtenEnd(channel);
                final long length = Math.min(channel.size(), (end + PAGE - 1) / PAGE * PAGE);
                if (length < channel.size())
                {
                    channel.truncate(length);
                }
            }
        }
        try (JournalReader reader = JournalReader.open(journal))
        {
            final long read = reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) -> { });
            if (!reader.isComplete() || read != reader.trailerRecordCount())
            {
                throw new IOException(journal + ": after trimming its queue files the journal read " + read +
                    " record(s) of the " + reader.trailerRecordCount() + " its trailer counts");
            }
        }
    }

    /**
     * @return the offset just past the last byte that is not zero (0 for a file of zeros): read backwards a chunk at a
     *         time, so the unwritten tail of a sparse file costs no disk reads.
     */
    static long writtenEnd(final FileChannel channel) throws IOException
    {
        final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
        long chunkEnd = channel.size();
        while (chunkEnd > 0)
        {
            final long chunkStart = Math.max(0, chunkEnd - CHUNK);
            chunk.clear().limit((int)(chunkEnd - chunkStart));
            while (chunk.hasRemaining())
            {
                if (channel.read(chunk, chunkStart + chunk.position()) < 0)
                {
                    throw new IOException("the file ended while it was read");
                }
            }
            int i = chunk.limit();
            while (i >= Long.BYTES && 0 == chunk.getLong(i - Long.BYTES))
            {
                i -= Long.BYTES;
            }
            while (i > 0 && 0 == chunk.get(i - 1))
            {
                i--;
            }
            if (i > 0)
            {
                return chunkStart + i;
            }
            chunkEnd = chunkStart;
        }
        return 0;
    }
}
