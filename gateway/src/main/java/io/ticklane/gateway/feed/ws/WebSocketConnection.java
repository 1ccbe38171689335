package io.ticklane.gateway.feed.ws;

import org.agrona.concurrent.EpochNanoClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket to a venue at a time, with the JDK client ({@code java.net.http.WebSocket}): it needs no library on
 * the daemon's classpath, speaks TLS and answers pings by itself (the JDK implementation queues the Pong for every
 * Ping it receives; {@code WebSocketConnectionTest} checks that a server's ping is answered). Each complete text
 * message is stamped with its receive time and written to the {@link FeedInbox}; so are the opening and the end of a
 * connection. Messages are asked for one at a time, so a slow reader slows the venue's TCP stream instead of
 * filling memory.
 *
 * <p>Every byte is hostile: a message longer than the bound is discarded whole, counted and reported in the inbox as
 * {@link FeedInbox#DISCARDED} (in order with the messages, so a handler knows one was lost), binary messages are
 * counted and ignored. Reconnecting is the owner's decision ({@link #connect()} again); each connection has an id so
 * that late events of a replaced connection can be told apart.
 *
 * <p>Requests to the venue (Kraken's subscribe) go out with {@link #send(String)}, from the owner's thread only; the
 * JDK refuses a second {@code sendText} while one is outstanding, so sends are chained, never blocked on.
 */
public final class WebSocketConnection implements AutoCloseable
{
    private final HttpClient client;
    private final URI uri;
    private final FeedInbox inbox;
    private final int maxMessageBytes;
    private final EpochNanoClock clock;
    private final Duration connectTimeout;
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong binary = new AtomicLong();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private long connectionId;
    private volatile WebSocket current;
    private WebSocket sendingOn;
    private CompletableFuture<WebSocket> lastSend;

    /**
     * @param client          the HTTP client that opens the WebSocket.
     * @param uri             ws:// or wss:// address, with the stream names in the query.
     * @param inbox           where messages and connection events go.
     * @param maxMessageBytes longest message accepted, in UTF-8 bytes.
     * @param clock           stamps receive times.
     * @param connectTimeout  longest wait for the opening handshake.
     */
    public WebSocketConnection(
        final HttpClient client,
        final URI uri,
        final FeedInbox inbox,
        final int maxMessageBytes,
        final EpochNanoClock clock,
        final Duration connectTimeout)
    {
        if (maxMessageBytes <= 0 || maxMessageBytes > inbox.maxPayload())
        {
            throw new IllegalArgumentException("maxMessageBytes must be 1.." + inbox.maxPayload() + ": " + maxMessageBytes);
        }
        this.client = client;
        this.uri = uri;
        this.inbox = inbox;
        this.maxMessageBytes = maxMessageBytes;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Start opening a new connection (closing the current one, if any). The outcome arrives in the inbox as
     * {@link FeedInbox#OPENED} or {@link FeedInbox#CLOSED} with status 0.
     *
     * @return the new connection's id, carried by each of its events.
     */
    public long connect()
    {
        abort();
        final long id = ++connectionId;
        client.newWebSocketBuilder()
            .connectTimeout(connectTimeout)
            .buildAsync(uri, new Listener(id))
            .whenComplete((webSocket, error) ->
            {
                if (null != error)
                {
                    inbox.writeStatus(FeedInbox.CLOSED, id, clock.nanoTime(), 0);
                }
            });
        return id;
    }

    /**
     * Send one text message on the open connection, after any sent before on it. Never blocks: a send that fails
     * (the connection is going) is counted, and the connection's end arrives in the inbox as usual. Call from the
     * owner's thread only.
     *
     * @param text the whole message.
     * @return false when no connection is open.
     */
    public boolean send(final String text)
    {
        final WebSocket webSocket = current;
        if (null == webSocket)
        {
            return false;
        }
        if (webSocket != sendingOn || null == lastSend)
        {
            sendingOn = webSocket;
            lastSend = CompletableFuture.completedFuture(webSocket);
        }
        lastSend = lastSend.thenCompose((ws) -> ws.sendText(text, true));
        lastSend.whenComplete((ws, error) ->
        {
            if (null != error)
            {
                sendFailures.incrementAndGet();
            }
        });
        return true;
    }

    /**
     * @return sends that failed (each one, and every send chained after it on the same connection).
     */
    public long sendFailures()
    {
        return sendFailures.get();
    }

    /**
     * Drop the current connection without a closing handshake.
     */
    public void abort()
    {
        final WebSocket webSocket = current;
        current = null;
        if (null != webSocket)
        {
            webSocket.abort();
        }
    }

    /**
     * @return messages discarded for being longer than the bound.
     */
    public long oversizedMessages()
    {
        return oversized.get();
    }

    /**
     * @return binary messages received and ignored.
     */
    public long binaryMessages()
    {
        return binary.get();
    }

    /**
     * @return pings received (each answered by the JDK client).
     */
    public long pings()
    {
        return pings.get();
    }

    @Override
    public void close()
    {
        abort();
    }

    private final class Listener implements WebSocket.Listener
    {
        private final long id;
        private byte[] bytes = new byte[4096];
        private int length;
        private boolean discarding;

        private Listener(final long id)
        {
            this.id = id;
        }

        @Override
        public void onOpen(final WebSocket webSocket)
        {
            current = webSocket;
            inbox.write(FeedInbox.OPENED, id, clock.nanoTime(), null, 0, 0);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            if (!discarding)
            {
                append(data);
            }
            if (last)
            {
                if (discarding)
                {
                    oversized.incrementAndGet();
                    inbox.writeStatus(FeedInbox.DISCARDED, id, clock.nanoTime(), 0);
                }
                else
                {
                    inbox.write(FeedInbox.MESSAGE, id, clock.nanoTime(), bytes, 0, length);
                }
                length = 0;
                discarding = false;
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(final WebSocket webSocket, final ByteBuffer data, final boolean last)
        {
            if (last)
            {
                binary.incrementAndGet();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(final WebSocket webSocket, final ByteBuffer message)
        {
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            inbox.writeStatus(FeedInbox.CLOSED, id, clock.nanoTime(), statusCode);
            return null;
        }

        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            inbox.writeStatus(FeedInbox.CLOSED, id, clock.nanoTime(), FeedInbox.ABNORMAL_CLOSURE);
        }

        /**
         * UTF-8 encode into the message buffer, stopping (and discarding the message) past the bound.
         */
        private void append(final CharSequence data)
        {
            final int count = data.length();
            int i = 0;
            while (i < count && !discarding)
            {
                final char c = data.charAt(i++);
                if (c < 0x80)
                {
                    put((byte)c);
                }
                else if (c < 0x800)
                {
                    put((byte)(0xC0 | c >> 6));
                    put((byte)(0x80 | c & 0x3F));
                }
                else if (Character.isHighSurrogate(c) && i < count && Character.isLowSurrogate(data.charAt(i)))
                {
                    final int cp = Character.toCodePoint(c, data.charAt(i++));
                    put((byte)(0xF0 | cp >> 18));
                    put((byte)(0x80 | cp >> 12 & 0x3F));
                    put((byte)(0x80 | cp >> 6 & 0x3F));
                    put((byte)(0x80 | cp & 0x3F));
                }
                else
                {
                    put((byte)(0xE0 | c >> 12));
                    put((byte)(0x80 | c >> 6 & 0x3F));
                    put((byte)(0x80 | c & 0x3F));
                }
            }
        }

        private void put(final byte b)
        {
            if (length == maxMessageBytes)
            {
                discarding = true;
                return;
            }
            if (length == bytes.length)
            {
                final byte[] bigger = new byte[Math.min(maxMessageBytes, bytes.length * 2)];
                System.arraycopy(bytes, 0, bigger, 0, length);
                bytes = bigger;
            }
            bytes[length++] = b;
        }
    }
}
