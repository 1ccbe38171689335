package io.ticklane.microstructure.price;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.TestBooks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceFactorsTest
{
    private final TestBooks books = new TestBooks();

    @Test
    void weightedMidWeightsTheFarSideByTheNearQueue()
    {
        final WeightedMid factor = new WeightedMid("weighted_mid");
        assertTrue(Double.isNaN(factor.value()), "nothing seen yet");

        factor.onEvent(books.at(1, 100, 3, 102, 1));
        // I = 3 / (3 + 1) = 0.75; 0.75 * 102 + 0.25 * 100 = 76.5 + 25 = 101.5
        assertEquals(101.5, factor.value(), 1e-12);

        factor.onEvent(books.at(2, 100, 1, 101, 4));
        // I = 1 / 5 = 0.2; 0.2 * 101 + 0.8 * 100 = 20.2 + 80 = 100.2
        assertEquals(100.2, factor.value(), 1e-12);

        factor.onEvent(books.trade(3));
        assertEquals(100.2, factor.value(), 1e-12, "a trade alone does not move it");

        factor.onEvent(books.at(4, 100, 1, 101, 0));
        assertTrue(Double.isNaN(factor.value()), "one-sided book");
    }

    @Test
    void tickMomentumCountsUpMinusDownOverTheLastChanges()
    {
        final TickMomentum factor = new TickMomentum("tick_momentum", 3);
        factor.onEvent(books.at(1, 100, 1, 101, 1)); // mid 100.5, first mid: no change yet
        factor.onEvent(books.at(2, 100, 1, 102, 1)); // 101: up
        factor.onEvent(books.at(3, 100, 5, 102, 1)); // 101: quantity only, not a change
        factor.onEvent(books.at(4, 100, 1, 101, 1)); // 100.5: down
        assertTrue(Double.isNaN(factor.value()), "two changes of three");
        factor.onEvent(books.at(5, 101, 1, 102, 1)); // 101.5: up -> window +1 -1 +1
        assertEquals(1.0, factor.value());
        factor.onEvent(books.at(6, 100, 1, 102, 1)); // 101: down -> window -1 +1 -1
        assertEquals(-1.0, factor.value());
        factor.onEvent(books.at(7, 100, 1, 102, 0)); // one-sided: ignored
        factor.onEvent(books.at(8, 90, 1, 92, 1));   // 91: a big down move still counts one
        // window +1 -1 -1
        assertEquals(-1.0, factor.value());
    }

    @Test
    void returnOverEventsIsTheLogOfTheMidRatioNEventsApart()
    {
        final ReturnOverEvents factor = new ReturnOverEvents("return_events", 2);
        factor.onEvent(books.at(1, 99, 1, 101, 1));  // 100
        factor.onEvent(books.at(2, 100, 1, 102, 1)); // 101
        assertTrue(Double.isNaN(factor.value()), "needs N + 1 = 3 mids");
        factor.onEvent(books.trade(3));               // trades do not count
        factor.onEvent(books.at(4, 99, 1, 99, 0));   // one-sided: does not count
        assertTrue(Double.isNaN(factor.value()));
        factor.onEvent(books.at(5, 101, 1, 103, 1)); // 102
        assertEquals(Math.log(102.0 / 100.0), factor.value(), 1e-15);
        factor.onEvent(books.at(6, 98, 1, 100, 1));  // 99, two events after 101
        assertEquals(Math.log(99.0 / 101.0), factor.value(), 1e-15);
    }

    @Test
    void returnOverTimeUsesTheMidInForceAtTheStartOfTheHorizon()
    {
        final ReturnOverTime factor = new ReturnOverTime("return_time", 1_000, 16);
        factor.onEvent(books.at(0, 99, 1, 101, 1));      // 100 from t = 0
        factor.onEvent(books.at(500, 100, 1, 102, 1));   // 101 from t = 500
        factor.onEvent(books.at(999, 100, 1, 102, 1));
        assertTrue(Double.isNaN(factor.value()), "t - h = -1 is before the first mid");
        factor.onEvent(books.at(1_000, 100, 1, 102, 1)); // t - h = 0: mid 100 then
        assertEquals(Math.log(101.0 / 100.0), factor.value(), 1e-15);
        factor.onEvent(books.at(1_499, 101, 1, 103, 1)); // 102; t - h = 499: still 100
        assertEquals(Math.log(102.0 / 100.0), factor.value(), 1e-15);
        factor.onEvent(books.at(1_500, 101, 1, 103, 1)); // t - h = 500: 101
        assertEquals(Math.log(102.0 / 101.0), factor.value(), 1e-15);
        assertEquals(0, factor.eventsWithoutHorizon());
    }

    @Test
    void returnOverTimeGivesNanAndCountsWhenTheRingLostTheStartOfTheHorizon()
    {
        final ReturnOverTime factor = new ReturnOverTime("return_time", 1_000, 2); // two change points
        factor.onEvent(books.at(0, 99, 1, 101, 1));      // 100
        factor.onEvent(books.at(100, 100, 1, 102, 1));   // 101
        factor.onEvent(books.at(200, 101, 1, 103, 1));   // 102: overwrites t = 0
        assertTrue(Double.isNaN(factor.value()));
        assertEquals(0, factor.eventsWithoutHorizon(), "t - h = -800: warming up, nothing lost yet that mattered");

        factor.onEvent(books.at(1_000, 101, 1, 103, 1));
        // the true answer ln(102 / 100) needs the mid at t = 0, which the ring no longer holds
        assertTrue(Double.isNaN(factor.value()), "never a shorter horizon");
        assertEquals(1, factor.eventsWithoutHorizon());

        factor.onEvent(books.at(1_100, 101, 1, 103, 1)); // t - h = 100: mid 101, held
        assertEquals(Math.log(102.0 / 101.0), factor.value(), 1e-15);
        assertEquals(1, factor.eventsWithoutHorizon());
    }

    @Test
    void returnOverTimeRefusesTimeStepsBackPastTheHorizonStart()
    {
        final ReturnOverTime factor = new ReturnOverTime("return_time", 1_000, 16);
        factor.onEvent(books.at(0, 99, 1, 101, 1));
        factor.onEvent(books.at(600, 100, 1, 102, 1));
        factor.onEvent(books.at(1_700, 101, 1, 103, 1)); // 102; t - h = 700: anchor moves to t = 600, mid 101
        assertEquals(Math.log(102.0 / 101.0), factor.value(), 1e-15);
        factor.onEvent(books.at(1_200, 101, 1, 103, 1)); // backwards: t - h = 200, before the anchor at 600
        assertTrue(Double.isNaN(factor.value()));
    }

    @Test
    void registryBuildsTheFamilyWithDefaultsAndValidatesParameters()
    {
        final FactorRegistry registry = FactorCatalogue.standard();
        final List<Factor> factors = registry.create(
            "mid,weighted_mid,tick_momentum,return_events,return_time,microprice(model=weighted_mid_approx)");
        assertEquals(6, factors.size());
        for (final Factor factor : factors)
        {
            assertTrue(registry.description(factor.id()).length() > 10, factor.id());
        }

        final TickMomentum momentum = (TickMomentum)registry.create("tick_momentum(changes=1)").get(0);
        momentum.onEvent(books.at(1, 100, 1, 101, 1));
        momentum.onEvent(books.at(2, 101, 1, 102, 1));
        assertEquals(1.0, momentum.value());

        assertThrows(IllegalArgumentException.class, () -> registry.create("tick_momentum(changes=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("return_events(events=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("return_time(horizon_ms=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("return_time(max_samples=1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("return_time(horizon=5)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("weighted_mid(levels=2)"));
        assertThrows(IllegalArgumentException.class, () -> new ReturnOverTime("r", 0, 16));
        assertThrows(IllegalArgumentException.class, () -> new TickMomentum("t", 0));
        assertThrows(IllegalArgumentException.class, () -> new ReturnOverEvents("r", 0));
    }

    @Test
    void returnTimeHorizonParameterIsInMilliseconds()
    {
        final Factor factor = FactorCatalogue.standard().create("return_time(horizon_ms=2)").get(0);
        factor.onEvent(books.at(0, 99, 1, 101, 1));               // 100
        factor.onEvent(books.at(1_999_999, 109, 1, 111, 1));      // 110, 1 ns short of 2 ms
        assertTrue(Double.isNaN(factor.value()));
        factor.onEvent(books.at(2_000_000, 109, 1, 111, 1));
        assertEquals(Math.log(1.1), factor.value(), 1e-15);
    }
}
