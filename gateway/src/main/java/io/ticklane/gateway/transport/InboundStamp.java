package io.ticklane.gateway.transport;

import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradingStatusDecoder;
import io.ticklane.sbe.VenueSessionDecoder;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Writes the daemon's receive time into an inbound frame, in the field the strategy takes its time from: market
 * data {@code receiveTimeNs}, execution reports, status answers and venue session changes {@code localTimeNs}
 * (their venue or gateway time is kept beside it), operator commands and heartbeats {@code timestampNs}. This is the
 * one place wall-clock time enters the trading pipeline; the journal keeps the stamped frame, so a replay gives the
 * strategy exactly the times the live run gave it.
 */
public final class InboundStamp
{
    private static final int HEADER = MessageHeaderDecoder.ENCODED_LENGTH;

    private InboundStamp()
    {
    }

    /**
     * @param templateId SBE template id.
     * @return true for the market data messages, which start with exchangeTimeNs and receiveTimeNs.
     */
    public static boolean isMarketData(final int templateId)
    {
        switch (templateId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            case L2SnapshotDecoder.TEMPLATE_ID:
            case L2UpdateDecoder.TEMPLATE_ID:
            case L3OrderEventDecoder.TEMPLATE_ID:
            case TradeDecoder.TEMPLATE_ID:
            case BestBidOfferDecoder.TEMPLATE_ID:
            case TradingStatusDecoder.TEMPLATE_ID:
                return true;
            default:
                return false;
        }
    }

    /**
     * @param templateId SBE template id of the frame.
     * @param buffer     holding the frame.
     * @param offset     where the frame (its message header) starts.
     * @param timeNs     receive time, epoch ns.
     * @return true when the template is one the daemon accepts inbound (and is now stamped).
     */
    public static boolean stamp(final int templateId, final MutableDirectBuffer buffer, final int offset, final long timeNs)
    {
        if (isMarketData(templateId))
        {
            // every market data message starts with exchangeTimeNs, receiveTimeNs at the same offsets (SCHEMA.md)
            buffer.putLong(offset + HEADER + TradeDecoder.receiveTimeNsEncodingOffset(), timeNs, ByteOrder.LITTLE_ENDIAN);
            return true;
        }
        switch (templateId)
        {
            case ExecutionReportDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + ExecutionReportDecoder.localTimeNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            case OrderStatusCompleteDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + OrderStatusCompleteDecoder.localTimeNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            case VenueSessionDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + VenueSessionDecoder.localTimeNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            case AdminCommandDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + AdminCommandDecoder.timestampNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            case HeartbeatDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + HeartbeatDecoder.timestampNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                buffer.putLong(offset + HEADER + OrderStatusRequestDecoder.sendingTimeNsEncodingOffset(), timeNs,
                    ByteOrder.LITTLE_ENDIAN);
                return true;
            default:
                return false;
        }
    }
}
