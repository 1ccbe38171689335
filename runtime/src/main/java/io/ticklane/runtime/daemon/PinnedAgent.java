package io.ticklane.runtime.daemon;

import net.openhft.affinity.AffinityLock;
import org.agrona.concurrent.Agent;

/**
 * Runs an agent on a thread pinned to one core with OpenHFT Affinity: the lock is taken when the agent's thread
 * starts and released when it closes. A core the host does not have, or cannot give, is reported at start by
 * {@link #pinnedCore()} being -1, never silently ignored.
 */
public final class PinnedAgent implements Agent
{
    private final Agent delegate;
    private final int core;
    private AffinityLock lock;
    private volatile int pinnedCore = -1;

    /**
     * @param delegate the agent to run.
     * @param core     core to pin its thread to.
     */
    public PinnedAgent(final Agent delegate, final int core)
    {
        this.delegate = delegate;
        this.core = core;
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        lock = AffinityLock.acquireLock(core);
        pinnedCore = lock.isAllocated() ? lock.cpuId() : -1;
        delegate.onStart();
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws Exception
    {
        return delegate.doWork();
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        try
        {
            delegate.onClose();
        }
        finally
        {
            if (null != lock)
            {
                lock.release();
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return delegate.roleName() + "@cpu" + core;
    }

    /**
     * @return the core the thread holds, or -1 until started or when the lock could not be taken.
     */
    public int pinnedCore()
    {
        return pinnedCore;
    }
}
