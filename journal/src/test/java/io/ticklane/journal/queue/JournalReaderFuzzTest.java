package io.ticklane.journal.queue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.journal.reader.BadInput;
import io.ticklane.journal.reader.InputFormatException;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal reader on damaged input, at two levels.
 * <ul>
 *     <li>{@code documentBytesDecodeOrAreRefused}: fuzzed bytes as one Chronicle document, decoded in memory by
 *     {@link JournalDecoder} as a header, a record and a trailer (heap or off-heap bytes, mode byte bit 0): tens of
 *     thousands of inputs a second.</li>
 *     <li>{@code corruptedQueueFilesAreReadOrRefused}: a small valid journal written once by {@link JournalWriter}; per
 *     input, bytes and ints of its queue file and Chronicle's metadata file overwritten at fuzzed offsets, the queue
 *     file maybe cut short, then read back with {@link JournalReader}: Chronicle's own handling of damaged files,
 *     at the rate opening a queue allows (tens a second).</li>
 * </ul>
 * Either way the answer is the records or an {@link InputFormatException} naming the journal (and the record);
 * any other exception, a hang or a crash of the JVM is a finding.
 * Corpus: src/test/resources/io/ticklane/journal/queue/JournalReaderFuzzTestInputs/&lt;method&gt;/.
 */
class JournalReaderFuzzTest
{
    private static final String SOURCE = "fuzzed.journal";
    private static final int RECORDS = 12;
    /** The journal's queue file is sparse (a 1 GiB block); everything written lies well inside this prefix. */
    private static final int USED_PREFIX = 1 << 20;

    private static final JournalDecoder DECODER = new JournalDecoder(SOURCE);
    private static final Bytes<?> DIRECT = Bytes.allocateElasticDirect(1 << 16);
    private static final UnsafeBuffer SCRATCH = new UnsafeBuffer(new byte[1 << 12]);

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");
    private static final Path PROCESS_MAPPINGS = Path.of("/proc/self/maps");

    private static Path root;
    private static Path journal;
    private static Path queueFile;
    private static Path metadataFile;
    private static byte[] queuePrefix;
    private static long queueLength;
    private static byte[] metadata;

    @BeforeAll
    static void writeJournalOnce() throws IOException
    {
        assertTrue(Files.isReadable(PROCESS_MAPPINGS), "the corrupted-queue target counts mappings in /proc/self/maps (Linux)");
        // in memory when the host has a tmpfs: every input rewrites the files and opens the queue again
        root = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY) ?
            Files.createTempDirectory(SHARED_MEMORY, "journal-fuzz") : Files.createTempDirectory("journal-fuzz");
        journal = root.resolve("journal");
        try (JournalWriter writer = JournalWriter.create(journal, JournalRoundTripTest.HEADER))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                final int length = 8 + 17 * i;
                for (int b = 0; b < length; b++)
                {
                    SCRATCH.putByte(b, (byte)(i + b));
                }
                writer.append(i % 3 == 0 ? Direction.OUT : Direction.IN, i % 4, 1_000_000L * i, SCRATCH, 0, length);
            }
        }
        try (Stream<Path> files = Files.list(journal))
        {
            for (final Path file : files.toList())
            {
                if (file.getFileName().toString().endsWith(JournalFormat.QUEUE_FILE_SUFFIX))
                {
                    queueFile = file;
                }
                else
                {
                    metadataFile = file;
                }
            }
        }
        queueLength = Files.size(queueFile);
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "r"))
        {
            queuePrefix = new byte[(int)Math.min(USED_PREFIX, queueLength)];
            file.readFully(queuePrefix);
        }
        queuePrefix = Arrays.copyOf(queuePrefix, lastNonZero(queuePrefix) + 1);
        metadata = Files.readAllBytes(metadataFile);
    }

    @AfterAll
    static void deleteJournal() throws IOException
    {
        try (Stream<Path> files = Files.walk(root))
        {
            files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
    }

    @FuzzTest
    void documentBytesDecodeOrAreRefused(final byte[] data)
    {
        final boolean direct = data.length > 0 && 1 == (data[0] & 1);
        final int from = Math.min(1, data.length);
        final int length = data.length - from;
        final Bytes<?> bytes = direct ? DIRECT : Bytes.wrapForRead(data);
        if (direct)
        {
            DIRECT.clear();
            DIRECT.write(data, from, length);
        }
        final long start = direct ? 0 : from;

        bytes.readPositionRemaining(start, length);
        try
        {
            final JournalHeader header = DECODER.header(bytes);
            assertTrue(header.instruments().size() <= length, "no more instruments than bytes");
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, SOURCE, 0);
        }

        bytes.readPositionRemaining(start, length);
        try
        {
            if (DECODER.record(bytes, 7))
            {
                final int frameLength = DECODER.frameLength();
                // a refused record (format 2) has one more prefix byte: its refusal code
                final int prefix = 0 == DECODER.refusal() ? JournalFormat.RECORD_PREFIX_LENGTH : JournalFormat.REFUSED_PREFIX_LENGTH;
                assertTrue(frameLength <= length - prefix, "the frame lies inside the record");
                for (int i = 0; i < frameLength; i++)
                {
                    assertEquals(data[from + prefix + i], DECODER.frame().getByte(i), "the frame is the record's bytes");
                }
            }
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, SOURCE, 7);
        }

        bytes.readPositionRemaining(start, length);
        final long count = JournalDecoder.trailerCount(bytes);
        assertTrue(count == -1 || length >= 17, "only a whole trailer has a count");
    }

    @FuzzTest
    void corruptedQueueFilesAreReadOrRefused(final FuzzedDataProvider data) throws IOException
    {
        restoreJournal();
        final boolean allowIncomplete = data.consumeBoolean();
        try (RandomAccessFile queue = new RandomAccessFile(queueFile.toFile(), "rw");
            RandomAccessFile meta = new RandomAccessFile(metadataFile.toFile(), "rw"))
        {
            final int edits = data.consumeInt(0, 16);
            for (int i = 0; i < edits; i++)
            {
                final boolean inMetadata = 0 == data.consumeInt(0, 7);
                final RandomAccessFile file = inMetadata ? meta : queue;
                final int extent = inMetadata ? metadata.length : queuePrefix.length;
                file.seek(data.consumeInt(0, extent - 1));
                if (data.consumeBoolean())
                {
                    file.writeByte(data.consumeByte());
                }
                else
                {
                    file.writeInt(Integer.reverseBytes(data.consumeInt()));
                }
            }
            if (data.consumeBoolean())
            {
                queue.setLength(data.consumeInt(0, queuePrefix.length));
            }
        }

        final String source = journal.toString();
        try (JournalReader reader = JournalReader.open(journal, allowIncomplete))
        {
            final long read = reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
                assertTrue(length >= 0 && offset + length <= buffer.capacity(), "a record's frame lies inside its buffer"));
            assertTrue(read <= RECORDS + 1L, "no more records than were written (an edit may turn the trailer into one)");
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, source, RECORDS + 2L);
        }
        // read or refused, nothing of the journal stays mapped: Chronicle leaked a mapping per refused metadata file
        BackgroundResourceReleaser.releasePendingResources();
        assertEquals(List.of(), mappingsOfJournal(), "Chronicle mappings of the journal left behind");
    }

    private static List<String> mappingsOfJournal() throws IOException
    {
        try (Stream<String> lines = Files.lines(PROCESS_MAPPINGS))
        {
            return lines.filter((line) -> line.contains(root.toString())).toList();
        }
    }

    private static void restoreJournal() throws IOException
    {
        try (RandomAccessFile queue = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            queue.setLength(queueLength);
            queue.seek(0);
            queue.write(queuePrefix);
        }
        Files.write(metadataFile, metadata);
    }

    private static int lastNonZero(final byte[] bytes)
    {
        int last = bytes.length - 1;
        while (last > 0 && 0 == bytes[last])
        {
            last--;
        }
        return last;
    }
}
