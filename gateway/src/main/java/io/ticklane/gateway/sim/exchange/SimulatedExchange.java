package io.ticklane.gateway.sim.exchange;

import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.journal.queue.JournalInstrument;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated exchange as one running thing: its market flow, its venue, its transport (launched or shared) and
 * the {@link ExchangeAgent} on its own thread, wired from one {@link SimulatedExchangeContext}. The standalone
 * {@code ticklane venue} and the in-process demo both start an exchange; the wiring lives here once so they cannot
 * drift. An error on the exchange thread stops the agent and is kept for {@link #firstError()}.
 */
public final class SimulatedExchange implements AutoCloseable
{
    private final MarketFlow flow;
    private final JournalInstrument journalInstrument;
    private final Transport transport;
    private final boolean ownsTransport;
    private final ExchangeAgent agent;
    private final AgentRunner runner;
    private final AtomicReference<Throwable> firstError;
    private boolean closed;

    private SimulatedExchange(
        final MarketFlow flow,
        final JournalInstrument journalInstrument,
        final Transport transport,
        final boolean ownsTransport,
        final ExchangeAgent agent,
        final AgentRunner runner,
        final AtomicReference<Throwable> firstError)
    {
        this.flow = flow;
        this.journalInstrument = journalInstrument;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.agent = agent;
        this.runner = runner;
        this.firstError = firstError;
    }

    /**
     * Opens the market flow (none when the exchange follows the market-data stream), builds the venue, launches the
     * transport unless one is shared and adds the agent's streams; the thread starts with {@link #start()}.
     *
     * @param context settings; concluded here.
     * @return the exchange, not yet running.
     * @throws IOException              if the journal to replay cannot be read.
     * @throws IllegalArgumentException for a bad setting or a journal without the instrument.
     * @throws io.ticklane.gateway.transport.MediaDriverDirectoryException from {@link Transport#launch} when no driver
     *         runs where one is joined, or one already runs where one would be embedded.
     */
    public static SimulatedExchange launch(final SimulatedExchangeContext context) throws IOException
    {
        context.conclude();
        final JournalInstrument journalInstrument;
        final MarketFlow flow;
        final long instrumentId;
        final long unitsPerTick;
        if (context.followsMarketData())
        {
            journalInstrument = null;
            flow = null;
            instrumentId = context.followedInstrumentId();
            unitsPerTick = context.followedPriceUnitsPerTick();
        }
        else if (null != context.journal())
        {
            journalInstrument = JournalMarketFlow.instrument(context.journal(), context.journalInstrumentId());
            flow = JournalMarketFlow.open(context.journal(), journalInstrument.id(), context.pacing(),
                context.snapshotLevels());
            instrumentId = flow.instrumentId();
            unitsPerTick = journalInstrument.tickSize();
        }
        else
        {
            journalInstrument = null;
            flow = new SyntheticMarket(context.syntheticMarket());
            instrumentId = flow.instrumentId();
            unitsPerTick = context.syntheticMarket().priceUnitsPerTick();
        }

        final boolean ownsTransport = null == context.transport();
        Transport transport = null;
        try
        {
            final ExchangeContext exchangeContext = new ExchangeContext()
                .flow(flow)
                .followMarketData(context.followsMarketData())
                .venueContext(new VenueContext().instrumentId(instrumentId).priceUnitsPerTick(unitsPerTick)
                    .queueModel(context.queueModel()).latencyModel(context.latencyModel()).feeModel(context.feeModel()))
                .clock(context.clock())
                .speed(context.speed())
                .heartbeatIntervalNs(context.heartbeatIntervalNs())
                .snapshotIntervalNs(context.snapshotIntervalNs())
                .conclude();
            transport = ownsTransport ? Transport.launch(context.transportContext()) : context.transport();
            final ExchangeAgent agent = new ExchangeAgent(exchangeContext, transport);
            final AtomicReference<Throwable> firstError = new AtomicReference<>();
            final AgentRunner runner = new AgentRunner(
                context.idleStrategy(), (throwable) -> firstError.compareAndSet(null, throwable), null, agent);
            return new SimulatedExchange(flow, journalInstrument, transport, ownsTransport, agent, runner, firstError);
        }
        catch (final RuntimeException | Error ex)
        {
            CloseHelper.quietClose(flow);
            if (ownsTransport)
            {
                CloseHelper.quietClose(transport);
            }
            throw ex;
        }
    }

    /**
     * Starts the exchange thread.
     */
    public void start()
    {
        AgentRunner.startOnThread(runner);
    }

    /**
     * @return the exchange's counters, readable from any thread until {@link #close()}.
     */
    public ExchangeCounters counters()
    {
        return agent.counters();
    }

    /**
     * @return the first error the exchange thread raised, or null.
     */
    public Throwable firstError()
    {
        return firstError.get();
    }

    /**
     * @return true once the exchange thread failed or was closed: it serves nothing any more.
     */
    public boolean hasStopped()
    {
        return null != firstError.get() || runner.isClosed();
    }

    /**
     * @return true once a replayed journal has published its last frame (never for the synthetic market).
     */
    public boolean hasReplayedJournal()
    {
        return null != journalInstrument && agent.counters().flowExhausted();
    }

    /**
     * @return the instrument of the journal being replayed, as its header records it, or null for the synthetic
     *         market.
     */
    public JournalInstrument journalInstrument()
    {
        return journalInstrument;
    }

    /**
     * @return the exchange's transport (launched or shared), for a client in the same process that joins its order
     *         and report streams (the FIX venue); closed with the exchange when the exchange launched it.
     */
    public Transport transport()
    {
        return transport;
    }

    /**
     * @return the media driver directory of the exchange's transport.
     */
    public String aeronDirectoryName()
    {
        return transport.context().aeronDirectoryName();
    }

    /**
     * Stops the exchange thread (its streams and counters close with it), then closes the transport if the exchange
     * launched it. An embedded driver deletes its directory here. Closing twice does nothing.
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
            CloseHelper.close(runner);
        }
        finally
        {
            // the agent closed the flow on its own thread; this covers an exchange that never started
            CloseHelper.quietClose(flow);
            if (ownsTransport)
            {
                CloseHelper.close(transport);
            }
        }
    }
}
