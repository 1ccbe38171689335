package io.ticklane.journal.reader.lobster;

import org.agrona.concurrent.MessageHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading rows must not allocate once the reader is warm: the readers sit on the replay path.
 */
class LobsterReaderAllocationTest
{
    private static final int WARM_UP_ROWS = 30_000;
    private static final int MEASURED_ROWS = 30_000;
    /** Slack for the measurement itself; a String or boxed value per row would be well over a megabyte. */
    private static final long ALLOWED_BYTES = 4_096;

    @TempDir
    Path dir;

    @Test
    void messageReaderAllocatesNothingPerRowOnceWarm()
    {
        // Same 12-decimal time on every row so the repeated block never goes back in time.
        final String rows =
            "34200.123456789012,1,1,100,2238200,1\n" +
            "34200.123456789012,2,1,10,2238200,1\n" +
            "34200.123456789012,4,1,10,2238200,1\n" +
            "34200.123456789012,5,0,7,2238250,-1\n" +
            "34200.123456789012,6,-1,500,2238200,1\n" +
            "34200.123456789012,3,1,80,2238200,1\n" +
            "34200.123456789012,7,0,0,1,-1\n";
        final Path file = TestFiles.gzip(dir, "TEST_2012-06-21_34200000_57600000_message_1.csv.gz",
            TestFiles.repeat(rows, (WARM_UP_ROWS + MEASURED_ROWS) / 7 + 1));
        final MessageHandler ignore = (msgTypeId, buffer, index, length) -> assertTrue(length > 0);

        try (LobsterMessageReader reader = new LobsterMessageReader(file, new LobsterContext()))
        {
            assertEquals(WARM_UP_ROWS, reader.poll(ignore, WARM_UP_ROWS));

            final long before = allocatedBytes();
            final int read = reader.poll(ignore, MEASURED_ROWS);
            final long allocated = allocatedBytes() - before;

            assertEquals(MEASURED_ROWS, read);
            assertTrue(allocated < ALLOWED_BYTES, "allocated " + allocated + " bytes over " + MEASURED_ROWS + " rows");
        }
    }

    @Test
    void bookReaderAllocatesNothingPerRowOnceWarm()
    {
        final Path file = TestFiles.gzip(dir, "TEST_2012-06-21_34200000_57600000_orderbook_2.csv.gz",
            TestFiles.repeat("2239500,100,2231800,100,2239900,200,-9999999999,0\n", WARM_UP_ROWS + MEASURED_ROWS));

        try (LobsterBookReader book = new LobsterBookReader(file))
        {
            long sum = 0;
            for (int i = 0; i < WARM_UP_ROWS; i++)
            {
                assertTrue(book.next());
                sum += book.askSize(1);
            }

            final long before = allocatedBytes();
            for (int i = 0; i < MEASURED_ROWS; i++)
            {
                book.next();
                sum += book.askSize(2) + (book.hasBid(2) ? 1 : 0);
            }
            final long allocated = allocatedBytes() - before;

            assertEquals(WARM_UP_ROWS * 100L + MEASURED_ROWS * 200L, sum);
            assertTrue(allocated < ALLOWED_BYTES, "allocated " + allocated + " bytes over " + MEASURED_ROWS + " rows");
        }
    }

    private static long allocatedBytes()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
