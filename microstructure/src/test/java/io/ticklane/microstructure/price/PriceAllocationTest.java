package io.ticklane.microstructure.price;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.TestBooks;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Proves the price family allocates nothing per event once warm: every factor, a million events after a warm-up of
 * half a million, measured with the thread's allocated-bytes counter.
 */
class PriceAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void aMillionEventsThroughEveryPriceFactorAllocateNothing()
    {
        final Factor[] factors = FactorCatalogue.standard().create(
            "mid,weighted_mid,microprice(model=weighted_mid_approx,spread_buckets=3),tick_momentum,return_events," +
            "return_time(horizon_ms=1,max_samples=64)").toArray(new Factor[0]);
        final TestBooks books = new TestBooks();

        double checksum = run(factors, books, 0, WARM_UP);
        final long overhead = measurementOverhead();
        final long before = allocatedBytes();
        checksum += run(factors, books, WARM_UP, WARM_UP + EVENTS);
        final long allocated = allocatedBytes() - before - overhead;

        assertFalse(Double.isNaN(checksum), "every factor must have produced values");
        assertEquals(0, allocated, "bytes allocated while updating " + factors.length + " factors on " + EVENTS + " events");
        assertEquals(List.of("mid", "weighted_mid", "microprice", "tick_momentum", "return_events", "return_time"),
            List.of(factors).stream().map(Factor::id).toList());
    }

    private static double run(final Factor[] factors, final TestBooks books, final int from, final int to)
    {
        double checksum = 0;
        long state = 0x9E3779B97F4A7C15L;
        for (int i = from; i < to; i++)
        {
            state = state * 6364136223846793005L + 1442695040888963407L; // LCG: varied books without allocating
            final long bid = 1_000 + ((state >>> 60) & 3);
            final long spread = 1 + ((state >>> 50) & 1) + ((state >>> 51) & 1);
            final MarketEvent event = books.top(bid, 1 + ((state >>> 30) & 255), bid + spread, 1 + ((state >>> 20) & 255))
                .event(i * 50_000L);
            for (final Factor factor : factors)
            {
                factor.onEvent(event);
                if (i == to - 1)
                {
                    checksum += factor.value();
                }
            }
        }
        return checksum;
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        final long a = allocatedBytes();
        final long b = allocatedBytes();
        return b - a;
    }
}
