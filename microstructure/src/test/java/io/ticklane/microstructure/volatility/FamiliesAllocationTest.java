package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Proves the volatility and liquidity factors allocate nothing per event once warm: a million book and trade events
 * through all eleven, measured with the thread's allocated-bytes counter. The events exercise every path: mid moves,
 * several changes at one timestamp, interval and window closes, gaps of several intervals, trades of both signs.
 */
class FamiliesAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final String ALL = "realized_vol_ewma,realized_vol_window,micro_vol,parkinson_vol," +
        "spread_ticks,spread_bps,spread_change,depth_imbalance,depth_within_bps,kyle_lambda,amihud";

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final L2Book book = new L2Book(1, 1 << 12);
    private final MarketEvent event = new MarketEvent();
    private long bid = 9_999;
    private long ask = 10_001;
    private long timeNs = 1_000_000_000L;
    private long state = 12345;

    @Test
    void aMillionEventsThroughBothFamiliesAllocateNothing()
    {
        final List<Factor> created = FactorCatalogue.standard().create(ALL);
        final Factor[] factors = created.toArray(new Factor[0]);
        assertEquals(11, factors.length);
        for (int i = 0; i < 5; i++)
        {
            book.setLevel(Side.BUY, 9_900 - i, 50 + i);  // deep levels for depth and imbalance
            book.setLevel(Side.SELL, 10_100 + i, 40 + i);
        }
        book.setLevel(Side.BUY, bid, 10);
        book.setLevel(Side.SELL, ask, 10);

        run(factors, 0, WARM_UP);
        final long overhead = measurementOverhead();
        final long before = allocatedBytes();
        run(factors, WARM_UP, WARM_UP + EVENTS);
        final long allocated = allocatedBytes() - before - overhead;

        for (final Factor factor : factors)
        {
            assertFalse(Double.isNaN(factor.value()), factor.id() + " must have warmed up, so its full path ran");
        }
        assertEquals(0, allocated, "bytes allocated by " + EVENTS + " events through " + ALL);
    }

    private void run(final Factor[] factors, final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            if (i % 250_000 == 0)
            {
                timeNs += 3_500_000_000L; // a gap of several intervals and windows
            }
            else if (i % 7 != 0)
            {
                timeNs += 1_000_000L;     // every 7th event shares the previous timestamp
            }

            state = state * 6364136223846793005L + 1442695040888963407L;
            final int draw = (int)(state >>> 60);
            if (draw < 4)
            {
                final int aggressor = (draw & 1) == 0 ? 1 : -1;
                event.trade(timeNs, i, book, 0.5 * (bid + ask), 1 + draw, aggressor, TradeType.REGULAR);
            }
            else
            {
                moveTouch(draw);
                event.book(timeNs, i, book);
            }
            for (final Factor factor : factors)
            {
                factor.onEvent(event);
            }
        }
    }

    private void moveTouch(final int draw)
    {
        book.setLevel(Side.BUY, bid, 0);
        book.setLevel(Side.SELL, ask, 0);
        final long step = (draw & 1) == 0 ? 1 : -1;
        final long mid = Math.max(9_950, Math.min(10_050, (bid + ask) / 2 + step));
        final long halfSpread = 1 + (draw & 2) / 2;
        bid = mid - halfSpread;
        ask = mid + halfSpread;
        book.setLevel(Side.BUY, bid, 5 + draw);
        book.setLevel(Side.SELL, ask, 20 - draw);
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
