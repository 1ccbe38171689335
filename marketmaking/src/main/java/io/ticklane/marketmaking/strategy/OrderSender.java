package io.ticklane.marketmaking.strategy;

import io.ticklane.clock.PipelineStage;
import io.ticklane.clock.StageStamps;
import io.ticklane.marketmaking.order.OrderActions;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The stage after the quote manager: every order action passes the {@link RiskGate} first, and only then is encoded
 * into an SBE order frame and handed to the outbound handler. Refusals are counted here; nothing is allocated.
 */
final class OrderSender implements OrderActions
{
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replace = new ReplaceOrderEncoder();
    private final OrderStatusRequestEncoder statusRequest = new OrderStatusRequestEncoder();
    private final long instrumentId;
    private final MessageHandler outbound;
    private final RiskGate risk;
    private final Orders orders;
    private StageStamps stages = StageStamps.NONE;
    long rejections;

    OrderSender(final long instrumentId, final MessageHandler outbound, final RiskGate risk, final Orders orders)
    {
        this.instrumentId = instrumentId;
        this.outbound = outbound;
        this.risk = risk;
        this.orders = orders;
    }

    void stageStamps(final StageStamps stages)
    {
        this.stages = stages;
    }

    public boolean sendNew(
        final long clientOrderId,
        final Side side,
        final long price,
        final long quantity,
        final TimeInForce timeInForce,
        final long timeNs)
    {
        reportWorkingOrders();
        if (!passed(risk.checkNewOrder(side, price, quantity, TimeInForce.IOC == timeInForce, timeNs)))
        {
            return false;
        }
        newOrder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(instrumentId)
            .side(side)
            .orderType(OrderType.LIMIT)
            .timeInForce(timeInForce)
            .price(price)
            .quantity(quantity);
        stages.stamp(PipelineStage.ORDER_ENCODED);
        outbound.onMessage(NewOrderEncoder.TEMPLATE_ID, frame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
        return true;
    }

    public boolean sendCancel(final long requestId, final long clientOrderId, final Side side, final long timeNs)
    {
        if (!passed(risk.checkCancel(timeNs)))
        {
            return false;
        }
        cancel.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(timeNs)
            .clientOrderId(requestId)
            .origClientOrderId(clientOrderId)
            .instrumentId(instrumentId)
            .side(side);
        stages.stamp(PipelineStage.ORDER_ENCODED);
        outbound.onMessage(CancelOrderEncoder.TEMPLATE_ID, frame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength());
        return true;
    }

    public boolean sendReplace(
        final long newClientOrderId,
        final long origClientOrderId,
        final Side side,
        final long price,
        final long quantity,
        final long timeNs)
    {
        reportWorkingOrders();
        final long replaced = Math.max(0, orders.leavesQuantity(origClientOrderId));
        if (!passed(risk.checkReplace(side, price, quantity, replaced, false, timeNs)))
        {
            return false;
        }
        replace.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(timeNs)
            .clientOrderId(newClientOrderId)
            .origClientOrderId(origClientOrderId)
            .instrumentId(instrumentId)
            .side(side)
            .price(price)
            .quantity(quantity);
        stages.stamp(PipelineStage.ORDER_ENCODED);
        outbound.onMessage(ReplaceOrderEncoder.TEMPLATE_ID, frame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + replace.encodedLength());
        return true;
    }

    void sendStatusRequest(final long requestId, final long timeNs)
    {
        statusRequest.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(timeNs)
            .requestId(requestId)
            .instrumentId(instrumentId);
        outbound.onMessage(OrderStatusRequestEncoder.TEMPLATE_ID, frame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + statusRequest.encodedLength());
    }

    void reportWorkingOrders()
    {
        risk.onWorkingOrders(orders.leavesQuantity(Side.BUY), orders.leavesQuantity(Side.SELL), orders.openOrderCount());
    }

    private boolean passed(final RiskCheck check)
    {
        if (RiskCheck.PASSED == check)
        {
            stages.stamp(PipelineStage.RISK_PASSED);
            return true;
        }
        rejections++;
        return false;
    }
}
