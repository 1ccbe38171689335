package io.ticklane.gateway.transport;

import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradeType;
import io.ticklane.sbe.TradingStatusDecoder;
import io.ticklane.sbe.TradingStatusType;
import io.ticklane.sbe.VenueSessionDecoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.DirectBuffer;

/**
 * The daemon's edge: decides whether one inbound frame may enter the trading pipeline, before anything decodes it.
 * In order: long enough for a message header and no longer than a ring slot; Ticklane's schema id; a version no
 * newer than the codecs'; a template this build knows, allowed on the frame's stream ({@link StreamTemplates}); a
 * root block and group entry blocks at least the template's, and a frame long enough for every group and var data
 * length it declares ({@link TemplateShape}); and every enum field a value the schema defines, or its null value
 * (which the handlers refuse themselves). A frame from outside the process is hostile until it passes.
 * <p>
 * Returns a {@link FrameRefusal} code ({@link FrameRefusal#ACCEPTED} for a good frame); allocation-free and never
 * throws, whatever the bytes. Single-threaded: it keeps decoders.
 */
public final class InboundFrameValidator
{
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private final int maxFrameLength;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L3OrderEventDecoder orderEvent = new L3OrderEventDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final TradingStatusDecoder status = new TradingStatusDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final VenueSessionDecoder session = new VenueSessionDecoder();

    /**
     * @param maxFrameLength the longest frame accepted: a ring slot's capacity.
     */
    public InboundFrameValidator(final int maxFrameLength)
    {
        if (maxFrameLength < HEADER)
        {
            throw new IllegalArgumentException("max frame length must hold a message header: " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * @param role   the role of the stream the frame came on.
     * @param buffer holding the frame.
     * @param offset where the frame (its message header) starts.
     * @param length bytes of the frame.
     * @return {@link FrameRefusal#ACCEPTED}, or the code of the first {@link FrameRefusal} that applies.
     */
    public int validate(final StreamRole role, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER)
        {
            return FrameRefusal.TOO_SHORT.code();
        }
        if (length > maxFrameLength)
        {
            return FrameRefusal.TOO_LONG.code();
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            return FrameRefusal.FOREIGN_SCHEMA.code();
        }
        final int version = header.version();
        if (version > MessageHeaderDecoder.SCHEMA_VERSION)
        {
            return FrameRefusal.FUTURE_VERSION.code();
        }
        final int templateId = header.templateId();
        final TemplateShape shape = StreamTemplates.shape(templateId);
        if (null == shape)
        {
            return FrameRefusal.UNKNOWN_TEMPLATE.code();
        }
        if (!StreamTemplates.isAllowed(role, templateId))
        {
            return FrameRefusal.WRONG_STREAM.code();
        }
        final int blockLength = header.blockLength();
        final int layout = shape.check(buffer, offset + HEADER, length - HEADER, blockLength);
        if (FrameRefusal.ACCEPTED != layout)
        {
            return layout;
        }
        return knownEnumValues(templateId, buffer, offset + HEADER, blockLength, version) ?
            FrameRefusal.ACCEPTED : FrameRefusal.UNKNOWN_ENUM_VALUE.code();
    }

    /**
     * Only after the layout check: every group entry the decoders iterate is inside the frame.
     */
    private boolean knownEnumValues(
        final int templateId, final DirectBuffer buffer, final int body, final int blockLength, final int version)
    {
        switch (templateId)
        {
            case L2SnapshotDecoder.TEMPLATE_ID:
                return knownLevels(snapshot.wrap(buffer, body, blockLength, version).levels());
            case L2UpdateDecoder.TEMPLATE_ID:
                return knownLevels(update.wrap(buffer, body, blockLength, version).levels());
            case L3OrderEventDecoder.TEMPLATE_ID:
                orderEvent.wrap(buffer, body, blockLength, version);
                return L3EventType.SBE_UNKNOWN != orderEvent.eventType() && Side.SBE_UNKNOWN != orderEvent.side();
            case TradeDecoder.TEMPLATE_ID:
                trade.wrap(buffer, body, blockLength, version);
                return AggressorSide.SBE_UNKNOWN != trade.aggressorSide() && TradeType.SBE_UNKNOWN != trade.tradeType();
            case TradingStatusDecoder.TEMPLATE_ID:
                return TradingStatusType.SBE_UNKNOWN != status.wrap(buffer, body, blockLength, version).status();
            case ExecutionReportDecoder.TEMPLATE_ID:
                report.wrap(buffer, body, blockLength, version);
                return ExecType.SBE_UNKNOWN != report.execType() && Side.SBE_UNKNOWN != report.side() &&
                    LiquidityFlag.SBE_UNKNOWN != report.liquidity() && RejectReason.SBE_UNKNOWN != report.rejectReason();
            case AdminCommandDecoder.TEMPLATE_ID:
                return AdminCommandType.SBE_UNKNOWN != admin.wrap(buffer, body, blockLength, version).command();
            case VenueSessionDecoder.TEMPLATE_ID:
                return VenueSessionState.SBE_UNKNOWN != session.wrap(buffer, body, blockLength, version).state();
            default:
                return true;
        }
    }

    private static boolean knownLevels(final L2SnapshotDecoder.LevelsDecoder levels)
    {
        while (levels.hasNext())
        {
            if (Side.SBE_UNKNOWN == levels.next().side())
            {
                return false;
            }
        }
        return true;
    }

    private static boolean knownLevels(final L2UpdateDecoder.LevelsDecoder levels)
    {
        while (levels.hasNext())
        {
            final L2UpdateDecoder.LevelsDecoder level = levels.next();
            if (Side.SBE_UNKNOWN == level.side() || L2Action.SBE_UNKNOWN == level.action())
            {
                return false;
            }
        }
        return true;
    }
}
