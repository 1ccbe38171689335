package io.ticklane.gateway.feed.kraken;

import io.ticklane.gateway.feed.ws.FeedInbox;
import io.ticklane.gateway.feed.ws.WebSocketConnection;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The live Kraken v1 book handler's duty cycle: it owns the {@link KrakenBookHandler} alone, and the network threads
 * only write to its {@link FeedInbox}. Each cycle drains the inbox (messages and connection events) into the book,
 * then decides: reconnect after a backoff when disconnected, drop a connection gone silent.
 *
 * <p>On every opening it sends the subscribe request ({@link KrakenSubscription}); Kraken answers with a
 * subscriptionStatus and the snapshot. When the book loses trust (a checksum mismatch, an unreadable or discarded
 * message) the handler has already published the break (receivers go STALE) and asks for a resubscribe, which is sent
 * here at once as an unsubscribe then a subscribe, so Kraken sends a fresh snapshot. A lost connection is published
 * as a break at once (the book goes STALE) and reconnected with backoff; the new connection subscribes again.
 *
 * <p>An open connection silent for {@link KrakenFeedContext#silenceTimeoutMs()} (no message, no ping; Kraken heartbeats
 * about every second on a quiet subscription) is treated as lost: dropped, counted, published, reconnected.
 */
public final class KrakenFeedAgent implements Agent
{
    private static final long NO_CONNECTION = 0; // WebSocketConnection numbers its connections from 1

    private final KrakenFeedContext context;
    private final KrakenBookHandler book;
    private final KrakenSubscription subscription;
    private final KrakenFeedCounters counters = new KrakenFeedCounters();
    private final FeedInbox inbox;
    private final WebSocketConnection connection;
    private final EpochNanoClock clock;
    private final NanoClock nanoClock;
    private final long silenceTimeoutNs;
    private final MessageHandler onEvent = this::onEvent;
    private final byte[] scratch;
    private long connectionId;
    private boolean open;
    private boolean connecting;
    private boolean done;
    private boolean gaveUp;
    private int failedConnectsInARow;
    private long reconnectAtNs;
    private long backoffMs;
    private boolean messageSinceOpen;
    private long lastHeardNs;
    private long pingsHeard;

    /**
     * @param context   settings; {@link KrakenFeedContext#conclude()} is called here.
     * @param sink      receives every SBE frame (message header first); the buffer is reused after it returns.
     * @param client    HTTP client that opens the WebSocket.
     * @param clock     stamps receive times (epoch nanoseconds).
     * @param nanoClock paces reconnects and the silence timeout.
     */
    public KrakenFeedAgent(
        final KrakenFeedContext context,
        final MessageHandler sink,
        final HttpClient client,
        final EpochNanoClock clock,
        final NanoClock nanoClock)
    {
        this.context = context.conclude();
        this.clock = clock;
        this.nanoClock = nanoClock;
        silenceTimeoutNs = TimeUnit.MILLISECONDS.toNanos(context.silenceTimeoutMs());
        book = new KrakenBookHandler(context.book(), sink, this::resubscribe);
        subscription = new KrakenSubscription(context.book());
        final int maxMessageBytes = context.book().maxMessageBytes();
        scratch = new byte[maxMessageBytes];
        inbox = new FeedInbox(context.inboxCapacity());
        connection = new WebSocketConnection(client, context.uri(), inbox, maxMessageBytes, clock,
            Duration.ofMillis(context.connectTimeoutMs()));
        backoffMs = context.reconnectMinMs();
    }

    @Override
    public void onStart()
    {
        connect();
    }

    @Override
    public int doWork()
    {
        int work = inbox.drain(onEvent, 256);
        if (done)
        {
            return work;
        }
        final long nowNs = nanoClock.nanoTime();
        if (!open && !connecting && nowNs - reconnectAtNs >= 0)
        {
            connect();
            work++;
        }
        if (open && isSilent(nowNs))
        {
            onSilent();
            work++;
        }
        return work;
    }

    @Override
    public void onClose()
    {
        inbox.stop();
        CloseHelper.close(connection);
    }

    @Override
    public String roleName()
    {
        return "feed-kraken-" + context.book().pair().replace('/', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * @return true once the server closed the stream normally and {@link KrakenFeedContext#stopOnNormalClose()} is
     *         set, or the handler {@link #gaveUp()}.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * @return true when the handler ended because the server could not be reached
     *         ({@link KrakenFeedContext#giveUpAfterFailedConnects()} attempts in a row).
     */
    public boolean gaveUp()
    {
        return gaveUp;
    }

    /**
     * @return what the handler saw on the connection.
     */
    public KrakenFeedCounters counters()
    {
        return counters;
    }

    /**
     * @return the book state machine, for its state and tallies.
     */
    public KrakenBookHandler book()
    {
        return book;
    }

    /**
     * @return the WebSocket, for its oversized, binary, ping and send-failure counts.
     */
    public WebSocketConnection connection()
    {
        return connection;
    }

    private void connect()
    {
        connecting = true;
        messageSinceOpen = false;
        connectionId = connection.connect();
    }

    /**
     * Called by the book, on this thread, when it can no longer trust itself. Without an open connection there is
     * nothing to send: the reconnect subscribes anyway.
     */
    private void resubscribe()
    {
        if (open && connection.send(subscription.unsubscribe()) && connection.send(subscription.subscribe()))
        {
            counters.resubscribes++;
        }
    }

    private boolean isSilent(final long nowNs)
    {
        final long pings = connection.pings();
        if (pings != pingsHeard)
        {
            pingsHeard = pings;
            lastHeardNs = nowNs;
        }
        return nowNs - lastHeardNs > silenceTimeoutNs;
    }

    private void onSilent()
    {
        counters.silentConnections++;
        counters.disconnects++;
        open = false;
        connectionId = NO_CONNECTION; // a late event of the dropped connection is stale, not a second loss
        connection.abort();
        book.onConnectionLost(clock.nanoTime());
        scheduleReconnect();
    }

    private void scheduleReconnect()
    {
        reconnectAtNs = nanoClock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        backoffMs = Math.min(backoffMs * 2, context.reconnectMaxMs());
    }

    private void onEvent(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (buffer.getLong(index + FeedInbox.CONNECTION_OFFSET) != connectionId)
        {
            counters.staleEvents++;
            return;
        }
        final long receiveTimeNs = buffer.getLong(index + FeedInbox.TIME_OFFSET);
        switch (type)
        {
            case FeedInbox.MESSAGE:
                onText(buffer, index, length - FeedInbox.PAYLOAD_OFFSET, receiveTimeNs);
                break;
            case FeedInbox.DISCARDED:
                lastHeardNs = nanoClock.nanoTime();
                book.onDiscardedMessage(receiveTimeNs);
                break;
            case FeedInbox.OPENED:
                counters.connects++;
                failedConnectsInARow = 0;
                open = true;
                connecting = false;
                lastHeardNs = nanoClock.nanoTime();
                if (connection.send(subscription.subscribe()))
                {
                    counters.subscribes++;
                }
                break;
            case FeedInbox.CLOSED:
                onClosed(FeedInbox.status(buffer, index), receiveTimeNs);
                break;
            default:
                break;
        }
    }

    private void onText(final MutableDirectBuffer buffer, final int index, final int payload, final long receiveTimeNs)
    {
        counters.messages++;
        lastHeardNs = nanoClock.nanoTime();
        if (!messageSinceOpen)
        {
            messageSinceOpen = true;
            backoffMs = context.reconnectMinMs();
        }
        buffer.getBytes(index + FeedInbox.PAYLOAD_OFFSET, scratch, 0, payload);
        book.onMessage(scratch, 0, payload, receiveTimeNs);
    }

    private void onClosed(final int status, final long receiveTimeNs)
    {
        counters.disconnects++;
        if (connecting && ++failedConnectsInARow == context.giveUpAfterFailedConnects())
        {
            connecting = false;
            gaveUp = true;
            done = true;
            book.onConnectionLost(receiveTimeNs);
            return;
        }
        open = false;
        connecting = false;
        if (status == WebSocket.NORMAL_CLOSURE && context.stopOnNormalClose())
        {
            // The stream ended (feed serve's end of file) and so does this run: the book is judged as the last
            // update left it, not marked stale by an end that is no fault.
            done = true;
            return;
        }
        book.onConnectionLost(receiveTimeNs);
        connection.abort();
        scheduleReconnect();
    }
}
