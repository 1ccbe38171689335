package io.ticklane.gateway.fix.session;

import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.fix44.builder.OrderCancelReplaceRequestEncoder;
import io.ticklane.fix44.builder.OrderCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassStatusRequestEncoder;
import io.ticklane.gateway.fix.FixOrderEncoding;
import io.ticklane.gateway.fix.FixOrderRefusal;
import io.ticklane.gateway.transport.TickToQuoteTimer;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.ControlledMessageHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import uk.co.real_logic.artio.Pressure;
import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.session.Session;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session thread's side of the order hand-off ({@link FixOrderHandoff}): takes each SBE order frame off the ring
 * in order, maps it to its FIX message ({@link FixOrderEncoding}) and sends it on the logged-on Artio session. The
 * bounds are the ones a trading system needs when the thread that sends is not the one that decided: a frame that adds
 * risk (new order, replace) is never sent later than the send bound after its hand-over, nor after being
 * back-pressured that long; it is given up on, counted, and the daemon halts. A cancel is sent late rather than never
 * (the halt is raised, the cancel keeps its place). A frame that finds the session down is not sent, only counted:
 * the reconciliation after the next logon settles it. Nothing overtakes a back-pressured frame. Tick-to-quote is
 * timed here, when Artio takes the message, as the Aeron path times it when its publication does. No allocation in
 * steady state.
 */
final class FixOrderSender
{
    private static final int ORDER_LIMIT = 64;
    private static final String HALT_PREFIX = "order gateway did not take a frame within its bound: ";

    private final RingBuffer orders;
    private final FixOrderEncoding encoding;
    private final FixSessionCounters counters;
    private final long sendTimeoutNs;
    private final AtomicReference<String> haltReason;
    private final TickToQuoteTimer timer;
    private final EpochNanoClock clock;
    private final ControlledMessageHandler orderHandler = this::onOrder;
    private final long[] orderRefusals = new long[FixSessionCounters.orderRefusals().length];
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceOrder = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private final NewOrderSingleEncoder newOrderSingle = new NewOrderSingleEncoder();
    private final OrderCancelRequestEncoder cancelRequest = new OrderCancelRequestEncoder();
    private final OrderCancelReplaceRequestEncoder replaceRequest = new OrderCancelReplaceRequestEncoder();
    private final OrderMassCancelRequestEncoder massCancelRequest = new OrderMassCancelRequestEncoder();
    private final OrderMassStatusRequestEncoder massStatusRequest = new OrderMassStatusRequestEncoder();
    private Session session;
    private long nowNs;
    private Encoder pendingMessage;
    private long pendingHandedOverNs;
    private long pendingOriginNs;
    private long pendingReceivedNs;
    private boolean pendingAddsRisk;
    private boolean pendingHaltRaised;

    FixOrderSender(
        final RingBuffer orders,
        final FixOrderEncoding encoding,
        final FixSessionCounters counters,
        final long sendTimeoutNs,
        final AtomicReference<String> haltReason,
        final TickToQuoteTimer timer,
        final EpochNanoClock clock)
    {
        this.timer = timer;
        this.clock = clock;
        this.orders = orders;
        this.encoding = encoding;
        this.counters = counters;
        this.sendTimeoutNs = sendTimeoutNs;
        this.haltReason = haltReason;
    }

    /**
     * Sends what was handed over, in order, until the ring is empty or a frame is back-pressured.
     *
     * @param activeSession the logged-on, active session; null while there is none (frames are then not sent).
     * @param nowNs         the session's duty-cycle time, on the daemon's clock.
     * @return work done.
     */
    int sendOrders(final Session activeSession, final long nowNs)
    {
        this.session = null == activeSession || !activeSession.isActive() ? null : activeSession;
        this.nowNs = nowNs;
        if (null != pendingMessage)
        {
            if (null == session)
            {
                pendingMessage = null;
                counters.notSent.increment();
            }
            else if (!sendPending())
            {
                return 1; // back-pressured: retried on the next duty cycle, nothing overtakes it
            }
        }
        return orders.controlledRead(orderHandler, ORDER_LIMIT);
    }

    private ControlledMessageHandler.Action onOrder(
        final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final long handedOverNs = buffer.getLong(index + FixOrderHandoff.HANDED_OVER_NS_OFFSET);
        final int offset = index + FixOrderHandoff.HEADER_LENGTH;
        if (null == session)
        {
            counters.notSent.increment(); // handed over just before the session went down
            return ControlledMessageHandler.Action.CONTINUE;
        }
        header.wrap(buffer, offset);
        final int templateId = header.templateId();
        final boolean addsRisk = NewOrderDecoder.TEMPLATE_ID == templateId || ReplaceOrderDecoder.TEMPLATE_ID == templateId;
        if (addsRisk && nowNs - handedOverNs > sendTimeoutNs)
        {
            giveUp("the FIX session's thread reached an order " + TimeUnit.NANOSECONDS.toMillis(nowNs - handedOverNs) +
                " ms after its hand-over, past the " + TimeUnit.NANOSECONDS.toMillis(sendTimeoutNs) + " ms bound");
            return ControlledMessageHandler.Action.CONTINUE;
        }
        final Encoder message = map(buffer, offset, templateId);
        if (null == message)
        {
            return ControlledMessageHandler.Action.CONTINUE;
        }
        pendingMessage = message;
        pendingHandedOverNs = handedOverNs;
        pendingOriginNs = buffer.getLong(index + FixOrderHandoff.ORIGIN_NS_OFFSET);
        pendingReceivedNs = buffer.getLong(index + FixOrderHandoff.RECEIVED_NS_OFFSET);
        pendingAddsRisk = addsRisk;
        pendingHaltRaised = false;
        return sendPending() ? ControlledMessageHandler.Action.CONTINUE : ControlledMessageHandler.Action.BREAK;
    }

    private Encoder map(final DirectBuffer buffer, final int offset, final int templateId)
    {
        final Encoder message;
        final boolean mapped;
        switch (templateId)
        {
            case NewOrderDecoder.TEMPLATE_ID:
                mapped = encoding.newOrderSingle(newOrder.wrapAndApplyHeader(buffer, offset, header), newOrderSingle);
                message = newOrderSingle;
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                mapped = encoding.orderCancelRequest(cancelOrder.wrapAndApplyHeader(buffer, offset, header), cancelRequest);
                message = cancelRequest;
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                mapped = encoding.orderCancelReplaceRequest(
                    replaceOrder.wrapAndApplyHeader(buffer, offset, header), replaceRequest);
                message = replaceRequest;
                if (encoding.replacesWithoutTimeInForce() != counters.replacesWithoutTimeInForce.get())
                {
                    counters.replacesWithoutTimeInForce.setRelease(encoding.replacesWithoutTimeInForce());
                }
                break;
            case MassCancelDecoder.TEMPLATE_ID:
                mapped = encoding.orderMassCancelRequest(
                    massCancel.wrapAndApplyHeader(buffer, offset, header), massCancelRequest);
                message = massCancelRequest;
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                mapped = encoding.orderMassStatusRequest(
                    statusRequest.wrapAndApplyHeader(buffer, offset, header), massStatusRequest);
                message = massStatusRequest;
                break;
            default:
                giveUp("no FIX message for SBE template " + templateId);
                return null;
        }
        if (!mapped)
        {
            giveUp("the FIX mapping refused an order: " + syncOrderRefusals());
            return null;
        }
        return message;
    }

    /**
     * @return true when the pending message is done with (sent, or given up on); false while it is back-pressured
     * and may still be sent.
     */
    private boolean sendPending()
    {
        final long position = session.trySend(pendingMessage);
        if (position > 0)
        {
            pendingMessage = null;
            timer.sent(pendingOriginNs, pendingReceivedNs, clock.nanoTime());
            return true;
        }
        if (!session.isActive())
        {
            pendingMessage = null;
            counters.notSent.increment(); // the session went down under it: the reconciliation after logon settles it
            return true;
        }
        if (!Pressure.isBackPressured(position))
        {
            pendingMessage = null;
            giveUp("FIX session did not take an order: error " + position);
            return true;
        }
        if (nowNs - pendingHandedOverNs > sendTimeoutNs)
        {
            final String why = "FIX session back-pressured an order for " +
                TimeUnit.NANOSECONDS.toMillis(sendTimeoutNs) + " ms";
            if (pendingAddsRisk)
            {
                pendingMessage = null;
                giveUp(why);
                return true;
            }
            if (!pendingHaltRaised)
            {
                // a cancel is worth sending late: the daemon halts, the cancel keeps its place and is retried
                pendingHaltRaised = true;
                giveUp(why + " (a cancel: still retried)");
            }
        }
        return false;
    }

    private void giveUp(final String why)
    {
        counters.givenUp.increment();
        haltReason.compareAndSet(null, HALT_PREFIX + why);
    }

    private String syncOrderRefusals()
    {
        final StringBuilder refused = new StringBuilder();
        for (final FixOrderRefusal refusal : FixSessionCounters.orderRefusals())
        {
            final long total = encoding.refusals(refusal);
            if (total != orderRefusals[refusal.ordinal()])
            {
                orderRefusals[refusal.ordinal()] = total;
                counters.orderRefused(refusal, total);
                refused.append(refusal).append(' ');
            }
        }
        return refused.toString().trim();
    }
}
