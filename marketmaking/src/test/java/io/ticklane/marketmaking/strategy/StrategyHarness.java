package io.ticklane.marketmaking.strategy;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.quote.QuoterRegistry;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.marketmaking.risk.RiskLimits;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.VenueSessionEncoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives a {@link QuotingStrategy} with SBE frames and plays a minimal venue: every order frame the strategy sends is
 * recorded and, when asked, acknowledged (new → ACK, cancel → CANCELLED, replace → REPLACED), all without allocating.
 */
public final class StrategyHarness
{
    static final int INSTRUMENT = 9;
    private static final byte[] NO_TOKEN = new byte[AdminCommandEncoder.authTokenLength()];

    final UnsafeBuffer in = new UnsafeBuffer(new byte[4096]);
    final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    final NewOrderDecoder newOrder = new NewOrderDecoder();
    final CancelOrderDecoder cancel = new CancelOrderDecoder();
    final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    final ExecutionReportEncoder report = new ExecutionReportEncoder();
    final L2UpdateEncoder update = new L2UpdateEncoder();
    final OrderStatusCompleteEncoder complete = new OrderStatusCompleteEncoder();
    final VenueSessionEncoder venueSession = new VenueSessionEncoder();
    final TimerTickEncoder timer = new TimerTickEncoder();
    public final QuotingStrategy strategy;

    /** Outbound frames not yet answered, copied. */
    final UnsafeBuffer sent = new UnsafeBuffer(new byte[64 * 128]);
    final int[] sentTypes = new int[64];
    int sentCount;
    long newOrders;
    long cancels;
    public long replaces;
    long lastBidPrice;
    long lastAskPrice;
    long lastBidId;
    long lastAskId;
    long statusRequests;
    long lastStatusRequestId;
    /** Cancels sent before the last status request: the venue's answer shows what survived them. */
    long cancelsAtStatusRequest;
    public long sequence;
    long execId;
    /** Every outbound frame, back to back, when {@link #logOutbound} is set (the byte-compare of two strategies). */
    final ExpandableArrayBuffer outboundLog = new ExpandableArrayBuffer(1 << 16);
    int outboundLogLength;
    boolean logOutbound;

    public StrategyHarness(final String quoterSpec)
    {
        this(quoterSpec, 64);
    }

    public StrategyHarness(final String quoterSpec, final int orderCapacity)
    {
        final L2Book book = new L2Book(INSTRUMENT, 1 << 12);
        final FactorEngine engine = new FactorEngine(book, FactorCatalogue.standard().create("mid"));
        final RiskGate risk = new RiskGate(new RiskLimits()
            .maxOrderQuantity(10).maxPosition(20).maxNotional(1_000_000_000L).tickValue(1)
            .priceCollarTicks(100).aggressiveCollarTicks(20).flattenCollarTicks(2).maxOpenOrders(10)
            .maxOrdersPerSecond(1_000_000).maxCancelsPerSecond(1_000_000).maxDailyLoss(1_000_000_000L)
            .maxDrawdown(1_000_000_000L).staleMarketDataMs(60_000).conclude());
        strategy = new QuotingStrategy(
            engine,
            new QuoteInputsBinder(engine.snapshot(), null, null, null, null, null, null, null, null),
            QuoterRegistry.standard().create(quoterSpec),
            new Orders(orderCapacity),
            new Position(INSTRUMENT, 1.0, 0.0, 0.0),
            risk,
            INSTRUMENT,
            1,
            1,
            0,
            1_000_000,
            this::onOrder);
    }

    public void snapshot(final long timeNs, final long bid, final long ask)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(in, 0, headerEncoder)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(bid).quantity(10);
        levels.next().side(Side.SELL).price(ask).quantity(10);
        strategy.onMessage(L2SnapshotEncoder.TEMPLATE_ID, in, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
    }

    /** Moves the touch: the new best bid and ask each with 10 lots, the old ones removed. */
    public void touch(final long timeNs, final long oldBid, final long oldAsk, final long bid, final long ask)
    {
        update.wrapAndApplyHeader(in, 0, headerEncoder)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT)
            .sequence(sequence + 1).prevSequence(sequence);
        sequence++;
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(4);
        levels.next().side(Side.BUY).action(L2Action.DELETE).price(oldBid).quantity(0);
        levels.next().side(Side.SELL).action(L2Action.DELETE).price(oldAsk).quantity(0);
        levels.next().side(Side.BUY).action(L2Action.CHANGE).price(bid).quantity(10);
        levels.next().side(Side.SELL).action(L2Action.CHANGE).price(ask).quantity(10);
        strategy.onMessage(L2UpdateEncoder.TEMPLATE_ID, in, 0, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
    }

    /** An operator command as the daemon's receiver lets it in: authenticated, its token field zeroed. */
    public void admin(final long timeNs, final AdminCommandType command)
    {
        final AdminCommandEncoder encoder = new AdminCommandEncoder().wrapAndApplyHeader(in, 0, headerEncoder)
            .timestampNs(timeNs).requestId(1).command(command).instrumentId(INSTRUMENT).putAuthToken(NO_TOKEN, 0);
        strategy.onMessage(AdminCommandEncoder.TEMPLATE_ID, in, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    public void fill(final long timeNs, final long clientOrderId, final Side side, final long price, final long quantity,
        final long leaves)
    {
        report(timeNs, clientOrderId, 0 == leaves ? ExecType.FILL : ExecType.PARTIAL_FILL, side, price, quantity, leaves);
    }

    /** Answers every order frame sent since the last call, as a venue would. */
    public void acknowledgeAll(final long timeNs)
    {
        final int count = sentCount;
        sentCount = 0;
        for (int i = 0; i < count; i++)
        {
            final int offset = i * 128;
            switch (sentTypes[i])
            {
                case NewOrderDecoder.TEMPLATE_ID:
                    newOrder.wrapAndApplyHeader(sent, offset, headerDecoder);
                    report(timeNs, newOrder.clientOrderId(), ExecType.ACK, newOrder.side(), newOrder.price(), 0,
                        newOrder.quantity());
                    break;
                case CancelOrderDecoder.TEMPLATE_ID:
                    cancel.wrapAndApplyHeader(sent, offset, headerDecoder);
                    report(timeNs, cancel.origClientOrderId(), ExecType.CANCELLED, cancel.side(), 0, 0, 0);
                    break;
                case ReplaceOrderDecoder.TEMPLATE_ID:
                    replace.wrapAndApplyHeader(sent, offset, headerDecoder);
                    report(timeNs, replace.clientOrderId(), ExecType.REPLACED, replace.side(), replace.price(), 0,
                        replace.quantity());
                    break;
                default:
                    throw new IllegalStateException("unexpected frame " + sentTypes[i]);
            }
        }
    }

    /** A report as the venue would send it, every field given. */
    public void report(
        final long timeNs, final long clientOrderId, final ExecType type, final Side side, final long price,
        final long orderQuantity, final long lastQuantity, final long leaves, final long cum)
    {
        report(timeNs, clientOrderId, ++execId, type, side, price, orderQuantity, lastQuantity, leaves, cum);
    }

    /** A report with every field given, its exec id too (a retransmit, or a forgery reusing one). */
    public void report(
        final long timeNs, final long clientOrderId, final long execId, final ExecType type, final Side side,
        final long price, final long orderQuantity, final long lastQuantity, final long leaves, final long cum)
    {
        report.wrapAndApplyHeader(reportFrame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(execId).instrumentId(INSTRUMENT).execType(type).side(side).price(price)
            .orderQuantity(orderQuantity).lastPrice(price).lastQuantity(lastQuantity)
            .leavesQuantity(leaves).cumQuantity(cum)
            .liquidity(lastQuantity > 0 ? LiquidityFlag.MAKER : LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
        strategy.onMessage(ExecutionReportEncoder.TEMPLATE_ID, reportFrame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    /** The venue refuses a cancel of the order, for a reason. */
    public void rejectCancel(final long timeNs, final long clientOrderId, final Side side, final RejectReason reason)
    {
        report.wrapAndApplyHeader(reportFrame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT).execType(ExecType.REJECTED).side(side).price(0)
            .orderQuantity(0).lastPrice(0).lastQuantity(0).leavesQuantity(0).cumQuantity(0)
            .liquidity(LiquidityFlag.NONE).rejectReason(reason);
        redeliverLastReport();
    }

    /** A whole-order fill of another instrument under one of this strategy's client order ids. */
    public void foreignFill(final long timeNs, final long clientOrderId, final Side side, final long price, final long quantity)
    {
        report.wrapAndApplyHeader(reportFrame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT + 1).execType(ExecType.FILL).side(side).price(price)
            .orderQuantity(quantity).lastPrice(price).lastQuantity(quantity).leavesQuantity(0).cumQuantity(quantity)
            .liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE);
        redeliverLastReport();
    }

    /** Delivers the last execution report again, byte for byte (a venue's retransmit). */
    public void redeliverLastReport()
    {
        strategy.onMessage(ExecutionReportEncoder.TEMPLATE_ID, reportFrame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    /** The venue's end of an order status answer. */
    public void statusComplete(final long timeNs, final long requestId, final long orderCount)
    {
        complete.wrapAndApplyHeader(in, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).requestId(requestId).instrumentId(INSTRUMENT).orderCount(orderCount);
        strategy.onMessage(OrderStatusCompleteEncoder.TEMPLATE_ID, in, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + complete.encodedLength());
    }

    /** The gateway's word on the venue session, as the daemon's edge stamps it (local time = event time). */
    public void venueSession(final long timeNs, final VenueSessionState state, final long epoch)
    {
        venueSession.wrapAndApplyHeader(in, 0, headerEncoder)
            .timestampNs(timeNs - 1_000).localTimeNs(timeNs).state(state).sessionEpoch(epoch);
        strategy.onMessage(VenueSessionEncoder.TEMPLATE_ID, in, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + venueSession.encodedLength());
    }

    /** A timer firing. */
    public void timer(final long timeNs)
    {
        timer.wrapAndApplyHeader(in, 0, headerEncoder).timestampNs(timeNs).timerId(1);
        strategy.onMessage(TimerTickEncoder.TEMPLATE_ID, in, 0, MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength());
    }

    /** A STATUS report: the venue has the order live with these quantities. */
    public void status(final long timeNs, final long clientOrderId, final Side side, final long price,
        final long orderQuantity, final long leaves, final long cum)
    {
        report(timeNs, clientOrderId, ExecType.STATUS, side, price, orderQuantity, 0, leaves, cum);
    }

    private void report(
        final long timeNs, final long clientOrderId, final ExecType type, final Side side, final long price,
        final long lastQuantity, final long leaves)
    {
        // a venue reporting in order: a fill's cumulative quantity is what the order had filled plus this fill
        final long cum = strategy.orders().filledQuantity(clientOrderId) + lastQuantity;
        final UnsafeBuffer frame = reportFrame;
        report.wrapAndApplyHeader(frame, 0, headerEncoder)
            .venueTimeNs(timeNs).localTimeNs(timeNs).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT).execType(type).side(side).price(price)
            .orderQuantity(leaves + cum).lastPrice(price).lastQuantity(lastQuantity)
            .leavesQuantity(leaves).cumQuantity(cum)
            .liquidity(lastQuantity > 0 ? LiquidityFlag.MAKER : LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
        strategy.onMessage(ExecutionReportEncoder.TEMPLATE_ID, frame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private final UnsafeBuffer reportFrame = new UnsafeBuffer(new byte[256]);

    /**
     * Makes an order frame throw, as a fault deep in the strategy would, half-way through an event: the next
     * {@code passed} new or replace orders go out, the one after throws (once).
     */
    public void throwOnOrderAfter(final int passed)
    {
        ordersBeforeThrow = passed;
    }

    private int ordersBeforeThrow = -1;

    private void onOrder(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if ((NewOrderDecoder.TEMPLATE_ID == msgTypeId || ReplaceOrderDecoder.TEMPLATE_ID == msgTypeId) &&
            ordersBeforeThrow >= 0 && 0 == ordersBeforeThrow--)
        {
            throw new IllegalStateException("injected fault in the order path");
        }
        if (logOutbound)
        {
            outboundLog.putBytes(outboundLogLength, buffer, index, length);
            outboundLogLength += length;
        }
        if (msgTypeId == OrderStatusRequestEncoder.TEMPLATE_ID)
        {
            statusRequests++;
            cancelsAtStatusRequest = cancels;
            lastStatusRequestId = buffer.getLong(index + MessageHeaderEncoder.ENCODED_LENGTH +
                OrderStatusRequestEncoder.requestIdEncodingOffset(), OrderStatusRequestEncoder.BYTE_ORDER);
            return; // not an order: the venue answers it separately
        }
        sent.putBytes(sentCount * 128, buffer, index, length);
        sentTypes[sentCount++] = msgTypeId;
        switch (msgTypeId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrders++;
                newOrder.wrapAndApplyHeader(buffer, index, headerDecoder);
                if (Side.BUY == newOrder.side())
                {
                    lastBidPrice = newOrder.price();
                    lastBidId = newOrder.clientOrderId();
                }
                else
                {
                    lastAskPrice = newOrder.price();
                    lastAskId = newOrder.clientOrderId();
                }
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancels++;
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replaces++;
                replace.wrapAndApplyHeader(buffer, index, headerDecoder);
                if (Side.BUY == replace.side())
                {
                    lastBidPrice = replace.price();
                    lastBidId = replace.clientOrderId();
                }
                else
                {
                    lastAskPrice = replace.price();
                    lastAskId = replace.clientOrderId();
                }
                break;
            default:
                break;
        }
    }
}
