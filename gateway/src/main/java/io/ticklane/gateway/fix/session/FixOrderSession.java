package io.ticklane.gateway.fix.session;

import io.aeron.Publication;
import io.ticklane.fix44.FixDictionaryImpl;
import io.ticklane.gateway.fix.FixInstruments;
import io.ticklane.gateway.fix.FixOrderEncoding;
import io.ticklane.gateway.fix.FixReportDecoding;
import io.ticklane.gateway.fix.OrderTimeInForceMemory;
import io.ticklane.gateway.transport.OrderGateway;
import io.ticklane.gateway.transport.TickToQuoteTimer;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import uk.co.real_logic.artio.MonitoringAgentFactory;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConnectHandler;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.session.Session;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's FIX 4.4 session to a venue, on Artio: an Agrona {@link Agent} on a thread of its own (the one thread
 * that touches the {@link FixLibrary}) that logs on, reconnects with backoff when the session is lost or a logon
 * fails, and has {@link FixOrderSender} send the orders the order sender handed over ({@link #gateway()}). The library
 * has its own thread because it can block its poller: a library that lost its engine retries its connect on every
 * poll, about a second each time; on the trading thread that froze the daemon, here it delays only FIX. A session that
 * was up when its library lost the engine is reported lost (the engine, which would report it, is what is gone), and
 * the sessions the engine hands back when the library reconnects are disconnected before the next logon. The venue's
 * answers go to the daemon's report stream through {@link FixReportPublisher}. Sequence numbers and the message
 * archive persist in the store directory ({@link FixSessionEngine}) unless reset-on-logon is set. The session counts as
 * up (orders go out, the strategy hears CONNECTED and asks for the venue's orders) only once the gap a logon revealed
 * has been resent: a status answer must never overtake a report the venue sent while the session was down, or the
 * reconciliation would infer a fill that the resent report then books again. Closing logs out (bounded) before the
 * engine stops.
 */
public final class FixOrderSession implements Agent, AutoCloseable
{
    private static final int FRAGMENT_LIMIT = 32;
    /** Bytes of order frames the hand-off ring holds (frames are a few hundred bytes at most). */
    private static final int ORDER_RING_BYTES = 64 * 1024;
    private static final long LOGOUT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final int WAITING = 0;
    private static final int LOGGING_ON = 1;
    private static final int AWAITING_ACTIVE = 2;
    private static final int ACTIVE = 3;
    /** In the store directory: the inbound MsgSeqNums already processed, across restarts. */
    static final String PROCESSED_FILE = "processed-seqnums.dat";

    private final FixSessionConfig config;
    private final FixSessionEngine engine;
    private final ProcessedSequenceNumbers processed;
    private final FixLibrary library;
    private final Publication reports;
    private final FixReportPublisher publisher;
    private final FixSessionCounters counters;
    private final EpochNanoClock clock;
    private final FixOrderHandoff handoff;
    private final FixOrderSender sender;
    private final SessionConfiguration sessionConfiguration;
    private int state = WAITING;
    /** The order sender's thread reads this: true only in the ACTIVE state. */
    private volatile boolean loggedOn;
    /** Set by the library's connect handler (inside a poll), handled after it. */
    private boolean engineLost;
    /** After an engine loss: sessions the engine hands back on the library's reconnection are disconnected. */
    private boolean dropHandedBackSessions;
    /** A session lost with its library's engine, not yet reported to the strategy. */
    private boolean lossUnreported;
    private Reply<Session> logon;
    private Session session;
    private long nextAttemptNs;
    private long activeByNs;
    private long reconnectDelayMs;
    private boolean closed;

    private FixOrderSession(
        final FixSessionConfig config,
        final FixSessionEngine engine,
        final ProcessedSequenceNumbers processed,
        final Publication reports,
        final FixSessionCounters counters,
        final EpochNanoClock clock,
        final long sendTimeoutNs,
        final AtomicReference<String> haltReason,
        final TickToQuoteTimer timer)
    {
        this.config = config;
        this.engine = engine;
        this.processed = processed;
        this.reports = reports;
        this.counters = counters;
        this.clock = clock;
        final OneToOneRingBuffer orders = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            ORDER_RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH)));
        this.handoff = new FixOrderHandoff(this, orders, counters, clock, sendTimeoutNs);
        final FixInstruments instruments = new FixInstruments(List.of(config.instrument()));
        final OrderTimeInForceMemory timesInForce = new OrderTimeInForceMemory();
        this.sender = new FixOrderSender(
            orders, new FixOrderEncoding(instruments, timesInForce), counters, sendTimeoutNs, haltReason, timer, clock);
        this.publisher = new FixReportPublisher(
            reports, new FixReportDecoding(instruments, timesInForce), counters, clock, config.instrument().instrumentId(), processed);
        this.reconnectDelayMs = config.reconnectInitialMs();
        this.sessionConfiguration = SessionConfiguration.builder()
            .address(config.host(), config.port())
            .senderCompId(config.senderCompId())
            .targetCompId(config.targetCompId())
            .credentials(config.username(), config.password())
            .resetSeqNum(config.resetSeqNumOnLogon())
            .sequenceNumbersPersistent(!config.resetSeqNumOnLogon())
            .timeoutInMs(config.logonTimeoutMs())
            .fixDictionary(FixDictionaryImpl.class)
            .build();
        final LibraryConfiguration libraryConfiguration = new LibraryConfiguration()
            .libraryAeronChannels(List.of("aeron:ipc"))
            .sessionAcquireHandler((acquired, info) -> publisher)
            .libraryConnectHandler(new LibraryConnectHandler()
            {
                public void onConnect(final FixLibrary library)
                {
                }

                public void onDisconnect(final FixLibrary library)
                {
                    engineLost = true;
                }
            })
            .defaultHeartbeatIntervalInS(config.heartbeatIntervalS());
        libraryConfiguration.monitoringFile(config.storeDir().resolve("library-monitoring").toString());
        libraryConfiguration.monitoringAgentFactory(MonitoringAgentFactory.none());
        libraryConfiguration.aeronContext().aeronDirectoryName(engine.aeronDirectoryName());
        this.library = FixLibrary.connect(libraryConfiguration);
    }

    /**
     * Starts the engine in the store directory and connects the library; the first logon is tried on the first duty
     * cycle. Run the session as an agent on a thread of its own and give the order sender {@link #gateway()}.
     *
     * @param config        the session's settings.
     * @param reports       the daemon's report stream (owned from here on: closed with the session).
     * @param manager       the daemon's counters, where {@link FixSessionCounters} go.
     * @param typeId        the daemon's counter type.
     * @param labelPrefix   the daemon's counter label prefix.
     * @param clock         the daemon's clock.
     * @param sendTimeoutNs how long after its hand-over an order may still be sent, and how long a full hand-off
     *                      ring holds the sender, before the daemon halts.
     * @param haltReason    the daemon's halt reason, set from the session's thread when an order is given up on.
     * @param timer         times tick-to-quote when Artio takes each order (on the session's thread only).
     * @return the session, not yet logged on.
     * @throws IOException if the store directory cannot be made.
     */
    public static FixOrderSession launch(
        final FixSessionConfig config,
        final Publication reports,
        final CountersManager manager,
        final int typeId,
        final String labelPrefix,
        final EpochNanoClock clock,
        final long sendTimeoutNs,
        final AtomicReference<String> haltReason,
        final TickToQuoteTimer timer) throws IOException
    {
        final FixSessionEngine engine = FixSessionEngine.launch(config.storeDir());
        FixSessionCounters counters = null;
        ProcessedSequenceNumbers processed = null;
        try
        {
            processed = ProcessedSequenceNumbers.open(config.storeDir().resolve(PROCESSED_FILE));
            counters = new FixSessionCounters(manager, typeId, labelPrefix);
            return new FixOrderSession(
                config, engine, processed, reports, counters, clock, sendTimeoutNs, haltReason, timer);
        }
        catch (final RuntimeException ex)
        {
            if (null != counters)
            {
                counters.close();
            }
            CloseHelper.quietClose(processed);
            CloseHelper.quietClose(engine);
            throw ex;
        }
    }

    /**
     * @return where the order sender hands order frames, from its own thread (one producer).
     */
    public OrderGateway gateway()
    {
        return handoff;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "fix-session";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        int work = library.poll(FRAGMENT_LIMIT);
        final long nowNs = clock.nanoTime();
        if (engineLost)
        {
            engineLost = false;
            work += onEngineLost(nowNs);
        }
        if (lossUnreported && publisher.onSessionLost())
        {
            lossUnreported = false;
            work++;
        }
        switch (state)
        {
            case WAITING:
                if (library.isConnected() && dropHandedBackSessions)
                {
                    dropHandedBackSessions = false;
                    work += disconnectHandedBackSessions();
                }
                if (!lossUnreported && library.isConnected() && nowNs - nextAttemptNs >= 0)
                {
                    publisher.onInitiate();
                    logon = library.initiate(sessionConfiguration);
                    state = LOGGING_ON;
                    work++;
                }
                break;
            case LOGGING_ON:
                if (!logon.isExecuting())
                {
                    if (logon.hasCompleted())
                    {
                        session = logon.resultIfPresent();
                        state = AWAITING_ACTIVE;
                        activeByNs = nowNs + TimeUnit.MILLISECONDS.toNanos(config.activeTimeoutMs());
                    }
                    else
                    {
                        // refused, timed out or no connection: counted with its reason, tried again later
                        retryLater(nowNs, logon.hasErrored() && null != logon.error() ?
                            "logon failed: " + logon.error().getMessage() : logon.hasTimedOut() ?
                            "no logon answer within " + config.logonTimeoutMs() + " ms" : "logon ended " + logon.state());
                    }
                    logon = null;
                    work++;
                }
                break;
            case AWAITING_ACTIVE:
                if (publisher.isDisconnected())
                {
                    retryLater(nowNs, "disconnected after the logon, before the session was active (venue's Logout or a " +
                        "dropped connection)");
                }
                else if (session.isActive() && !session.awaitingResend() && publisher.onLogon())
                {
                    state = ACTIVE;
                    loggedOn = true;
                    reconnectDelayMs = config.reconnectInitialMs();
                    counters.loggedOnAfterFailures();
                    work++;
                }
                else if (nowNs - activeByNs > 0)
                {
                    // A resend that never completes (or a session that never turns active) must not hold the daemon
                    // unreconciled for ever: drop the connection and log on again, which asks for the gap anew.
                    final String why = "not active within " + config.activeTimeoutMs() + " ms of the logon (" +
                        (session.awaitingResend() ? "a resend never completed" : "session " + session.state()) + ")";
                    session.requestDisconnect();
                    retryLater(nowNs, why);
                    work++;
                }
                break;
            default:
                if (publisher.isDisconnected())
                {
                    loggedOn = false;
                    session = null;
                    state = WAITING;
                    nextAttemptNs = nowNs + TimeUnit.MILLISECONDS.toNanos(reconnectDelayMs);
                    work++;
                }
                break;
        }
        work += sender.sendOrders(ACTIVE == state ? session : null, nowNs);
        if (publisher.flushPending())
        {
            return work;
        }
        return work + 1;
    }

    private int onEngineLost(final long nowNs)
    {
        dropHandedBackSessions = true;
        if (WAITING == state)
        {
            return 0;
        }
        if (ACTIVE == state)
        {
            loggedOn = false;
            lossUnreported = true; // DISCONNECTED to the strategy, after what the publisher still holds
            session = null;
            state = WAITING;
            nextAttemptNs = nowNs + TimeUnit.MILLISECONDS.toNanos(reconnectDelayMs);
        }
        else
        {
            logon = null;
            retryLater(nowNs, "the FIX library lost its engine during the logon (no answer within Artio's reply timeout)");
        }
        return 1;
    }

    private int disconnectHandedBackSessions()
    {
        // the engine gives a reconnecting library the sessions it took over; a session this side already reported
        // lost is ended, and the next logon (and its reconciliation) starts clean
        int disconnected = 0;
        for (final Session handedBack : library.sessions())
        {
            handedBack.requestDisconnect();
            disconnected++;
        }
        return disconnected;
    }

    private void retryLater(final long nowNs, final String reason)
    {
        counters.logonFailed(reason);
        session = null;
        state = WAITING;
        nextAttemptNs = nowNs + TimeUnit.MILLISECONDS.toNanos(reconnectDelayMs);
        reconnectDelayMs = Math.min(config.reconnectMaxMs(), reconnectDelayMs * 2);
    }

    /**
     * @return true while the session is logged on and active: orders handed over now are sent.
     */
    boolean isLoggedOn()
    {
        return loggedOn;
    }

    /**
     * @return the session's counters.
     */
    public FixSessionCounters counters()
    {
        return counters;
    }

    /**
     * Logs out if logged on (waiting, bounded, for the venue's Logout), then closes the library, the engine and the
     * report stream. Call after the session's thread stopped.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        loggedOn = false;
        try
        {
            if (ACTIVE == state && null != session && session.isActive())
            {
                session.startLogout();
                final long deadlineNs = System.nanoTime() + LOGOUT_TIMEOUT_NS;
                while (!publisher.isDisconnected() && System.nanoTime() - deadlineNs < 0)
                {
                    if (0 == library.poll(FRAGMENT_LIMIT))
                    {
                        Thread.onSpinWait();
                    }
                }
            }
            publisher.flushPending();
        }
        finally
        {
            CloseHelper.closeAll(library, processed, engine, reports);
            counters.close();
        }
    }
}
