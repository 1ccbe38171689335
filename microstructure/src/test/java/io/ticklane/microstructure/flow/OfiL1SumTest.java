package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import static io.ticklane.microstructure.flow.FlowTape.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfiL1SumTest
{
    @Test
    void sumsTheFlowOfBookEventsInsideTheWindowOnceAWindowHasBeenObserved()
    {
        final OfiL1Sum sum = new OfiL1Sum("ofi_l1_sum", 1000, 64);
        final FlowTape tape = new FlowTape(sum).bid(100, 5).ask(102, 4);

        tape.book(0);
        tape.bid(100, 8).book(100 * MS);          // e = +3
        tape.ask(102, 9).book(600 * MS);          // e = -9 + 4 = -5
        assertTrue(Double.isNaN(sum.value()), "less than a window since the first book event");
        tape.bid(101, 2).book(1000 * MS);         // e = +2 (bid up)
        // window (0, 1000ms]: 3 - 5 + 2 = 0
        assertEquals(0.0, sum.value());
        tape.trade(1200 * MS, 102, 1, 1);
        // window (200ms, 1200ms]: the +3 at 100ms has left: -5 + 2 = -3
        assertEquals(-3.0, sum.value());
        tape.book(1600 * MS);                     // e = 0; the -5 at 600ms leaves (boundary excluded)
        assertEquals(2.0, sum.value());
        tape.book(5000 * MS);
        assertEquals(0.0, sum.value(), "everything has left the window");
    }

    @Test
    void eventsWithTheSameTimeShareOneSlot()
    {
        final OfiL1Sum sum = new OfiL1Sum("ofi_l1_sum", 1000, 16);
        final FlowTape tape = new FlowTape(sum).bid(100, 5).ask(102, 4);
        tape.book(0);
        for (int i = 1; i <= 100; i++)
        {
            tape.bid(100, 5 + i).book(1000 * MS); // +1 each, all stamped 1000ms
        }
        assertEquals(100.0, sum.value());
        assertEquals(0, sum.earlyEvictions());
    }

    @Test
    void aFullRingEvictsTheOldestEarlyAndCountsIt()
    {
        final OfiL1Sum sum = new OfiL1Sum("ofi_l1_sum", 1000, 16);
        final FlowTape tape = new FlowTape(sum).bid(100, 5).ask(102, 4);
        tape.book(0);
        for (int i = 1; i <= 20; i++)
        {
            tape.bid(100, 5 + i).book(1000 * MS + i); // +1 each at distinct times inside one window
        }
        // 20 flows of +1, ring of 16: the 4 oldest left early.
        assertEquals(16.0, sum.value());
        assertEquals(4, sum.earlyEvictions());
    }

    @Test
    void parametersAreValidated()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_l1_sum(window_ms=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_l1_sum(window_ms=-5)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_l1_sum(capacity=100)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_l1_sum(capacity=8)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("ofi_l1_sum(window=5)"));
        assertEquals("ofi_l1_sum", registry.create("ofi_l1_sum(window_ms=250,capacity=1024)").get(0).id());
    }
}
