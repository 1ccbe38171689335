package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drives a {@link SimulatedVenue} with readable calls and records its reports, for tests (allocates freely).
 */
final class VenueHarness
{
    static final int INSTRUMENT = 7;

    /** One execution report, copied out of the frame. */
    record Report(
        ExecType execType, long clientOrderId, long execId, long lastPrice, long lastQuantity, long leaves, long cum,
        LiquidityFlag liquidity, RejectReason reason, long venueTimeNs, long localTimeNs, double fee)
    {
        @Override
        public String toString()
        {
            return switch (execType)
            {
                case PARTIAL_FILL, FILL -> execType + " #" + clientOrderId + " " + lastQuantity + "@" + lastPrice + " " +
                    (LiquidityFlag.MAKER == liquidity ? "M" : "T");
                case REJECTED -> execType + " #" + clientOrderId + " " + reason;
                default -> execType + " #" + clientOrderId;
            };
        }
    }

    final List<Report> reports = new ArrayList<>();
    final SimulatedVenue venue;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
    private long sequence;
    private long tradeSequence;

    VenueHarness(final VenueContext context)
    {
        final SimulatedVenue[] self = new SimulatedVenue[1];
        venue = new SimulatedVenue(context.instrumentId(INSTRUMENT), (type, frame, index, length) ->
        {
            decoder.wrap(frame, index + MessageHeaderDecoder.ENCODED_LENGTH, ExecutionReportDecoder.BLOCK_LENGTH,
                ExecutionReportDecoder.SCHEMA_VERSION);
            final boolean isFill = ExecType.FILL == decoder.execType() || ExecType.PARTIAL_FILL == decoder.execType();
            reports.add(new Report(decoder.execType(), decoder.clientOrderId(), decoder.execId(), decoder.lastPrice(),
                decoder.lastQuantity(),
                decoder.leavesQuantity(), decoder.cumQuantity(), decoder.liquidity(), decoder.rejectReason(),
                decoder.venueTimeNs(), decoder.localTimeNs(), isFill ? self[0].lastFee() : 0));
        });
        self[0] = venue;
    }

    VenueHarness()
    {
        this(new VenueContext());
    }

    /** Snapshot from (side, price, quantity) triples written as {bidPrice, bidQty, ...} and {askPrice, askQty, ...}. */
    VenueHarness book(final long timeNs, final long[] bids, final long[] asks)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(++sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(bids.length / 2 + asks.length / 2);
        for (int i = 0; i < bids.length; i += 2)
        {
            levels.next().side(Side.BUY).price(bids[i]).quantity(bids[i + 1]);
        }
        for (int i = 0; i < asks.length; i += 2)
        {
            levels.next().side(Side.SELL).price(asks[i]).quantity(asks[i + 1]);
        }
        venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
        return this;
    }

    VenueHarness level(final long timeNs, final Side side, final long price, final long quantity)
    {
        return level(timeNs, timeNs, side, price, quantity);
    }

    VenueHarness level(final long exchangeTimeNs, final long receiveTimeNs, final Side side, final long price, final long quantity)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(exchangeTimeNs).receiveTimeNs(receiveTimeNs).instrumentId(INSTRUMENT)
            .prevSequence(sequence).sequence(++sequence);
        update.levelsCount(1).next().side(side).action(0 == quantity ? L2Action.DELETE : L2Action.CHANGE)
            .price(price).quantity(quantity);
        venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
        return this;
    }

    VenueHarness event(
        final long timeNs, final L3EventType type, final long orderId, final Side side, final long price, final long quantity)
    {
        final L3OrderEventEncoder event = new L3OrderEventEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).prevSequence(sequence).sequence(++sequence)
            .orderId(orderId).eventType(type).side(side).price(price).quantity(quantity);
        venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + event.encodedLength());
        return this;
    }

    VenueHarness trade(final long timeNs, final AggressorSide aggressor, final long priceUnits, final long quantity)
    {
        final TradeEncoder trade = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(++tradeSequence)
            .tradeId(tradeSequence).priceUnits(priceUnits).quantity(quantity).aggressorSide(aggressor).tradeType(TradeType.REGULAR);
        venue.onMarketData(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
        return this;
    }

    VenueHarness order(
        final long sendTimeNs, final long id, final Side side, final OrderType type, final TimeInForce tif, final long price,
        final long quantity)
    {
        return order(sendTimeNs, id, INSTRUMENT, side, type, tif, price, quantity);
    }

    VenueHarness order(
        final long sendTimeNs, final long id, final long instrument, final Side side, final OrderType type, final TimeInForce tif,
        final long price, final long quantity)
    {
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .sendingTimeNs(sendTimeNs).clientOrderId(id).instrumentId(instrument).side(side).orderType(type)
            .timeInForce(tif).price(price).quantity(quantity);
        venue.onOrder(NewOrderEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
        return this;
    }

    VenueHarness limit(final long sendTimeNs, final long id, final Side side, final TimeInForce tif, final long price, final long quantity)
    {
        return order(sendTimeNs, id, side, OrderType.LIMIT, tif, price, quantity);
    }

    VenueHarness cancel(final long sendTimeNs, final long cancelId, final long origId, final Side side)
    {
        final CancelOrderEncoder cancel = new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .sendingTimeNs(sendTimeNs).clientOrderId(cancelId).origClientOrderId(origId).instrumentId(INSTRUMENT).side(side);
        venue.onOrder(CancelOrderEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength());
        return this;
    }

    VenueHarness replace(
        final long sendTimeNs, final long newId, final long origId, final Side side, final long price, final long quantity)
    {
        final ReplaceOrderEncoder replace = new ReplaceOrderEncoder().wrapAndApplyHeader(buffer, 0, header)
            .sendingTimeNs(sendTimeNs).clientOrderId(newId).origClientOrderId(origId).instrumentId(INSTRUMENT).side(side)
            .price(price).quantity(quantity);
        venue.onOrder(ReplaceOrderEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + replace.encodedLength());
        return this;
    }

    VenueHarness advanceTo(final long timeNs)
    {
        venue.advanceTo(timeNs);
        return this;
    }

    /** Reports so far, in the compact form of {@link Report#toString()}, joined with "; ", then forgotten. */
    String take()
    {
        final String text = reports.stream().map(Report::toString).collect(Collectors.joining("; "));
        reports.clear();
        return text;
    }

    /**
     * Like {@link #take()}, after checking each report's (venueTimeNs, localTimeNs), given as pairs in order.
     */
    String take(final long... venueAndLocalTimes)
    {
        final StringBuilder times = new StringBuilder();
        final StringBuilder expected = new StringBuilder();
        for (int i = 0; i < reports.size(); i++)
        {
            times.append(reports.get(i).venueTimeNs()).append('/').append(reports.get(i).localTimeNs()).append(' ');
        }
        for (int i = 0; i < venueAndLocalTimes.length; i += 2)
        {
            expected.append(venueAndLocalTimes[i]).append('/').append(venueAndLocalTimes[i + 1]).append(' ');
        }
        if (!expected.toString().equals(times.toString()))
        {
            throw new AssertionError("report times (venue/local): expected " + expected + "but were " + times + "for " + take());
        }
        return take();
    }

    Report last()
    {
        return reports.get(reports.size() - 1);
    }
}
