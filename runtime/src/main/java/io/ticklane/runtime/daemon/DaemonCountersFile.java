package io.ticklane.runtime.daemon;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The daemon's mark file of counters: an Agrona {@link CountersManager} over a memory-mapped file next to the media
 * driver's CnC file ({@value #FILE_NAME} in the Aeron directory), which {@code ticklane stat} and
 * {@code ticklane admin} map from another process, as AeronStat maps the CnC file. The counters live in the
 * daemon's own mapping, not in the driver's: if an external driver dies, the daemon's counter writes still land in
 * valid memory. One daemon per driver directory: a file whose process is still alive is never replaced.
 */
public final class DaemonCountersFile implements AutoCloseable
{
    /** Name of the file in the Aeron directory. */
    public static final String FILE_NAME = "ticklane-daemon-counters.dat";
    /** Most counters the file holds. */
    public static final int MAX_COUNTERS = 256;

    private static final int MAGIC = 0x43444C54; // "TLDC", little-endian
    private static final int VERSION = 1;
    private static final int MAGIC_OFFSET = 0;
    private static final int VERSION_OFFSET = 4;
    private static final int PID_OFFSET = 8;
    private static final int START_TIME_OFFSET = 16;
    private static final int HEADER_LENGTH = 4096;
    private static final int METADATA_LENGTH = MAX_COUNTERS * CountersReader.METADATA_LENGTH;
    private static final int VALUES_LENGTH = MAX_COUNTERS * CountersReader.COUNTER_LENGTH;
    private static final int FILE_LENGTH = HEADER_LENGTH + METADATA_LENGTH + VALUES_LENGTH;

    private final Path file;
    private final MappedByteBuffer mapped;
    private final CountersManager manager;

    private DaemonCountersFile(final Path file, final MappedByteBuffer mapped)
    {
        this.file = file;
        this.mapped = mapped;
        this.manager = new CountersManager(
            new UnsafeBuffer(mapped, HEADER_LENGTH, METADATA_LENGTH),
            new UnsafeBuffer(mapped, HEADER_LENGTH + METADATA_LENGTH, VALUES_LENGTH),
            StandardCharsets.US_ASCII);
    }

    /**
     * Creates the file, replacing one left by a daemon that is no longer running.
     *
     * @param aeronDir the media driver's directory.
     * @return the file, with an empty counters manager.
     * @throws IOException              if it cannot be created.
     * @throws IllegalArgumentException if a running daemon owns the directory.
     */
    public static DaemonCountersFile create(final Path aeronDir) throws IOException
    {
        final Path file = aeronDir.resolve(FILE_NAME);
        if (Files.exists(file))
        {
            final long owner = readHeader(file, (header) -> header.getLong(PID_OFFSET));
            if (owner != ProcessHandle.current().pid() && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false))
            {
                throw new IllegalArgumentException("another daemon (pid " + owner + ") is running on the media driver in " +
                    aeronDir + ": one daemon per driver directory");
            }
            Files.delete(file);
        }
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file.toFile(), FILE_LENGTH, true);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(VERSION_OFFSET, VERSION);
        header.putLong(PID_OFFSET, ProcessHandle.current().pid());
        header.putLong(START_TIME_OFFSET, System.currentTimeMillis());
        header.putIntRelease(MAGIC_OFFSET, MAGIC); // last: a reader sees a whole header or none
        return new DaemonCountersFile(file, mapped);
    }

    /**
     * Maps a daemon's counters file, reads it and unmaps it again.
     *
     * @param aeronDir the media driver's directory.
     * @param reader   what to read, given the counters and the owning process id.
     * @param <T>      what is read.
     * @return what the reader returned.
     * @throws IllegalArgumentException if there is no daemon counters file, or it is not one.
     */
    public static <T> T read(final Path aeronDir, final CountersFunction<T> reader)
    {
        final Path file = aeronDir.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            throw new IllegalArgumentException("no daemon counters in " + aeronDir + " (" + FILE_NAME +
                "): is a daemon running on this driver? (--aeron-dir)");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, FILE_NAME);
        try
        {
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            if (mapped.capacity() != FILE_LENGTH || MAGIC != header.getIntVolatile(MAGIC_OFFSET) ||
                VERSION != header.getInt(VERSION_OFFSET))
            {
                throw new IllegalArgumentException(file + " is not a Ticklane daemon counters file of version " + VERSION);
            }
            final CountersReader counters = new CountersReader(
                new UnsafeBuffer(mapped, HEADER_LENGTH, METADATA_LENGTH),
                new UnsafeBuffer(mapped, HEADER_LENGTH + METADATA_LENGTH, VALUES_LENGTH),
                StandardCharsets.US_ASCII);
            return reader.apply(counters, header.getLong(PID_OFFSET));
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    private static <T> T readHeader(final Path file, final Function<UnsafeBuffer, T> reader)
    {
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, FILE_NAME);
        try
        {
            return reader.apply(new UnsafeBuffer(mapped, 0, Math.min(HEADER_LENGTH, mapped.capacity())));
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }

    /**
     * @return the counters manager the daemon allocates its counters from.
     */
    public CountersManager manager()
    {
        return manager;
    }

    /**
     * Unmaps and deletes the file: {@code stat} then finds no daemon.
     */
    public void close()
    {
        IoUtil.unmap(mapped);
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            // the directory may already be gone with an embedded driver; nothing is left to read either way
        }
    }

    /**
     * Reads counters of a mapped file.
     *
     * @param <T> what is read.
     */
    @FunctionalInterface
    public interface CountersFunction<T>
    {
        /**
         * @param counters the daemon's counters, valid only during the call.
         * @param pid      the daemon's process id.
         * @return what was read.
         */
        T apply(CountersReader counters, long pid);
    }
}
