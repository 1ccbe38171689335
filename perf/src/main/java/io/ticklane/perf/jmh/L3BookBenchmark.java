package io.ticklane.perf.jmh;

import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.perf.jmh.reference.ObjectL3Book;
import io.ticklane.sbe.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * L3 add/cancel/execute/delete cycles over a steady population of {@link L3OrderFlow#POPULATION} resting orders
 * near the touch: {@link L3Book} (off-heap records, open-addressing index) against {@link ObjectL3Book} (object
 * per order, {@code HashMap} + {@code TreeMap}). One operation is one order event; an invocation is
 * {@link #STEPS} steps of three events each. Both books check at teardown that no event was rejected and the
 * population held.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class L3BookBenchmark
{
    static final int STEPS = 1024;
    private static final int EVENTS = STEPS * L3OrderFlow.EVENTS_PER_STEP;
    private static final int HALF_LIFE = L3OrderFlow.POPULATION / 2;

    /**
     * The Ticklane book, built with the default capacity ({@link L3Book#DEFAULT_MAX_ORDERS}) or one sized to the
     * population: capacity sets the size of the off-heap records and of the order-id index.
     */
    @State(Scope.Thread)
    public static class TicklaneBook
    {
        /** Orders the book can hold; 262144 is the default. */
        @Param({"4096", "262144"})
        public int maxOrders;

        private final L3OrderFlow flow = new L3OrderFlow(42);
        private L3Book book;
        private long step;
        private long rejected;

        /**
         * Fills the book to the steady population.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            book = new L3Book(L2Frames.INSTRUMENT, OrderBook.DEFAULT_LADDER_CAPACITY, maxOrders);
            while (step < L3OrderFlow.POPULATION)
            {
                rejected += step(step++);
            }
        }

        /**
         * Fails the run if any event was rejected or the population drifted.
         */
        @TearDown(Level.Trial)
        public void check()
        {
            if (0 != rejected || BookState.STALE == book.state() || L3OrderFlow.POPULATION != book.orderCount())
            {
                throw new IllegalStateException("L3Book rejected " + rejected + " " + book.staleReason());
            }
        }

        int step(final long step)
        {
            final L3OrderFlow flow = this.flow;
            final L3Book book = this.book;
            int rejected = 0;
            int t = L3OrderFlow.template(step);
            rejected += book.add(step, flow.sides[t], flow.prices[t], flow.quantities[t]) ? 0 : 1;

            final long halfWay = step - HALF_LIFE;
            if (halfWay >= 0)
            {
                t = L3OrderFlow.template(halfWay);
                final boolean applied = L3OrderFlow.CANCEL == flow.partialKinds[t] ?
                    book.cancel(halfWay, flow.sides[t], flow.prices[t], flow.partialQuantities[t]) :
                    book.execute(halfWay, flow.sides[t], flow.prices[t], flow.partialQuantities[t]);
                rejected += applied ? 0 : 1;
            }

            final long last = step - L3OrderFlow.POPULATION;
            if (last >= 0)
            {
                t = L3OrderFlow.template(last);
                final Side side = flow.sides[t];
                final long price = flow.prices[t];
                final long remaining = flow.quantities[t] - flow.partialQuantities[t];
                final byte kind = flow.finalKinds[t];
                final boolean applied = L3OrderFlow.DELETE == kind ? book.delete(last, side, price, remaining) :
                    L3OrderFlow.EXECUTE == kind ? book.execute(last, side, price, remaining) :
                    book.cancel(last, side, price, remaining);
                rejected += applied ? 0 : 1;
            }
            return rejected;
        }
    }

    /**
     * The reference book, fed the same flow.
     */
    @State(Scope.Thread)
    public static class ReferenceBook
    {
        private final L3OrderFlow flow = new L3OrderFlow(42);
        private final ObjectL3Book book = new ObjectL3Book();
        private long step;
        private long rejected;

        /**
         * Fills the book to the steady population.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            while (step < L3OrderFlow.POPULATION)
            {
                rejected += step(step++);
            }
        }

        /**
         * Fails the run if any event was rejected or the population drifted.
         */
        @TearDown(Level.Trial)
        public void check()
        {
            if (0 != rejected || L3OrderFlow.POPULATION != book.orderCount())
            {
                throw new IllegalStateException("ObjectL3Book rejected " + rejected + ", orders " + book.orderCount());
            }
        }

        int step(final long step)
        {
            final L3OrderFlow flow = this.flow;
            final ObjectL3Book book = this.book;
            int rejected = 0;
            int t = L3OrderFlow.template(step);
            rejected += book.add(step, flow.sides[t], flow.prices[t], flow.quantities[t]) ? 0 : 1;

            final long halfWay = step - HALF_LIFE;
            if (halfWay >= 0)
            {
                t = L3OrderFlow.template(halfWay);
                final boolean applied = L3OrderFlow.CANCEL == flow.partialKinds[t] ?
                    book.cancel(halfWay, flow.sides[t], flow.prices[t], flow.partialQuantities[t]) :
                    book.execute(halfWay, flow.sides[t], flow.prices[t], flow.partialQuantities[t]);
                rejected += applied ? 0 : 1;
            }

            final long last = step - L3OrderFlow.POPULATION;
            if (last >= 0)
            {
                t = L3OrderFlow.template(last);
                final Side side = flow.sides[t];
                final long price = flow.prices[t];
                final long remaining = flow.quantities[t] - flow.partialQuantities[t];
                final byte kind = flow.finalKinds[t];
                final boolean applied = L3OrderFlow.DELETE == kind ? book.delete(last, side, price, remaining) :
                    L3OrderFlow.EXECUTE == kind ? book.execute(last, side, price, remaining) :
                    book.cancel(last, side, price, remaining);
                rejected += applied ? 0 : 1;
            }
            return rejected;
        }
    }

    /**
     * @param state the Ticklane book.
     * @return events rejected (0) plus the best bid, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ticklane(final TicklaneBook state)
    {
        long rejected = 0;
        for (int i = 0; i < STEPS; i++)
        {
            rejected += state.step(state.step++);
        }
        state.rejected += rejected;
        return rejected + state.book.bestBidPrice();
    }

    /**
     * @param state the reference book.
     * @return events rejected (0) plus the best bid, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long objectPerOrder(final ReferenceBook state)
    {
        long rejected = 0;
        for (int i = 0; i < STEPS; i++)
        {
            rejected += state.step(state.step++);
        }
        state.rejected += rejected;
        return rejected + state.book.bestBidPrice();
    }
}
