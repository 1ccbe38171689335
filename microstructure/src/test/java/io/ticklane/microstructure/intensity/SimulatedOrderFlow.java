package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Order flow with a known arrival intensity, for recovery tests: on each side, trades arrive as a Poisson process of
 * rate A and reach a depth δ ~ Exponential(k) from the mid, so the rate of trades reaching at least δ is exactly
 * A·e^(−kδ). The mid follows a random walk (one-tick steps at Poisson times, book bid = m, ask = m + 1), so δ must
 * be measured against the mid of the latest book, not a constant. Fixed seed: the same flow every run.
 */
public final class SimulatedOrderFlow
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double a;
    private final double k;
    private final double midMovesPerSecond;
    private final Random random;
    private final L2Book book = new L2Book(1);
    private final MarketEvent event = new MarketEvent();
    private long bid = 100_000;

    /**
     * @param a                 trades per second per side (reaching δ = 0).
     * @param k                 decay per tick.
     * @param midMovesPerSecond rate of one-tick mid moves.
     * @param seed              RNG seed.
     */
    public SimulatedOrderFlow(final double a, final double k, final double midMovesPerSecond, final long seed)
    {
        this.a = a;
        this.k = k;
        this.midMovesPerSecond = midMovesPerSecond;
        this.random = new Random(seed);
    }

    /**
     * Emits a first book at time 0, then the flow for the given time, and a last book event at its end.
     *
     * @param seconds how long to simulate.
     * @param sink    receives every event, in time order.
     */
    public void run(final double seconds, final Consumer<MarketEvent> sink)
    {
        final long endNs = (long)(seconds * NANOS_PER_SECOND);
        long sequence = 0;
        setBook();
        sink.accept(event.book(0, ++sequence, book));

        long nextMid = nextArrival(0, midMovesPerSecond);
        long nextBuy = nextArrival(0, a);
        long nextSell = nextArrival(0, a);
        while (true)
        {
            final long t = Math.min(nextMid, Math.min(nextBuy, nextSell));
            if (t > endNs)
            {
                break;
            }
            final double mid = bid + 0.5;
            if (t == nextMid)
            {
                book.setLevel(Side.BUY, bid, 0);
                book.setLevel(Side.SELL, bid + 1, 0);
                bid += random.nextBoolean() ? 1 : -1;
                setBook();
                sink.accept(event.book(t, ++sequence, book));
                nextMid = nextArrival(t, midMovesPerSecond);
            }
            else if (t == nextBuy)
            {
                sink.accept(event.trade(t, ++sequence, book, mid + depth(), 1, 1, TradeType.REGULAR));
                nextBuy = nextArrival(t, a);
            }
            else
            {
                sink.accept(event.trade(t, ++sequence, book, mid - depth(), 1, -1, TradeType.REGULAR));
                nextSell = nextArrival(t, a);
            }
        }
        sink.accept(event.book(endNs, ++sequence, book));
    }

    private void setBook()
    {
        book.setLevel(Side.BUY, bid, 10);
        book.setLevel(Side.SELL, bid + 1, 10);
    }

    private double depth()
    {
        return -Math.log(1.0 - random.nextDouble()) / k;
    }

    private long nextArrival(final long fromNs, final double ratePerSecond)
    {
        return fromNs + 1 + (long)(-Math.log(1.0 - random.nextDouble()) / ratePerSecond * NANOS_PER_SECOND);
    }
}
