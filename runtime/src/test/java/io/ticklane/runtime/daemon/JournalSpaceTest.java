package io.ticklane.runtime.daemon;

import com.sun.management.ThreadMXBean;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal's disk guard: it halts once, with the space and the directory in the reason, and a check allocates
 * nothing (it runs on the journal agent's thread every timer tick).
 */
class JournalSpaceTest
{
    @TempDir
    Path tmp;

    private final DaemonCounters counters = new DaemonCounters(
        new CountersManager(new UnsafeBuffer(new byte[1 << 20]), new UnsafeBuffer(new byte[1 << 16])));

    @Test
    void belowTheFloorItHaltsOnceNamingTheSpaceAndTheDirectory()
    {
        final AtomicReference<String> haltReason = new AtomicReference<>();
        final JournalSpace space = new JournalSpace(tmp, 0, haltReason, counters);
        final long usable = space.check();
        assertTrue(usable > 0);
        assertFalse(space.isBelow());
        assertNull(haltReason.get(), "no floor");

        space.minFreeBytes(usable + (1L << 40));
        final long now = space.check();
        assertTrue(space.isBelow());
        assertEquals("journal disk below floor: " + now + " bytes free at " + tmp.toAbsolutePath() +
            " (daemon.journal_min_free_bytes=" + (usable + (1L << 40)) + ")", haltReason.get());
        haltReason.set("operator resumed");
        space.check();
        assertEquals("operator resumed", haltReason.get());
        assertEquals(1, counters.counter(DaemonCounters.JOURNAL_DISK_HALTS), "counted once");
        assertEquals(now, counters.counter(DaemonCounters.JOURNAL_FREE_BYTES), 1L << 30);
    }

    @Test
    void aCheckAllocatesNothing()
    {
        final JournalSpace space = new JournalSpace(tmp, 1, new AtomicReference<>(), counters);
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long lastWindow = -1;
        for (int attempt = 0; attempt < 3 && 0 != lastWindow; attempt++) // a JIT deoptimisation may allocate once
        {
            for (int i = 0; i < 20_000; i++)
            {
                space.check();
            }
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20_000; i++)
            {
                space.check();
            }
            lastWindow = threads.getThreadAllocatedBytes(thread) - before;
        }
        assertEquals(0, lastWindow, "bytes allocated by 20,000 checks");
    }
}
