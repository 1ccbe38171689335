package io.ticklane.microstructure;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.orderbook.L2Book;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole engine with every default factor on: SBE frames in (book updates and trades from
 * {@link SyntheticMarketStream}), a million events, not a byte allocated.
 */
class FactorEngineAllocationTest
{
    private static final int WARM_UP = 500_000;
    private static final int EVENTS = 1_000_000;
    private static final int ATTEMPTS = 3;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void everyDefaultFactorTogetherAllocatesNothingPerEvent()
    {
        final List<Factor> factors = FactorCatalogue.standard().createAll();
        final FactorEngine engine = new FactorEngine(new L2Book(SyntheticMarketStream.INSTRUMENT, 1 << 12), factors);
        final SyntheticMarketStream stream = new SyntheticMarketStream(engine);

        run(stream, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        for (int i = 0; i < ATTEMPTS && (0 == i || 0 != windows[i - 1]); i++)
        {
            allocatedBytes();
            final long overhead = -(allocatedBytes() - allocatedBytes());
            final long before = allocatedBytes();
            run(stream, EVENTS);
            windows[i] = allocatedBytes() - before - overhead;
        }

        assertEquals(0, engine.eventsWhileNotLive(), "every event reached the factors");
        final StringBuilder undefined = new StringBuilder();
        for (int i = 0; i < engine.snapshot().size(); i++)
        {
            if (Double.isNaN(engine.snapshot().value(i)))
            {
                undefined.append(engine.snapshot().id(i)).append(' ');
            }
        }
        assertEquals("", undefined.toString(), "factors still NaN after the run");
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail(factors.size() + " factors: bytes allocated per window of " + EVENTS + " events: " + Arrays.toString(windows));
    }

    private static void run(final SyntheticMarketStream stream, final int events)
    {
        for (int i = 0; i < events; i++)
        {
            stream.next();
        }
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
