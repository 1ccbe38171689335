package io.ticklane.gateway.sim.exchange;

import io.aeron.Aeron;
import io.aeron.Counter;
import io.ticklane.gateway.transport.FramePublisher;
import org.agrona.CloseHelper;

/**
 * What an operator watches on a simulated exchange, as Aeron counters in the media driver's CnC file: another
 * thread (the command's status line) or process (AeronStat) reads them while the {@link ExchangeAgent}, their only
 * writer, runs; nothing is logged and nothing allocated after start. Their type id differs from the daemon's, so a
 * demo running both on one driver keeps them apart.
 */
public final class ExchangeCounters implements AutoCloseable
{
    /** Type id of every exchange counter. */
    public static final int TYPE_ID = 7301_100;
    /** Prefix of every exchange counter's label. */
    public static final String PREFIX = "ticklane venue: ";
    /** Counter label (without the prefix). */
    public static final String LIVE_ORDERS = "live orders";
    /** Counter label (without the prefix). */
    public static final String NET_FILLED_POSITION = "net filled position, lots (bought - sold)";
    /** Counter label (without the prefix). */
    public static final String FILLS = "fills";

    final Counter framesPublished;
    final Counter framesWithoutSubscriber;
    final Counter snapshots;
    final Counter heartbeats;
    final Counter heartbeatsNotTaken;
    final Counter ordersReceived;
    final Counter ordersDropped;
    final Counter statusRequests;
    final Counter massCancels;
    final Counter daemonHeartbeats;
    final Counter framesRefused;
    final Counter reportsPublished;
    final Counter fills;
    final Counter rejects;
    final Counter liveOrders;
    final Counter netFilledPosition;
    final Counter publishFailures;
    final Counter lastFailure;
    final Counter lastFailureStream;
    final Counter bestBid;
    final Counter bestAsk;
    final Counter flowExhausted;
    final Counter framesFollowed;
    final Counter followedFramesRefused;

    /**
     * @param aeron client of the driver whose CnC file holds the counters.
     */
    public ExchangeCounters(final Aeron aeron)
    {
        framesPublished = add(aeron, "market data frames published");
        framesWithoutSubscriber = add(aeron, "market data frames with no subscriber connected");
        snapshots = add(aeron, "definition + snapshot pairs published");
        heartbeats = add(aeron, "heartbeats published");
        heartbeatsNotTaken = add(aeron, "heartbeats the publication did not take");
        ordersReceived = add(aeron, "order requests received");
        ordersDropped = add(aeron, "order requests dropped: venue in-flight ring full");
        statusRequests = add(aeron, "order status requests");
        massCancels = add(aeron, "mass cancels");
        daemonHeartbeats = add(aeron, "daemon heartbeats received");
        framesRefused = add(aeron, "order stream frames refused (foreign schema, unknown template, oversize)");
        reportsPublished = add(aeron, "execution reports published");
        fills = add(aeron, FILLS);
        rejects = add(aeron, "rejects");
        liveOrders = add(aeron, LIVE_ORDERS);
        netFilledPosition = add(aeron, NET_FILLED_POSITION);
        publishFailures = add(aeron, "frames a publication gave up on");
        lastFailure = add(aeron, "last publication failure (Aeron offer code, 0 none)");
        lastFailureStream = add(aeron, "stream of the last publication failure");
        bestBid = add(aeron, "best bid, ticks");
        bestAsk = add(aeron, "best ask, ticks");
        flowExhausted = add(aeron, "market flow exhausted (1 yes)");
        framesFollowed = add(aeron, "market data frames followed (another publisher's, matched against)");
        followedFramesRefused = add(aeron, "followed market data frames refused (foreign schema, unknown template, oversize)");
    }

    private static Counter add(final Aeron aeron, final String name)
    {
        return aeron.addCounter(TYPE_ID, PREFIX + name);
    }

    /**
     * @return market data frames (flow frames, definitions, snapshots) the publication took.
     */
    public long framesPublished()
    {
        return framesPublished.get();
    }

    /**
     * @return market data frames of another publisher (a feed handler) the venue matched against, when the exchange
     *         follows the market-data stream.
     */
    public long framesFollowed()
    {
        return framesFollowed.get();
    }

    /**
     * @return followed market data frames that failed validation and were passed over.
     */
    public long followedFramesRefused()
    {
        return followedFramesRefused.get();
    }

    /**
     * @return flow frames that went nowhere because no subscriber was connected (like multicast nobody listens to).
     */
    public long framesWithoutSubscriber()
    {
        return framesWithoutSubscriber.get();
    }

    /**
     * @return definition + snapshot pairs published (on connection, periodically, after a failure).
     */
    public long snapshots()
    {
        return snapshots.get();
    }

    /**
     * @return venue heartbeats published.
     */
    public long heartbeats()
    {
        return heartbeats.get();
    }

    /**
     * @return order requests received: new, cancel, replace, mass cancel.
     */
    public long ordersReceived()
    {
        return ordersReceived.get();
    }

    /**
     * @return order requests the venue could not take (its in-flight ring was full).
     */
    public long ordersDropped()
    {
        return ordersDropped.get();
    }

    /**
     * @return order status requests answered.
     */
    public long statusRequests()
    {
        return statusRequests.get();
    }

    /**
     * @return mass cancels received.
     */
    public long massCancels()
    {
        return massCancels.get();
    }

    /**
     * @return daemon heartbeats received on the order stream.
     */
    public long daemonHeartbeats()
    {
        return daemonHeartbeats.get();
    }

    /**
     * @return frames on the order stream that were not order entry for this schema.
     */
    public long framesRefused()
    {
        return framesRefused.get();
    }

    /**
     * @return execution reports and status completions published.
     */
    public long reportsPublished()
    {
        return reportsPublished.get();
    }

    /**
     * @return fill reports the venue sent.
     */
    public long fills()
    {
        return fills.get();
    }

    /**
     * @return reject reports the venue sent.
     */
    public long rejects()
    {
        return rejects.get();
    }

    /**
     * @return orders resting at the venue.
     */
    public long liveOrders()
    {
        return liveOrders.get();
    }

    /**
     * @return lots bought minus lots sold over every fill: the position of the venue's one client, what another
     *         process checks a daemon's position against (a kill -9 loop reads it from the CnC file).
     */
    public long netFilledPosition()
    {
        return netFilledPosition.get();
    }

    /**
     * @return frames a publication did not take within its retry bound (market data or reports).
     */
    public long publishFailures()
    {
        return publishFailures.get();
    }

    /**
     * @return Aeron's offer code of the last frame given up on (see {@link io.ticklane.gateway.transport.FramePublisher#failureName}),
     * 0 if none was.
     */
    public long lastFailure()
    {
        return lastFailure.get();
    }

    /**
     * @return stream id of the last frame given up on, 0 if none was.
     */
    public long lastFailureStream()
    {
        return lastFailureStream.get();
    }

    /**
     * @return best bid of the venue's book, ticks.
     */
    public long bestBid()
    {
        return bestBid.get();
    }

    /**
     * @return best ask of the venue's book, ticks.
     */
    public long bestAsk()
    {
        return bestAsk.get();
    }

    /**
     * @return true once the market flow has nothing more to publish (a recorded flow at its end).
     */
    public boolean flowExhausted()
    {
        return 0 != flowExhausted.get();
    }

    /**
     * Records a frame a publication gave up on: counted, with its Aeron code and stream kept as the last failure.
     *
     * @param publisher the publication that gave up.
     * @param streamId  its stream.
     */
    void publishFailed(final FramePublisher publisher, final int streamId)
    {
        publishFailures.incrementRelease();
        lastFailure.setRelease(publisher.lastFailure());
        lastFailureStream.setRelease(streamId);
    }

    /**
     * Closes every counter.
     */
    public void close()
    {
        CloseHelper.closeAll(framesPublished, framesWithoutSubscriber, snapshots, heartbeats, heartbeatsNotTaken,
            ordersReceived, ordersDropped, statusRequests, massCancels, daemonHeartbeats, framesRefused, reportsPublished,
            fills, rejects, liveOrders, netFilledPosition, publishFailures, lastFailure, lastFailureStream, bestBid, bestAsk,
            flowExhausted, framesFollowed, followedFramesRefused);
    }
}
