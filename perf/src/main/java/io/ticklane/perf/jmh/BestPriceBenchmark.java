package io.ticklane.perf.jmh;

import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.perf.jmh.reference.TreeMapL2Book;
import io.ticklane.sbe.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The queries a quoter makes per event: best bid and ask with their quantities, and the top {@link #TOP} levels of
 * each side. Both books hold the same state, the end of an {@link L2UpdateStream} (gaps near the touch included).
 * The queries do not change the book.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BestPriceBenchmark
{
    static final int TOP = 5;

    /**
     * Levels per side of the starting book: 20 (a shallow book, the TreeMap's best case) or 1000 (a Binance-style
     * 1000-level snapshot). Updates stay within 10 ticks of the inside either way.
     */
    @Param({"20", "1000"})
    public int depth;

    private final long[] prices = new long[TOP];
    private final long[] quantities = new long[TOP];
    private L2Book book;
    private TreeMapL2Book treeMapBook;

    /**
     * Builds both books from the same stream.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final L2UpdateStream stream = new L2UpdateStream(L2ApplyBenchmark.UPDATES, depth, 42);
        book = new L2Book(L2Frames.INSTRUMENT);
        treeMapBook = new TreeMapL2Book();
        for (int i = 0; i < stream.depth; i++)
        {
            book.setLevel(Side.BUY, L2UpdateStream.bidPrice(i), stream.initialBidQuantities[i]);
            book.setLevel(Side.SELL, L2UpdateStream.askPrice(i), stream.initialAskQuantities[i]);
            treeMapBook.setLevel(Side.BUY, L2UpdateStream.bidPrice(i), stream.initialBidQuantities[i]);
            treeMapBook.setLevel(Side.SELL, L2UpdateStream.askPrice(i), stream.initialAskQuantities[i]);
        }
        for (int i = 0; i < stream.length(); i++)
        {
            book.setLevel(stream.sides[i], stream.prices[i], stream.quantities[i]);
            treeMapBook.setLevel(stream.sides[i], stream.prices[i], stream.quantities[i]);
        }
        if (ticklaneTop() != treeMapTop())
        {
            throw new IllegalStateException("books disagree");
        }
    }

    /**
     * @return a mix of best prices and quantities.
     */
    @Benchmark
    public long ticklaneBest()
    {
        final PriceLadder bids = book.bids();
        final PriceLadder asks = book.asks();
        return bids.bestPrice() + 31 * bids.bestQuantity() + asks.bestPrice() + 17 * asks.bestQuantity();
    }

    /**
     * @return a mix of best prices and quantities.
     */
    @Benchmark
    public long treeMapBest()
    {
        final TreeMapL2Book book = treeMapBook;
        return book.bestBidPrice() + 31 * book.bestBidQuantity() + book.bestAskPrice() + 17 * book.bestAskQuantity();
    }

    /**
     * @return a mix of the top levels of both sides.
     */
    @Benchmark
    public long ticklaneTop()
    {
        return sumTop(book.bids().levels(prices, quantities, TOP)) + sumTop(book.asks().levels(prices, quantities, TOP));
    }

    /**
     * @return a mix of the top levels of both sides.
     */
    @Benchmark
    public long treeMapTop()
    {
        return sumTop(treeMapBook.levels(Side.BUY, prices, quantities, TOP)) +
            sumTop(treeMapBook.levels(Side.SELL, prices, quantities, TOP));
    }

    private long sumTop(final int count)
    {
        long sum = count;
        for (int i = 0; i < count; i++)
        {
            sum = 31 * sum + prices[i] + quantities[i];
        }
        return sum;
    }
}
