package io.ticklane.gateway.fix.session;

import io.aeron.Publication;
import io.ticklane.fix44.FixDictionaryImpl;
import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.fix44.builder.OrderCancelReplaceRequestEncoder;
import io.ticklane.fix44.builder.OrderCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassStatusRequestEncoder;
import io.ticklane.gateway.fix.FixInstruments;
import io.ticklane.gateway.fix.FixOrderEncoding;
import io.ticklane.gateway.fix.FixOrderRefusal;
import io.ticklane.gateway.fix.FixReportDecoding;
import io.ticklane.gateway.fix.OrderTimeInForceMemory;
import io.ticklane.gateway.transport.OrderGateway;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.CountersManager;
import uk.co.real_logic.artio.MonitoringAgentFactory;
import uk.co.real_logic.artio.Pressure;
import uk.co.real_logic.artio.Reply;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.library.FixLibrary;
import uk.co.real_logic.artio.library.LibraryConfiguration;
import uk.co.real_logic.artio.library.SessionConfiguration;
import uk.co.real_logic.artio.session.Session;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's order gateway to a FIX 4.4 venue, on Artio: an Agrona {@link Agent} on the order sender's thread (the
 * one thread that may touch the {@link FixLibrary}) that logs on, reconnects with backoff when the session is lost
 * or a logon fails, and sends each SBE order the sender hands it as the FIX message {@link FixOrderEncoding} makes.
 * The venue's answers go to the daemon's report stream through {@link FixReportPublisher}. While the session is down
 * an order frame is not sent, only counted: nothing stale leaves after a reconnection, and the strategy, halted by
 * the {@code VenueSession} frame, asks the venue what it holds once logged on again. Sequence numbers and the
 * message archive persist in the store directory ({@link FixSessionEngine}) unless reset-on-logon is set. The
 * session counts as up (orders go out, the strategy hears CONNECTED and asks for the venue's orders) only once the
 * gap a logon revealed has been resent: a status answer must never overtake a report the venue sent while the session
 * was down, or the reconciliation would infer a fill that the resent report then books again. Closing logs out
 * (bounded) before the engine stops.
 */
public final class FixOrderSession implements OrderGateway, Agent
{
    private static final int FRAGMENT_LIMIT = 32;
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
    private final long sendTimeoutNs;
    private final SessionConfiguration sessionConfiguration;
    private final FixOrderEncoding encoding;
    private final long[] orderRefusals = new long[FixSessionCounters.orderRefusals().length];
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private final NewOrderSingleEncoder newOrderSingle = new NewOrderSingleEncoder();
    private final OrderCancelRequestEncoder cancelRequest = new OrderCancelRequestEncoder();
    private final OrderCancelReplaceRequestEncoder replaceRequest = new OrderCancelReplaceRequestEncoder();
    private final OrderMassCancelRequestEncoder massCancelRequest = new OrderMassCancelRequestEncoder();
    private final OrderMassStatusRequestEncoder massStatusRequest = new OrderMassStatusRequestEncoder();
    private int state = WAITING;
    private Reply<Session> logon;
    private Session session;
    private long nextAttemptNs;
    private long activeByNs;
    private long reconnectDelayMs;
    private String failure = "NONE";
    private boolean closed;

    private FixOrderSession(
        final FixSessionConfig config,
        final FixSessionEngine engine,
        final ProcessedSequenceNumbers processed,
        final Publication reports,
        final FixSessionCounters counters,
        final EpochNanoClock clock,
        final long sendTimeoutNs)
    {
        this.config = config;
        this.engine = engine;
        this.processed = processed;
        this.reports = reports;
        this.counters = counters;
        this.clock = clock;
        this.sendTimeoutNs = sendTimeoutNs;
        final FixInstruments instruments = new FixInstruments(List.of(config.instrument()));
        final OrderTimeInForceMemory timesInForce = new OrderTimeInForceMemory();
        this.encoding = new FixOrderEncoding(instruments, timesInForce);
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
            .defaultHeartbeatIntervalInS(config.heartbeatIntervalS());
        libraryConfiguration.monitoringFile(config.storeDir().resolve("library-monitoring").toString());
        libraryConfiguration.monitoringAgentFactory(MonitoringAgentFactory.none());
        libraryConfiguration.aeronContext().aeronDirectoryName(engine.aeronDirectoryName());
        this.library = FixLibrary.connect(libraryConfiguration);
    }

    /**
     * Starts the engine in the store directory and connects the library; the first logon is tried on the first duty
     * cycle.
     *
     * @param config        the session's settings.
     * @param reports       the daemon's report stream (owned from here on: closed with the session).
     * @param manager       the daemon's counters, where {@link FixSessionCounters} go.
     * @param typeId        the daemon's counter type.
     * @param labelPrefix   the daemon's counter label prefix.
     * @param clock         the daemon's clock.
     * @param sendTimeoutNs how long a back-pressured order is retried before the daemon halts.
     * @return the session gateway, not yet logged on.
     * @throws IOException if the store directory cannot be made.
     */
    public static FixOrderSession launch(
        final FixSessionConfig config,
        final Publication reports,
        final CountersManager manager,
        final int typeId,
        final String labelPrefix,
        final EpochNanoClock clock,
        final long sendTimeoutNs) throws IOException
    {
        final FixSessionEngine engine = FixSessionEngine.launch(config.storeDir());
        FixSessionCounters counters = null;
        ProcessedSequenceNumbers processed = null;
        try
        {
            processed = ProcessedSequenceNumbers.open(config.storeDir().resolve(PROCESSED_FILE));
            counters = new FixSessionCounters(manager, typeId, labelPrefix);
            return new FixOrderSession(config, engine, processed, reports, counters, clock, sendTimeoutNs);
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
        switch (state)
        {
            case WAITING:
                if (library.isConnected() && nowNs - nextAttemptNs >= 0)
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
                    session = null;
                    state = WAITING;
                    nextAttemptNs = nowNs + TimeUnit.MILLISECONDS.toNanos(reconnectDelayMs);
                    work++;
                }
                break;
        }
        if (publisher.flushPending())
        {
            return work;
        }
        return work + 1;
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
     * {@inheritDoc}
     */
    public boolean isConnected()
    {
        return ACTIVE == state;
    }

    /**
     * {@inheritDoc}
     */
    public int send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (ACTIVE != state || !session.isActive())
        {
            counters.notSent.incrementRelease();
            return NOT_SENT;
        }
        header.wrap(buffer, offset);
        final Encoder message;
        final boolean mapped;
        switch (header.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                mapped = encoding.newOrderSingle(newOrder.wrapAndApplyHeader(buffer, offset, header), newOrderSingle);
                message = newOrderSingle;
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                mapped = encoding.orderCancelRequest(cancelOrder.wrapAndApplyHeader(buffer, offset, header), cancelRequest);
                message = cancelRequest;
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                mapped = encoding.orderCancelReplaceRequest(
                    replaceOrder.wrapAndApplyHeader(buffer, offset, header), replaceRequest);
                message = replaceRequest;
                if (encoding.replacesWithoutTimeInForce() != counters.replacesWithoutTimeInForce.get())
                {
                    counters.replacesWithoutTimeInForce.setRelease(encoding.replacesWithoutTimeInForce());
                }
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                mapped = encoding.orderMassCancelRequest(
                    massCancel.wrapAndApplyHeader(buffer, offset, header), massCancelRequest);
                message = massCancelRequest;
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                mapped = encoding.orderMassStatusRequest(
                    statusRequest.wrapAndApplyHeader(buffer, offset, header), massStatusRequest);
                message = massStatusRequest;
                break;
            default:
                failure = "no FIX message for SBE template " + header.templateId();
                return FAILED;
        }
        if (!mapped)
        {
            failure = "the FIX mapping refused an order: " + syncOrderRefusals();
            return FAILED;
        }
        return trySend(message);
    }

    private int trySend(final Encoder message)
    {
        long position = session.trySend(message);
        if (position > 0)
        {
            return SENT;
        }
        final long deadlineNs = clock.nanoTime() + sendTimeoutNs;
        while (Pressure.isBackPressured(position) && clock.nanoTime() - deadlineNs < 0)
        {
            Thread.onSpinWait();
            position = session.trySend(message);
            if (position > 0)
            {
                return SENT;
            }
        }
        failure = "FIX session did not take an order: " + (Pressure.isBackPressured(position) ?
            "back-pressured for " + TimeUnit.NANOSECONDS.toMillis(sendTimeoutNs) + " ms" : "error " + position);
        return FAILED;
    }

    private String syncOrderRefusals()
    {
        final StringBuilder refused = new StringBuilder();
        for (final FixOrderRefusal refusal : FixSessionCounters.orderRefusals())
        {
            final long total = encoding.refusals(refusal);
            if (total != orderRefusals[refusal.ordinal()])
            {
                orderRefusals[refusal.ordinal()] = total;
                counters.orderRefused(refusal, total);
                refused.append(refusal).append(' ');
            }
        }
        return refused.toString().trim();
    }

    /**
     * {@inheritDoc}
     */
    public void sendHeartbeat(final DirectBuffer buffer, final int offset, final int length)
    {
        // the FIX session has its own heartbeats and test requests (Artio's); Ticklane's heartbeat frame is not FIX
    }

    /**
     * {@inheritDoc}
     */
    public String failure()
    {
        return failure;
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
     * report stream. Call from the thread that ran the agent, or after it stopped.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
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
