package io.ticklane.perf.jmh.reference;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.Side;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A typical object-allocating decoder of the L2Update wire format: reads the frame from a {@code byte[]} through a
 * {@link ByteBuffer} and returns a new message object holding a list of new level objects. It is the yardstick for
 * the generated SBE flyweight, which reads the same bytes in place.
 */
public final class ObjectL2UpdateDecoder
{
    /**
     * One decoded L2Update, header included.
     *
     * @param templateId     from the message header.
     * @param schemaId       from the message header.
     * @param version        from the message header.
     * @param exchangeTimeNs exchange time.
     * @param receiveTimeNs  receive time.
     * @param instrumentId   instrument.
     * @param sequence       sequence after the update.
     * @param prevSequence   sequence before the update.
     * @param levels         level changes.
     */
    public record L2UpdateMessage(
        int templateId,
        int schemaId,
        int version,
        long exchangeTimeNs,
        long receiveTimeNs,
        long instrumentId,
        long sequence,
        long prevSequence,
        List<LevelChange> levels)
    {
    }

    /**
     * One level of an L2Update.
     *
     * @param side     BUY or SELL.
     * @param action   NEW, CHANGE or DELETE.
     * @param price    in ticks.
     * @param quantity absolute quantity.
     */
    public record LevelChange(Side side, L2Action action, long price, long quantity)
    {
    }

    /**
     * @param frame the frame, message header first.
     * @return the decoded message.
     */
    public L2UpdateMessage decode(final byte[] frame)
    {
        final ByteBuffer buffer = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        final int blockLength = Short.toUnsignedInt(buffer.getShort());
        final int templateId = Short.toUnsignedInt(buffer.getShort());
        final int schemaId = Short.toUnsignedInt(buffer.getShort());
        final int version = Short.toUnsignedInt(buffer.getShort());
        final int bodyStart = buffer.position();
        final long exchangeTimeNs = buffer.getLong();
        final long receiveTimeNs = buffer.getLong();
        final long instrumentId = Integer.toUnsignedLong(buffer.getInt());
        final long sequence = buffer.getLong();
        final long prevSequence = buffer.getLong();

        buffer.position(bodyStart + blockLength);
        final int levelLength = Short.toUnsignedInt(buffer.getShort());
        final int count = Short.toUnsignedInt(buffer.getShort());
        final List<LevelChange> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final int levelStart = buffer.position();
            final Side side = Side.get((short)Byte.toUnsignedInt(buffer.get()));
            final L2Action action = L2Action.get((short)Byte.toUnsignedInt(buffer.get()));
            final long price = buffer.getLong();
            final long quantity = buffer.getLong();
            levels.add(new LevelChange(side, action, price, quantity));
            buffer.position(levelStart + levelLength);
        }

        return new L2UpdateMessage(
            templateId, schemaId, version, exchangeTimeNs, receiveTimeNs, instrumentId, sequence, prevSequence, levels);
    }
}
