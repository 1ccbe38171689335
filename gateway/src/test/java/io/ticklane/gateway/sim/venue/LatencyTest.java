package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import static io.ticklane.sbe.Side.BUY;
import static io.ticklane.sbe.Side.SELL;
import static io.ticklane.sbe.TimeInForce.GTC;
import static io.ticklane.sbe.TimeInForce.IOC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Order of events once the wire has length: entry latency before an order is live, response latency before the
 * strategy knows.
 */
class LatencyTest
{
    private static final long[] BIDS = {99, 10};
    private static final long[] ASKS = {101, 4, 103, 5};

    private static VenueHarness venue()
    {
        return new VenueHarness(new VenueContext().latencyModel(new ConstantLatency(30, 100, 50))).book(1, BIDS, ASKS);
    }

    @Test
    void orderIsNotLiveBeforeItsEntryLatency()
    {
        // given: a bid at 100 sent at 1000, live at 1100
        final VenueHarness venue = venue().limit(1000, 1, BUY, GTC, 100, 3);

        // when: a print through 100 at 1050, before the order is there
        venue.trade(1050, AggressorSide.SELL, 98, 5);

        // then: nothing; the order is still on the wire
        assertEquals("", venue.take());

        // when: the same print at 1200
        venue.trade(1200, AggressorSide.SELL, 98, 5);

        // then: ACK at 1100 known at 1150, the fill at 1200 known at 1250
        assertEquals("ACK #1; FILL #1 3@100 M", venue.take(1100, 1150, 1200, 1250));
    }

    @Test
    void cancelArrivingAfterTheFillIsRejectedAndTheFillStands()
    {
        // given: a resting bid at 100 (live at 1100)
        final VenueHarness venue = venue().limit(1000, 1, BUY, GTC, 100, 3).advanceTo(1100);
        venue.take();

        // when: the strategy cancels at 1150 (arrives 1250), but a print fills the order at 1200
        venue.cancel(1150, 2, 1, BUY).trade(1200, AggressorSide.SELL, 98, 5).advanceTo(1300);

        // then: the fill stands and the cancel loses, answered with the order's id
        assertEquals("FILL #1 3@100 M; REJECTED #1 TOO_LATE_TO_CANCEL", venue.take(1200, 1250, 1250, 1300));
        assertEquals(1, venue.venue.rejects());
        assertEquals(1, venue.venue.rejects(RejectReason.TOO_LATE_TO_CANCEL));
        assertEquals(0, venue.venue.liveOrderCount());
    }

    @Test
    void cancelArrivingBeforeThePrintWins()
    {
        final VenueHarness venue = venue().limit(1000, 1, BUY, GTC, 100, 3).advanceTo(1100);
        venue.take();
        venue.cancel(1050, 2, 1, BUY).trade(1200, AggressorSide.SELL, 98, 5);
        assertEquals("CANCELLED #1", venue.take(1150, 1200));
    }

    @Test
    void orderArrivingAfterTheMarketMovedDoesNotFillAtTheStalePrice()
    {
        // given: the strategy sees 101 offered and sends a buy IOC at 101 at 1000 (arrives 1100)
        final VenueHarness venue = venue().limit(1000, 1, BUY, IOC, 101, 4);

        // when: the offer at 101 is lifted by someone else at 1050
        venue.level(1050, SELL, 101, 0).advanceTo(1100);

        // then: nothing left at 101 or better when the order arrives
        assertEquals("ACK #1; CANCELLED #1", venue.take(1100, 1150, 1100, 1150));
    }

    @Test
    void marketFrameAtTheArrivalNanosecondActsFirst()
    {
        final VenueHarness venue = venue().limit(1000, 1, BUY, IOC, 101, 4);
        venue.level(1100, SELL, 101, 0).advanceTo(1100);
        assertEquals("ACK #1; CANCELLED #1", venue.take());
    }

    @Test
    void ordersArriveInTheOrderTheyWereSent()
    {
        final VenueHarness venue = venue().limit(1000, 1, BUY, GTC, 100, 3).cancel(1000, 2, 1, BUY).advanceTo(2000);
        assertEquals(ExecType.CANCELLED, venue.last().execType());
        assertEquals("ACK #1; CANCELLED #1", venue.take(1100, 1150, 1100, 1150));
    }

    @Test
    void feedDerivedLatencyScalesTheObservedFeedDelay()
    {
        final FeedDerivedLatency latency = new FeedDerivedLatency(2.0, 1.5, 10);
        assertEquals(10, latency.entryLatencyNs(0), "minimum before any observation");
        latency.onMarketData(1000, 1040);
        assertEquals(80, latency.entryLatencyNs(0));
        assertEquals(60, latency.responseLatencyNs(0));
        assertEquals(1040, latency.feedArrivalNs(1000, 1040));
        assertEquals(2040, latency.feedArrivalNs(2000, 0), "no local stamp: exchange time + observed");
        latency.onMarketData(2000, 1990);
        assertEquals(80, latency.entryLatencyNs(0), "a receive before the exchange time is not an observation");
        latency.onMarketData(3000, 3002);
        assertEquals(10, latency.entryLatencyNs(0), "never below the minimum");
    }

    @Test
    void venueUsesLatencyLearnedFromItsFeed()
    {
        final VenueHarness venue = new VenueHarness(new VenueContext().latencyModel(new FeedDerivedLatency(2.0, 1.0, 0)))
            .book(1, BIDS, ASKS);
        venue.level(1000, 1040, BUY, 98, 1).limit(1000, 1, BUY, GTC, 100, 3).advanceTo(2000);
        assertEquals("ACK #1", venue.take(1080, 1120));
    }

    @Test
    void latencyModelsAreChosenByName()
    {
        final LatencyModel constant = new VenueContext().latencyModel("constant:1,2,3").latencyModel();
        assertEquals(4, constant.feedArrivalNs(3, 0));
        assertEquals(2, constant.entryLatencyNs(0));
        assertEquals(3, constant.responseLatencyNs(0));
        final LatencyModel derived = new VenueContext().latencyModel("feed-derived:2, 1.5, 10").latencyModel();
        derived.onMarketData(1000, 1040);
        assertEquals(80, derived.entryLatencyNs(0));
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().latencyModel("constant:1,2"));
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().latencyModel("constant:a,b,c"));
        assertThrows(IllegalArgumentException.class, () -> new VenueContext().latencyModel("random"));
    }

    @Test
    void negativeLatenciesFailAtConfiguration()
    {
        assertThrows(IllegalArgumentException.class, () -> new ConstantLatency(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new FeedDerivedLatency(-1, 1, 0));
    }
}
