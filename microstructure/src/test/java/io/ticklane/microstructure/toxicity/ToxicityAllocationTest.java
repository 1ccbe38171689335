package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the toxicity family allocates nothing per event once warm: a million trades through every classification
 * and the CDF rank, measured with the thread's allocated-bytes counter.
 */
class ToxicityAllocationTest
{
    private static final int WARM_UP = 500_000;
    private static final int TRADES = 1_000_000;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final MarketEvent event = new MarketEvent();
    private final L2Book book = new L2Book(1, 64);
    private long rng = 12345;
    private double price = 10_000;

    @Test
    void aMillionTradesThroughEveryToxicityFactorAllocateNothing()
    {
        final List<Factor> factors = FactorCatalogue.standard().create(
            "vpin(bucket_volume=100)," +
            "vpin(bucket_volume=100,classification=tick)," +
            "vpin(bucket_volume=100,classification=aggressor)," +
            "vpin_cdf(bucket_volume=500,window=20,sigma_window=30)");
        final Factor[] array = factors.toArray(new Factor[0]);

        run(array, 0, WARM_UP); // warm up: JIT compilation, first touches of the rings
        final long overhead = measurementOverhead();
        final long before = allocatedBytes();
        run(array, WARM_UP, WARM_UP + TRADES);
        final long allocated = allocatedBytes() - before - overhead;

        for (final Factor factor : array)
        {
            final double value = factor.value();
            assertTrue(value >= 0.0 && value <= 1.0, "the factors must have warmed up and be fractions: " + value);
        }
        assertEquals(0, allocated, "bytes allocated while applying " + TRADES + " trades");
    }

    private void run(final Factor[] factors, final long from, final long to)
    {
        for (long seq = from + 1; seq <= to; seq++)
        {
            rng = rng * 6364136223846793005L + 1442695040888963407L;
            final int step = (int)((rng >>> 33) % 3) - 1; // −1, 0, +1 tick
            price += step;
            final long quantity = 1 + (rng >>> 20) % 250; // up to 2.5 buckets of 100 lots in one trade
            final int aggressor = (int)((rng >>> 45) % 3) - 1; // sometimes unknown: the tick-rule fallback runs
            event.trade(seq * 1_000, seq, book, price, quantity, aggressor, TradeType.REGULAR);
            for (int i = 0; i < factors.length; i++)
            {
                factors[i].onEvent(event);
            }
            if ((seq & 15) == 0)
            {
                event.book(seq * 1_000 + 1, seq, book);
                for (int i = 0; i < factors.length; i++)
                {
                    factors[i].onEvent(event);
                }
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
