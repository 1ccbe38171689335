package io.ticklane.runtime.daemon;

import io.ticklane.journal.state.StateStore;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * The trading thread's link to the persisted state: writes a checkpoint of the strategy into a preallocated
 * off-heap buffer and saves it in the Chronicle Map {@link StateStore}, with the journal position it stands at.
 * Saves cost a few microseconds, so the trading agent saves after events that change orders or position (execution
 * reports, status answers, operator commands) and on timer ticks, not after every market data frame: a restart
 * replays the journal tail after the saved position anyway.
 */
public final class DaemonState implements AutoCloseable
{
    private final StateStore store;
    private final UnsafeBuffer buffer;
    private final int instrumentId;
    private long saves;
    private long failedSaves;

    /**
     * @param store        the opened store.
     * @param instrumentId the traded instrument.
     * @param maxLength    largest checkpoint of the strategy.
     */
    public DaemonState(final StateStore store, final int instrumentId, final int maxLength)
    {
        this.store = store;
        this.instrumentId = instrumentId;
        this.buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(maxLength));
    }

    /**
     * Checkpoints the strategy and saves it. Allocation-free.
     *
     * @param strategy the strategy, between events.
     * @param position its {@link JournalPosition}.
     */
    public void save(final QuotingStrategy strategy, final long position)
    {
        final int length = strategy.checkpoint(buffer, 0, position);
        if (store.save(instrumentId, buffer, 0, length) < 0)
        {
            failedSaves++;
        }
        else
        {
            saves++;
        }
    }

    /**
     * @return the buffer checkpoints are written into (load writes here too).
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the store.
     */
    public StateStore store()
    {
        return store;
    }

    /**
     * @return checkpoints saved.
     */
    public long saves()
    {
        return saves;
    }

    /**
     * @return checkpoints too long for the store (a configuration mismatch; never expected).
     */
    public long failedSaves()
    {
        return failedSaves;
    }

    /**
     * Closes the store.
     */
    public void close()
    {
        CloseHelper.quietClose(store);
    }
}
