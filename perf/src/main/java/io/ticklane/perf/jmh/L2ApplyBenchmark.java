package io.ticklane.perf.jmh;

import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.perf.jmh.reference.TreeMapL2Book;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
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
 * L2 apply: one level update near the touch, then a best bid and ask read, as a quoter does per update. One
 * operation is one update; each invocation replays the whole {@link L2UpdateStream}.
 * <ul>
 *     <li>{@code ticklaneFeed}: SBE L2Update frames through {@link BookFeed} into an {@link L2Book} (decode,
 *     sequence check, apply, crossed-book check).</li>
 *     <li>{@code ticklaneSetLevel}: the same updates straight into {@link L2Book#setLevel}.</li>
 *     <li>{@code treeMap}: the same updates into a {@link TreeMapL2Book}.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class L2ApplyBenchmark
{
    static final int UPDATES = 4096;

    /**
     * Levels per side of the starting book: 20 (a shallow book, the TreeMap's best case) or 1000 (a Binance-style
     * 1000-level snapshot). Updates stay within 10 ticks of the inside either way.
     */
    @Param({"20", "1000"})
    public int depth;

    private L2UpdateStream stream;
    private L2Frames frames;
    private L2Book feedBook;
    private BookFeed feed;
    private long sequence;
    private L2Book directBook;
    private TreeMapL2Book treeMapBook;

    /**
     * Builds the three books at the stream's starting state.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        stream = new L2UpdateStream(UPDATES, depth, 42);
        frames = new L2Frames(stream);

        feedBook = new L2Book(L2Frames.INSTRUMENT);
        feed = new BookFeed(feedBook);
        feed.onMessage(L2SnapshotDecoder.TEMPLATE_ID, frames.snapshot, 0, frames.snapshotLength);

        directBook = new L2Book(L2Frames.INSTRUMENT);
        treeMapBook = new TreeMapL2Book();
        for (int i = 0; i < stream.depth; i++)
        {
            directBook.setLevel(Side.BUY, L2UpdateStream.bidPrice(i), stream.initialBidQuantities[i]);
            directBook.setLevel(Side.SELL, L2UpdateStream.askPrice(i), stream.initialAskQuantities[i]);
            treeMapBook.setLevel(Side.BUY, L2UpdateStream.bidPrice(i), stream.initialBidQuantities[i]);
            treeMapBook.setLevel(Side.SELL, L2UpdateStream.askPrice(i), stream.initialAskQuantities[i]);
        }
    }

    /**
     * Fails the run if the fed book stopped applying updates (a STALE book would ignore them and look fast).
     */
    @TearDown(Level.Trial)
    public void checkBooks()
    {
        if (BookState.LIVE != feedBook.state() || feedBook.sequence() != sequence)
        {
            throw new IllegalStateException("fed book " + feedBook.state() + " " + feedBook.staleReason());
        }
        if (directBook.bestBidPrice() != treeMapBook.bestBidPrice() || directBook.bestAskPrice() != treeMapBook.bestAskPrice())
        {
            throw new IllegalStateException("books disagree on the touch");
        }
    }

    /**
     * @return sum of the touch after every update, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long ticklaneFeed()
    {
        long touch = 0;
        for (int i = 0; i < UPDATES; i++)
        {
            final int offset = frames.stamp(i, ++sequence);
            feed.onMessage(L2UpdateDecoder.TEMPLATE_ID, frames.updates, offset, frames.frameLength);
            touch += feedBook.bestBidPrice() + feedBook.bestAskPrice();
        }
        return touch;
    }

    /**
     * @return sum of the touch after every update.
     */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long ticklaneSetLevel()
    {
        final L2UpdateStream stream = this.stream;
        long touch = 0;
        for (int i = 0; i < UPDATES; i++)
        {
            directBook.setLevel(stream.sides[i], stream.prices[i], stream.quantities[i]);
            touch += directBook.bestBidPrice() + directBook.bestAskPrice();
        }
        return touch;
    }

    /**
     * @return sum of the touch after every update.
     */
    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long treeMap()
    {
        final L2UpdateStream stream = this.stream;
        long touch = 0;
        for (int i = 0; i < UPDATES; i++)
        {
            treeMapBook.setLevel(stream.sides[i], stream.prices[i], stream.quantities[i]);
            touch += treeMapBook.bestBidPrice() + treeMapBook.bestAskPrice();
        }
        return touch;
    }
}
