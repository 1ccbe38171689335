package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.api.Test;

import static io.ticklane.microstructure.flow.FlowTape.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Order arrival and cancel rates in lots per second, against lots counted by hand from the events and the kernel
 * weights 2^(-age / half-life) (half-life 1000 ms, so a 1 s old lot weighs 1/2).
 */
class OrderRatesTest
{
    private static final double LN2 = Math.log(2);
    private static final double EPS = 1e-12;

    private final OrderEventRate arrivals = new OrderEventRate("order_arrival_rate", OrderEventRate.Kind.ARRIVAL, 1000, 2);
    private final OrderEventRate cancels = new OrderEventRate("order_cancel_rate", OrderEventRate.Kind.CANCEL, 1000, 2);

    @Test
    void l3AddsArriveAndCancelsAndDeletesCancelWithinTheTopLevels()
    {
        final FlowTape tape = new FlowTape(arrivals, cancels).bid(100, 5).ask(101, 4);
        tape.bid(100, 10).order(0, L3EventType.ADD, Side.BUY, 100, 5);            // +5 arrived
        assertTrue(Double.isNaN(arrivals.value()), "less than a half-life observed");
        tape.bid(100, 8).order(1000 * MS, L3EventType.CANCEL, Side.BUY, 100, 2);  // 2 cancelled
        tape.ask(101, 0).order(1000 * MS, L3EventType.DELETE, Side.SELL, 101, 4); // 4 cancelled (level gone)
        tape.bid(100, 7).order(1000 * MS, L3EventType.EXECUTE, Side.BUY, 100, 1); // neither
        tape.order(1000 * MS, L3EventType.MODIFY, Side.BUY, 100, 3);              // neither
        tape.bid(99, 1).bid(98, 6).order(1000 * MS, L3EventType.ADD, Side.BUY, 98, 6);
        // 98 is the third bid level (100, 99, 98) and only two count: not an arrival.
        // at 1 s: arrivals 5 x 2^-1 = 2.5 lots; cancels 2 + 4 = 6 lots.
        assertEquals(2.5 * LN2, arrivals.value(), EPS);
        assertEquals(6 * LN2, cancels.value(), EPS);
    }

    @Test
    void l2IncreasesArriveAndDecreasesNotExplainedByTradesCancel()
    {
        final FlowTape tape = new FlowTape(arrivals, cancels).bid(100, 5).bid(99, 3).ask(101, 4);
        tape.book(0);
        tape.trade(50 * MS, 101, 2, 1); // a buyer takes 2 from the ask at 101
        tape.bid(100, 8).bid(99, 0).ask(101, 1).ask(102, 6).book(100 * MS);
        // bid 100: 5 -> 8, +3 arrived. bid 99: 3 -> 0, 3 cancelled (no trade on the bid).
        // ask 101: 4 -> 1, a decrease of 3 of which 2 traded: 1 cancelled.
        // ask 102: new; the ask side had 1 < 2 levels, so it was seen empty: +6 arrived.
        // arrivals 9, cancels 4 at 100 ms; at 1000 ms they weigh 2^-0.9.
        tape.book(1000 * MS);
        assertEquals(9 * Math.pow(2, -0.9) * LN2, arrivals.value(), EPS);
        assertEquals(4 * Math.pow(2, -0.9) * LN2, cancels.value(), EPS);
    }

    @Test
    void l2LevelComingIntoViewFromDepthIsNotAnArrival()
    {
        final FlowTape tape = new FlowTape(arrivals, cancels).bid(100, 5).bid(99, 3).bid(98, 7).ask(101, 4);
        tape.book(0);
        tape.bid(100, 0).book(1000 * MS);
        // 100x5 removed: 5 cancelled. 98x7 enters the top two from below the previous last level (99): its
        // earlier size is unknown, so nothing arrives.
        assertEquals(0.0, arrivals.value());
        assertEquals(5 * LN2, cancels.value(), EPS);
    }

    @Test
    void l2TradeWithUnknownAggressorExplainsEitherSideOnce()
    {
        final FlowTape tape = new FlowTape(arrivals, cancels).bid(100, 5).ask(101, 4);
        tape.book(0);
        tape.trade(10 * MS, 100, 3, 0);
        tape.bid(100, 1).book(20 * MS);
        // bid 100: 5 -> 1, 4 down, 3 traded: 1 cancelled; the trade is used up.
        tape.bid(100, 0).book(30 * MS);
        // bid 100: 1 -> 0, no trade left: 1 cancelled.
        tape.book(1000 * MS);
        assertEquals((Math.pow(2, -0.98) + Math.pow(2, -0.97)) * LN2, cancels.value(), EPS);
        assertEquals(0.0, arrivals.value());
    }

    @Test
    void parametersAreValidated()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        for (final String id : new String[]{"order_arrival_rate", "order_cancel_rate"})
        {
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(levels=0)"));
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(levels=11)"));
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(half_life_ms=0)"));
            assertEquals(id, registry.create(id + "(levels=5,half_life_ms=100)").get(0).id());
        }
        assertThrows(IllegalArgumentException.class, () -> new OrderEventRate("order_cancel_rate", OrderEventRate.Kind.CANCEL, 1000, 11));
    }
}
