package io.ticklane.journal.queue;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.MessageHeaderEncoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRoundTripTest
{
    static final JournalHeader HEADER = JournalHeader.current(
        List.of(new JournalInstrument(7, "BTCUSDT", 1, 1, (byte)-1, (byte)-3)), "none", "test", "unit test");

    @TempDir
    Path tmp;

    @Test
    void recordsComeBackByteForByteWithTheirHeader() throws IOException
    {
        // given frames from a heap buffer and an off-heap buffer
        final Path dir = tmp.resolve("j");
        final List<Recorded> written = new ArrayList<>();
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[256]);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        try (JournalWriter writer = JournalWriter.create(dir, HEADER))
        {
            for (int i = 0; i < 100; i++)
            {
                final UnsafeBuffer buffer = (i & 1) == 0 ? heap : direct;
                final int offset = i % 9;
                final int length = 8 + (i * 13) % 200;
                for (int b = 0; b < length; b++)
                {
                    buffer.putByte(offset + b, (byte)(i * 31 + b));
                }
                final Direction direction = i % 3 == 0 ? Direction.OUT : Direction.IN;
                writer.append(direction, i % 4, 1_000_000L * i, buffer, offset, length);
                written.add(new Recorded(direction, i % 4, 1_000_000L * i, buffer, offset, length));
            }
            assertEquals(100, writer.recordCount());
        }

        // when read back
        final List<Recorded> read = new ArrayList<>();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(HEADER, reader.header());
            assertTrue(reader.isComplete());
            assertEquals(100, reader.trailerRecordCount());
            assertEquals(100, reader.readAll((d, s, t, b, o, l) -> read.add(new Recorded(d, s, t, b, o, l))));
            assertTrue(reader.isDone());
            assertEquals(0, reader.poll((d, s, t, b, o, l) -> read.add(null), 10));
        }

        // then
        assertEquals(written.size(), read.size());
        for (int i = 0; i < written.size(); i++)
        {
            written.get(i).assertSame(read.get(i), i);
        }
    }

    @Test
    void pollDeliversAtMostTheLimit() throws IOException
    {
        final Path dir = writeJournal(tmp.resolve("j"), 25);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(10, reader.poll((d, s, t, b, o, l) -> { }, 10));
            assertEquals(10, reader.poll((d, s, t, b, o, l) -> { }, 10));
            assertEquals(5, reader.poll((d, s, t, b, o, l) -> { }, 10));
            assertEquals(0, reader.poll((d, s, t, b, o, l) -> { }, 10));
            assertEquals(25, reader.recordsRead());
        }
    }

    @Test
    void aMissingDirectoryIsNamed()
    {
        final Path dir = tmp.resolve("nope");
        final NoSuchFileException ex = assertThrows(NoSuchFileException.class, () -> JournalReader.open(dir));
        assertTrue(ex.getMessage().contains(dir.toString()), ex.getMessage());
        assertFalse(Files.exists(dir), "opening must not create the directory");
    }

    @Test
    void aDirectoryWithoutQueueFilesIsNotAJournal() throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("plain"));
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertMessage(dir, false, "not a Ticklane journal: no Chronicle Queue .cq4 files");
    }

    @Test
    void aQueueThatDoesNotStartWithAHeaderIsNotAJournal() throws IOException
    {
        final Path dir = tmp.resolve("other");
        try (ChronicleQueue queue = JournalFormat.openQueue(dir, false); ExcerptAppender appender = queue.createAppender())
        {
            appender.writeText("some other application's queue");
        }
        assertMessage(dir, false, "not a Ticklane journal: the first record is not a journal header");
    }

    @Test
    void aNewerSchemaVersionIsRefused() throws IOException
    {
        final Path dir = tmp.resolve("newer");
        final JournalHeader old = new JournalHeader(JournalFormat.FORMAT_VERSION, MessageHeaderEncoder.SCHEMA_ID,
            MessageHeaderEncoder.SCHEMA_VERSION + 1, HEADER.instruments(), "none", "test", "future build");
        JournalWriter.create(dir, old).close();
        assertMessage(dir, false, "journal frames use SBE schema " + MessageHeaderEncoder.SCHEMA_ID + " version " +
            (MessageHeaderEncoder.SCHEMA_VERSION + 1) + ", this build reads schema");
    }

    @Test
    void anOlderSchemaVersionIsRead() throws IOException
    {
        // given a journal of schema version 1: the schema only grew since, so its frames still decode
        final Path dir = tmp.resolve("older");
        final JournalHeader older = new JournalHeader(JournalFormat.FORMAT_VERSION, MessageHeaderEncoder.SCHEMA_ID,
            1, HEADER.instruments(), "none", "test", "older build");
        JournalWriter.create(dir, older).close();
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(1, reader.header().schemaVersion());
        }
    }

    @Test
    void anotherFormatVersionIsRefused() throws IOException
    {
        final Path dir = tmp.resolve("format");
        final JournalHeader other = new JournalHeader(JournalFormat.FORMAT_VERSION + 1, MessageHeaderEncoder.SCHEMA_ID,
            MessageHeaderEncoder.SCHEMA_VERSION, HEADER.instruments(), "none", "test", "future build");
        JournalWriter.create(dir, other).close();
        assertMessage(dir, false, "journal format version " + (JournalFormat.FORMAT_VERSION + 1));
    }

    @Test
    void anIncompleteJournalIsRefusedUnlessExplicitlyAllowed() throws IOException
    {
        // given a writer that never wrote its trailer (a crash)
        final Path dir = tmp.resolve("crashed");
        final JournalWriter writer = JournalWriter.create(dir, HEADER);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[32]);
        for (int i = 0; i < 5; i++)
        {
            writer.append(Direction.IN, 1, i, frame, 0, 32);
        }
        writer.abort();

        // then
        assertMessage(dir, false, "journal is INCOMPLETE");
        try (JournalReader reader = JournalReader.open(dir, true))
        {
            assertFalse(reader.isComplete());
            assertEquals(5, reader.readAll((d, s, t, b, o, l) -> { }));
        }
    }

    @Test
    void aRecordWithAnUnknownDirectionIsNamedByIndex() throws IOException
    {
        final Path dir = tmp.resolve("bad-direction");
        JournalWriter.create(dir, HEADER).abort();
        appendRaw(dir, (byte)'Z', 32, 32); // 'X' marks a refused record since format version 2
        appendRaw(dir, (byte)'I', 32, 32);
        appendTrailer(dir, 2);
        final InputFormatException ex = readAllExpectingFailure(dir);
        assertEquals(dir + ":1: record 1: unknown direction 90", ex.getMessage());
    }

    @Test
    void aFrameLongerThanItsRecordIsNamedByIndex() throws IOException
    {
        final Path dir = tmp.resolve("bad-length");
        JournalWriter.create(dir, HEADER).abort();
        appendRaw(dir, (byte)'I', 32, 32);
        appendRaw(dir, (byte)'O', 32, 32);
        appendRaw(dir, (byte)'I', 500, 32);
        appendTrailer(dir, 3);
        final InputFormatException ex = readAllExpectingFailure(dir);
        assertEquals(dir + ":3: record 3: frame length 500 does not fit the record's 32 bytes", ex.getMessage());
    }

    @Test
    void aTrailerThatDisagreesWithTheRecordsIsAnError() throws IOException
    {
        final Path dir = tmp.resolve("lost");
        JournalWriter.create(dir, HEADER).abort();
        appendRaw(dir, (byte)'I', 32, 32);
        appendTrailer(dir, 2);
        final InputFormatException ex = readAllExpectingFailure(dir);
        assertTrue(ex.getMessage().contains("trailer says 2 records, the journal holds 1"), ex.getMessage());
    }

    @Test
    void aJournalWhoseQueueFileWasDeletedIsNotAJournal() throws IOException
    {
        final Path dir = writeJournal(tmp.resolve("j"), 10);
        for (final Path file : queueFiles(dir))
        {
            Files.delete(file);
        }
        assertMessage(dir, false, "no Chronicle Queue .cq4 files");
    }

    @Test
    void aTruncatedQueueFileGivesAClearError() throws IOException
    {
        // given a journal whose queue file lost its end (disk full, copy cut short)
        final Path dir = writeJournal(tmp.resolve("j"), 20_000);
        final Path file = queueFiles(dir).get(0);
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE))
        {
            channel.truncate(300_000);
        }

        // then opening or reading it fails with a message naming the journal, never silently
        final InputFormatException ex = assertThrows(InputFormatException.class, () ->
        {
            try (JournalReader reader = JournalReader.open(dir))
            {
                reader.readAll((d, s, t, b, o, l) -> { });
            }
        });
        assertTrue(ex.getMessage().startsWith(dir.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains("truncated"), ex.getMessage());
    }

    @Test
    void anExistingJournalIsNeverOverwritten() throws IOException
    {
        final Path dir = writeJournal(tmp.resolve("j"), 1);
        assertThrows(FileAlreadyExistsException.class, () -> JournalWriter.create(dir, HEADER));
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertEquals(1, reader.readAll((d, s, t, b, o, l) -> { }));
        }
    }

    static Path writeJournal(final Path dir, final int records) throws IOException
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[48]);
        try (JournalWriter writer = JournalWriter.create(dir, HEADER))
        {
            for (int i = 0; i < records; i++)
            {
                frame.putInt(8, i);
                writer.append(Direction.IN, 1, i, frame, 0, 48);
            }
        }
        return dir;
    }

    static List<Path> queueFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter((p) -> p.toString().endsWith(".cq4")).toList();
        }
    }

    private static void appendRaw(final Path dir, final byte direction, final int claimedLength, final int actualLength)
    {
        try (ChronicleQueue queue = JournalFormat.openQueue(dir, false);
            ExcerptAppender appender = queue.createAppender();
            DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.writeByte(JournalFormat.KIND_RECORD).writeByte(direction).writeInt(1).writeLong(1L).writeInt(claimedLength);
            bytes.write(new byte[actualLength]);
        }
    }

    private static void appendTrailer(final Path dir, final long count)
    {
        try (ChronicleQueue queue = JournalFormat.openQueue(dir, false);
            ExcerptAppender appender = queue.createAppender();
            DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().writeByte(JournalFormat.KIND_TRAILER).writeLong(JournalFormat.MAGIC).writeLong(count);
        }
    }

    private static InputFormatException readAllExpectingFailure(final Path dir)
    {
        return assertThrows(InputFormatException.class, () ->
        {
            try (JournalReader reader = JournalReader.open(dir))
            {
                reader.readAll((d, s, t, b, o, l) -> { });
            }
        });
    }

    private static void assertMessage(final Path dir, final boolean allowIncomplete, final String expected)
    {
        final InputFormatException ex = assertThrows(InputFormatException.class, () -> JournalReader.open(dir, allowIncomplete));
        assertTrue(ex.getMessage().startsWith(dir.toString()), ex.getMessage());
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }

    /**
     * One record as seen, copied.
     */
    private static final class Recorded
    {
        final Direction direction;
        final int stream;
        final long time;
        final byte[] frame;

        Recorded(final Direction direction, final int stream, final long time, final DirectBuffer buffer, final int offset,
            final int length)
        {
            this.direction = direction;
            this.stream = stream;
            this.time = time;
            this.frame = new byte[length];
            buffer.getBytes(offset, frame);
        }

        void assertSame(final Recorded other, final int index)
        {
            assertEquals(direction, other.direction, "direction of " + index);
            assertEquals(stream, other.stream, "stream of " + index);
            assertEquals(time, other.time, "time of " + index);
            assertArrayEquals(frame, other.frame, "frame of " + index);
        }
    }
}
