package io.ticklane.gateway.feed.binance;

import io.ticklane.gateway.feed.ws.BoundedHttpGet;
import io.ticklane.gateway.feed.ws.FeedInbox;
import io.ticklane.gateway.feed.ws.WebSocketConnection;
import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.journal.reader.binance.BinanceStreamDecoder;
import io.ticklane.journal.reader.binance.TickLotSizes;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The Binance feed handler's duty cycle. It owns the decoder (and so the depth synchronisation) alone: the network
 * threads only write to its {@link FeedInbox}. Each cycle it drains the inbox (stream messages, snapshot bodies,
 * connection events), then decides: reconnect after a backoff when disconnected, and ask for a REST snapshot when the
 * decoder needs one (after a start, a gap or a reconnect) and at least one depth update of this connection is
 * buffered, per Binance's "buffer first, then fetch the snapshot".
 *
 * <p>A gap is published as it arrives (an L2Update whose prevSequence the receiver's book does not hold, so the
 * daemon's book goes STALE and its risk gate halts quoting); a lost connection is published at once as an empty
 * L2Update with prevSequence -1. The next snapshot that bridges the buffered updates is published as an L2Snapshot
 * and the book is live again. Malformed messages are counted and skipped; none stops the handler.
 *
 * <p>An open stream that goes silent (no message and no ping for {@link BinanceFeedContext#silenceTimeoutMs()}) is
 * treated as lost: a half-open TCP connection, or a server whose sender died, would otherwise hold the book at its
 * last state for ever. It is dropped, counted in {@link BinanceFeedCounters#silentConnections}, published as a lost
 * connection (the book goes STALE) and reconnected with the usual backoff.
 */
public final class BinanceFeedAgent implements Agent
{
    private static final long NO_CONNECTION = 0; // WebSocketConnection numbers its connections from 1

    private final BinanceFeedContext context;
    private final BinanceStreamDecoder decoder;
    private final BinanceFeedCounters counters = new BinanceFeedCounters();
    private final FeedInbox inbox;
    private final WebSocketConnection connection;
    private final BoundedHttpGet rest;
    private final EpochNanoClock clock;
    private final NanoClock nanoClock;
    private final long silenceTimeoutNs;
    private final URI snapshotUri;
    private final String streamSource;
    private final String snapshotSource;
    private final MessageHandler onEvent = this::onEvent;
    private byte[] scratch = new byte[64 * 1024];
    private long connectionId;
    private boolean open;
    private boolean connecting;
    private boolean done;
    private boolean gaveUp;
    private int failedConnectsInARow;
    private long reconnectAtNs;
    private long backoffMs;
    private long nextSnapshotAtNs;
    private boolean messageSinceOpen;
    private long lastHeardNs;
    private long pingsHeard;

    /**
     * @param context   settings; {@link BinanceFeedContext#conclude()} is called here.
     * @param sizes     tick and lot to convert with (given, or inferred by {@link BinanceFeed#sizes}).
     * @param sink      receives every SBE frame (message header first); the buffer is reused after it returns.
     * @param client    HTTP client for the WebSocket and the REST snapshot.
     * @param clock     stamps receive times (epoch nanoseconds).
     * @param nanoClock paces reconnects and snapshot retries.
     */
    public BinanceFeedAgent(
        final BinanceFeedContext context,
        final TickLotSizes sizes,
        final MessageHandler sink,
        final HttpClient client,
        final EpochNanoClock clock,
        final NanoClock nanoClock)
    {
        this.context = context.conclude();
        this.clock = clock;
        this.nanoClock = nanoClock;
        silenceTimeoutNs = TimeUnit.MILLISECONDS.toNanos(this.context.silenceTimeoutMs());
        decoder = new BinanceStreamDecoder(context.market(), context.instrumentId(), sizes);
        decoder.handler(sink);
        inbox = new FeedInbox(context.inboxCapacity());
        connection = new WebSocketConnection(client, context.streamUri(), inbox, context.maxMessageBytes(), clock,
            Duration.ofMillis(context.connectTimeoutMs()));
        rest = new BoundedHttpGet(client, inbox, context.maxSnapshotBytes(), clock, Duration.ofMillis(context.restTimeoutMs()));
        snapshotUri = context.snapshotUri();
        streamSource = context.streamUri().toString();
        snapshotSource = snapshotUri.toString();
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
            return work + 1;
        }
        if (open && decoder.awaitingSnapshot() && decoder.counters().pendingUpdates() > 0 && !rest.inFlight() &&
            nowNs - nextSnapshotAtNs >= 0)
        {
            if (rest.fetch(snapshotUri, connectionId))
            {
                counters.snapshotRequests++;
                nextSnapshotAtNs = nowNs + TimeUnit.MILLISECONDS.toNanos(context.snapshotRetryMs());
                work++;
            }
        }
        return work;
    }

    @Override
    public void onClose()
    {
        inbox.stop();
        CloseHelper.closeAll(connection, rest);
    }

    @Override
    public String roleName()
    {
        return "feed-binance-" + context.symbol().toLowerCase(Locale.ROOT);
    }

    /**
     * @return true once the venue closed the stream normally and {@link BinanceFeedContext#stopOnNormalClose()} is set,
     *         or the handler {@link #gaveUp()}.
     */
    public boolean isDone()
    {
        return done;
    }

    /**
     * @return true when the handler ended because the venue could not be reached
     *         ({@link BinanceFeedContext#giveUpAfterFailedConnects()} attempts in a row).
     */
    public boolean gaveUp()
    {
        return gaveUp;
    }

    /**
     * @return what the handler saw on the wire.
     */
    public BinanceFeedCounters counters()
    {
        return counters;
    }

    /**
     * @return the decoder, for its synchronisation counters.
     */
    public BinanceStreamDecoder decoder()
    {
        return decoder;
    }

    /**
     * @return the WebSocket, for its oversized, binary and ping counts.
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
        decoder.connectionLost(clock.nanoTime());
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
                counters.messages++;
                lastHeardNs = nanoClock.nanoTime();
                if (!messageSinceOpen)
                {
                    messageSinceOpen = true;
                    backoffMs = context.reconnectMinMs();
                }
                decode(buffer, index, length, receiveTimeNs, streamSource, counters.messages, false);
                break;
            case FeedInbox.SNAPSHOT:
                counters.snapshotsReceived++;
                decode(buffer, index, length, receiveTimeNs, snapshotSource, counters.snapshotsReceived, true);
                break;
            case FeedInbox.SNAPSHOT_FAILED:
                counters.snapshotFailures++;
                break;
            case FeedInbox.OPENED:
                counters.connects++;
                failedConnectsInARow = 0;
                open = true;
                connecting = false;
                lastHeardNs = nanoClock.nanoTime();
                break;
            case FeedInbox.CLOSED:
                onClosed(FeedInbox.status(buffer, index), receiveTimeNs);
                break;
            default:
                break;
        }
    }

    private void onClosed(final int status, final long receiveTimeNs)
    {
        counters.disconnects++;
        if (connecting && ++failedConnectsInARow == context.giveUpAfterFailedConnects())
        {
            connecting = false;
            gaveUp = true;
            done = true;
            return;
        }
        open = false;
        connecting = false;
        if (status == WebSocket.NORMAL_CLOSURE && context.stopOnNormalClose())
        {
            // The stream ended (feed serve's end of capture) and so does this run: the book is judged as the last
            // update left it, not marked stale by an end that is no fault.
            done = true;
            return;
        }
        decoder.connectionLost(receiveTimeNs);
        connection.abort();
        reconnectAtNs = nanoClock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        backoffMs = Math.min(backoffMs * 2, context.reconnectMaxMs());
    }

    private void decode(
        final MutableDirectBuffer buffer,
        final int index,
        final int length,
        final long receiveTimeNs,
        final String source,
        final long line,
        final boolean snapshot)
    {
        final int payload = length - FeedInbox.PAYLOAD_OFFSET;
        if (payload > scratch.length)
        {
            scratch = new byte[Math.max(payload, scratch.length * 2)];
        }
        buffer.getBytes(index + FeedInbox.PAYLOAD_OFFSET, scratch, 0, payload);
        try
        {
            if (snapshot)
            {
                decoder.onSnapshot(scratch, 0, payload, receiveTimeNs, source, line);
            }
            else
            {
                decoder.onStreamMessage(scratch, 0, payload, receiveTimeNs, source, line);
            }
        }
        catch (final InputFormatException ex)
        {
            counters.malformed++;
            counters.lastMalformed = ex.getMessage();
        }
        catch (final ArithmeticException | IllegalArgumentException | IllegalStateException ex)
        {
            // A value in range for the JSON but not for the book (a price times the tick overflowing a long): the
            // message is refused like a malformed one; the handler never stops for one message.
            counters.malformed++;
            counters.lastMalformed = source + " message " + line + ": " + ex;
        }
    }
}
