package io.ticklane.gateway.sim.exchange;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.gateway.sim.venue.SimulatedVenue;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.gateway.transport.InboundFrameValidator;
import io.ticklane.gateway.transport.InboundStamp;
import io.ticklane.gateway.transport.StreamRole;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.BufferUtil;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The market of an exchange that publishes none of its own: the frames another publisher (a feed handler replaying
 * a Binance capture) puts on the market-data stream, the very frames the daemon hears, fed to the venue as the
 * exchange hears them. So the venue's book and trades are the feed's, and a quote fills when the replayed market
 * trades through it.
 * <p>
 * Each frame is validated as the daemon validates it (a refused one is counted and passed over), copied once into
 * the exchange's own buffer and stamped {@code exchangeTimeNs} = the exchange's clock when it was polled
 * ({@code receiveTimeNs} = 0), as {@link ExchangeAgent} stamps the frames it publishes: venue time is the live clock
 * that also stamps the orders, not the capture's 2024 exchange times. Frames that are not market data (a heartbeat)
 * are passed over. Snapshots longer than one Aeron fragment arrive whole through a {@link FragmentAssembler}.
 * Nothing is allocated per frame.
 */
final class FollowedMarketData implements FragmentHandler, AutoCloseable
{
    /** Longest frame followed: a Binance snapshot of 1,000 levels a side is about 34 KB. */
    static final int MAX_FRAME_LENGTH = 1 << 20;
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private final Subscription subscription;
    private final SimulatedVenue venue;
    private final ExchangeCounters counters;
    private final int fragmentLimit;
    private final FragmentAssembler assembler = new FragmentAssembler(this);
    private final InboundFrameValidator validator = new InboundFrameValidator(MAX_FRAME_LENGTH);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(BufferUtil.allocateDirectAligned(MAX_FRAME_LENGTH, 64));
    private long nowNs;

    /**
     * @param subscription  the market-data stream; closed with this.
     * @param venue         receives every market data frame.
     * @param fragmentLimit most fragments taken in one poll.
     * @param counters      where frames followed and refused are counted.
     */
    FollowedMarketData(
        final Subscription subscription, final SimulatedVenue venue, final int fragmentLimit, final ExchangeCounters counters)
    {
        this.subscription = subscription;
        this.venue = venue;
        this.fragmentLimit = fragmentLimit;
        this.counters = counters;
    }

    /**
     * @param nowNs the exchange's clock, the time every frame of this poll is stamped with.
     * @return fragments taken.
     */
    int poll(final long nowNs)
    {
        this.nowNs = nowNs;
        return subscription.poll(assembler, fragmentLimit);
    }

    /**
     * @return true while the feed's publication is connected to the stream.
     */
    boolean isConnected()
    {
        return subscription.isConnected();
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header fragmentHeader)
    {
        if (FrameRefusal.ACCEPTED != validator.validate(StreamRole.MARKET_DATA, buffer, offset, length))
        {
            counters.followedFramesRefused.incrementRelease();
            return;
        }
        if (!InboundStamp.isMarketData(header.wrap(buffer, offset).templateId()))
        {
            return;
        }
        frame.putBytes(0, buffer, offset, length);
        // Every market data message starts with exchangeTimeNs and receiveTimeNs (sbe-schemas/SCHEMA.md).
        frame.putLong(HEADER, nowNs, ByteOrder.LITTLE_ENDIAN);
        frame.putLong(HEADER + 8, 0, ByteOrder.LITTLE_ENDIAN);
        venue.onMarketData(frame, 0, length);
        counters.framesFollowed.incrementRelease();
    }

    @Override
    public void close()
    {
        CloseHelper.quietClose(subscription);
    }
}
