package io.ticklane.runtime.daemon;

import com.sun.management.ThreadMXBean;
import org.HdrHistogram.Recorder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusLineTest
{
    private static final int COUNTERS = 128;

    private final DaemonCounters counters = new DaemonCounters(new CountersManager(
        new UnsafeBuffer(ByteBuffer.allocateDirect(COUNTERS * CountersReader.METADATA_LENGTH)),
        new UnsafeBuffer(ByteBuffer.allocateDirect(COUNTERS * CountersReader.COUNTER_LENGTH))));
    private final Recorder recorder = new Recorder(OrderSenderAgent.HIGHEST_LATENCY_NS, 3);
    private final StatusLine status = new StatusLine(counters, recorder);

    @Test
    void printsTheColumnsOfTheHeaderAsTheFormatStringDid()
    {
        counters.bestBid.set(1000);
        counters.bestAsk.set(1003);
        counters.quotedBid.set(954);
        counters.quotedAsk.set(1046);
        counters.position.set(-3);
        counters.netPnl.set(-1_234_567);
        counters.fills.set(42);
        counters.mode.set(1);
        recorder.recordValue(1_549); // below 2,048 ns a 3-digit histogram is exact
        recorder.recordValue(1_960);

        final String line = print();

        final String expected = String.format(" %11s %10s %10s %10s %10s %9d %12d %7d %9s %9s %-13s",
            "1001.5", "1000", "1003", "954", "1046", -3, -1_234_567, 42, "1.5us", "2.0us", "REDUCE_ONLY");
        assertTrue(line.matches(" {0,5}\\d+\\.\\ds.*"), line);
        assertEquals(expected, line.substring(9));
    }

    @Test
    void aMissingBookQuoteOrLatencyIsADash()
    {
        final String line = print();

        assertEquals(String.format(" %11s %10s %10s %10s %10s %9d %12d %7d %9s %9s %-13s", "-", "-", "-", "-", "-", 0, 0,
            0, "-", "-", "ACTIVE"), line.substring(9));
        assertEquals(0, counters.tickToQuoteP99Ns.get());
    }

    @Test
    void samplingPublishesTheLastSecondsPercentilesAndKeepsTheRunsTotal()
    {
        recorder.recordValue(1_000);
        recorder.recordValue(3_000);
        status.sample();
        recorder.recordValue(2_000);
        status.sample();

        assertEquals(2_000, counters.tickToQuoteP50Ns.get(), 2);
        assertEquals(3, status.total().getTotalCount());
    }

    @Test
    void printingALineAllocatesNothingOnceRunning()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final PrintWriter out = new PrintWriter(Writer.nullWriter());
        counters.bestBid.set(99_999_999);
        counters.bestAsk.set(100_000_001);
        counters.position.set(7);
        for (int i = 0; i < 20_000; i++)
        {
            recorder.recordValue(1_000 + i);
            status.print(out);
        }

        final long[] windows = new long[3];
        Arrays.fill(windows, -1);
        for (int w = 0; w < windows.length && (0 == w || windows[w - 1] != 0); w++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1_000; i++)
            {
                recorder.recordValue(1_000 + i);
                status.print(out);
            }
            windows[w] = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        assertTrue(Arrays.stream(windows).anyMatch((bytes) -> 0 == bytes),
            "bytes allocated per 1,000 lines (a JIT deoptimisation may allocate once): " + Arrays.toString(windows));
    }

    private String print()
    {
        final StringWriter text = new StringWriter();
        status.print(new PrintWriter(text));
        final String printed = text.toString();
        assertTrue(printed.endsWith(System.lineSeparator()), "one line");
        return printed.substring(0, printed.length() - System.lineSeparator().length());
    }
}
