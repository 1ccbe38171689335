package io.ticklane.gateway.sim.venue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static io.ticklane.sbe.TimeInForce.GTC;
import static io.ticklane.sbe.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The read-only walk over live orders a live exchange answers status requests with. Book: bids 100 x 5, 99 x 10;
 * asks 101 x 4, 102 x 6, 104 x 10.
 */
class LiveOrdersTest
{
    private static final long[] BIDS = {100, 5, 99, 10};
    private static final long[] ASKS = {101, 4, 102, 6, 104, 10};

    @Test
    void liveOrdersAreWalkedBidsThenAsksInPriorityOrderWithTheirState()
    {
        // given: a resting bid, a better bid that took part of the book, a replaced ask, and orders no longer live
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        venue.limit(10, 1, BUY, GTC, 99, 3)
            .limit(11, 2, BUY, GTC, 102, 12)
            .limit(12, 3, SELL, GTC, 105, 2)
            .replace(13, 4, 3, SELL, 106, 5)
            .limit(14, 5, SELL, IOC, 98, 1)
            .limit(15, 6, BUY, GTC, 90, 1)
            .cancel(16, 7, 6, BUY)
            .advanceTo(20);
        venue.take();

        // when
        final List<String> seen = new ArrayList<>();
        final int count = venue.venue.forEachLiveOrder((id, venueId, side, price, quantity, leaves, cum) ->
            seen.add(id + " " + side + " " + leaves + "/" + quantity + "@" + price + " cum " + cum + " v" + venueId));

        // then: the bid at 102 took 10 and rests with 2; the IOC sell took the market's bid, the cancelled bid is gone
        assertEquals(List.of("2 BUY 2/12@102 cum 10 v2", "1 BUY 3/3@99 cum 0 v1", "4 SELL 5/5@106 cum 0 v3"), seen);
        assertEquals(3, count);
        assertEquals(venue.venue.liveOrderCount(), count);
        assertEquals(VenueHarness.INSTRUMENT, venue.venue.instrumentId());
    }

    @Test
    void aVenueWithoutOrdersWalksNothing()
    {
        final VenueHarness venue = new VenueHarness().book(1, BIDS, ASKS);
        assertEquals(0, venue.venue.forEachLiveOrder((id, venueId, side, price, quantity, leaves, cum) ->
        {
            throw new AssertionError("no order is live");
        }));
    }
}
