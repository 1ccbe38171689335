package io.ticklane.perf;

import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L3Book;
import io.ticklane.perf.reference.ObjectL3Book;
import io.ticklane.sbe.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * L3 add/cancel/execute/delete cycles over a steady population of {@link L3OrderFlow#POPULATION} resting orders
 * near the touch: {@link L3Book} (off-heap records, open-addressing index) against {@link ObjectL3Book} (object
 * per order, {@code HashMap} + {@code TreeMap}). One operation is one order event; an invocation is
 * {@link #STEPS} steps of three events each.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class L3BookBenchmark
{
    static final int STEPS = 1024;
    private static final int EVENTS = STEPS * L3OrderFlow.EVENTS_PER_STEP;
    private static final int HALF_LIFE = L3OrderFlow.POPULATION / 2;

    private L3OrderFlow flow;
    private L3Book l3Book;
    private long l3Step;
    private long l3Rejected;
    private ObjectL3Book objectBook;
    private long objectStep;
    private long objectRejected;

    /**
     * Fills both books to the steady population.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        flow = new L3OrderFlow(42);
        l3Book = new L3Book(L2Frames.INSTRUMENT);
        objectBook = new ObjectL3Book();
        while (l3Step < L3OrderFlow.POPULATION)
        {
            l3Rejected += stepL3(l3Step++);
            objectRejected += stepObject(objectStep++);
        }
    }

    /**
     * Fails the run if any event was rejected or the population drifted: the flow must be valid for both books.
     */
    @TearDown(Level.Trial)
    public void checkBooks()
    {
        if (0 != l3Rejected || 0 != objectRejected || BookState.STALE == l3Book.state() ||
            L3OrderFlow.POPULATION != l3Book.orderCount() || L3OrderFlow.POPULATION != objectBook.orderCount())
        {
            throw new IllegalStateException("flow rejected: l3=" + l3Rejected + " " + l3Book.staleReason() +
                " object=" + objectRejected + " orders=" + l3Book.orderCount() + "/" + objectBook.orderCount());
        }
    }

    /**
     * @return events rejected (0), so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long ticklane()
    {
        long rejected = 0;
        for (int i = 0; i < STEPS; i++)
        {
            rejected += stepL3(l3Step++);
        }
        l3Rejected += rejected;
        return rejected + l3Book.bestBidPrice();
    }

    /**
     * @return events rejected (0), so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long objectPerOrder()
    {
        long rejected = 0;
        for (int i = 0; i < STEPS; i++)
        {
            rejected += stepObject(objectStep++);
        }
        objectRejected += rejected;
        return rejected + objectBook.bestBidPrice();
    }

    private int stepL3(final long step)
    {
        final L3OrderFlow flow = this.flow;
        final L3Book book = l3Book;
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

    private int stepObject(final long step)
    {
        final L3OrderFlow flow = this.flow;
        final ObjectL3Book book = objectBook;
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
