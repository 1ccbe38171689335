package io.ticklane.gateway.sim.exchange;

import io.aeron.Subscription;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.gateway.sim.venue.SimulatedVenue;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The duty cycle of a simulated exchange process: it publishes a {@link MarketFlow} over Aeron on a real clock and
 * matches the orders it receives in a {@link SimulatedVenue}, so a daemon can be run, tested and demonstrated against
 * something that behaves like an exchange without one.
 * <p>
 * <b>Market data.</b> A flow frame falls due at {@code start + flowTime / speed} on the {@link EpochNanoClock}
 * (immediately with speed 0). It is stamped with the real publish time ({@code exchangeTimeNs}; {@code receiveTimeNs}
 * = 0, the receiver stamps its own), fed to the venue first (venue time is the clock) and then offered to the market
 * data publication. While no subscriber is connected the flow still moves and the venue still sees it, but frames go
 * nowhere (counted, like multicast nobody listens to). When the publication becomes connected, every
 * {@code snapshotIntervalNs}, and right after a frame was given up on, the flow's InstrumentDefinition and
 * L2Snapshot go out, so a late, restarted or lagging subscriber syncs; a second subscriber joining an already
 * connected publication syncs at the next periodic snapshot. Venue heartbeats go out on the market data stream every
 * {@code heartbeatIntervalNs}.
 * <p>
 * <b>Orders.</b> NewOrder, CancelOrder and ReplaceOrder go to the venue, re-stamped with the time they are received
 * (the sender's clock is not the venue's), and act at once (plus the venue's entry latency, 0 by default); the
 * venue's execution reports go out on the report stream. The venue does not simulate MassCancel, so the agent turns
 * one into a CancelOrder per matching live order (carrying the mass cancel's request id), each answered CANCELLED.
 * An OrderStatusRequest is answered with one ExecutionReport of execType STATUS per live order of the instrument,
 * then an OrderStatusComplete with their count. Daemon heartbeats are counted; anything else is refused and
 * counted.
 * <p>
 * <b>Followed market.</b> With {@link ExchangeContext#followMarketData(boolean)} the exchange publishes nothing on the
 * market data stream (no flow, no snapshots, no heartbeats): it subscribes to it and matches against the frames
 * another publisher (a feed handler) puts there, the ones the daemon hears ({@link FollowedMarketData}).
 * <p>
 * A frame a publication gives up on (see {@link FramePublisher}) is counted with its Aeron code and stream in the
 * {@link ExchangeCounters}, never ignored. Nothing is allocated per event once running, and nothing is logged.
 * <p>
 * This class is the duty cycle and the market data side; the orders side is an {@link ExchangeOrderSession}.
 */
public final class ExchangeAgent implements Agent
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final long NOT_STARTED = Long.MIN_VALUE;

    private final MarketFlow flow;
    private final SimulatedVenue venue;
    private final EpochNanoClock clock;
    private final double speed;
    private final long snapshotIntervalNs;
    private final long heartbeatIntervalNs;
    private final int senderId;
    private final int maxFramesPerCycle;
    private final int marketDataStreamId;

    private final FramePublisher marketData;
    private final FollowedMarketData followed;
    private final FramePublisher reports;
    private final Subscription orders;
    private final ExchangeCounters counters;
    private final ExchangeOrderSession orderSession;

    private final UnsafeBuffer marketFrame;
    private final UnsafeBuffer heartbeatFrame = new UnsafeBuffer(new byte[64]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final HeartbeatEncoder heartbeatEncoder = new HeartbeatEncoder();

    private long startNs = NOT_STARTED;
    private long nowNs;
    private long nextHeartbeatNs;
    private long nextSnapshotNs;
    private boolean connected;
    private boolean snapshotWanted;
    private long heartbeatSequence;

    /**
     * Adds the market data and report publications and the order subscription of the transport's context, the
     * counters, and the venue.
     *
     * @param context   settings; concluded here.
     * @param transport a launched transport; the agent closes what it added, never the transport.
     */
    public ExchangeAgent(final ExchangeContext context, final Transport transport)
    {
        context.conclude();
        flow = context.flow();
        clock = context.clock();
        speed = context.speed();
        snapshotIntervalNs = context.snapshotIntervalNs();
        heartbeatIntervalNs = context.heartbeatIntervalNs();
        senderId = context.senderId();
        maxFramesPerCycle = context.maxFramesPerCycle();
        marketFrame = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            null == flow ? 64 : Math.max(64, BitUtil.findNextPositivePowerOfTwo(flow.maxFrameLength())), 64));
        venue = new SimulatedVenue(context.venueContext(), this::onReport);

        final TransportContext channels = transport.context();
        marketDataStreamId = channels.marketDataStreamId();
        FramePublisher marketDataPublisher = null;
        FramePublisher reportPublisher = null;
        Subscription orderSubscription = null;
        Subscription followedSubscription = null;
        ExchangeCounters exchangeCounters = null;
        try
        {
            if (context.followMarketData())
            {
                followedSubscription = transport.subscription(channels.marketDataChannel(), channels.marketDataStreamId());
            }
            else
            {
                marketDataPublisher = transport.publisher(channels.marketDataChannel(), channels.marketDataStreamId());
            }
            reportPublisher = transport.publisher(channels.reportChannel(), channels.reportStreamId());
            orderSubscription = transport.subscription(channels.orderChannel(), channels.orderStreamId());
            exchangeCounters = new ExchangeCounters(transport.aeron());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(marketDataPublisher, followedSubscription, reportPublisher, orderSubscription,
                exchangeCounters);
            throw ex;
        }
        marketData = marketDataPublisher;
        reports = reportPublisher;
        orders = orderSubscription;
        counters = exchangeCounters;
        followed = null == followedSubscription ? null :
            new FollowedMarketData(followedSubscription, venue, context.maxFramesPerCycle(), counters);
        orderSession = new ExchangeOrderSession(venue, context.venueContext().maxOrders(), orders,
            context.orderFragmentLimit(), reports, channels.reportStreamId(), counters);
    }

    public String roleName()
    {
        return "ticklane-exchange";
    }

    public int doWork()
    {
        nowNs = clock.nanoTime();
        if (NOT_STARTED == startNs)
        {
            startNs = nowNs;
            nextHeartbeatNs = nowNs;
            nextSnapshotNs = nowNs + snapshotIntervalNs;
        }

        int work = 0;
        if (null != followed)
        {
            work += followed.poll(nowNs);
        }
        else
        {
            final boolean nowConnected = marketData.isConnected();
            if (nowConnected && (!connected || snapshotWanted || nowNs - nextSnapshotNs >= 0))
            {
                work += publishDefinitionAndSnapshot();
            }
            connected = nowConnected;
            work += publishDueFrames();
        }
        work += orderSession.poll(nowNs);
        venue.advanceTo(nowNs);

        if (null == followed && nowNs - nextHeartbeatNs >= 0)
        {
            work += publishHeartbeat();
        }

        counters.fills.setRelease(venue.fills());
        counters.rejects.setRelease(venue.rejects());
        counters.liveOrders.setRelease(venue.liveOrderCount());
        counters.netFilledPosition.setRelease(venue.netFilledPosition());
        final OrderBook book = venue.book();
        counters.bestBid.setRelease(PriceLadder.NULL_PRICE == book.bestBidPrice() ? 0 : book.bestBidPrice());
        counters.bestAsk.setRelease(PriceLadder.NULL_PRICE == book.bestAskPrice() ? 0 : book.bestAskPrice());
        counters.flowExhausted.setRelease(null != flow && flow.exhausted() ? 1 : 0);
        return work;
    }

    /**
     * Closes the publications, the subscriptions and the counters the agent added, and the flow it owns.
     */
    public void onClose()
    {
        CloseHelper.quietCloseAll(orders, marketData, followed, reports, counters, flow);
    }

    /**
     * @return the agent's counters; any thread may read them.
     */
    public ExchangeCounters counters()
    {
        return counters;
    }

    /**
     * @return the matching venue; read it only on the agent's thread (or when the agent is not running).
     */
    public SimulatedVenue venue()
    {
        return venue;
    }

    private int publishDueFrames()
    {
        int published = 0;
        while (published < maxFramesPerCycle)
        {
            final long flowTimeNs = flow.nextTimeNs();
            if (MarketFlow.END_OF_FLOW == flowTimeNs ||
                (speed > 0 && startNs + (long)(flowTimeNs / speed) - nowNs > 0))
            {
                break;
            }
            final int length = flow.writeNext(marketFrame, 0);
            if (0 == length)
            {
                break;
            }
            final long publishNs = clock.nanoTime();
            stamp(publishNs);
            venue.onMarketData(marketFrame, 0, length);
            if (connected)
            {
                publishMarketFrame(length);
            }
            else
            {
                counters.framesWithoutSubscriber.incrementRelease();
            }
            published++;
        }
        return published;
    }

    private int publishDefinitionAndSnapshot()
    {
        snapshotWanted = false;
        nextSnapshotNs = nowNs + snapshotIntervalNs;
        final int definitionLength = flow.writeDefinition(marketFrame, 0);
        if (definitionLength > 0)
        {
            stamp(nowNs);
            publishMarketFrame(definitionLength);
        }
        final int snapshotLength = flow.writeSnapshot(marketFrame, 0);
        if (snapshotLength > 0)
        {
            stamp(nowNs);
            publishMarketFrame(snapshotLength);
            counters.snapshots.incrementRelease();
        }
        return 1;
    }

    /**
     * Every market data message starts with exchangeTimeNs and receiveTimeNs (sbe-schemas/SCHEMA.md).
     */
    private void stamp(final long publishNs)
    {
        marketFrame.putLong(HEADER, publishNs, ByteOrder.LITTLE_ENDIAN);
        marketFrame.putLong(HEADER + 8, 0, ByteOrder.LITTLE_ENDIAN);
    }

    private void publishMarketFrame(final int length)
    {
        if (marketData.offer(marketFrame, 0, length))
        {
            counters.framesPublished.incrementRelease();
        }
        else
        {
            counters.publishFailed(marketData, marketDataStreamId);
            snapshotWanted = true; // subscribers now have a gap: resync them as soon as the publication takes frames
        }
    }

    private int publishHeartbeat()
    {
        nextHeartbeatNs = nowNs + heartbeatIntervalNs;
        if (!marketData.isConnected())
        {
            return 0;
        }
        heartbeatEncoder.wrapAndApplyHeader(heartbeatFrame, 0, headerEncoder)
            .timestampNs(nowNs)
            .senderId(senderId)
            .sequence(++heartbeatSequence);
        if (marketData.offerOnce(heartbeatFrame, 0, HEADER + heartbeatEncoder.encodedLength()))
        {
            counters.heartbeats.incrementRelease();
        }
        else
        {
            counters.heartbeatsNotTaken.incrementRelease(); // superseded by the next one; the receiver's silence limit decides
        }
        return 1;
    }

    private void onReport(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        orderSession.publishReport(buffer, index, length);
    }
}
