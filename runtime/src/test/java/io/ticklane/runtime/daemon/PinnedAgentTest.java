package io.ticklane.runtime.daemon;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent placed on a core runs on a thread OpenHFT Affinity pinned there, and says so; the lock is given back
 * when the agent closes.
 */
class PinnedAgentTest
{
    @Test
    void theAgentsThreadHoldsTheCoreItWasGiven() throws InterruptedException
    {
        final int core = Runtime.getRuntime().availableProcessors() - 1;
        final CountDownLatch worked = new CountDownLatch(1);
        final PinnedAgent pinned = new PinnedAgent(new Agent()
        {
            public int doWork()
            {
                worked.countDown();
                return 0;
            }

            public String roleName()
            {
                return "probe";
            }
        }, core);
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace, null, pinned);
        AgentRunner.startOnThread(runner);
        try
        {
            assertTrue(worked.await(10, TimeUnit.SECONDS));
            assertEquals(core, pinned.pinnedCore());
            assertEquals("probe@cpu" + core, pinned.roleName());
        }
        finally
        {
            runner.close();
        }
    }
}
