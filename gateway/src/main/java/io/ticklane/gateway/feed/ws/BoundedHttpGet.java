package io.ticklane.gateway.feed.ws;

import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fetches a REST resource (a venue's depth snapshot) off the feed's thread and writes the body to the
 * {@link FeedInbox} as {@link FeedInbox#SNAPSHOT}, or {@link FeedInbox#SNAPSHOT_FAILED} with the HTTP status (0 when
 * there was no response). The body is read up to a bound: a larger one is a failure, never a partial snapshot. One
 * fetch at a time.
 */
public final class BoundedHttpGet implements AutoCloseable
{
    private final HttpClient client;
    private final FeedInbox inbox;
    private final int maxBodyBytes;
    private final EpochNanoClock clock;
    private final Duration timeout;
    private final ExecutorService executor;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    /**
     * @param client       the HTTP client.
     * @param inbox        where the body or the failure goes.
     * @param maxBodyBytes largest body accepted.
     * @param clock        stamps receive times.
     * @param timeout      longest wait for the whole response.
     */
    public BoundedHttpGet(
        final HttpClient client, final FeedInbox inbox, final int maxBodyBytes, final EpochNanoClock clock, final Duration timeout)
    {
        if (maxBodyBytes <= 0 || maxBodyBytes > inbox.maxPayload())
        {
            throw new IllegalArgumentException("maxBodyBytes must be 1.." + inbox.maxPayload() + ": " + maxBodyBytes);
        }
        this.client = client;
        this.inbox = inbox;
        this.maxBodyBytes = maxBodyBytes;
        this.clock = clock;
        this.timeout = timeout;
        executor = Executors.newSingleThreadExecutor((runnable) ->
        {
            final Thread thread = new Thread(runnable, "feed-rest");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @return true while a fetch has not reported yet.
     */
    public boolean inFlight()
    {
        return inFlight.get();
    }

    /**
     * Start a fetch unless one is in flight.
     *
     * @param uri        what to get.
     * @param connection the connection id the result is tagged with.
     * @return false when a fetch was already in flight.
     */
    public boolean fetch(final URI uri, final long connection)
    {
        if (!inFlight.compareAndSet(false, true))
        {
            return false;
        }
        executor.execute(() ->
        {
            try
            {
                get(uri, connection);
            }
            finally
            {
                inFlight.set(false);
            }
        });
        return true;
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
    }

    private void get(final URI uri, final long connection)
    {
        int status = 0;
        try
        {
            final HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream body = response.body())
            {
                if (status == 200)
                {
                    final byte[] bytes = body.readNBytes(maxBodyBytes + 1);
                    if (bytes.length <= maxBodyBytes)
                    {
                        inbox.write(FeedInbox.SNAPSHOT, connection, clock.nanoTime(), bytes, 0, bytes.length);
                        return;
                    }
                    status = -1;
                }
            }
        }
        catch (final IOException ex)
        {
            status = 0;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        inbox.writeStatus(FeedInbox.SNAPSHOT_FAILED, connection, clock.nanoTime(), status);
    }
}
