package io.ticklane.journal.state;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StateStoreTest
{
    private static final int MAX = StateStoreWriter.MAX_RECORD;

    @TempDir
    Path dir;

    private final UnsafeBuffer record = new UnsafeBuffer(new byte[MAX]);
    private final UnsafeBuffer loaded = new UnsafeBuffer(new byte[MAX]);

    @Test
    void aSavedRecordIsThereAfterCloseAndReopen() throws IOException
    {
        final Path file = dir.resolve("state.cm3");
        try (StateStore store = StateStore.open(file, 4, MAX))
        {
            assertEquals(-1, store.load(3, loaded), "nothing saved yet");
            StateStoreWriter.fill(record, 41);
            assertEquals(1, store.save(3, record, 0, 200));
            StateStoreWriter.fill(record, 42);
            assertEquals(2, store.save(3, record, 0, 96));
            StateStoreWriter.fill(record, 5);
            assertEquals(1, store.save(4, record, 0, 64));
        }

        try (StateStore reopened = StateStore.open(file, 4, MAX))
        {
            assertEquals(96, reopened.load(3, loaded));
            StateStoreWriter.fill(record, 42);
            assertEqualBytes(record, loaded, 96);
            assertEquals(64, reopened.load(4, loaded));
            assertEquals(5 * 31, loaded.getLong(0));
            assertEquals(2, reopened.latestValidSequence(3));
            assertEquals(3, reopened.save(3, record, 0, 8), "sequences continue from the file");
        }
    }

    @Test
    void aTornNewerEntryFallsBackToTheOlderWholeOne() throws IOException
    {
        final Path file = dir.resolve("torn.cm3");
        try (StateStore store = StateStore.open(file, 4, MAX))
        {
            StateStoreWriter.fill(record, 10);
            store.save(1, record, 0, 128);
            StateStoreWriter.fill(record, 11);
            store.save(1, record, 0, 128);
        }
        // damage the newer entry (sequence 2, key 2 * 1 + 0) the way a cut-short save would: half new bytes
        try (net.openhft.chronicle.map.ChronicleMap<Long, byte[]> map = net.openhft.chronicle.map.ChronicleMap
            .of(Long.class, byte[].class).entries(8).constantValueSizeBySample(new byte[MAX + 16])
            .createPersistedTo(file.toFile()))
        {
            final byte[] newer = map.get(2L);
            newer[16 + 64] ^= 0x5A;
            map.put(2L, newer);
        }

        try (StateStore reopened = StateStore.open(file, 4, MAX))
        {
            assertEquals(1, reopened.latestValidSequence(1));
            assertEquals(128, reopened.load(1, loaded));
            StateStoreWriter.fill(record, 10);
            assertEqualBytes(record, loaded, 128);
        }
    }

    @Test
    void aRecordLongerThanTheMaximumIsRefused() throws IOException
    {
        try (StateStore store = StateStore.open(dir.resolve("small.cm3"), 1, 32))
        {
            assertEquals(-1, store.save(1, record, 0, 33));
            assertEquals(1, store.save(1, record, 0, 32));
        }
    }

    @Test
    void savingAllocatesNothingOnceWarm() throws IOException
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        try (StateStore store = StateStore.open(dir.resolve("alloc.cm3"), 4, MAX))
        {
            StateStoreWriter.fill(record, 1);
            for (int i = 0; i < 100_000; i++)
            {
                store.save(i & 3, record, 0, 64 + (i % 100) * 8);
            }
            final long[] windows = new long[3];
            for (int w = 0; w < windows.length && (0 == w || 0 != windows[w - 1]); w++)
            {
                threads.getThreadAllocatedBytes(thread);
                final long overhead = -(threads.getThreadAllocatedBytes(thread) - threads.getThreadAllocatedBytes(thread));
                final long before = threads.getThreadAllocatedBytes(thread);
                for (int i = 0; i < 100_000; i++)
                {
                    store.save(i & 3, record, 0, 64 + (i % 100) * 8);
                }
                windows[w] = threads.getThreadAllocatedBytes(thread) - before - overhead;
            }
            for (final long window : windows)
            {
                if (0 == window)
                {
                    return;
                }
            }
            fail("bytes allocated per 100k saves: " + Arrays.toString(windows));
        }
    }

    @Test
    void aWriterKilledMidSaveLeavesAWholeLastRecord() throws Exception
    {
        final Path file = dir.resolve("killed.cm3");
        for (int round = 0; round < 2; round++)
        {
            final Path errors = dir.resolve("writer-" + round + ".err");
            final Process writer = startWriter(file, errors);
            final BufferedReader out = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            long printed = 0;
            final long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + 150 * round);
            String line;
            while ((line = out.readLine()) != null)
            {
                printed = Long.parseLong(line.substring("saved ".length()));
                if (System.nanoTime() > until)
                {
                    break;
                }
            }
            writer.destroyForcibly();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertTrue(printed > 0, "the writer saved before it was killed: " + Files.readString(errors));

            try (StateStore reopened = StateStore.open(file, 4, MAX))
            {
                final long sequence = reopened.latestValidSequence(StateStoreWriter.INSTRUMENT);
                assertTrue(sequence >= printed, "latest " + sequence + " is at least the last reported " + printed);
                final int length = reopened.load(StateStoreWriter.INSTRUMENT, loaded);
                final long recordSequence = loaded.getLong(0) / 31;
                assertEquals(sequence, recordSequence, "the record is the one its envelope says");
                assertEquals(StateStoreWriter.lengthOf(recordSequence), length);
                StateStoreWriter.fill(record, recordSequence);
                assertEqualBytes(record, loaded, length);
            }
        }
    }

    private static Process startWriter(final Path file, final Path errors) throws IOException
    {
        final String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions());
        command.add("-cp");
        command.add(classPath);
        command.add(StateStoreWriter.class.getName());
        command.add(file.toString());
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    /** tuning/jvm/ticklane.jvmopts, found from the module directory upwards. */
    private static Path jvmOptions()
    {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent())
        {
            final Path candidate = at.resolve("tuning/jvm/ticklane.jvmopts");
            if (Files.isRegularFile(candidate))
            {
                return candidate;
            }
        }
        throw new IllegalStateException("tuning/jvm/ticklane.jvmopts not found above " + Path.of("").toAbsolutePath());
    }

    private static void assertEqualBytes(final UnsafeBuffer expected, final UnsafeBuffer actual, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (expected.getByte(i) != actual.getByte(i))
            {
                fail("byte " + i + " differs");
            }
        }
    }
}
