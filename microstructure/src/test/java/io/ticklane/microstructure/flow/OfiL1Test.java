package io.ticklane.microstructure.flow;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ofi_l1} against e_n of Cont, Kukanov &amp; Stoikov (2014) worked by hand, one branch at a time. The
 * starting book is always bid 100x5, ask 102x4.
 */
class OfiL1Test
{
    private final OfiL1 ofi = new OfiL1("ofi_l1");
    private final FlowTape tape = new FlowTape(ofi).bid(100, 5).ask(102, 4);

    @Test
    void nanBeforeAnyEventAndOnTheFirstBookEventThenZeroOnTrades()
    {
        assertTrue(Double.isNaN(ofi.value()));
        tape.book(0);
        assertTrue(Double.isNaN(ofi.value()), "the first book event has no previous top");
        tape.trade(1, 102, 1, 1);
        assertEquals(0.0, ofi.value(), "once a top is known, a trade is an event with no book change");
    }

    @Test
    void bidUnchangedSizeUpIsTheSizeIncrease()
    {
        tape.book(0).bid(100, 8).book(1);
        // bid: P_n = P_n-1 so +q_n - q_n-1 = 8 - 5 = +3; ask unchanged: -4 + 4 = 0.
        assertEquals(3.0, ofi.value());
    }

    @Test
    void bidUpIsTheNewBidSize()
    {
        tape.book(0).bid(101, 2).book(1);
        // bid up 100x5 -> 101x2: only 1{P_n >= P_n-1} q_n = +2 applies.
        assertEquals(2.0, ofi.value());
    }

    @Test
    void bidDownIsMinusTheOldBidSize()
    {
        tape.book(0).bid(99, 7).bid(100, 0).book(1);
        // bid down 100x5 -> 99x7: only -1{P_n <= P_n-1} q_n-1 = -5 applies.
        assertEquals(-5.0, ofi.value());
    }

    @Test
    void askUnchangedSizeUpIsMinusTheSizeIncrease()
    {
        tape.book(0).ask(102, 9).book(1);
        // ask: P_n = P_n-1 so -q_n + q_n-1 = -9 + 4 = -5; bid unchanged: 0.
        assertEquals(-5.0, ofi.value());
    }

    @Test
    void askDownIsMinusTheNewAskSize()
    {
        tape.book(0).ask(101, 3).book(1);
        // ask down 102x4 -> 101x3: only -1{P_n <= P_n-1} q_n = -3 applies.
        assertEquals(-3.0, ofi.value());
    }

    @Test
    void askUpIsTheOldAskSize()
    {
        tape.book(0).ask(103, 6).ask(102, 0).book(1);
        // ask up 102x4 -> 103x6: only +1{P_n >= P_n-1} q_n-1 = +4 applies.
        assertEquals(4.0, ofi.value());
    }

    @Test
    void bothSidesAddUp()
    {
        tape.book(0).bid(101, 2).ask(103, 6).ask(102, 0).book(1);
        // bid up: +2; ask up: +4.
        assertEquals(6.0, ofi.value());
    }

    @Test
    void tradesReportZeroAndTheNextBookEventComparesWithThePreviousBookEvent()
    {
        tape.book(0).trade(1, 102, 1, 1);
        assertEquals(0.0, ofi.value(), "a trade does not change the book");
        tape.ask(102, 3).book(2);
        // ask 102x4 -> 102x3 against the book event at t=0: -3 + 4 = +1.
        assertEquals(1.0, ofi.value());
    }

    @Test
    void emptySideIsAnInfinitelyBadPriceWithSizeZero()
    {
        tape.book(0).bid(100, 0).book(1);
        // bid 100x5 -> empty (minus infinity, 0): price down, -5.
        assertEquals(-5.0, ofi.value());
        tape.bid(99, 2).book(2);
        // empty -> 99x2: price up from minus infinity, +2.
        assertEquals(2.0, ofi.value());
        tape.ask(102, 0).book(3);
        // ask 102x4 -> empty (plus infinity, 0): price up, +4.
        assertEquals(4.0, ofi.value());
        tape.book(4);
        // both asks empty: P_n = P_n-1, -0 + 0.
        assertEquals(0.0, ofi.value());
    }

    @Test
    void sumOverQueueChangesAtFixedPricesTelescopesToTheNetQueueChange()
    {
        // With prices fixed, e_n = (qB_n - qB_n-1) - (qA_n - qA_n-1); the sum telescopes to
        // (qB_N - qB_0) - (qA_N - qA_0), a closed form independent of the path.
        final SplittableRandom random = new SplittableRandom(7);
        tape.book(0);
        double sum = 0;
        long bid = 5;
        long ask = 4;
        for (int n = 1; n <= 1000; n++)
        {
            bid = 1 + random.nextInt(50);
            ask = 1 + random.nextInt(50);
            tape.bid(100, bid).ask(102, ask).book(n);
            sum += ofi.value();
        }
        assertEquals((bid - 5) - (ask - 4), sum);
    }
}
