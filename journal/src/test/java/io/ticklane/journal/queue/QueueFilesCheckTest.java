package io.ticklane.journal.queue;

import io.ticklane.journal.reader.BadInput;
import io.ticklane.journal.reader.InputFormatException;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal's Chronicle files, damaged (mostly its metadata file): read back as written or refused naming the journal, quickly, and
 * with nothing of Chronicle's left mapped. Before {@link QueueFilesCheck}, flipping single bytes of it gave a
 * leaked 128 KiB mapping per refusal, {@link InternalError}s (a fault past the file's end) and a
 * {@link StackOverflowError} escaping the reader, and 10 s waits on Chronicle's lock timeout.
 */
class QueueFilesCheckTest
{
    private static final int RECORDS = 3;

    @TempDir
    Path tmp;

    private Path journal;
    private Path metadataFile;
    private byte[] metadata;
    private final List<byte[]> frames = new ArrayList<>();

    @BeforeEach
    void writeJournal() throws IOException
    {
        journal = tmp.resolve("journal");
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
        try (JournalWriter writer = JournalWriter.create(journal, JournalRoundTripTest.HEADER))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                final byte[] bytes = new byte[8 + 5 * i];
                Arrays.fill(bytes, (byte)(i + 1));
                frame.putBytes(0, bytes);
                writer.append(Direction.IN, i, 1_000L * i, frame, 0, bytes.length);
                frames.add(bytes);
            }
        }
        metadataFile = journal.resolve(QueueFilesCheck.METADATA_FILE);
        metadata = Files.readAllBytes(metadataFile);
    }

    @Test
    void theExpectedTableStoreHeaderIsTheOneAJournalIsWrittenWith()
    {
        assertArrayEquals(QueueFilesCheck.TABLE_STORE_HEADER,
            Arrays.copyOf(metadata, QueueFilesCheck.TABLE_STORE_HEADER.length));
    }

    @Test
    void everyByteOfTheMetadataFlippedIsReadAsWrittenOrRefusedLeavingNothingMapped() throws Exception
    {
        int used = metadata.length - 1;
        while (used > 0 && 0 == metadata[used])
        {
            used--;
        }
        int refused = 0;
        int read = 0;
        for (int offset = 0; offset <= used + 8; offset++)
        {
            for (final int flip : new int[] {0xFF, 0x01, 0x80})
            {
                final byte[] damaged = metadata.clone();
                damaged[offset] ^= (byte)flip;
                Files.write(metadataFile, damaged);
                if (readsAsWritten())
                {
                    read++;
                }
                else
                {
                    refused++;
                }
            }
        }
        // the header, the value documents' lengths and names, and the three values Chronicle reads are refused;
        // the other values (locks, replication indexes) are Chronicle's business and read through
        assertTrue(refused > 3 * 300, "refused " + refused);
        assertTrue(read > 0, "read " + read);
        assertEquals(0, mappingsOf(journal), "Chronicle mappings of the journal left behind");
    }

    @Test
    void aHighestCycleWithoutItsQueueFileIsRefusedBeforeChronicleStepsDownToIt() throws IOException
    {
        // Chronicle would recurse once per day from this cycle down to the file's until its stack overflowed
        putValue(QueueFilesCheck.HIGHEST_CYCLE, value(QueueFilesCheck.HIGHEST_CYCLE) + 1_000_000);
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(journal));
        assertTrue(ex.getMessage().contains("lists cycles"), ex.getMessage());
        BadInput.assertClear(ex, journal.toString(), 0);
    }

    @Test
    void aLowestCycleAfterTheHighestIsRefused() throws IOException
    {
        putValue(QueueFilesCheck.LOWEST_CYCLE, value(QueueFilesCheck.HIGHEST_CYCLE) + 1);
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(journal));
        assertTrue(ex.getMessage().contains("lists cycles"), ex.getMessage());
    }

    @Test
    void aQueueFileNotNamedForADayIsRefused() throws IOException
    {
        Files.write(journal.resolve("copy" + JournalFormat.QUEUE_FILE_SUFFIX), new byte[16]);
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(journal));
        assertTrue(ex.getMessage().contains("not named for a day"), ex.getMessage());
    }

    @Test
    void aQueueFileWhoseFirstHeaderIsOverwrittenIsRefusedWithoutWaitingForAWriter() throws IOException
    {
        // Chronicle waits 10 s for a writer to complete a header that is not complete, even read-only
        try (RandomAccessFile file = new RandomAccessFile(queueFile().toFile(), "rw"))
        {
            file.writeInt(0);
        }
        final long start = System.nanoTime();
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(journal));
        assertTrue(ex.getMessage().contains("does not begin with the Chronicle header"), ex.getMessage());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused without waiting out Chronicle's timeout");

        try (RandomAccessFile file = new RandomAccessFile(queueFile().toFile(), "rw"))
        {
            file.setLength(3);
        }
        final String message = assertThrows(InputFormatException.class, () -> JournalReader.open(journal)).getMessage();
        assertTrue(message.contains("too short for Chronicle's header"), message);
    }

    @Test
    void theExpectedQueueFileHeaderIsTheOneAJournalIsWrittenWithOutsideItsValues() throws IOException
    {
        final byte[] written = new byte[QueueFilesCheck.QUEUE_FILE_HEADER.length];
        try (RandomAccessFile queue = new RandomAccessFile(queueFile().toFile(), "r"))
        {
            queue.readFully(written);
        }
        final ByteBuffer values = ByteBuffer.wrap(written).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(values.getLong(QueueFilesCheck.WRITE_POSITION_AT) >= written.length, "the last document's position");
        assertEquals(200, values.getLong(QueueFilesCheck.INDEX_OF_INDEXES_AT), "the index follows the header, aligned");
        for (final int at : new int[] {QueueFilesCheck.WRITE_POSITION_AT, QueueFilesCheck.WRITE_POSITION_AT + 8,
            QueueFilesCheck.INDEX_OF_INDEXES_AT, QueueFilesCheck.LAST_INDEX_AT})
        {
            values.putLong(at, 0);
        }
        assertArrayEquals(QueueFilesCheck.QUEUE_FILE_HEADER, written);
    }

    @Test
    void everyByteOfTheQueueFileHeaderFlippedIsReadAsWrittenOrRefusedLeavingNothingMapped() throws Exception
    {
        int refused = 0;
        try (RandomAccessFile queue = new RandomAccessFile(queueFile().toFile(), "rw"))
        {
            for (int offset = 0; offset < QueueFilesCheck.QUEUE_FILE_HEADER.length + 8; offset++)
            {
                queue.seek(offset);
                final int original = queue.readUnsignedByte();
                for (final int flip : new int[] {0xFF, 0x01, 0x80})
                {
                    queue.seek(offset);
                    queue.writeByte(original ^ flip);
                    if (!readsAsWritten())
                    {
                        refused++;
                    }
                }
                queue.seek(offset);
                queue.writeByte(original);
            }
        }
        assertTrue(refused > 3 * 150, "refused " + refused);
        assertEquals(0, mappingsOf(journal), "Chronicle mappings of the journal left behind");
    }

    private Path queueFile() throws IOException
    {
        return JournalRoundTripTest.queueFiles(journal).get(0);
    }

    @Test
    void aJournalWithoutItsMetadataFileIsRefused() throws IOException
    {
        Files.delete(metadataFile);
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(journal));
        assertTrue(ex.getMessage().contains("has no metadata.cq4t"), ex.getMessage());
    }

    @Test
    void theQueueFileCycleIsItsDaySinceTheEpoch()
    {
        assertEquals(0, QueueFilesCheck.cycleOf("j", "19700101F.cq4"));
        // 2024-08-08 is day 19,943: 54 years of 365 days and 13 leap days
        assertEquals(54 * 365 + 13 + 31 + 29 + 31 + 30 + 31 + 30 + 31 + 7, QueueFilesCheck.cycleOf("j", "20240808F.cq4"));
    }

    private boolean readsAsWritten() throws IOException
    {
        final List<byte[]> got = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                got.add(bytes);
            });
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, journal.toString(), 0);
            return false;
        }
        assertEquals(frames.size(), got.size());
        for (int i = 0; i < frames.size(); i++)
        {
            assertArrayEquals(frames.get(i), got.get(i), "record " + (i + 1));
        }
        return true;
    }

    private int valueOffset(final String key)
    {
        final byte[] name = key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i + name.length < metadata.length; i++)
        {
            if (Arrays.equals(metadata, i, i + name.length, name, 0, name.length))
            {
                int at = i + name.length;
                while (0 != (at & 7) || (metadata[at - 1] & 0xFF) != 0xA7)
                {
                    at++;
                }
                return at;
            }
        }
        throw new AssertionError(key + " not in the metadata");
    }

    private long value(final String key)
    {
        return ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN).getLong(valueOffset(key));
    }

    private void putValue(final String key, final long value) throws IOException
    {
        ByteBuffer.wrap(metadata).order(ByteOrder.LITTLE_ENDIAN).putLong(valueOffset(key), value);
        Files.write(metadataFile, metadata);
    }

    static long mappingsOf(final Path dir) throws IOException
    {
        BackgroundResourceReleaser.releasePendingResources();
        final Path maps = Path.of("/proc/self/maps");
        assertTrue(Files.isReadable(maps), "this test counts mappings in /proc/self/maps (Linux)");
        try (Stream<String> lines = Files.lines(maps))
        {
            return lines.filter((line) -> line.contains(dir.toString())).count();
        }
    }
}
