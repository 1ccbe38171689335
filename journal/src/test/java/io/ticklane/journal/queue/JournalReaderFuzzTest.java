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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal reader on damaged input, at two levels.
 * <ul>
 *     <li>{@code documentBytesDecodeOrAreRefused}: fuzzed bytes as one Chronicle document, decoded in memory by
 *     {@link JournalDecoder} as a header, a record and a trailer (heap or off-heap bytes, mode byte bit 0): tens of
 *     thousands of inputs a second.</li>
 *     <li>{@code corruptedQueueFilesAreReadOrRefused}: a small valid journal written once by {@link JournalWriter}; per
 *     input, bytes and ints of its queue file and Chronicle's metadata file overwritten at fuzzed offsets, the queue
 *     file maybe cut short, then read back with {@link JournalReader}, and the changed bytes put back for the next
 *     input: Chronicle's own handling of damaged files, at the rate opening a queue allows (hundreds a second).</li>
 * </ul>
 * Either way the answer is the records or an {@link InputFormatException} naming the journal (and the record);
 * any other exception, a refusal because Chronicle faulted (read past a file's end), a hang, a crash of the JVM, or
 * (corrupted files) a mapping of the journal left behind once it is closed is a finding.
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
    private static RandomAccessFile queueWriter;
    private static RandomAccessFile metadataWriter;
    private static boolean queueCut;
    private static int queueDirtyFrom = Integer.MAX_VALUE;
    private static int queueDirtyTo;
    private static int metadataDirtyFrom = Integer.MAX_VALUE;
    private static int metadataDirtyTo;

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
        queueWriter = new RandomAccessFile(queueFile.toFile(), "rw");
        metadataWriter = new RandomAccessFile(metadataFile.toFile(), "rw");
    }

    @AfterAll
    static void deleteJournal() throws IOException
    {
        queueWriter.close();
        metadataWriter.close();
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
        final int edits = data.consumeInt(0, 16);
        for (int i = 0; i < edits; i++)
        {
            final boolean inMetadata = 0 == data.consumeInt(0, 7);
            final RandomAccessFile file = inMetadata ? metadataWriter : queueWriter;
            final int at = data.consumeInt(0, (inMetadata ? metadata.length : queuePrefix.length) - 1);
            file.seek(at);
            if (data.consumeBoolean())
            {
                file.writeByte(data.consumeByte());
                dirty(inMetadata, at, at + 1);
            }
            else
            {
                file.writeInt(Integer.reverseBytes(data.consumeInt()));
                dirty(inMetadata, at, at + Integer.BYTES);
            }
        }
        if (data.consumeBoolean())
        {
            final int cut = data.consumeInt(0, queuePrefix.length);
            queueWriter.setLength(cut);
            queueCut = true;
            dirty(false, cut, queuePrefix.length);
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
            // the reader turns a fault into a refusal, but compiled code may raise it only after the reader returned
            // (and skip Chronicle's clean-up): QueueFilesCheck must refuse every pointer past the file's end first
            assertFalse(ex.getCause() instanceof InternalError ||
                Arrays.stream(ex.getSuppressed()).anyMatch(InternalError.class::isInstance),
                "Chronicle read past the end of a queue file: " + ex);
        }
        // read or refused, nothing of the journal stays mapped (Chronicle leaked a mapping per refused metadata file).
        // Chronicle unmaps on a background thread, usually done by now: waiting for it takes over 1 ms (a final 1 ms
        // poll), most of an execution, so only when a mapping is still there
        List<String> mappings = mappingsOfJournal();
        if (!mappings.isEmpty())
        {
            BackgroundResourceReleaser.releasePendingResources();
            mappings = mappingsOfJournal();
        }
        assertEquals(List.of(), mappings, "Chronicle mappings of the journal left behind");
    }

    private static List<String> mappingsOfJournal() throws IOException
    {
        try (Stream<String> lines = Files.lines(PROCESS_MAPPINGS))
        {
            return lines.filter((line) -> line.contains(root.toString())).toList();
        }
    }

    /**
     * Puts back what the last input changed (rewriting whole files each time was most of an execution's cost).
     */
    private static void restoreJournal() throws IOException
    {
        if (queueCut)
        {
            queueWriter.setLength(queueLength);
            queueCut = false;
        }
        restore(queueWriter, queuePrefix, queueDirtyFrom, queueDirtyTo);
        if (metadataDirtyTo > metadata.length)
        {
            // an int written at the file's last bytes lengthened it
            metadataWriter.setLength(metadata.length);
        }
        restore(metadataWriter, metadata, metadataDirtyFrom, Math.min(metadataDirtyTo, metadata.length));
        queueDirtyFrom = Integer.MAX_VALUE;
        queueDirtyTo = 0;
        metadataDirtyFrom = Integer.MAX_VALUE;
        metadataDirtyTo = 0;
    }

    private static void dirty(final boolean inMetadata, final int from, final int to)
    {
        if (inMetadata)
        {
            metadataDirtyFrom = Math.min(metadataDirtyFrom, from);
            metadataDirtyTo = Math.max(metadataDirtyTo, to);
        }
        else
        {
            queueDirtyFrom = Math.min(queueDirtyFrom, from);
            queueDirtyTo = Math.max(queueDirtyTo, to);
        }
    }

    /** Writes the original bytes over [from, to); past the original's end, the zeros of the sparse file. */
    private static void restore(final RandomAccessFile file, final byte[] original, final int from, final int to)
        throws IOException
    {
        if (from >= to)
        {
            return;
        }
        final byte[] bytes = new byte[to - from];
        System.arraycopy(original, Math.min(from, original.length), bytes, 0, Math.max(0, Math.min(to, original.length) - from));
        file.seek(from);
        file.write(bytes);
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
