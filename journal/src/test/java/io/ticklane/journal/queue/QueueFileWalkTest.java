package io.ticklane.journal.queue;

import io.ticklane.journal.reader.BadInput;
import io.ticklane.journal.reader.InputFormatException;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import net.openhft.chronicle.wire.Wires;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A queue file whose own pointers (document lengths, the header's last document and index of indexes, the index
 * entries) lead anywhere but to a document inside it is refused before Chronicle maps it; one whose pointers are
 * intact reads as written. Chronicle followed such a pointer past the file's end and faulted, and compiled code
 * raised the fault after the reader had returned (JournalReaderFuzzTest). The layout this test reads the file with
 * is Chronicle's, as {@code QueueFilesCheckTest} pins the header: each document a 4-byte length word, 4-byte aligned;
 * the index of indexes at the header's position, an array of 64-bit entries after a name and padding. One file
 * over 500 lines: every test damages the same layout through the same few readers of it (the chain, an array).
 */
class QueueFileWalkTest
{
    /** Three index entries: documents 0, 256 and 512 (the journal's header record is document 0). */
    private static final int RECORDS = 600;

    @TempDir
    Path tmp;

    @Test
    void everyByteOfEveryDocumentLengthDamagedIsReadAsWrittenOrRefusedLeavingNothingMapped() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), 40);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final List<Long> documents = documents(queueFile);
        int refused = 0;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            // trimmed to what was written, so that a grown length can reach past the file's end
            file.setLength(documents.get(documents.size() - 1) + 256);
            for (final long document : documents)
            {
                for (int b = 0; b < Integer.BYTES; b++)
                {
                    file.seek(document + b);
                    final int original = file.readUnsignedByte();
                    for (final int flip : new int[] {0xFF, 0x01, 0x80})
                    {
                        file.seek(document + b);
                        file.writeByte(original ^ flip);
                        if (!readsAsWritten(journal, 40))
                        {
                            refused++;
                        }
                    }
                    file.seek(document + b);
                    file.writeByte(original);
                }
            }
        }
        // a length grown past the file's end or moved off the next document's start is refused; the flag bits of a
        // record (data or metadata) and lengths Chronicle's decoding then refuses are refused as well
        assertTrue(refused > documents.size() * 4 * 3 * 3 / 4, "refused " + refused + " of " + documents.size() * 4 * 3);
        assertEquals(0, QueueFilesCheckTest.mappingsOf(journal), "Chronicle mappings of the journal left behind");
    }

    @Test
    void aDocumentLengthPastTheFileEndIsRefusedNamingTheDocument() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final List<Long> documents = documents(queueFile);
        final long document = documents.get(100);
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            // trimmed to what was written, as an imported journal is: a queue file is otherwise a sparse 1.25 GiB
            file.setLength(documents.get(documents.size() - 1) + 256);
            assertTrue(readsAsWritten(journal, RECORDS), "trimmed");
            file.seek(document);
            file.writeInt(Integer.reverseBytes(Wires.LENGTH_MASK));
        }
        final String message = refusal(journal);
        assertTrue(message.contains("a document at byte " + document + " that ends at byte " +
            (document + Integer.BYTES + Wires.LENGTH_MASK) + ", past the file's"), message);
    }

    @Test
    void aFileCutInsideADocumentWhoseHeaderNamesAnEarlierLastDocumentIsRefused() throws IOException
    {
        // a copy cut short whose header was damaged as well, so that it still points inside what is left
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final List<Long> documents = documents(queueFile);
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, QueueFilesCheck.WRITE_POSITION_AT, documents.get(300));
            file.setLength(documents.get(400) + 10);
        }
        final String message = refusal(journal);
        assertTrue(message.contains("a document at byte " + documents.get(400) + " that ends at byte"), message);
    }

    @Test
    void aLastDocumentWhereNoDocumentStartsIsRefused() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final long inside = documents(queueFile).get(RECORDS - 10) + 8;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, QueueFilesCheck.WRITE_POSITION_AT, inside);
        }
        final String message = refusal(journal);
        assertTrue(message.contains("says its last document is at byte " + inside + ", where no document"), message);
    }

    @Test
    void anIndexEntryNamingAnotherDocumentOrNoneIsRefusedAndAMissingOneIsScannedPast() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final List<Long> documents = documents(queueFile);
        final long entries;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            entries = arrayEntries(file, indexOfIndexes(queueFile).get(0)).position();
        }
        final long dataDocument256 = dataDocuments(queueFile).get(256);
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            assertEquals(dataDocument256, getLong(file, entries + Long.BYTES), "entry 1 indexes data document 256");
            putLong(file, entries + Long.BYTES, dataDocuments(queueFile).get(257));
        }
        String message = refusal(journal);
        assertTrue(message.contains("indexes document 256 at byte " + dataDocuments(queueFile).get(257) +
            ", where it is at byte " + dataDocument256), message);

        final long pastTheEnd = Files.size(queueFile) + 8;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, entries + Long.BYTES, pastTheEnd);
        }
        message = refusal(journal);
        assertTrue(message.contains("indexes document 256 at byte " + pastTheEnd), message);

        // an entry for a document the file does not have (602 data documents: the header, 600 records, the trailer)
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, entries + Long.BYTES, dataDocument256);
            putLong(file, entries + 3 * Long.BYTES, documents.get(5));
        }
        message = refusal(journal);
        assertTrue(message.contains("indexes document 768 at byte " + documents.get(5) + ", where the file has no such " +
            "document"), message);

        // not indexed: Chronicle scans from the entry before
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, entries + Long.BYTES, 0);
            putLong(file, entries + 3 * Long.BYTES, 0);
        }
        assertTrue(readsAsWritten(journal, RECORDS));
    }

    @Test
    void anIndexEntryForTheDocumentAWriterIsStartingIsTakenButNoFurther() throws IOException
    {
        // 766 records: 768 data documents with the header and the trailer, so the next one is indexed (entry 3)
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), 3 * QueueFileWalk.INDEX_SPACING - 2);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final List<Long> documents = documents(queueFile);
        final long entries;
        final long next;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            entries = arrayEntries(file, indexOfIndexes(queueFile).get(0)).position();
            final long last = documents.get(documents.size() - 1);
            file.seek(last);
            next = (last + Integer.BYTES + Wires.lengthOf(Integer.reverseBytes(file.readInt())) + 3) & ~3L;
            // a writer has claimed the document (its header not complete) and indexed it
            file.seek(next);
            file.writeInt(Integer.reverseBytes(Wires.NOT_COMPLETE));
            putLong(file, entries + 3 * Long.BYTES, next);
        }
        assertTrue(readsAsWritten(journal, 3 * QueueFileWalk.INDEX_SPACING - 2));

        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, entries + 3 * Long.BYTES, 0);
            putLong(file, entries + 4 * Long.BYTES, next);
        }
        assertTrue(refusal(journal).contains("indexes document 1024 at byte " + next + ", where the file has no such " +
            "document"), "only the next document");
    }

    @Test
    void anIndexOfIndexesNamingAnythingButAnIndexIsRefused() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final ArrayEntries slots = indexOfIndexes(queueFile);
        final long index = slots.get(0);

        // the index of indexes itself, in its own first slot
        setSlot(queueFile, slots, 0, slots.document());
        assertTrue(refusal(journal).contains("a document not named index"), "named");

        // a data document
        final long data = dataDocuments(queueFile).get(3);
        setSlot(queueFile, slots, 0, data);
        assertTrue(refusal(journal).contains("says index 0 of its index of indexes is at byte " + data +
            ", where no metadata document of the file starts"), "metadata");

        // the one index in a second slot too: it would index documents 1,048,576 on, which the file lacks
        setSlot(queueFile, slots, 0, index);
        setSlot(queueFile, slots, 1, index);
        assertTrue(refusal(journal).contains("indexes document " + (long)QueueFileWalk.INDEX_COUNT *
            QueueFileWalk.INDEX_SPACING + " at byte "), "second slot");

        setSlot(queueFile, slots, 1, 0);
        assertTrue(readsAsWritten(journal, RECORDS));

        // the header's index of indexes at the index
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, QueueFilesCheck.INDEX_OF_INDEXES_AT, index);
        }
        assertTrue(refusal(journal).contains("has its index of indexes at byte " + index +
            ", a document not named index2index"), "header");
    }

    @Test
    void anIndexArrayWhoseCountsAreDamagedIsRefused() throws IOException
    {
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), RECORDS);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        final ArrayEntries slots = indexOfIndexes(queueFile);
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            // used beyond the capacity: Chronicle would read entries past the array
            putLong(file, slots.position() - Long.BYTES, QueueFileWalk.INDEX_COUNT + 1);
        }
        assertTrue(refusal(journal).contains("with " + (QueueFileWalk.INDEX_COUNT + 1) + " of " +
            QueueFileWalk.INDEX_COUNT + " entries used"), "used");
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, slots.position() - Long.BYTES, 1);
            putLong(file, slots.position() - 2 * Long.BYTES, 1L << 40);
        }
        assertTrue(refusal(journal).contains("of " + (1L << 40) + " entries used"), "capacity");
    }

    @Test
    void aJournalOfMoreThanOneIndexReadsAsWrittenAndItsSecondIndexIsChecked() throws IOException
    {
        // the second index array is written among the data documents, after 1,048,576 of them
        final int records = QueueFileWalk.INDEX_COUNT * QueueFileWalk.INDEX_SPACING + 2 * QueueFileWalk.INDEX_SPACING;
        final Path journal = JournalRoundTripTest.writeJournal(tmp.resolve("j"), records);
        final Path queueFile = JournalRoundTripTest.queueFiles(journal).get(0);
        assertTrue(readsAsWritten(journal, records));

        final ArrayEntries second;
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            final ArrayEntries slots = indexOfIndexes(queueFile);
            assertTrue(0 != slots.get(1), "a second index");
            second = arrayEntries(file, slots.get(1));
            // its entry 1 (document 1,048,832) named as its entry 2's document
            putLong(file, second.position() + Long.BYTES, second.get(2));
        }
        assertTrue(refusal(journal).contains("indexes document " + (records - QueueFileWalk.INDEX_SPACING) + " at byte " +
            second.get(2)), "second index");
    }

    @Test
    void aQueueRolledToTheNextDayPassesTheCheckWithItsEndOfFileMarker() throws IOException
    {
        // a daemon journaling across midnight UTC: Chronicle ends the first day's file with its end-of-file marker
        final Path dir = tmp.resolve("rolled");
        final SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-12-06T23:59:00Z"));
        try (ChronicleQueue queue = ChronicleQueue.singleBuilder(dir).rollCycle(RollCycles.FAST_DAILY)
            .blockSize(JournalFormat.BLOCK_SIZE).timeProvider(clock).build();
            ExcerptAppender appender = queue.createAppender())
        {
            for (int i = 0; i < 300; i++)
            {
                if (150 == i)
                {
                    clock.advanceMillis(120_000);
                }
                try (DocumentContext document = appender.writingDocument())
                {
                    document.wire().bytes().writeLong(i);
                }
            }
        }
        final List<Path> queueFiles = JournalRoundTripTest.queueFiles(dir);
        assertEquals(2, queueFiles.size(), queueFiles.toString());
        final Path first = dir.resolve("20261206F" + JournalFormat.QUEUE_FILE_SUFFIX);
        try (RandomAccessFile file = new RandomAccessFile(first.toFile(), "r"))
        {
            final List<Long> documents = documents(first);
            final long last = documents.get(documents.size() - 1);
            file.seek(last);
            file.seek((last + Integer.BYTES + Wires.lengthOf(Integer.reverseBytes(file.readInt())) + 3) & ~3L);
            assertEquals(Wires.END_OF_DATA, Integer.reverseBytes(file.readInt()), "the first file ends in the marker");
        }
        QueueFilesCheck.check(dir, dir.toString(), queueFiles, false);
    }

    @Test
    void aJournalBeingWrittenIsNeverRefusedForWhatItsWriterAppendsDuringTheWalk() throws Exception
    {
        // an operator inspecting a running daemon's journal: index entries are written as the walk goes
        final Path journal = tmp.resolve("live");
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong appended = new AtomicLong();
        final CountDownLatch created = new CountDownLatch(1);
        final AtomicReference<Throwable> failed = new AtomicReference<>();
        final Thread writer = new Thread(() ->
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[48]);
            try (JournalWriter journalWriter = JournalWriter.create(journal, JournalRoundTripTest.HEADER))
            {
                created.countDown();
                while (!stop.get())
                {
                    frame.putInt(8, (int)appended.get());
                    journalWriter.append(Direction.IN, 1, appended.get(), frame, 0, 48);
                    if (0 == appended.incrementAndGet() % 16)
                    {
                        // paced (at most 16 records in 50 us): each open walks the journal written so far
                        LockSupport.parkNanos(50_000);
                    }
                }
            }
            catch (final Throwable ex)
            {
                failed.set(ex);
                created.countDown();
            }
        }, "journal-writer");
        writer.start();
        assertTrue(created.await(10, TimeUnit.SECONDS), "journal created");
        int opens = 0;
        try
        {
            while (null == failed.get() && (opens < 200 || appended.get() < 200L * QueueFileWalk.INDEX_SPACING))
            {
                try (JournalReader reader = JournalReader.open(journal, true))
                {
                    assertEquals(JournalRoundTripTest.HEADER, reader.header());
                }
                opens++;
            }
        }
        finally
        {
            stop.set(true);
            writer.join();
        }
        assertEquals(null, failed.get());
        assertTrue(readsAsWritten(journal, (int)appended.get()), "the whole journal once its writer closed it");
    }

    /** An index array document: where it and its entries start in the file, and its first entries. */
    private record ArrayEntries(long document, long position, long[] values)
    {
        long get(final int entry)
        {
            return values[entry];
        }
    }

    private static void setSlot(final Path queueFile, final ArrayEntries slots, final int slot, final long value)
        throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "rw"))
        {
            putLong(file, slots.position() + (long)slot * Long.BYTES, value);
        }
    }

    private static ArrayEntries indexOfIndexes(final Path queueFile) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "r"))
        {
            return arrayEntries(file, getLong(file, QueueFilesCheck.INDEX_OF_INDEXES_AT));
        }
    }

    /**
     * Reads an array document as Chronicle writes one: length word, name, padding, the array code, capacity, used.
     */
    private static ArrayEntries arrayEntries(final RandomAccessFile file, final long document) throws IOException
    {
        file.seek(document + Integer.BYTES);
        final byte[] content = new byte[64];
        file.readFully(content);
        int at = 2 + content[1];
        while ((content[at] & 0xFF) != 0x8D)
        {
            at++;
        }
        final long position = document + Integer.BYTES + at + 1 + 2 * Long.BYTES;
        assertEquals(0, position % Long.BYTES, "entries aligned");
        final long[] values = new long[4];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = getLong(file, position + (long)i * Long.BYTES);
        }
        return new ArrayEntries(document, position, values);
    }

    /**
     * @return the positions of the file's documents after its header, data and metadata.
     */
    private static List<Long> documents(final Path queueFile) throws IOException
    {
        return walk(queueFile, false);
    }

    private static List<Long> dataDocuments(final Path queueFile) throws IOException
    {
        return walk(queueFile, true);
    }

    private static List<Long> walk(final Path queueFile, final boolean dataOnly) throws IOException
    {
        final List<Long> positions = new ArrayList<>();
        try (RandomAccessFile file = new RandomAccessFile(queueFile.toFile(), "r"))
        {
            long position = QueueFilesCheck.FIRST_DOCUMENT;
            while (position + Integer.BYTES <= file.length())
            {
                file.seek(position);
                final int header = Integer.reverseBytes(file.readInt());
                if (0 == header || Wires.END_OF_DATA == header)
                {
                    break;
                }
                if (!dataOnly || Wires.isData(header))
                {
                    positions.add(position);
                }
                position = (position + Integer.BYTES + Wires.lengthOf(header) + 3) & ~3L;
            }
        }
        return positions;
    }

    private static long getLong(final RandomAccessFile file, final long position) throws IOException
    {
        file.seek(position);
        return Long.reverseBytes(file.readLong());
    }

    private static void putLong(final RandomAccessFile file, final long position, final long value) throws IOException
    {
        file.seek(position);
        file.writeLong(Long.reverseBytes(value));
    }

    private static String refusal(final Path journal)
    {
        final InputFormatException ex = assertThrows(InputFormatException.class, () ->
        {
            try (JournalReader reader = JournalReader.open(journal))
            {
                reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
                {
                });
            }
        });
        BadInput.assertClear(ex, journal.toString(), 0);
        assertFalse(ex.getCause() instanceof InternalError, "refused before Chronicle read past the file's end: " + ex);
        return ex.getMessage();
    }

    /**
     * @return true if the journal reads back as {@link JournalRoundTripTest#writeJournal} wrote it, false if refused
     * (before Chronicle faulted).
     */
    private static boolean readsAsWritten(final Path journal, final int records) throws IOException
    {
        final int[] read = {0};
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll((direction, stream, receiveTimeNs, buffer, offset, length) ->
            {
                assertEquals(read[0], buffer.getInt(offset + 8), "record " + (read[0] + 1));
                read[0]++;
            });
        }
        catch (final InputFormatException ex)
        {
            BadInput.assertClear(ex, journal.toString(), records + 2L);
            assertFalse(ex.getCause() instanceof InternalError ||
                Arrays.stream(ex.getSuppressed()).anyMatch(InternalError.class::isInstance),
                "refused before Chronicle read past the file's end: " + ex);
            return false;
        }
        assertEquals(records, read[0]);
        return true;
    }
}
