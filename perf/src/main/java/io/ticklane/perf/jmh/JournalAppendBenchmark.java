package io.ticklane.perf.jmh;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.perf.jmh.reference.FileChannelJournal;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Journal append: one {@link JournalWriter#append} of a 102-byte SBE L2Update ({@link L2UpdateFrame}, a new receive
 * time each call) into a Chronicle Queue journal, against {@link FileChannelJournal} writing the same frame with a
 * length prefix to a plain file. Both live in a new directory under {@code java.io.tmpdir} (point it at the disk
 * journals use with {@code -jvmArgsAppend -Djava.io.tmpdir=DIR}); neither syncs, so this is the cost on the trading or
 * journal thread, not the disk's. A run writes a few GB.
 * <p>
 * Chronicle's appender must be used by one thread: the writer is created in trial setup, which JMH runs on the
 * benchmark thread for a thread-scoped state, and handed over again before every iteration in case JMH changed
 * threads. Both files are closed and the directory deleted when the benchmark JVM exits, not in a trial teardown: JMH
 * runs trial teardown inside the last measured iteration, so the GC profiler would charge Chronicle's close and the
 * delete to the appends of that iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark
{
    private static final int STREAM = 1001;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[L2UpdateFrame.LENGTH]);
    private Path dir;
    private JournalWriter writer;
    private FileChannelJournal reference;
    private long receiveTimeNs = 1_700_000_000_000_000_000L;

    /**
     * Creates the journal and the plain file in a new temporary directory.
     *
     * @throws IOException if either cannot be created.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        L2UpdateFrame.encode(frame, 0);
        dir = Files.createTempDirectory("ticklane-jmh-journal");
        writer = JournalWriter.create(dir.resolve("journal"), JournalHeader.current(
            List.of(new JournalInstrument((int)L2UpdateFrame.INSTRUMENT, "BTCUSDT", 1, 1, (byte)-2, (byte)-3)),
            "none", "jmh", "JournalAppendBenchmark"));
        reference = new FileChannelJournal(dir.resolve("reference.log"), L2UpdateFrame.LENGTH);
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAndDelete, "jmh-journal-cleanup"));
    }

    /**
     * Chronicle's single-thread check: this iteration's thread is the appender's.
     */
    @Setup(Level.Iteration)
    public void onBenchmarkThread()
    {
        writer.handOverToCurrentThread();
    }

    /**
     * Fails the run if an append went missing.
     */
    @TearDown(Level.Trial)
    public void check()
    {
        if (0 == writer.recordCount() && 0 == reference.recordCount())
        {
            throw new IllegalStateException("nothing was appended");
        }
    }

    private void closeAndDelete()
    {
        try
        {
            writer.handOverToCurrentThread();
            writer.abort(); // no trailer: the journal is deleted
            reference.close();
        }
        catch (final IOException | RuntimeException ex)
        {
            System.err.println("JournalAppendBenchmark: closing " + dir + ": " + ex);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /**
     * @return records appended so far.
     */
    @Benchmark
    public long ticklane()
    {
        writer.append(Direction.IN, STREAM, ++receiveTimeNs, frame, 0, L2UpdateFrame.LENGTH);
        return writer.recordCount();
    }

    /**
     * @return records appended so far.
     * @throws IOException if the write fails.
     */
    @Benchmark
    public long fileChannel() throws IOException
    {
        return reference.append(frame, 0, L2UpdateFrame.LENGTH);
    }
}
