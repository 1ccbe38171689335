package io.ticklane.runtime.daemon;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the journal off a full disk. The journal is a Chronicle Queue of memory-mapped, sparse 1 GiB blocks: a
 * record written to a page the file system cannot back is not an {@code IOException} but a SIGBUS that kills the
 * process with orders live. So the journal agent asks for the file system's usable space now and then (each timer
 * tick, and every {@link #CHECK_EVERY_RECORDS} records in a burst) and, below {@code daemon.journal_min_free_bytes},
 * sets the daemon's halt reason once: the receiver's STOP then cancels every order while the journal still has room
 * to record the cancels, their reports and the trailer.
 * <p>
 * The default floor, 1 GiB: between two checks at most {@link #CHECK_EVERY_RECORDS} records of at most a slot
 * (4 KiB by default) are written, about 64 MiB; after the halt the journal still takes every market data frame
 * (about 10 MB/s at 100k updates/s of 100 bytes), so the rest leaves an operator well over a minute to stop the
 * daemon or free space.
 * <p>
 * Asked through {@link File#getUsableSpace()} (a {@code statvfs}) on a {@code File} made once: it allocates nothing,
 * where {@code FileStore.getUsableSpace()} allocates an attributes object per call. A file system that cannot be
 * asked reads as 0 bytes usable, which halts: not knowing is no reason to risk a SIGBUS.
 */
final class JournalSpace
{
    /** Records between two checks during a burst (timer ticks check too). */
    static final int CHECK_EVERY_RECORDS = 16_384;

    private final File directory;
    private final AtomicReference<String> haltReason;
    private final DaemonCounters counters;
    private volatile long minFreeBytes;
    private boolean below;

    /**
     * @param directory    the journal's directory.
     * @param minFreeBytes the floor, bytes; 0 for none.
     * @param haltReason   the daemon's halt reason, set when the space falls below the floor.
     * @param counters     operator counters: usable bytes at the last check, and halts.
     */
    JournalSpace(
        final Path directory, final long minFreeBytes, final AtomicReference<String> haltReason, final DaemonCounters counters)
    {
        this.directory = directory.toAbsolutePath().toFile();
        this.minFreeBytes = minFreeBytes;
        this.haltReason = haltReason;
        this.counters = counters;
    }

    /**
     * Reads the usable space and halts the daemon the first time it is below the floor.
     *
     * @return usable bytes.
     */
    long check()
    {
        final long usable = directory.getUsableSpace();
        counters.journalFreeBytes.setRelease(usable);
        final long floor = minFreeBytes;
        if (!below && usable < floor)
        {
            below = true;
            counters.journalDiskHalts.incrementRelease();
            haltReason.compareAndSet(null, "journal disk below floor: " + usable + " bytes free at " + directory +
                " (daemon.journal_min_free_bytes=" + floor + ")");
        }
        return usable;
    }

    /**
     * @return true once the space was found below the floor.
     */
    boolean isBelow()
    {
        return below;
    }

    /**
     * Moves the floor (tests: a floor above the space there is stands for a disk that filled up).
     *
     * @param bytes the new floor.
     */
    void minFreeBytes(final long bytes)
    {
        minFreeBytes = bytes;
    }
}
