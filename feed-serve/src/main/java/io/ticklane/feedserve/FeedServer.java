package io.ticklane.feedserve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code feed serve}: replays recorded messages to one WebSocket client at a time as the venue would send them,
 * and answers the venue's REST depth snapshot ({@code /api/v3/depth} spot, {@code /fapi/v1/depth} USD-M futures).
 * The replay is one timeline: it advances only while a client is connected and resumes where it stopped when the
 * client reconnects (a real venue would move on; pausing keeps test runs deterministic while still forcing the
 * client through its reconnect and resync). At the end the server closes the stream normally (1000).
 *
 * <p>REST answers: until the replay reaches the capture's first snapshot line, the answer is that line verbatim,
 * and the stream waits at the line (bounded) for a connected client's request; so a handler synchronises at the
 * very point the recording did, and its tallies can equal {@code book verify}'s on the file. After that line, the
 * answer is the {@link ReplayBook} as of the last diff reached, what Binance would send at that moment, which is
 * what a handler needs to resynchronise after a fault.
 *
 * <p>A lines file (Kraken-style: the client asks with text messages on the socket) is streamed as it is, except
 * that a Kraken subscriptionStatus line is a reply: it waits (bounded) until the client has sent one more request
 * than there were replies before it, counted over the whole replay. So the file's first subscriptionStatus goes out
 * after the client's subscribe, and the unsubscribed/subscribed pair after a checksum failure only after the client's
 * unsubscribe and subscribe. The requests' content is recorded ({@link #requests()}) but never interpreted: the file
 * must already hold what the venue would answer (the fresh snapshot after a resubscribe or a reconnect).
 *
 * <p>Over 500 lines: the replay position, the connected session, the snapshot rendezvous and the reply gating are
 * one state under one lock, shared by the sender thread, Jetty's handlers and the REST endpoint; split apart they
 * would each need the lock and the others' fields.
 */
public final class FeedServer implements AutoCloseable
{
    private static final String END_OF_REPLAY = "end of replay";
    /**
     * Longest wait, when stopping after the end of the replay, for the client to answer the normal close.
     */
    public static final long CLOSE_HANDSHAKE_MS = 5_000;

    private final ServeContext context;
    private final List<ServedMessage> messages;
    private final String symbol;
    private final String firstSnapshot;
    private final ReplayBook book = new ReplayBook();
    private final Object lock = new Object();
    private final List<String> requests = new ArrayList<>();
    private final Javalin app;
    private Session session;
    private int next;
    private long reached;
    private boolean restAnsweredWhileConnected;
    private boolean finished;
    private long sent;
    private long dropped;
    private long corrupted;
    private long connectionsDropped;
    private long connections;
    private long refusedConnections;
    private long snapshotsServed;
    private long repliesSent;

    private FeedServer(final ServeContext context)
    {
        this.context = context.conclude();
        final boolean capture = null == context.lines();
        messages = ServedFiles.load(capture ? context.captures() : List.of(context.lines()), capture);
        symbol = capture ? symbolOf(messages) : null;
        firstSnapshot = messages.stream().filter(ServedMessage::snapshot).map(ServedMessage::json).findFirst().orElse(null);
        app = Javalin.create((config) ->
        {
            config.startup.showJavalinBanner = false;
            config.jetty.modifyWebSocketServletFactory((factory) -> factory.setIdleTimeout(Duration.ofMinutes(30)));
            if (capture)
            {
                config.routes.get("/api/v3/depth", (ctx) -> depth(ctx, 100));
                config.routes.get("/fapi/v1/depth", (ctx) -> depth(ctx, 500));
                config.routes.ws("/stream", this::stream);
            }
            else
            {
                config.routes.ws("/*", this::stream);
            }
        });
    }

    /**
     * Load what is to be served and start listening.
     *
     * @param context settings; concluded here.
     * @return the running server.
     */
    public static FeedServer start(final ServeContext context)
    {
        final FeedServer server = new FeedServer(context);
        server.app.start(context.host(), context.port());
        return server;
    }

    /**
     * @return the port listened on.
     */
    public int port()
    {
        return app.port();
    }

    /**
     * @return stream messages in the replay (REST snapshot lines not counted).
     */
    public long streamMessages()
    {
        return messages.stream().filter((message) -> !message.snapshot()).count();
    }

    /**
     * Wait until the whole replay has been sent and the stream closed.
     *
     * @param timeoutMs longest wait.
     * @return true when it finished.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitFinished(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock)
        {
            while (!finished)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * @return one line: what was sent, dropped, corrupted, and how many connections and snapshots were served.
     */
    public String summary()
    {
        synchronized (lock)
        {
            return "sent=" + sent + " dropped=" + dropped + " corrupted=" + corrupted + " connections=" + connections +
                " connections_dropped=" + connectionsDropped + " refused=" + refusedConnections +
                " snapshots_served=" + snapshotsServed + " requests=" + requests.size() + " finished=" + finished;
        }
    }

    /**
     * @return the text messages clients sent, in order (a Kraken client's subscribe and unsubscribe requests).
     */
    public List<String> requests()
    {
        synchronized (lock)
        {
            return List.copyOf(requests);
        }
    }

    /**
     * Wait until no client is connected. After the end of the replay that is when the client has answered the
     * normal close (Jetty then reports the connection closed), so the close frame has reached it.
     *
     * @param timeoutMs longest wait.
     * @return true when no client is connected.
     * @throws InterruptedException when interrupted.
     */
    public boolean awaitDisconnected(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (lock)
        {
            while (null != session)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /**
     * Stops listening. After the end of the replay it first waits (at most {@link #CLOSE_HANDSHAKE_MS}) for the client
     * to answer the normal close: stopping at once can cut the connection before the close frame is out, and the
     * client would take the end for a dropped connection, reconnect to nothing and give up.
     */
    @Override
    public void close()
    {
        final boolean closing;
        synchronized (lock)
        {
            closing = finished && null != session;
        }
        if (closing)
        {
            try
            {
                awaitDisconnected(CLOSE_HANDSHAKE_MS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        app.stop();
    }

    private void stream(final WsConfig ws)
    {
        ws.onConnect(this::onConnect);
        ws.onMessage((ctx) ->
        {
            synchronized (lock)
            {
                if (session == ctx.session)
                {
                    requests.add(ctx.message());
                    lock.notifyAll();
                }
            }
        });
        ws.onClose((ctx) ->
        {
            synchronized (lock)
            {
                if (session == ctx.session)
                {
                    session = null;
                    lock.notifyAll();
                }
            }
        });
    }

    private void onConnect(final WsConnectContext ctx)
    {
        final Session connected = ctx.session;
        synchronized (lock)
        {
            if (null != session)
            {
                refusedConnections++;
                connected.close(1013, "one client at a time", Callback.NOOP);
                return;
            }
            if (finished)
            {
                connected.close(1000, END_OF_REPLAY, Callback.NOOP);
                return;
            }
            session = connected;
            connections++;
        }
        final Thread sender = new Thread(() -> send(connected), "feed-serve-sender");
        sender.setDaemon(true);
        sender.start();
    }

    private void send(final Session connected)
    {
        long startNs = 0;
        long startRecordedNs = -1;
        while (connected.isOpen())
        {
            final ServedMessage message;
            final long number;
            synchronized (lock)
            {
                if (next >= messages.size())
                {
                    break;
                }
                message = messages.get(next);
                if (message.snapshot())
                {
                    reachSnapshot(message);
                    next++;
                    continue;
                }
                if (message.reply() && !awaitRequest(connected))
                {
                    break; // the connection went while waiting: the reply is kept for the next one
                }
                if (message.depth())
                {
                    book.onDepth(message.json());
                }
                next++;
                number = ++reached;
            }
            if (!context.pace().isMax() && message.localNs() > 0)
            {
                if (startRecordedNs < 0)
                {
                    startRecordedNs = message.localNs();
                    startNs = System.nanoTime();
                }
                final long dueNs = startNs + context.pace().scale(message.localNs() - startRecordedNs);
                long waitNs;
                while ((waitNs = dueNs - System.nanoTime()) > 0)
                {
                    LockSupport.parkNanos(waitNs);
                }
            }
            if (!transmit(connected, message, number))
            {
                return;
            }
            if (number == context.faults().dropConnectionAt())
            {
                connected.disconnect();
                release(connected);
                synchronized (lock)
                {
                    connectionsDropped++;
                }
                return;
            }
        }
        final boolean ended;
        synchronized (lock)
        {
            if (next >= messages.size() && connected.isOpen())
            {
                finished = true;
                lock.notifyAll();
            }
            ended = finished;
        }
        if (ended)
        {
            if (connected.isOpen())
            {
                connected.close(1000, END_OF_REPLAY, Callback.NOOP);
            }
            return;
        }
        // This sender stops before the end (the connection was not open, or closed under it): the connection must not
        // stay connected and silent, nor keep its slot from the client's next attempt.
        connected.disconnect();
        release(connected);
    }

    /**
     * A connection this server dropped is free at once: Jetty may report its close late or not at all after an
     * abrupt disconnect, and a reconnecting client must not be refused as a second client meanwhile.
     */
    private void release(final Session connected)
    {
        synchronized (lock)
        {
            if (session == connected)
            {
                session = null;
                lock.notifyAll();
            }
        }
    }

    /**
     * Called with the lock held. The first snapshot line waits (bounded) for a connected client to ask for it.
     */
    private void reachSnapshot(final ServedMessage message)
    {
        if (!book.initialised() && !restAnsweredWhileConnected)
        {
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.snapshotRendezvousMs());
            long left;
            while (!restAnsweredWhileConnected && null != session && (left = deadline - System.nanoTime()) > 0)
            {
                try
                {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        book.onSnapshot(message.json());
    }

    /**
     * Called with the lock held: a reply line waits (bounded) for the request it answers, on this connection.
     *
     * @return false when the connection went meanwhile.
     */
    private boolean awaitRequest(final Session connected)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.snapshotRendezvousMs());
        long left;
        while (requests.size() <= repliesSent && session == connected && (left = deadline - System.nanoTime()) > 0)
        {
            try
            {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (session != connected)
        {
            return false;
        }
        repliesSent++;
        return true;
    }

    private boolean transmit(final Session connected, final ServedMessage message, final long number)
    {
        final String text;
        synchronized (lock)
        {
            if (number == context.faults().dropMessage())
            {
                dropped++;
                return true;
            }
            if (number == context.faults().corruptMessage())
            {
                corrupted++;
                text = message.json().substring(0, message.json().length() / 2);
            }
            else
            {
                text = message.json();
            }
        }
        final Callback.Completable done = new Callback.Completable();
        connected.sendText(text, done);
        try
        {
            done.get(30, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            connected.disconnect();
            release(connected);
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
        synchronized (lock)
        {
            sent++;
        }
        return true;
    }

    private void depth(final Context ctx, final int defaultLimit)
    {
        final String asked = ctx.queryParam("symbol");
        if (null == asked || !asked.toUpperCase(Locale.ROOT).equals(symbol))
        {
            ctx.status(400).contentType("application/json").result("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
            return;
        }
        final int limit;
        try
        {
            limit = null == ctx.queryParam("limit") ? defaultLimit : Integer.parseInt(ctx.queryParam("limit"));
        }
        catch (final NumberFormatException ex)
        {
            ctx.status(400).contentType("application/json").result("{\"code\":-1100,\"msg\":\"Illegal characters in parameter 'limit'.\"}");
            return;
        }
        if (limit < 1 || limit > 5000)
        {
            ctx.status(400).contentType("application/json").result("{\"code\":-1100,\"msg\":\"limit must be 1..5000.\"}");
            return;
        }
        final String body;
        synchronized (lock)
        {
            if (!book.initialised())
            {
                if (null == firstSnapshot)
                {
                    ctx.status(503).contentType("application/json").result("{\"code\":-1,\"msg\":\"the capture has no snapshot\"}");
                    return;
                }
                body = firstSnapshot;
            }
            else
            {
                body = book.render(limit);
            }
            snapshotsServed++;
            if (null != session)
            {
                restAnsweredWhileConnected = true;
                lock.notifyAll();
            }
        }
        ctx.contentType("application/json").result(body);
    }

    private static String symbolOf(final List<ServedMessage> messages)
    {
        for (final ServedMessage message : messages)
        {
            final String json = message.json();
            if (json.startsWith("{\"stream\":\""))
            {
                final int at = json.indexOf('@');
                if (at > 11)
                {
                    return json.substring(11, at).toUpperCase(Locale.ROOT);
                }
            }
        }
        throw new IllegalArgumentException("no combined-stream message ({\"stream\":...}) in the capture to take the symbol from");
    }
}
