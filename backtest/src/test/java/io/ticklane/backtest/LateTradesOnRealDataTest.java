package io.ticklane.backtest;

import io.ticklane.gateway.sim.venue.SimulatedVenue;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.RealData;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binance's trade stream lags its depth stream (by up to 86 ms on the USD-M 2024-07-18 capture): in capture order a
 * print can arrive after depth updates the exchange made later. Replayed in capture order, such a print must not fill
 * an order that reached the venue after the exchange made it. The case is taken from the capture itself: the first
 * print that arrives after depth stamped later than itself and lies strictly through the touch of the moment (a sell
 * below the best bid, or a buy above the best ask). An order joining that touch just before the print is replayed is
 * exactly an order it would have filled.
 */
class LateTradesOnRealDataTest
{
    private static final String USDM_0718 = "binance/usdm/btcusdt_20240718.gz";

    @Test
    void aLaggingPrintFromTheCaptureNeverFillsAnOrderThatArrivedAfterTheExchangeMadeIt()
    {
        final List<byte[]> frames = new ArrayList<>();
        try (BinanceCaptureReader reader = new BinanceCaptureReader(new BinanceCaptureReader.Context()
            .market(BinanceMarket.USDM_FUTURES).files(List.of(RealData.file(USDM_0718))).instrumentId(1)))
        {
            reader.readAll((msgTypeId, buffer, index, length) ->
            {
                final byte[] copy = new byte[length];
                buffer.getBytes(index, copy);
                frames.add(copy);
            });
        }

        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        final TradeDecoder trade = new TradeDecoder();
        final List<ExecutionReportDecoder> fills = new ArrayList<>();
        long unitsPerTick = 0;
        SimulatedVenue venue = null;
        long latestExchangeNs = Long.MIN_VALUE;
        for (int i = 0; i < frames.size(); i++)
        {
            final UnsafeBuffer frame = new UnsafeBuffer(frames.get(i));
            header.wrap(frame, 0);
            if (InstrumentDefinitionDecoder.TEMPLATE_ID == header.templateId())
            {
                definition.wrapAndApplyHeader(frame, 0, header);
                unitsPerTick = definition.tickSize();
                venue = new SimulatedVenue(new VenueContext().instrumentId(1).priceUnitsPerTick(unitsPerTick),
                    (msgTypeId, buffer, index, length) ->
                    {
                        final ExecutionReportDecoder report = new ExecutionReportDecoder();
                        report.wrapAndApplyHeader(buffer, index, new MessageHeaderDecoder().wrap(buffer, index));
                        if (ExecType.FILL == report.execType() || ExecType.PARTIAL_FILL == report.execType())
                        {
                            fills.add(report);
                        }
                    });
                continue;
            }
            if (null == venue)
            {
                continue;
            }
            final long exchangeNs = frame.getLong(MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
            if (TradeDecoder.TEMPLATE_ID == header.templateId() && exchangeNs < latestExchangeNs &&
                BookState.LIVE == venue.book().state())
            {
                trade.wrapAndApplyHeader(frame, 0, header);
                final long bid = venue.book().bestBidPrice();
                final long ask = venue.book().bestAskPrice();
                final boolean sellThroughBid = AggressorSide.SELL == trade.aggressorSide() && trade.priceUnits() < bid * unitsPerTick;
                final boolean buyThroughAsk = AggressorSide.BUY == trade.aggressorSide() && trade.priceUnits() > ask * unitsPerTick;
                if (sellThroughBid || buyThroughAsk)
                {
                    // our order joins the touch the print goes through, now: after the exchange made the print
                    final Side side = sellThroughBid ? Side.BUY : Side.SELL;
                    final long price = sellThroughBid ? bid : ask;
                    final long nowNs = venue.nowNs();
                    assertTrue(nowNs > exchangeNs, "the venue is past the print's exchange time");
                    venue.onOrder(NewOrderEncoder.TEMPLATE_ID, newOrder(side, price, nowNs), 0,
                        MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH);
                    venue.advanceTo(nowNs);
                    assertEquals(1, venue.liveOrderCount(), "the order rests at the touch, frame " + i);

                    venue.onMarketData(frame, 0, frames.get(i).length);

                    assertEquals(List.of(), fills, "a print made " + (latestExchangeNs - exchangeNs) +
                        " ns before the venue time our order arrived at filled it (frame " + i + ")");
                    assertEquals(1, venue.printsBeforeArrival());
                    return;
                }
            }
            venue.onMarketData(frame, 0, frames.get(i).length);
            latestExchangeNs = Math.max(latestExchangeNs, exchangeNs);
        }
        assertNotNull(venue, "the capture defines its instrument");
        throw new AssertionError("no lagging print through the touch in the capture: the case this test needs is gone");
    }

    private static UnsafeBuffer newOrder(final Side side, final long price, final long sendNs)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .sendingTimeNs(sendNs).clientOrderId(1).instrumentId(1).side(side).orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC).price(price).quantity(1);
        return buffer;
    }
}
