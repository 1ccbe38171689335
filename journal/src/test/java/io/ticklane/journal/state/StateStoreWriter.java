package io.ticklane.journal.state;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * A process that saves records into a state store as fast as it can until it is killed: the other side of the
 * kill -9 test. Record n is {@link #lengthOf(long)} bytes of longs {@code n * 31 + i}, so a reader can tell a whole
 * record from a mixture of two.
 */
public final class StateStoreWriter
{
    static final int INSTRUMENT = 7;
    static final int MAX_RECORD = 1024;

    private StateStoreWriter()
    {
    }

    static int lengthOf(final long sequence)
    {
        return 64 + (int)(sequence % 120) * 8;
    }

    static void fill(final UnsafeBuffer buffer, final long sequence)
    {
        for (int i = 0, n = lengthOf(sequence) / 8; i < n; i++)
        {
            buffer.putLong(i * 8, sequence * 31 + i);
        }
    }

    /**
     * @param args the map file.
     * @throws Exception if the store cannot be opened.
     */
    public static void main(final String[] args) throws Exception
    {
        final UnsafeBuffer record = new UnsafeBuffer(new byte[MAX_RECORD]);
        try (StateStore store = StateStore.open(Path.of(args[0]), 4, MAX_RECORD))
        {
            long sequence = store.latestValidSequence(INSTRUMENT) + 1;
            final long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline)
            {
                fill(record, sequence);
                final long saved = store.save(INSTRUMENT, record, 0, lengthOf(sequence));
                if (saved != sequence)
                {
                    throw new IllegalStateException("saved as " + saved + ", expected " + sequence);
                }
                if (sequence % 1000 == 0)
                {
                    System.out.println("saved " + sequence);
                    System.out.flush();
                }
                sequence++;
            }
        }
    }
}
