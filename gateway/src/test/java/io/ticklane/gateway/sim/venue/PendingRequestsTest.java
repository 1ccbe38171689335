package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring that holds the strategy's requests until they arrive at the venue: one ordered session, so arrivals
 * never go backwards, and a request is taken only when it arrives strictly before the time asked about.
 */
class PendingRequestsTest
{
    private static final long ENTRY_NS = 5;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final VenueClock clock = new VenueClock();
    private final PendingRequests pending = new PendingRequests(4, new ConstantLatency(0, ENTRY_NS, 0), clock);

    @Test
    void aRequestArrivesAtItsSendTimePlusEntryLatencyWithWhatItAsked()
    {
        // given
        newOrder(100, 1);

        // when
        final int at = pending.takeBefore(106);

        // then
        assertEquals(105, pending.arrivalNs(at));
        assertEquals(PendingRequests.NEW, pending.kind(at));
        assertEquals(1, pending.clientOrderId(at));
        assertEquals(VenueHarness.INSTRUMENT, pending.instrumentId(at));
        assertEquals(Side.BUY, pending.side(at));
        assertEquals(OrderType.LIMIT, pending.orderType(at));
        assertEquals(TimeInForce.GTC, pending.timeInForce(at));
        assertEquals(99, pending.price(at));
        assertEquals(3, pending.quantity(at));
    }

    @Test
    void aRequestArrivingExactlyAtTheTimeAskedAboutStaysHeld()
    {
        newOrder(100, 1);

        assertEquals(-1, pending.takeBefore(105));
        assertEquals(105, pending.nextArrivalNs());
    }

    @Test
    void aRequestSentEarlierThanThePreviousOneStillArrivesAfterIt()
    {
        // given: the second request carries an earlier send time (one ordered session, like TCP)
        newOrder(100, 1);
        cancel(90, 2, 1);

        // then: it arrives with the first, behind it
        final int first = pending.takeBefore(Long.MAX_VALUE);
        final int second = pending.takeBefore(Long.MAX_VALUE);
        assertEquals(1, pending.clientOrderId(first));
        assertEquals(PendingRequests.CANCEL, pending.kind(second));
        assertEquals(1, pending.origClientOrderId(second));
        assertEquals(105, pending.arrivalNs(second));
    }

    @Test
    void noRequestArrivesBeforeVenueTime()
    {
        // given: the venue is already past the request's send time plus latency
        clock.advanceTo(500);

        // when
        replace(100, 3, 1);

        // then
        assertEquals(500, pending.nextArrivalNs());
        final int at = pending.takeBefore(501);
        assertEquals(PendingRequests.REPLACE, pending.kind(at));
        assertEquals(3, pending.clientOrderId(at));
        assertEquals(1, pending.origClientOrderId(at));
    }

    @Test
    void requestsAreTakenInTheOrderTheyWereAdded()
    {
        for (int id = 1; id <= 3; id++)
        {
            newOrder(100 + id * 10, id);
        }

        assertEquals(1, pending.clientOrderId(pending.takeBefore(200)));
        assertEquals(2, pending.clientOrderId(pending.takeBefore(200)));
        assertEquals(3, pending.clientOrderId(pending.takeBefore(200)));
        assertEquals(-1, pending.takeBefore(200));
        assertEquals(Long.MAX_VALUE, pending.nextArrivalNs());
    }

    @Test
    void aFullRingHasRoomAgainOnceARequestIsTaken()
    {
        for (int id = 1; id <= 4; id++)
        {
            assertFalse(pending.isFull());
            newOrder(100, id);
        }
        assertTrue(pending.isFull());

        pending.takeBefore(Long.MAX_VALUE);

        assertFalse(pending.isFull());
    }

    @Test
    void aFrameThatIsNotAnOrderRequestIsNotAdded()
    {
        new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, header).timestampNs(100);

        assertFalse(pending.add(buffer, 0));
        assertEquals(Long.MAX_VALUE, pending.nextArrivalNs());
    }

    private void newOrder(final long sendTimeNs, final long id)
    {
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header).sendingTimeNs(sendTimeNs).clientOrderId(id)
            .instrumentId(VenueHarness.INSTRUMENT).side(Side.BUY).orderType(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
            .price(99).quantity(3);
        assertTrue(pending.add(buffer, 0));
    }

    private void cancel(final long sendTimeNs, final long id, final long origId)
    {
        new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, header).sendingTimeNs(sendTimeNs).clientOrderId(id)
            .origClientOrderId(origId).instrumentId(VenueHarness.INSTRUMENT).side(Side.BUY);
        assertTrue(pending.add(buffer, 0));
    }

    private void replace(final long sendTimeNs, final long id, final long origId)
    {
        new ReplaceOrderEncoder().wrapAndApplyHeader(buffer, 0, header).sendingTimeNs(sendTimeNs).clientOrderId(id)
            .origClientOrderId(origId).instrumentId(VenueHarness.INSTRUMENT).side(Side.BUY).price(98).quantity(2);
        assertTrue(pending.add(buffer, 0));
    }
}
