package io.ticklane.journal.queue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves appending and replaying allocate nothing once warm: a million records per window, measured with the
 * thread's allocated-bytes counter. Up to {@link #ATTEMPTS} windows; one must be exactly zero (a late JIT compile
 * may allocate a few hundred bytes once; an allocation per record shows in every window as at least a megabyte).
 */
class JournalAllocationTest
{
    private static final int RECORDS = 1_000_000;
    private static final int WARM_UP = 300_000;
    private static final int ATTEMPTS = 3;
    private static final int FRAME_LENGTH = 40;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path tmp;

    private long checksum;

    @Test
    void appendingAndReplayingAMillionRecordsAllocatesNothing() throws IOException
    {
        final UnsafeBuffer heap = new UnsafeBuffer(new byte[256]);
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
        final long[] writeWindows = new long[ATTEMPTS];
        long written = 0;
        try (JournalWriter writer = JournalWriter.create(tmp.resolve("j"), JournalRoundTripTest.HEADER))
        {
            written = append(writer, heap, direct, written, WARM_UP);
            for (int i = 0; i < ATTEMPTS && (0 == i || writeWindows[i - 1] != 0); i++)
            {
                final long overhead = measurementOverhead();
                final long before = allocatedBytes();
                written = append(writer, heap, direct, written, RECORDS);
                writeWindows[i] = allocatedBytes() - before - overhead;
            }
        }

        final long[] readWindows = new long[ATTEMPTS];
        final JournalRecordHandler handler = (d, s, t, b, o, l) -> checksum += b.getLong(o) + t + l;
        long read = 0;
        try (JournalReader reader = JournalReader.open(tmp.resolve("j")))
        {
            read += reader.poll(handler, WARM_UP);
            for (int i = 0; i < ATTEMPTS && (0 == i || readWindows[i - 1] != 0); i++)
            {
                final long overhead = measurementOverhead();
                final long before = allocatedBytes();
                for (int n = 0; n < RECORDS / 1000; n++)
                {
                    read += reader.poll(handler, 1000);
                }
                readWindows[i] = allocatedBytes() - before - overhead;
            }
        }

        assertEquals(written >= read, true, "read more than written");
        assertSteadyStateAllocatesNothing("append", writeWindows);
        assertSteadyStateAllocatesNothing("replay", readWindows);
    }

    private static long append(
        final JournalWriter writer, final UnsafeBuffer heap, final UnsafeBuffer direct, final long from, final int count)
    {
        for (long i = from; i < from + count; i++)
        {
            final UnsafeBuffer buffer = (i & 1) == 0 ? heap : direct;
            buffer.putLong(0, i);
            writer.append((i & 3) == 0 ? Direction.OUT : Direction.IN, (int)(i & 7), i, buffer, 0, FRAME_LENGTH);
        }
        return from + count;
    }

    private static void assertSteadyStateAllocatesNothing(final String what, final long[] windows)
    {
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail(what + ": bytes allocated per window of " + RECORDS + " records: " + Arrays.toString(windows));
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }
}
