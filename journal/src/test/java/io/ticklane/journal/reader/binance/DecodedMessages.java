package io.ticklane.journal.reader.binance;

import io.ticklane.sbe.BestBidOfferDecoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decodes every frame the reader emits into one readable line, checking the header agrees with msgTypeId and
 * that the frame length is exactly the encoded message, so tests compare plain text.
 */
final class DecodedMessages implements MessageHandler
{
    final List<String> lines = new ArrayList<>();
    final Map<Integer, Integer> countsByTemplate = new HashMap<>();
    final List<Long> tradeIds = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final BestBidOfferDecoder bbo = new BestBidOfferDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private boolean keepLines = true;
    long bookSequence = -1;
    int sequenceBreaks;

    DecodedMessages countOnly()
    {
        keepLines = false;
        return this;
    }

    int count(final int templateId)
    {
        return countsByTemplate.getOrDefault(templateId, 0);
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        assertEquals(msgTypeId, header.templateId(), "msgTypeId is the SBE template id");
        countsByTemplate.merge(msgTypeId, 1, Integer::sum);
        final int body = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int blockLength = header.blockLength();
        final int version = header.version();
        final StringBuilder text = new StringBuilder();
        final int encoded;
        switch (msgTypeId)
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                definition.wrap(buffer, body, blockLength, version);
                text.append("Definition ").append(definition.symbol()).append(" id=").append(definition.instrumentId())
                    .append(" price=").append(definition.tickSize()).append("e").append(definition.priceExponent())
                    .append(" qty=").append(definition.lotSize()).append("e").append(definition.quantityExponent());
                encoded = definition.encodedLength();
                break;
            case L2SnapshotDecoder.TEMPLATE_ID:
                snapshot.wrap(buffer, body, blockLength, version);
                bookSequence = snapshot.sequence();
                text.append("Snapshot seq=").append(snapshot.sequence()).append(" ex=").append(snapshot.exchangeTimeNs())
                    .append(" rx=").append(snapshot.receiveTimeNs());
                for (final L2SnapshotDecoder.LevelsDecoder level : snapshot.levels())
                {
                    text.append(' ').append(level.side()).append(' ').append(level.price()).append('x').append(level.quantity());
                }
                encoded = snapshot.encodedLength();
                break;
            case L2UpdateDecoder.TEMPLATE_ID:
                update.wrap(buffer, body, blockLength, version);
                if (update.prevSequence() != bookSequence)
                {
                    sequenceBreaks++;
                }
                bookSequence = update.sequence();
                text.append("Update seq=").append(update.sequence()).append(" prev=").append(update.prevSequence())
                    .append(" ex=").append(update.exchangeTimeNs()).append(" rx=").append(update.receiveTimeNs());
                for (final L2UpdateDecoder.LevelsDecoder level : update.levels())
                {
                    text.append(' ').append(level.side()).append(' ').append(level.action()).append(' ')
                        .append(level.price()).append('x').append(level.quantity());
                }
                encoded = update.encodedLength();
                break;
            case BestBidOfferDecoder.TEMPLATE_ID:
                bbo.wrap(buffer, body, blockLength, version);
                text.append("BBO seq=").append(bbo.sequence()).append(" ex=").append(bbo.exchangeTimeNs())
                    .append(" rx=").append(bbo.receiveTimeNs()).append(' ')
                    .append(bbo.bidPrice()).append('x').append(bbo.bidQuantity()).append(" / ")
                    .append(bbo.askPrice()).append('x').append(bbo.askQuantity());
                encoded = bbo.encodedLength();
                break;
            case TradeDecoder.TEMPLATE_ID:
                trade.wrap(buffer, body, blockLength, version);
                tradeIds.add(trade.tradeId());
                text.append("Trade id=").append(trade.tradeId()).append(" seq=").append(trade.sequence())
                    .append(" ex=").append(trade.exchangeTimeNs()).append(" rx=").append(trade.receiveTimeNs())
                    .append(' ').append(trade.priceUnits()).append('x').append(trade.quantity())
                    .append(' ').append(trade.aggressorSide()).append(' ').append(trade.tradeType());
                encoded = trade.encodedLength();
                break;
            default:
                throw new AssertionError("unexpected template " + msgTypeId);
        }
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + encoded, length, "frame length of " + text);
        if (keepLines)
        {
            lines.add(text.toString());
        }
    }
}
