package io.ticklane.gateway.feed.binance;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.journal.reader.binance.BinanceStreamDecoder;
import io.ticklane.journal.reader.binance.TickLotSizes;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The one entry point that wires a Binance feed handler: sizes (given, or inferred from a first REST snapshot the
 * way the capture reader infers them from a capture's snapshot), the agent, and a duty-cycle loop on the calling
 * thread. The sink decides where frames go: an Aeron publication to the daemon, a verification, or both.
 */
public final class BinanceFeed
{
    private BinanceFeed()
    {
    }

    /**
     * @param context settings, concluded here.
     * @param client  HTTP client for the snapshot.
     * @return the tick and lot sizes: both given, or what is missing inferred from a REST snapshot fetched now.
     * @throws InputFormatException when the snapshot cannot be fetched or is not usable.
     */
    public static TickLotSizes sizes(final BinanceFeedContext context, final HttpClient client)
    {
        context.conclude();
        final String source = context.snapshotUri().toString();
        if (null != context.tickSize() && null != context.lotSize())
        {
            return BinanceStreamDecoder.givenSizes(context.tickSize(), context.lotSize());
        }
        try
        {
            final HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(context.snapshotUri()).timeout(Duration.ofMillis(context.restTimeoutMs())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200)
            {
                throw new InputFormatException(source, 0, "HTTP " + response.statusCode() + " for the depth snapshot");
            }
            final byte[] body = response.body();
            if (body.length > context.maxSnapshotBytes())
            {
                throw new InputFormatException(source, 0, "snapshot of " + body.length + " bytes is larger than the bound");
            }
            return BinanceStreamDecoder.inferSizes(body, 0, body.length, source, context.tickSize(), context.lotSize());
        }
        catch (final IOException ex)
        {
            throw new InputFormatException(source, 0, "cannot fetch the depth snapshot: " + ex, ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new InputFormatException(source, 0, "interrupted while fetching the depth snapshot", ex);
        }
    }

    /**
     * Run a handler on the calling thread until the venue closes normally (with
     * {@link BinanceFeedContext#stopOnNormalClose()}) or {@code stop} says so.
     *
     * @param context settings.
     * @param sizes   tick and lot.
     * @param sink    receives every frame.
     * @param client  HTTP client.
     * @param idle    idle strategy between duty cycles that found no work.
     * @param stop    polled every cycle; true ends the run.
     * @return the agent, closed, for its counters.
     */
    public static BinanceFeedAgent run(
        final BinanceFeedContext context,
        final TickLotSizes sizes,
        final MessageHandler sink,
        final HttpClient client,
        final IdleStrategy idle,
        final BooleanSupplier stop)
    {
        final BinanceFeedAgent agent = new BinanceFeedAgent(
            context, sizes, sink, client, new SystemEpochNanoClock(), new SystemNanoClock());
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
