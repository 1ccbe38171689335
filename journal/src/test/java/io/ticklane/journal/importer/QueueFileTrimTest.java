package io.ticklane.journal.importer;

import io.ticklane.journal.RealData;
import io.ticklane.journal.queue.JournalFormat;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.MarketDetection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueFileTrimTest
{
    @TempDir
    Path tmp;

    @Test
    void theWrittenEndIsJustPastTheLastByteThatIsNotZero() throws IOException
    {
        final Path file = tmp.resolve("sparse");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.setLength(10L << 20);
            raf.seek(5);
            raf.write(7);
            raf.seek(3_000_001);
            raf.write(1);
            raf.seek(3_000_002);
            raf.write(0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            assertEquals(3_000_002, QueueFileTrim.writtenEnd(channel));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(3_000_001);
            raf.write(0);
            raf.seek(5);
            raf.write(0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            assertEquals(0, QueueFileTrim.writtenEnd(channel), "a file of zeros has nothing written");
        }
    }

    @Test
    void anImportedJournalEndsAtItsLastWrittenPageAndReadsAsBefore() throws IOException
    {
        final List<Path> files = List.of(RealData.file("binance/usdm/btcusdt_20240718.gz"));
        final Path out = tmp.resolve("journal");
        final long committed;
        try (JournalImport journal = new JournalImport(out, "test", "v1", (n) -> { });
            BinanceCaptureReader reader = new BinanceCaptureReader(
                new BinanceCaptureReader.Context().files(files).market(new MarketDetection().detect(files))))
        {
            reader.readAll(journal);
            committed = journal.commit();
        }

        final Path queueFile;
        try (Stream<Path> list = Files.list(out))
        {
            queueFile = list.filter((f) -> f.toString().endsWith(JournalFormat.QUEUE_FILE_SUFFIX)).findFirst().orElseThrow();
        }
        final long size = Files.size(queueFile);
        assertEquals(0, size % QueueFileTrim.PAGE, "whole pages");
        assertTrue(size < 8L << 20, "a few megabytes of records, not Chronicle's 1 GiB block: " + size);
        try (FileChannel channel = FileChannel.open(queueFile, StandardOpenOption.READ))
        {
            assertTrue(QueueFileTrim.writtenEnd(channel) > size - QueueFileTrim.PAGE, "nothing written was cut");
        }
        try (JournalReader reader = JournalReader.open(out))
        {
            assertEquals(committed, reader.readAll((d, s, t, b, o, l) -> { }));
            assertTrue(reader.isComplete());
        }
    }
}
