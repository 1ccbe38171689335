package io.ticklane.gateway.feed.kraken;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.net.http.HttpClient;
import java.util.function.BooleanSupplier;

/**
 * The one entry point that runs a live Kraken book handler: the agent and a duty-cycle loop on the calling thread.
 * The sink decides where frames go: an Aeron publication to the daemon, a test's book, or nowhere ({@code --verify}
 * judges by the handler's own checksums).
 */
public final class KrakenFeed
{
    private KrakenFeed()
    {
    }

    /**
     * Run a handler on the calling thread until the server closes normally (with
     * {@link KrakenFeedContext#stopOnNormalClose()}), the handler gives up, or {@code stop} says so.
     *
     * @param context settings, concluded here.
     * @param sink    receives every frame.
     * @param client  HTTP client that opens the WebSocket.
     * @param idle    idle strategy between duty cycles that found no work.
     * @param stop    polled every cycle; true ends the run.
     * @return the agent, closed, for its counters and its book.
     */
    public static KrakenFeedAgent run(
        final KrakenFeedContext context,
        final MessageHandler sink,
        final HttpClient client,
        final IdleStrategy idle,
        final BooleanSupplier stop)
    {
        final KrakenFeedAgent agent = new KrakenFeedAgent(context, sink, client, new SystemEpochNanoClock(), new SystemNanoClock());
        agent.onStart();
        try
        {
            while (!agent.isDone() && !stop.getAsBoolean())
            {
                idle.idle(agent.doWork());
            }
            return agent;
        }
        finally
        {
            agent.onClose();
        }
    }
}
