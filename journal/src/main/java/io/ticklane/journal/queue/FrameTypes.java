package io.ticklane.journal.queue;

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
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.TimerTickDecoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradingStatusDecoder;
import io.ticklane.sbe.VenueSessionDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.sbe.MessageDecoderFlyweight;

/**
 * Names and human-readable text of SBE frames for the journal tools ({@code journal cat}, {@code journal inspect},
 * {@link JournalStatistics}): SBE generates one decoder per message but no registry, so the template id to name table
 * lives here. Not a hot path: {@link #describe} allocates.
 */
public final class FrameTypes
{
    /** Template ids at or above this one have no name here (and count as "other" in statistics). */
    public static final int MAX_TEMPLATE_ID = 64;
    private static final String[] NAMES = new String[MAX_TEMPLATE_ID];

    static
    {
        NAMES[InstrumentDefinitionDecoder.TEMPLATE_ID] = "InstrumentDefinition";
        NAMES[L2SnapshotDecoder.TEMPLATE_ID] = "L2Snapshot";
        NAMES[L2UpdateDecoder.TEMPLATE_ID] = "L2Update";
        NAMES[L3OrderEventDecoder.TEMPLATE_ID] = "L3OrderEvent";
        NAMES[TradeDecoder.TEMPLATE_ID] = "Trade";
        NAMES[BestBidOfferDecoder.TEMPLATE_ID] = "BestBidOffer";
        NAMES[TradingStatusDecoder.TEMPLATE_ID] = "TradingStatus";
        NAMES[NewOrderDecoder.TEMPLATE_ID] = "NewOrder";
        NAMES[CancelOrderDecoder.TEMPLATE_ID] = "CancelOrder";
        NAMES[ReplaceOrderDecoder.TEMPLATE_ID] = "ReplaceOrder";
        NAMES[MassCancelDecoder.TEMPLATE_ID] = "MassCancel";
        NAMES[ExecutionReportDecoder.TEMPLATE_ID] = "ExecutionReport";
        NAMES[AdminCommandDecoder.TEMPLATE_ID] = "AdminCommand";
        NAMES[TimerTickDecoder.TEMPLATE_ID] = "TimerTick";
        NAMES[HeartbeatDecoder.TEMPLATE_ID] = "Heartbeat";
        NAMES[OrderStatusRequestDecoder.TEMPLATE_ID] = "OrderStatusRequest";
        NAMES[OrderStatusCompleteDecoder.TEMPLATE_ID] = "OrderStatusComplete";
        NAMES[VenueSessionDecoder.TEMPLATE_ID] = "VenueSession";
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L3OrderEventDecoder orderEvent = new L3OrderEventDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final TradingStatusDecoder status = new TradingStatusDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    private final MassCancelDecoder massCancel = new MassCancelDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final TimerTickDecoder timer = new TimerTickDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private final OrderStatusCompleteDecoder statusComplete = new OrderStatusCompleteDecoder();
    private final VenueSessionDecoder venueSession = new VenueSessionDecoder();

    /**
     * @return the template id of the frame at the offset.
     */
    public int templateId(final DirectBuffer buffer, final int offset)
    {
        return header.wrap(buffer, offset).templateId();
    }

    /**
     * @return the message name, or "template-N" for one this build does not know.
     */
    public static String name(final int templateId)
    {
        final String name = templateId >= 0 && templateId < MAX_TEMPLATE_ID ? NAMES[templateId] : null;
        return null == name ? "template-" + templateId : name;
    }

    /**
     * @return the template id of a message name (case-insensitive), or -1.
     */
    public static int templateId(final String name)
    {
        for (int i = 0; i < MAX_TEMPLATE_ID; i++)
        {
            if (null != NAMES[i] && NAMES[i].equalsIgnoreCase(name))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param buffer holds the frame.
     * @param offset where it starts.
     * @param length its bytes: nothing past them is read.
     * @return the decoder's text for the frame (fields, groups; an enum value the schema does not define shows as
     *         {@code SBE_UNKNOWN}), or a hex-free note for an unknown template.
     * @throws IllegalArgumentException saying why, for a frame that cannot be decoded: shorter than a message header,
     *                                  another schema, a block shorter than its template's, or fewer bytes than its
     *                                  block and groups declare.
     */
    public String describe(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            throw new IllegalArgumentException(length + " bytes, shorter than a message header");
        }
        view.wrap(buffer, offset, length);
        header.wrap(view, 0);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            throw new IllegalArgumentException("schema id " + header.schemaId() + ", not Ticklane's " +
                MessageHeaderDecoder.SCHEMA_ID);
        }
        final int templateId = header.templateId();
        final MessageDecoderFlyweight decoder = decoder(templateId);
        if (null == decoder)
        {
            return "(template " + templateId + " unknown to this build, " + header.blockLength() + " byte block)";
        }
        if (header.blockLength() < decoder.sbeBlockLength())
        {
            throw new IllegalArgumentException("a " + header.blockLength() + " byte block, " + name(templateId) + "'s is " +
                decoder.sbeBlockLength());
        }
        final String text;
        try
        {
            text = decoder.wrap(view, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version()).toString();
        }
        catch (final IndexOutOfBoundsException ex)
        {
            throw new IllegalArgumentException("its " + length + " bytes end before the block and groups it declares", ex);
        }
        // the operator token is a secret: never printed
        return admin == decoder ? text.replaceAll("authToken=[^|]*", "authToken=(hidden)") : text;
    }

    private MessageDecoderFlyweight decoder(final int templateId)
    {
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                return definition;
            case L2SnapshotDecoder.TEMPLATE_ID:
                return snapshot;
            case L2UpdateDecoder.TEMPLATE_ID:
                return update;
            case L3OrderEventDecoder.TEMPLATE_ID:
                return orderEvent;
            case TradeDecoder.TEMPLATE_ID:
                return trade;
            case BestBidOfferDecoder.TEMPLATE_ID:
                return bbo;
            case TradingStatusDecoder.TEMPLATE_ID:
                return status;
            case NewOrderDecoder.TEMPLATE_ID:
                return newOrder;
            case CancelOrderDecoder.TEMPLATE_ID:
                return cancel;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                return replace;
            case MassCancelDecoder.TEMPLATE_ID:
                return massCancel;
            case ExecutionReportDecoder.TEMPLATE_ID:
                return report;
            case AdminCommandDecoder.TEMPLATE_ID:
                return admin;
            case TimerTickDecoder.TEMPLATE_ID:
                return timer;
            case HeartbeatDecoder.TEMPLATE_ID:
                return heartbeat;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                return statusRequest;
            case OrderStatusCompleteDecoder.TEMPLATE_ID:
                return statusComplete;
            case VenueSessionDecoder.TEMPLATE_ID:
                return venueSession;
            default:
                return null;
        }
    }
}
