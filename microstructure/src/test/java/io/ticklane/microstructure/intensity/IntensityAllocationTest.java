package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the intensity family allocates nothing per event once warm: a million book and trade events through all six
 * factors, measured with the thread's allocated-bytes counter.
 */
class IntensityAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int DEPTHS = 4096;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();
    private final double[] depths = new double[DEPTHS];
    private long bid = 500;

    @Test
    void aMillionEventsThroughEveryIntensityFactorAllocateNothing()
    {
        final Factor[] factors = FactorCatalogue.standard().create(
            "intensity_a_bid,intensity_k_bid,intensity_r2_bid,intensity_a_ask,intensity_k_ask,intensity_r2_ask")
            .toArray(new Factor[0]);
        final Random random = new Random(7);
        for (int i = 0; i < DEPTHS; i++)
        {
            depths[i] = -Math.log(1.0 - random.nextDouble()) / 0.8;
        }
        book.setLevel(Side.BUY, bid, 10);
        book.setLevel(Side.SELL, bid + 1, 10);

        run(factors, 0, WARM_UP);
        final long overhead = measurementOverhead();
        final long before = allocatedBytes();
        run(factors, WARM_UP, WARM_UP + EVENTS);
        final long allocated = allocatedBytes() - before - overhead;

        assertTrue(((SideIntensityFactor)factors[1]).tradesUsed() > EVENTS / 3, "trades must reach the estimate");
        for (final Factor factor : factors)
        {
            assertTrue(Double.isFinite(factor.value()), factor.id() + " must be fitted");
        }
        assertEquals(0, allocated, "bytes allocated over " + EVENTS + " events");
    }

    private void run(final Factor[] factors, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final long timeNs = i * 100_000_000L;
            final int step = i % 4;
            if (0 == step)
            {
                moveMid(i);
                event.book(timeNs, i, book);
            }
            else
            {
                final double mid = bid + 0.5;
                final double depth = depths[i % DEPTHS];
                final int aggressor = 1 == step ? 1 : -1;
                event.trade(timeNs, i, book, mid + aggressor * depth, 1, aggressor, TradeType.REGULAR);
            }
            for (final Factor factor : factors)
            {
                factor.onEvent(event);
            }
        }
    }

    private void moveMid(final int i)
    {
        book.setLevel(Side.BUY, bid, 0);
        book.setLevel(Side.SELL, bid + 1, 0);
        bid = 500 + (i / 4) % 7;
        book.setLevel(Side.BUY, bid, 10);
        book.setLevel(Side.SELL, bid + 1, 10);
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
