package io.ticklane.journal.reader.lobster;

import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradingStatusDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test handler that copies every frame it receives (the reader reuses its buffer) and decodes them on demand, checking
 * that the handler's message type id is the template id in the frame's SBE header.
 */
final class CapturedFrames implements MessageHandler
{
    private final List<byte[]> frames = new ArrayList<>();
    private final List<Integer> typeIds = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(index, copy);
        frames.add(copy);
        typeIds.add(msgTypeId);
    }

    int size()
    {
        return frames.size();
    }

    int templateId(final int i)
    {
        header.wrap(buffer(i), 0);
        assertEquals(typeIds.get(i).intValue(), header.templateId(), "msgTypeId must equal the frame's templateId");
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength(), frames.get(i).length, "frame length");
        return header.templateId();
    }

    InstrumentDefinitionDecoder definition(final int i)
    {
        templateId(i);
        return new InstrumentDefinitionDecoder().wrapAndApplyHeader(buffer(i), 0, new MessageHeaderDecoder());
    }

    L3OrderEventDecoder orderEvent(final int i)
    {
        templateId(i);
        return new L3OrderEventDecoder().wrapAndApplyHeader(buffer(i), 0, new MessageHeaderDecoder());
    }

    TradeDecoder trade(final int i)
    {
        templateId(i);
        return new TradeDecoder().wrapAndApplyHeader(buffer(i), 0, new MessageHeaderDecoder());
    }

    TradingStatusDecoder status(final int i)
    {
        templateId(i);
        return new TradingStatusDecoder().wrapAndApplyHeader(buffer(i), 0, new MessageHeaderDecoder());
    }

    private DirectBuffer buffer(final int i)
    {
        return new UnsafeBuffer(frames.get(i));
    }
}
