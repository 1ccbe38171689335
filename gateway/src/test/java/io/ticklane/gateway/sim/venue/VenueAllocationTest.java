package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves the venue allocates nothing per event once warm: a million mixed events (book updates, prints that fill
 * our orders through the probabilistic queue, resting and taking orders, cancels that win and cancels that lose),
 * measured with the thread's allocated-bytes counter.
 */
class VenueAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int ATTEMPTS = 3;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();
    private final L3OrderEventEncoder orderEvent = new L3OrderEventEncoder();
    private final long[] reports = new long[1];
    private long bookSequence = 1;

    @Test
    void aMillionMixedEventsAllocateNothing()
    {
        final VenueContext context = new VenueContext()
            .instrumentId(VenueHarness.INSTRUMENT)
            .queueModel("prob-power:2")
            .latencyModel(new ConstantLatency(3, 5, 5))
            .feeModel(new BpsFeeModel(-0.5, 2.5));
        final SimulatedVenue venue = new SimulatedVenue(context, (type, frame, index, length) -> reports[0]++);
        snapshot(venue);

        run(venue, 0, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            run(venue, end, end + EVENTS);
            windows[i] = allocatedBytes() - before - overhead;
            end += EVENTS;
        }

        assertEquals(BookState.LIVE, venue.book().state(), "the updates must apply");
        assertTrue(venue.makerQuantity() > 0 && venue.takerQuantity() > 0, "both kinds of fill must happen");
        assertTrue(venue.rejects() > 0, "some cancels must lose to fills");
        long byReason = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            byReason += venue.rejects(reason);
        }
        assertEquals(venue.rejects(), byReason, "every reject is counted under its reason");
        assertTrue(venue.rejects(RejectReason.TOO_LATE_TO_CANCEL) > 0);
        assertTrue(reports[0] >= end / 2, "every order (half the events) is answered");
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of " + EVENTS + " events: " + Arrays.toString(windows));
    }

    @Test
    void aMillionOrderByOrderEventsWithExactFifoAllocateNothing()
    {
        final VenueContext context = new VenueContext()
            .instrumentId(VenueHarness.INSTRUMENT)
            .queueModel("fifo-l3")
            .maxBookOrders(1024)
            .latencyModel(new ConstantLatency(3, 5, 5));
        final SimulatedVenue venue = new SimulatedVenue(context, (type, frame, index, length) -> reports[0]++);
        snapshot(venue);

        runL3(venue, 0, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            runL3(venue, end, end + EVENTS);
            windows[i] = allocatedBytes() - before - overhead;
            end += EVENTS;
        }

        assertEquals(BookState.LIVE, venue.book().state(), "the events must apply");
        assertTrue(venue.makerQuantity() > 0 && venue.takerQuantity() > 0, "both kinds of fill must happen");
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of " + EVENTS + " events: " + Arrays.toString(windows));
    }

    private void snapshot(final SimulatedVenue venue)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(1).instrumentId(VenueHarness.INSTRUMENT).sequence(bookSequence);
        snapshot.levelsCount(4)
            .next().side(Side.BUY).price(100).quantity(20)
            .next().side(Side.BUY).price(99).quantity(20)
            .next().side(Side.SELL).price(101).quantity(20)
            .next().side(Side.SELL).price(102).quantity(20);
        venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
    }

    private void runL3(final SimulatedVenue venue, final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            final long timeNs = 10 + i * 10;
            final int step = (int)(i & 3);
            if (step < 2)
            {
                // a market bid joins at 100, then executes in full: behind our orders, so it goes through them
                orderEvent.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs + 3)
                    .instrumentId(VenueHarness.INSTRUMENT).prevSequence(bookSequence).sequence(++bookSequence)
                    .orderId(0 == step ? i : i - 1).eventType(0 == step ? L3EventType.ADD : L3EventType.EXECUTE)
                    .side(Side.BUY).price(100).quantity(3);
                venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + orderEvent.encodedLength());
            }
            else
            {
                sendOrder(venue, i, timeNs);
            }
        }
        venue.advanceTo(10 + to * 10);
    }

    private void sendOrder(final SimulatedVenue venue, final long i, final long timeNs)
    {
        if (2 == (i & 3))
        {
            final boolean take = 0 == (i & 8);
            newOrder.wrapAndApplyHeader(buffer, 0, header).sendingTimeNs(timeNs).clientOrderId(i)
                .instrumentId(VenueHarness.INSTRUMENT).side(take ? Side.SELL : Side.BUY).orderType(OrderType.LIMIT)
                .timeInForce(take ? TimeInForce.IOC : TimeInForce.GTC).price(100).quantity(2);
            venue.onOrder(NewOrderEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
        }
        else
        {
            cancel.wrapAndApplyHeader(buffer, 0, header).sendingTimeNs(timeNs).clientOrderId(-i)
                .origClientOrderId(0 == (i & 16) ? i - 5 : i - 9)
                .instrumentId(VenueHarness.INSTRUMENT).side(Side.BUY);
            venue.onOrder(CancelOrderEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength());
        }
    }

    private void run(final SimulatedVenue venue, final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            final long timeNs = 10 + i * 10;
            switch ((int)(i & 3))
            {
                case 0:
                    update.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs + 3)
                        .instrumentId(VenueHarness.INSTRUMENT).prevSequence(bookSequence).sequence(++bookSequence)
                        .levelsCount(1).next().side(Side.BUY).action(L2Action.CHANGE).price(100).quantity(5 + (i % 17));
                    venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
                    break;
                case 1:
                    trade.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs + 3)
                        .instrumentId(VenueHarness.INSTRUMENT).sequence(i).tradeId(i).priceUnits(0 == (i & 4) ? 100 : 99)
                        .quantity(3).aggressorSide(AggressorSide.SELL).tradeType(TradeType.REGULAR);
                    venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
                    break;
                default:
                    sendOrder(venue, i, timeNs);
                    break;
            }
        }
        venue.advanceTo(10 + to * 10);
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }
}
