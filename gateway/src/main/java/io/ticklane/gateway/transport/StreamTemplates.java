package io.ticklane.gateway.transport;

import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import io.ticklane.sbe.TimerTickDecoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradingStatusDecoder;
import io.ticklane.sbe.VenueSessionDecoder;

/**
 * The one table of which templates each inbound stream may carry, and of every template's layout
 * ({@link TemplateShape}). SBE generates a decoder per message but no registry, so the table is written here, from
 * the decoders' own constants. A template that is not allowed on a stream is refused there whatever it says: an
 * execution report, a snapshot or a timer tick on the operator stream, a timer tick from outside the daemon.
 * <pre>
 * MARKET_DATA  InstrumentDefinition, L2Snapshot, L2Update, L3OrderEvent, Trade, BestBidOffer, TradingStatus, Heartbeat
 * REPORTS      ExecutionReport, OrderStatusComplete, VenueSession
 * ADMIN        AdminCommand
 * INTERNAL     TimerTick, OrderStatusRequest, AdminCommand (the daemon's own STOP)
 * </pre>
 * Venue heartbeats come on the market data stream only (that is where the simulated venue sends them). VenueSession
 * (the order entry session went down or came back) comes from the gateway that holds that session, on its report
 * stream, after every report it published before the change. Order entry
 * (NewOrder, CancelOrder, ReplaceOrder, MassCancel) and StrategyCheckpoint are known templates allowed on no inbound
 * stream.
 */
public final class StreamTemplates
{
    /** Template ids are below this (a role's allowed set is one bit mask). */
    public static final int MAX_TEMPLATE_ID = 64;

    private static final int[] NONE = {};
    private static final TemplateShape[] SHAPES = new TemplateShape[MAX_TEMPLATE_ID];
    private static final long[] ALLOWED = new long[StreamRole.values().length];

    static
    {
        shape(InstrumentDefinitionDecoder.TEMPLATE_ID, InstrumentDefinitionDecoder.BLOCK_LENGTH);
        shape(L2SnapshotDecoder.TEMPLATE_ID, L2SnapshotDecoder.BLOCK_LENGTH, L2SnapshotDecoder.LevelsDecoder.sbeBlockLength());
        shape(L2UpdateDecoder.TEMPLATE_ID, L2UpdateDecoder.BLOCK_LENGTH, L2UpdateDecoder.LevelsDecoder.sbeBlockLength());
        shape(L3OrderEventDecoder.TEMPLATE_ID, L3OrderEventDecoder.BLOCK_LENGTH);
        shape(TradeDecoder.TEMPLATE_ID, TradeDecoder.BLOCK_LENGTH);
        shape(BestBidOfferDecoder.TEMPLATE_ID, BestBidOfferDecoder.BLOCK_LENGTH);
        shape(TradingStatusDecoder.TEMPLATE_ID, TradingStatusDecoder.BLOCK_LENGTH);
        shape(NewOrderDecoder.TEMPLATE_ID, NewOrderDecoder.BLOCK_LENGTH);
        shape(CancelOrderDecoder.TEMPLATE_ID, CancelOrderDecoder.BLOCK_LENGTH);
        shape(ReplaceOrderDecoder.TEMPLATE_ID, ReplaceOrderDecoder.BLOCK_LENGTH);
        shape(MassCancelDecoder.TEMPLATE_ID, MassCancelDecoder.BLOCK_LENGTH);
        shape(OrderStatusRequestDecoder.TEMPLATE_ID, OrderStatusRequestDecoder.BLOCK_LENGTH);
        shape(ExecutionReportDecoder.TEMPLATE_ID, ExecutionReportDecoder.BLOCK_LENGTH);
        shape(OrderStatusCompleteDecoder.TEMPLATE_ID, OrderStatusCompleteDecoder.BLOCK_LENGTH);
        shape(VenueSessionDecoder.TEMPLATE_ID, VenueSessionDecoder.BLOCK_LENGTH);
        shape(AdminCommandDecoder.TEMPLATE_ID, AdminCommandDecoder.BLOCK_LENGTH);
        shape(TimerTickDecoder.TEMPLATE_ID, TimerTickDecoder.BLOCK_LENGTH);
        shape(HeartbeatDecoder.TEMPLATE_ID, HeartbeatDecoder.BLOCK_LENGTH);
        shape(StrategyCheckpointDecoder.TEMPLATE_ID, StrategyCheckpointDecoder.BLOCK_LENGTH,
            StrategyCheckpointDecoder.OpenOrdersDecoder.sbeBlockLength(), StrategyCheckpointDecoder.FreeSlotsDecoder.sbeBlockLength());

        allow(StreamRole.MARKET_DATA,
            InstrumentDefinitionDecoder.TEMPLATE_ID,
            L2SnapshotDecoder.TEMPLATE_ID,
            L2UpdateDecoder.TEMPLATE_ID,
            L3OrderEventDecoder.TEMPLATE_ID,
            TradeDecoder.TEMPLATE_ID,
            BestBidOfferDecoder.TEMPLATE_ID,
            TradingStatusDecoder.TEMPLATE_ID,
            HeartbeatDecoder.TEMPLATE_ID);
        allow(StreamRole.REPORTS,
            ExecutionReportDecoder.TEMPLATE_ID, OrderStatusCompleteDecoder.TEMPLATE_ID, VenueSessionDecoder.TEMPLATE_ID);
        allow(StreamRole.ADMIN, AdminCommandDecoder.TEMPLATE_ID);
        allow(StreamRole.INTERNAL,
            TimerTickDecoder.TEMPLATE_ID, OrderStatusRequestDecoder.TEMPLATE_ID, AdminCommandDecoder.TEMPLATE_ID);
    }

    private StreamTemplates()
    {
    }

    /**
     * @param templateId SBE template id.
     * @return its layout, or null for a template this build does not know.
     */
    public static TemplateShape shape(final int templateId)
    {
        return templateId >= 0 && templateId < MAX_TEMPLATE_ID ? SHAPES[templateId] : null;
    }

    /**
     * @param role       the stream's role.
     * @param templateId SBE template id.
     * @return true if the stream may carry the template.
     */
    public static boolean isAllowed(final StreamRole role, final int templateId)
    {
        return templateId >= 0 && templateId < MAX_TEMPLATE_ID && 0 != (ALLOWED[role.ordinal()] & (1L << templateId));
    }

    private static void shape(final int templateId, final int blockLength, final int... groupBlockLengths)
    {
        SHAPES[templateId] = new TemplateShape(templateId, blockLength, groupBlockLengths, NONE);
    }

    private static void allow(final StreamRole role, final int... templateIds)
    {
        for (final int templateId : templateIds)
        {
            ALLOWED[role.ordinal()] |= 1L << templateId;
        }
    }
}
