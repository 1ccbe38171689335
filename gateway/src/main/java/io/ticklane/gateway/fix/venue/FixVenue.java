package io.ticklane.gateway.fix.venue;

import io.aeron.Subscription;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.MessageStoreFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated exchange behind a FIX 4.4 acceptor, built on QuickFIX/J so that Ticklane's Artio initiator is always
 * tested against an independent implementation of the protocol, over real TCP. One session (the configured
 * SenderCompID/TargetCompID pair) logs on with the configured Username/Password; its orders go to the exchange's
 * matching engine as SBE messages on the exchange's Aeron order stream and the engine's reports come back as FIX
 * messages (see {@link FixOrderBridge}). Messages are validated against QuickFIX/J's FIX44.xml.
 * <p>
 * Threads: QuickFIX/J's acceptor thread (socket I/O, session protocol, logon check) hands application messages to
 * the bridge's own thread, which publishes to the order stream, polls the report stream and sends the answers.
 */
public final class FixVenue implements AutoCloseable
{
    private static final long CONNECT_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);

    private final SocketAcceptor acceptor;
    private final AgentRunner runner;
    private final FramePublisher orders;
    private final Subscription reports;
    private final FixVenueCounters counters;
    private final AtomicReference<Throwable> firstError;
    private final SessionID sessionId;
    private final int port;
    private boolean closed;

    private FixVenue(
        final SocketAcceptor acceptor,
        final AgentRunner runner,
        final FramePublisher orders,
        final Subscription reports,
        final FixVenueCounters counters,
        final AtomicReference<Throwable> firstError,
        final SessionID sessionId,
        final int port)
    {
        this.acceptor = acceptor;
        this.runner = runner;
        this.orders = orders;
        this.reports = reports;
        this.counters = counters;
        this.firstError = firstError;
        this.sessionId = sessionId;
        this.port = port;
    }

    /**
     * Joins the exchange's order and report streams, starts the bridge thread and listens on the port.
     *
     * @param config       session settings.
     * @param port         TCP port to accept on, on 127.0.0.1 only.
     * @param transport    the exchange's transport (shared: never closed here).
     * @param instrumentId the instrument the exchange matches.
     * @param symbol       the FIX symbol of that instrument when the config names none.
     * @param clock        the clock of order send times.
     * @return the running venue.
     * @throws IllegalArgumentException if QuickFIX/J refuses the settings or cannot listen on the port.
     * @throws IllegalStateException    if the exchange's streams do not connect in time.
     */
    public static FixVenue launch(
        final FixVenueConfig config,
        final int port,
        final Transport transport,
        final long instrumentId,
        final String symbol,
        final EpochNanoClock clock)
    {
        final TransportContext channels = transport.context();
        final SessionID sessionId = new SessionID("FIX.4.4", config.senderCompId(), config.targetCompId());
        final SessionSettings settings = new SessionSettings();
        settings.setString("ConnectionType", "acceptor");
        settings.setString("SocketAcceptHost", "127.0.0.1");
        settings.setLong("SocketAcceptPort", port);
        settings.setString("StartTime", "00:00:00");
        settings.setString("EndTime", "00:00:00");
        settings.setBool("NonStopSession", true);
        settings.setString("BeginString", "FIX.4.4");
        settings.setBool("UseDataDictionary", true);
        settings.setString("DataDictionary", "FIX44.xml");
        settings.setBool("ValidateUserDefinedFields", true);
        settings.setString("TimeStampPrecision", "MICROS");
        if (null != config.storeDir())
        {
            settings.setString("FileStorePath", config.storeDir().toString());
        }
        settings.setString(sessionId, "SenderCompID", config.senderCompId());
        settings.setString(sessionId, "TargetCompID", config.targetCompId());

        final FixVenueCounters counters = new FixVenueCounters();
        final ManyToOneConcurrentLinkedQueue<FixOrderBridge.Inbound> inbound = new ManyToOneConcurrentLinkedQueue<>();
        FramePublisher orders = null;
        Subscription reports = null;
        AgentRunner runner = null;
        try
        {
            orders = transport.publisher(channels.orderChannel(), channels.orderStreamId());
            reports = transport.subscription(channels.reportChannel(), channels.reportStreamId());
            final long deadline = System.nanoTime() + CONNECT_TIMEOUT_NS;
            while (!orders.isConnected() || !reports.isConnected())
            {
                if (System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("no simulated exchange on the order stream " +
                        channels.orderStreamId() + " and report stream " + channels.reportStreamId() + " of " +
                        channels.aeronDirectoryName());
                }
                Thread.onSpinWait();
                Thread.yield();
            }
            final FixUnits units = new FixUnits(config.tickSize(), config.lotSize());
            final FixOrderBridge bridge = new FixOrderBridge(inbound, orders, reports, counters, units, instrumentId,
                null == config.symbol() ? symbol : config.symbol(), clock);
            final AtomicReference<Throwable> firstError = new AtomicReference<>();
            runner = new AgentRunner(new BackoffIdleStrategy(), (t) -> firstError.compareAndSet(null, t), null, bridge);
            AgentRunner.startOnThread(runner);
            final MessageStoreFactory store = null == config.storeDir() ?
                new MemoryStoreFactory() : new FileStoreFactory(settings);
            final SocketAcceptor acceptor = new SocketAcceptor(
                new FixVenueApplication(config.username(), config.password(), inbound, counters),
                store, settings, null, new DefaultMessageFactory());
            acceptor.start();
            return new FixVenue(acceptor, runner, orders, reports, counters, firstError, sessionId, port);
        }
        catch (final ConfigError | quickfix.RuntimeError ex)
        {
            CloseHelper.quietCloseAll(runner, orders, reports);
            throw new IllegalArgumentException("FIX acceptor on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(runner, orders, reports);
            throw ex;
        }
    }

    /**
     * @return what the venue did; readable from any thread.
     */
    public FixVenueCounters counters()
    {
        return counters;
    }

    /**
     * @return the first error the bridge thread raised, or null.
     */
    public Throwable firstError()
    {
        return firstError.get();
    }

    /**
     * @return the FIX session the venue accepts (from the venue's side: SenderCompID is the venue's).
     */
    public SessionID sessionId()
    {
        return sessionId;
    }

    /**
     * @return the TCP port the venue accepts on.
     */
    public int port()
    {
        return port;
    }

    /**
     * Logs the session out, stops accepting, then stops the bridge thread and leaves the exchange's streams.
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
            acceptor.stop(false);
        }
        finally
        {
            CloseHelper.quietCloseAll(runner, orders, reports);
        }
    }
}
