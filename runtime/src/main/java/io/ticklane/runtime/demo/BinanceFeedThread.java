package io.ticklane.runtime.demo;

import io.ticklane.gateway.feed.PublishingSink;
import io.ticklane.gateway.feed.binance.BinanceFeedAgent;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.journal.reader.binance.TickLotSizes;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's Binance feed handler on a thread of its own ({@link AgentRunner}), publishing its SBE frames on the
 * transport's market-data stream, where the daemon and the simulated exchange both hear them. The
 * {@link BinanceFeedAgent} keeps its counters in plain fields for its own thread; this wrapper says from any thread
 * whether the stream ended (a capture replayed to its end closes normally) or the thread failed, and reads the
 * counters only once the thread has stopped.
 */
final class BinanceFeedThread implements Agent, AutoCloseable
{
    private final BinanceFeedAgent agent;
    private final FramePublisher publisher;
    private final PublishingSink sink;
    private final AgentRunner runner;
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private volatile boolean ended;

    /**
     * @param context   the handler's settings (endpoints, market, symbol, instrument id).
     * @param sizes     tick and lot the handler converts with.
     * @param transport whose market-data stream the frames go to; the publication is added here.
     * @param client    HTTP client for the WebSocket and the REST snapshot.
     * @param clock     stamps receive times: the clock the daemon and the exchange share.
     * @param idle      idle strategy of the thread.
     */
    BinanceFeedThread(
        final BinanceFeedContext context,
        final TickLotSizes sizes,
        final Transport transport,
        final HttpClient client,
        final EpochNanoClock clock,
        final IdleStrategy idle)
    {
        publisher = transport.publisher(transport.context().marketDataChannel(), transport.context().marketDataStreamId());
        sink = new PublishingSink(publisher, null);
        agent = new BinanceFeedAgent(context, sizes, sink, client, clock, new SystemNanoClock());
        runner = new AgentRunner(idle, (throwable) -> firstError.compareAndSet(null, throwable), null, this);
    }

    /**
     * Starts the thread; the handler connects on it.
     */
    void start()
    {
        AgentRunner.startOnThread(runner);
    }

    @Override
    public void onStart()
    {
        agent.onStart();
    }

    @Override
    public int doWork()
    {
        final int work = agent.doWork();
        if (agent.isDone() && !ended)
        {
            ended = true;
        }
        return work;
    }

    @Override
    public void onClose()
    {
        try
        {
            agent.onClose();
        }
        finally
        {
            CloseHelper.quietClose(publisher);
        }
    }

    @Override
    public String roleName()
    {
        return agent.roleName();
    }

    /**
     * @return true once the stream ended normally (the capture was replayed to its end) or the handler gave up.
     */
    boolean ended()
    {
        return ended;
    }

    /**
     * @return the first error the feed thread raised, or null.
     */
    Throwable firstError()
    {
        return firstError.get();
    }

    /**
     * @return one line of what the handler saw and published; call after {@link #close()}.
     */
    String summary()
    {
        return agent.counters() + " " + agent.decoder().counters() + " published=" + sink.published() +
            " publish_failed=" + sink.failed();
    }

    /**
     * Stops the thread (the handler closes its connection on it). Closing twice does nothing.
     */
    @Override
    public void close()
    {
        CloseHelper.quietClose(runner);
    }
}
