package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Proves the whole flow family allocates nothing per event once warm: every factor sees a million mixed L2 book
 * changes, L3 order events and trades, measured with the thread's allocated-bytes counter.
 */
class FlowAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();

    @Test
    void aMillionEventsThroughEveryFlowFactorAllocateNothing()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        final List<Factor> factorList = registry.createAll();
        assertEquals(10, factorList.size());
        final Factor[] factors = factorList.toArray(new Factor[0]);
        for (int level = 0; level < 12; level++)
        {
            book.setLevel(Side.BUY, 10_000 - level, 5 + level);
            book.setLevel(Side.SELL, 10_001 + level, 5 + level);
        }

        run(factors, 0, WARM_UP); // warm up: JIT compilation, first touches of memory
        final long overhead = measurementOverhead();
        final long before = allocatedBytes();
        run(factors, WARM_UP, WARM_UP + EVENTS);
        final long allocated = allocatedBytes() - before - overhead;

        for (final Factor factor : factors)
        {
            assertFalse(Double.isNaN(factor.value()), factor.id() + " must be warm: the run measured real work");
        }
        assertEquals(0, allocated, "bytes allocated while applying " + EVENTS + " events");
    }

    private void run(final Factor[] factors, final long from, final long to)
    {
        for (long n = from; n < to; n++)
        {
            final long timeNs = n * 50_000L; // 20,000 events per second
            final int step = (int)(n % 8);
            final long price;
            if (step < 4)
            {
                // L2: change a size near the touch, sometimes emptying and refilling the best level.
                final boolean bid = (n & 1) == 0;
                price = bid ? 10_000 - (n % 5) : 10_001 + (n % 5);
                book.setLevel(bid ? Side.BUY : Side.SELL, price, (n % 17) == 0 ? 0 : 1 + (n % 23));
                event.book(timeNs, n, book);
            }
            else if (step < 6)
            {
                // L3: adds and cancels (the book is not changed by them here; the factor reads the event fields).
                price = 10_000 - (n % 3);
                event.book(timeNs, n, book)
                    .orderEvent(step == 4 ? L3EventType.ADD : L3EventType.CANCEL, Side.BUY, price, 1 + (n % 7));
            }
            else
            {
                final int aggressor = (n % 3) == 0 ? 0 : step == 6 ? 1 : -1;
                price = aggressor > 0 ? 10_001 : 10_000;
                event.trade(timeNs, n, book, price, 1 + (n % 9), aggressor, TradeType.REGULAR);
            }
            for (final Factor factor : factors)
            {
                factor.onEvent(event);
            }
        }
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }
}
