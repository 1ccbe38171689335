package io.ticklane.gateway.sim.exchange;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.gateway.sim.venue.LiveOrderVisitor;
import io.ticklane.gateway.sim.venue.SimulatedVenue;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * The exchange's end of the order-entry session, the orders half of {@link ExchangeAgent}'s duty cycle: it polls
 * the order stream, refuses what is not a valid frame of the schema, hands NewOrder, CancelOrder and ReplaceOrder to
 * the {@link SimulatedVenue} re-stamped with the time they are received, expands a MassCancel into one CancelOrder per
 * matching live order, answers an OrderStatusRequest from the venue's live orders, and publishes every report on the
 * report stream. The agent's Javadoc states the behaviour; nothing here allocates per frame.
 */
final class ExchangeOrderSession
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int ORDER_FRAME_CAPACITY = 1024;
    private static final int REPORT_CAPACITY = 512;

    private final SimulatedVenue venue;
    private final Subscription orders;
    private final int orderFragmentLimit;
    private final FramePublisher reports;
    private final int reportStreamId;
    private final ExchangeCounters counters;
    private final FragmentHandler orderAssembler;
    private final LiveOrderVisitor statusVisitor = this::onStatusOrder;
    private final LiveOrderVisitor massCancelVisitor = this::onMassCancelOrder;

    private final UnsafeBuffer orderFrame = new UnsafeBuffer(new byte[ORDER_FRAME_CAPACITY]);
    private final UnsafeBuffer reportFrame = new UnsafeBuffer(new byte[REPORT_CAPACITY]);
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MassCancelDecoder massCancelDecoder = new MassCancelDecoder();
    private final OrderStatusRequestDecoder statusRequestDecoder = new OrderStatusRequestDecoder();
    private final CancelOrderEncoder cancelEncoder = new CancelOrderEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final OrderStatusCompleteEncoder completeEncoder = new OrderStatusCompleteEncoder();

    private final long[] massCancelIds;
    private final Side[] massCancelSides;
    private int massCancelCount;
    private Side massCancelSide;
    private long nowNs;

    /**
     * @param venue              the matching venue; its reports must be given to {@link #publishReport}.
     * @param maxOrders          the venue's order capacity (the most a mass cancel can expand to).
     * @param orders             the order stream; the agent closes it.
     * @param orderFragmentLimit fragments polled per duty cycle.
     * @param reports            the report publication; the agent closes it.
     * @param reportStreamId     its stream, for failure counters.
     * @param counters           the exchange's counters.
     */
    ExchangeOrderSession(
        final SimulatedVenue venue,
        final int maxOrders,
        final Subscription orders,
        final int orderFragmentLimit,
        final FramePublisher reports,
        final int reportStreamId,
        final ExchangeCounters counters)
    {
        this.venue = venue;
        this.orders = orders;
        this.orderFragmentLimit = orderFragmentLimit;
        this.reports = reports;
        this.reportStreamId = reportStreamId;
        this.counters = counters;
        massCancelIds = new long[maxOrders];
        massCancelSides = new Side[maxOrders];
        orderAssembler = new FragmentAssembler(this::onOrderFragment);
    }

    /**
     * Polls the order stream and acts on what came.
     *
     * @param nowNs the duty cycle's clock time: a received order's send time, a report's venue and local time.
     * @return fragments polled.
     */
    int poll(final long nowNs)
    {
        this.nowNs = nowNs;
        return orders.poll(orderAssembler, orderFragmentLimit);
    }

    /**
     * Publishes a report frame on the report stream, counting a frame the publication gave up on.
     */
    void publishReport(final DirectBuffer buffer, final int index, final int length)
    {
        if (reports.offer(buffer, index, length))
        {
            counters.reportsPublished.incrementRelease();
        }
        else
        {
            counters.publishFailed(reports, reportStreamId);
        }
    }

    private void onOrderFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (length < HEADER || length > ORDER_FRAME_CAPACITY)
        {
            counters.framesRefused.incrementRelease();
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != headerDecoder.schemaId() || length < HEADER + headerDecoder.blockLength())
        {
            counters.framesRefused.incrementRelease();
            return;
        }
        final int templateId = headerDecoder.templateId();
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
            case CancelOrderDecoder.TEMPLATE_ID:
            case ReplaceOrderDecoder.TEMPLATE_ID:
                orderFrame.putBytes(0, buffer, offset, length);
                orderFrame.putLong(HEADER, nowNs, ByteOrder.LITTLE_ENDIAN); // sendingTimeNs: received now
                counters.ordersReceived.incrementRelease();
                toVenue(templateId, orderFrame, length);
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                counters.ordersReceived.incrementRelease();
                counters.massCancels.incrementRelease();
                massCancelDecoder.wrap(buffer, offset + HEADER, headerDecoder.blockLength(), headerDecoder.version());
                onMassCancel(massCancelDecoder.requestId(), massCancelDecoder.instrumentId(), massCancelDecoder.side());
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                counters.statusRequests.incrementRelease();
                statusRequestDecoder.wrap(buffer, offset + HEADER, headerDecoder.blockLength(), headerDecoder.version());
                onStatusRequest(statusRequestDecoder.requestId(), statusRequestDecoder.instrumentId());
                break;
            case HeartbeatDecoder.TEMPLATE_ID:
                counters.daemonHeartbeats.incrementRelease();
                break;
            default:
                counters.framesRefused.incrementRelease();
                break;
        }
    }

    private void toVenue(final int templateId, final MutableDirectBuffer frame, final int length)
    {
        if (!venue.onOrder(templateId, frame, 0, length))
        {
            counters.ordersDropped.incrementRelease();
        }
    }

    private void onMassCancel(final long requestId, final long instrumentId, final Side side)
    {
        if (0 != instrumentId && venue.instrumentId() != instrumentId)
        {
            return;
        }
        venue.advanceTo(nowNs); // orders sent before the mass cancel are live by now (zero entry latency)
        massCancelSide = null == side || Side.NULL_VAL == side ? null : side;
        massCancelCount = 0;
        venue.forEachLiveOrder(massCancelVisitor);
        for (int i = 0; i < massCancelCount; i++)
        {
            cancelEncoder.wrapAndApplyHeader(orderFrame, 0, headerEncoder)
                .sendingTimeNs(nowNs)
                .clientOrderId(requestId)
                .origClientOrderId(massCancelIds[i])
                .instrumentId(venue.instrumentId())
                .side(massCancelSides[i]);
            toVenue(CancelOrderDecoder.TEMPLATE_ID, orderFrame, HEADER + cancelEncoder.encodedLength());
        }
    }

    private void onMassCancelOrder(
        final long clientOrderId, final long venueOrderId, final Side side, final long price, final long orderQuantity,
        final long leavesQuantity, final long cumQuantity)
    {
        if (null == massCancelSide || massCancelSide == side)
        {
            massCancelIds[massCancelCount] = clientOrderId;
            massCancelSides[massCancelCount] = side;
            massCancelCount++;
        }
    }

    private void onStatusRequest(final long requestId, final long instrumentId)
    {
        venue.advanceTo(nowNs); // orders sent before the request are answered for (zero entry latency)
        final boolean ours = 0 == instrumentId || venue.instrumentId() == instrumentId;
        final int count = ours ? venue.forEachLiveOrder(statusVisitor) : 0;
        completeEncoder.wrapAndApplyHeader(reportFrame, 0, headerEncoder)
            .venueTimeNs(nowNs)
            .localTimeNs(nowNs)
            .requestId(requestId)
            .instrumentId(ours ? venue.instrumentId() : instrumentId)
            .orderCount(count);
        publishReport(reportFrame, 0, HEADER + completeEncoder.encodedLength());
    }

    private void onStatusOrder(
        final long clientOrderId, final long venueOrderId, final Side side, final long price, final long orderQuantity,
        final long leavesQuantity, final long cumQuantity)
    {
        reportEncoder.wrapAndApplyHeader(reportFrame, 0, headerEncoder)
            .venueTimeNs(nowNs)
            .localTimeNs(nowNs)
            .clientOrderId(clientOrderId)
            .venueOrderId(venueOrderId)
            .execId(0)
            .instrumentId(venue.instrumentId())
            .execType(ExecType.STATUS)
            .side(side)
            .price(price)
            .orderQuantity(orderQuantity)
            .lastPrice(0)
            .lastQuantity(0)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .liquidity(LiquidityFlag.NONE)
            .rejectReason(RejectReason.NONE);
        publishReport(reportFrame, 0, HEADER + reportEncoder.encodedLength());
    }
}
