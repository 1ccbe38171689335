package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.aeron.Subscription;
import io.ticklane.gateway.fix.session.FixOrderSession;
import io.ticklane.gateway.fix.session.FixSessionConfig;
import io.ticklane.gateway.fix.session.FixSessionCounters;
import io.ticklane.gateway.transport.OrderGateway;
import io.ticklane.gateway.transport.TickToQuoteTimer;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.state.StateStore;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import org.HdrHistogram.Recorder;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The running quoting daemon: wires transport, rings, journal, strategy and the four agents, starts them in the
 * configured thread layout, and stops them gracefully: a STOP through the inbound ring (so it is journaled and
 * replayable) cancels every order, the daemon waits for the venue to confirm, then the agents close in pipeline
 * order and the journal, drained, gets its trailer.
 * <p>
 * Each start makes a run directory (UTC start time) holding the journal, the strategy's effective settings
 * ({@code strategy.properties}, what {@code ticklane replay --config} takes) and the daemon's settings.
 */
public final class Daemon implements AutoCloseable
{
    /** Where the FIX session publishes the SBE reports it makes ({@code fix.report_stream}, inside this process). */
    static final String FIX_REPORT_CHANNEL = "aeron:ipc";

    private final DaemonConfig config;
    private final Path runDirectory;
    private final Transport transport;
    private final boolean ownsTransport;
    private final DaemonCounters counters;
    private final OrderGateway orders;
    private final FixOrderSession fixSession;
    private final Subscription marketData;
    private final Subscription reports;
    private final Subscription admin;
    private final Recorder tickToQuote = new Recorder(OrderSenderAgent.HIGHEST_LATENCY_NS, 3);
    private final Recorder tickToQuoteFromReceive = new Recorder(OrderSenderAgent.HIGHEST_LATENCY_NS, 3);
    private final AtomicReference<String> haltReason = new AtomicReference<>();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final AtomicBoolean venueConnected = new AtomicBoolean();
    private final TradingAgent trading;
    private final ReceiverAgent receiver;
    private final OrderSenderAgent sender;
    private final JournalAgent journal;
    private final QuotingStrategy strategy;
    private final StageLatencies stageLatencies;
    private final DaemonState state;
    private final DaemonCountersFile countersFile;
    private final InboundPositions inboundPositions;
    private final String recoveryDescription;
    private final List<AgentRunner> runners = new ArrayList<>();
    private boolean closed;

    private Daemon(
        final DaemonConfig config,
        final Transport sharedTransport,
        final EpochNanoClock clock,
        final UnaryOperator<MessageHandler> inboundSeam)
        throws IOException
    {
        this.config = config;
        this.ownsTransport = null == sharedTransport;
        this.transport = ownsTransport ? Transport.launch(config.transportContext()) : sharedTransport;
        DaemonState openedState = null;
        DaemonCountersFile openedCounters = null;
        InboundPositions openedPositions = null;
        OrderGateway openedOrders = null;
        try
        {
            final TransportContext channels = config.transportContext();
            openedCounters = DaemonCountersFile.create(Path.of(transport.context().aeronDirectoryName()));
            countersFile = openedCounters;
            counters = new DaemonCounters(countersFile.manager());
            marketData = transport.subscription(channels.marketDataChannel(), channels.marketDataStreamId());
            admin = transport.subscription(channels.adminChannel(), channels.adminStreamId());
            final FixSessionConfig fix = config.fixSession();
            if (null == fix)
            {
                reports = transport.subscription(channels.reportChannel(), channels.reportStreamId());
                openedOrders = transport.publisher(channels.orderChannel(), channels.orderStreamId());
                fixSession = null;
            }
            else
            {
                // the FIX session's answers, as SBE reports, reach the receiver over IPC: validated and journaled
                // like any venue's
                reports = transport.subscription(FIX_REPORT_CHANNEL, config.fixReportStreamId());
                fixSession = FixOrderSession.launch(fix,
                    transport.aeron().addExclusivePublication(FIX_REPORT_CHANNEL, config.fixReportStreamId()),
                    countersFile.manager(), DaemonCounters.TYPE_ID, DaemonCounters.PREFIX, clock, channels.offerTimeoutNs(),
                    haltReason, new TickToQuoteTimer(tickToQuote, tickToQuoteFromReceive));
                openedOrders = fixSession.gateway(); // closing it closes the session
            }
            orders = openedOrders;

            final RingBuffer<FrameSlot> inbound = FrameSlot.newRing(config.ringSlots(), config.slotBytes());
            final RingBuffer<FrameSlot> outbound = FrameSlot.newRing(config.ringSlots(), config.slotBytes());
            final EventPoller<FrameSlot> journalInbound = inbound.newPoller();
            // journal first: the strategy only sees a frame once it is journaled, so a restart's replay of the
            // journal tail covers everything the strategy had applied
            final EventPoller<FrameSlot> tradingPoller = inbound.newPoller(journalInbound.getSequence());
            inbound.addGatingSequences(tradingPoller.getSequence(), journalInbound.getSequence());
            final EventPoller<FrameSlot> senderPoller = outbound.newPoller();
            final EventPoller<FrameSlot> journalOutbound = outbound.newPoller();
            outbound.addGatingSequences(senderPoller.getSequence(), journalOutbound.getSequence());

            trading = new TradingAgent(tradingPoller, outbound, config.outboundReserve(), counters, haltReason);
            strategy = config.strategy().newStrategy(trading);
            trading.strategy(strategy);
            trading.handler(inboundSeam.apply(strategy));
            trading.haltOnHandlerError(config.haltOnHandlerError());

            Files.createDirectories(config.stateFile().toAbsolutePath().getParent());
            openedState = new DaemonState(StateStore.open(config.stateFile(), 1, strategy.maxCheckpointLength()),
                config.strategy().instrumentId(), strategy.maxCheckpointLength());
            state = openedState;
            final RunRecovery recovery = RunRecovery.prepare(config, strategy, trading, state, clock);
            runDirectory = recovery.runDirectory;
            recoveryDescription = recovery.description;
            trading.state(state, recovery.run, recovery.inboundRecords);
            trading.saveState(); // the replayed tail is now in the saved record, at this run's position
            if (recovery.replayErrors > 0)
            {
                counters.handlerErrors.getAndAddRelease(recovery.replayErrors);
                counters.handlerErrorRecord.setRelease(recovery.lastReplayErrorRecord);
                if (config.haltOnHandlerError())
                {
                    haltReason.compareAndSet(null, TradingAgent.HANDLER_ERROR_HALT); // the first frame is then a STOP
                }
            }

            journal = new JournalAgent(journalInbound, journalOutbound, recovery.writer, counters, new JournalSpace(
                runDirectory.resolve("journal"), config.journalMinFreeBytes(), haltReason, counters));
            // each agent thread reads time through its own ForwardClock: a clock stepping back never reaches the pipeline
            receiver = new ReceiverAgent(inbound, marketData, reports, admin, new ForwardClock(clock, counters.clockStepsBack),
                config.timerIntervalNs(), new AdminAuthenticator(config.adminToken(), config.adminThrottle(),
                counters.adminRejected, counters.adminThrottled), haltReason, counters, outbound, journalInbound.getSequence());
            sender = new OrderSenderAgent(senderPoller, orders, new ForwardClock(clock, null), tickToQuote, tickToQuoteFromReceive,
                config.heartbeatIntervalNs(), counters, haltReason, venueConnected);
            receiver.exchangeTimeOrigin(config.exchangeTimeOrigin());
            // beside the state, not in the run: a new run must pass over what the last one took, as a continued run
            openedPositions = InboundPositions.open(config.stateFile().toAbsolutePath().getParent());
            inboundPositions = openedPositions;
            receiver.inboundPositions(inboundPositions);
            stageLatencies = config.stageLatency() ? new StageLatencies(clock) : null;
            if (null != stageLatencies)
            {
                strategy.stageStamps(stageLatencies);
                trading.stageLatencies(stageLatencies);
                sender.stageLatencies(stageLatencies);
            }
            // ask the venue what it holds before quoting (cancel what we do not know, adopt what we do), through
            // the inbound ring, so the request is journaled and a replay makes it too
            receiver.requestOrderStatusAtStart(config.strategy().instrumentId());
        }
        catch (final RuntimeException | IOException ex)
        {
            CloseHelper.quietClose(openedOrders);
            CloseHelper.quietClose(openedState);
            CloseHelper.quietClose(openedCounters);
            CloseHelper.quietClose(openedPositions);
            if (ownsTransport)
            {
                CloseHelper.quietClose(transport);
            }
            throw ex;
        }
    }

    /**
     * Builds and starts a daemon.
     *
     * @param config          validated configuration.
     * @param sharedTransport a transport to use (the demo shares one with its venue), or null to launch the
     *                        configured one.
     * @param clock           the clock inbound frames are stamped with.
     * @return the running daemon.
     * @throws IOException if the run directory or journal cannot be made.
     */
    public static Daemon start(final DaemonConfig config, final Transport sharedTransport, final EpochNanoClock clock)
        throws IOException
    {
        return start(config, sharedTransport, clock, UnaryOperator.identity());
    }

    /**
     * Tests only: as {@link #start(DaemonConfig, Transport, EpochNanoClock)}, with inbound frames handed to a handler
     * wrapped around the strategy, live and in the replay of a journal tail, which may throw to stand for a fault in
     * the strategy that no frame validation catches.
     */
    static Daemon start(
        final DaemonConfig config,
        final Transport sharedTransport,
        final EpochNanoClock clock,
        final UnaryOperator<MessageHandler> inboundSeam)
        throws IOException
    {
        final Daemon daemon = new Daemon(config, sharedTransport, clock, inboundSeam);
        daemon.startAgents();
        return daemon;
    }

    private void startAgents()
    {
        final ErrorHandler errorHandler = (throwable) ->
        {
            firstError.compareAndSet(null, throwable);
            haltReason.compareAndSet(null, "agent error: " + throwable);
        };
        final Map<String, Integer> cores = config.cores();
        final String idle = config.idleStrategyName();
        if (ThreadLayout.ONE_THREAD == config.threadLayout())
        {
            Agent agent = new CompositeAgent(receiver, journal, trading, sender);
            final Integer core = cores.containsKey("all") ? cores.get("all") : cores.get("trading");
            if (null != core)
            {
                agent = new PinnedAgent(agent, core);
            }
            runners.add(new AgentRunner(IdleStrategies.create(idle), errorHandler, null, agent));
        }
        else
        {
            // runners in closing order: nothing can reach the journal after it has drained both rings and closed
            for (final Agent agent : new Agent[]{receiver, trading, sender, journal})
            {
                final Integer core = cores.get(agent.roleName());
                runners.add(new AgentRunner(IdleStrategies.create(idle), errorHandler, null,
                    null == core ? agent : new PinnedAgent(agent, core)));
            }
        }
        if (null != fixSession)
        {
            // Artio's library on a thread of its own in either layout: a library that blocks its poller (one that
            // lost its engine does, for a second per poll) must never hold a thread the daemon trades on. Closed
            // after the journal: cancels confirmed at the stop still come back through it until then.
            final Integer core = cores.get(fixSession.roleName());
            runners.add(new AgentRunner(IdleStrategies.create(idle), errorHandler, null,
                null == core ? fixSession : new PinnedAgent(fixSession, core)));
        }
        for (final AgentRunner runner : runners)
        {
            AgentRunner.startOnThread(runner);
        }
    }

    /**
     * @return the threads running the agents (one in the one-thread layout), for allocation checks and profiling.
     */
    public List<Thread> agentThreads()
    {
        final List<Thread> threads = new ArrayList<>();
        runners.forEach((runner) -> threads.add(runner.thread()));
        return threads;
    }

    /**
     * @return how this start found its state: fresh, or restored from which run and record, and what was replayed.
     */
    public String recoveryDescription()
    {
        return recoveryDescription;
    }

    /**
     * @return true once the venue's order status answer agrees with the strategy's orders: quoting may go on.
     */
    public boolean isConsistent()
    {
        return counters.counter(DaemonCounters.RECONCILED) == 1;
    }

    /**
     * @return the run directory: journal, strategy.properties, daemon.properties.
     */
    public Path runDirectory()
    {
        return runDirectory;
    }

    /**
     * @return the journal directory.
     */
    public Path journalDirectory()
    {
        return runDirectory.resolve("journal");
    }

    /**
     * @return operator counters (read them with {@code get()} from any thread).
     */
    public DaemonCounters counters()
    {
        return counters;
    }

    /**
     * @return the FIX session's counters ({@code gateway.orders=fix}; read them before the daemon closes), or null.
     */
    public FixSessionCounters fixSessionCounters()
    {
        return null == fixSession ? null : fixSession.counters();
    }

    /**
     * @return tick-to-quote latencies, ns; take interval histograms from it.
     */
    public Recorder tickToQuote()
    {
        return tickToQuote;
    }

    /**
     * @return tick-to-quote measured from each event's receive stamp, ns: the naive figure, which misses the time an
     *         update waited before the daemon read it (equal to {@link #tickToQuote()} unless the origin is exchange
     *         time).
     */
    public Recorder tickToQuoteFromReceive()
    {
        return tickToQuoteFromReceive;
    }

    /**
     * Harness self-test: stall the receiver's thread once (see {@link ReceiverAgent#injectStall}).
     *
     * @param atNs epoch ns of the daemon's clock.
     * @param ns   how long.
     */
    public void injectStall(final long atNs, final long ns)
    {
        receiver.injectStall(atNs, ns);
    }

    /**
     * @return per-stage latencies, or null unless {@code daemon.stage_latency=true}.
     */
    public StageLatencies stageLatencies()
    {
        return stageLatencies;
    }

    /**
     * @return why the daemon halted by itself (a send failure, an agent error, shutdown), or null.
     */
    public String haltReason()
    {
        return haltReason.get();
    }

    /**
     * @return inbound frames that threw in the strategy and were skipped, live or in the replay at start.
     */
    public long handlerErrors()
    {
        return counters.counter(DaemonCounters.HANDLER_ERRORS);
    }

    /**
     * @return the last error an inbound frame threw live, or null; read it after the stop.
     */
    public Throwable lastHandlerError()
    {
        return trading.lastHandlerError();
    }

    /**
     * Tests only: moves the journal's disk floor while running (above the space there is, it stands for a full disk).
     *
     * @param bytes the new floor.
     */
    void journalMinFreeBytes(final long bytes)
    {
        journal.space().minFreeBytes(bytes);
    }

    /**
     * @return the first exception an agent threw, or null.
     */
    public Throwable firstError()
    {
        return firstError.get();
    }

    /**
     * Stops gracefully: STOP through the pipeline, wait (bounded) until the venue has confirmed every cancel, then
     * close the agents in pipeline order; the journal is drained and completed.
     *
     * @return true when every order was confirmed cancelled before the agents closed.
     */
    public boolean shutdown()
    {
        if (closed)
        {
            return true;
        }
        final long appliedBefore = counters.adminApplied.get();
        final boolean stopAlreadySent = receiver.stopsInjected() > 0;
        haltReason.compareAndSet(null, "shutdown");
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.shutdownTimeoutMs());
        boolean flat = false;
        while (System.nanoTime() - deadlineNs < 0)
        {
            final boolean stopApplied = stopAlreadySent || counters.adminApplied.get() > appliedBefore;
            if (stopApplied && 0 == counters.openOrders.get())
            {
                flat = true;
                break;
            }
            sleep();
        }
        close();
        return flat;
    }

    private static void sleep()
    {
        try
        {
            Thread.sleep(10);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Closes the agents (receiver first, journal last), then the streams, counters and, if owned, the transport.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CloseHelper.closeAll(runners);
        CloseHelper.closeAll(marketData, reports, admin, orders, counters, countersFile, state, inboundPositions);
        if (ownsTransport)
        {
            CloseHelper.quietClose(transport);
        }
    }
}
