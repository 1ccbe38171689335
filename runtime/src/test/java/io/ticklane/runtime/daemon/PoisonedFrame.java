package io.ticklane.runtime.daemon;

import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.function.UnaryOperator;

/**
 * A frame the strategy cannot handle, for tests: wrapped around the strategy (the daemon's test seam), once armed it
 * picks the next market data frame and throws whenever that frame is handed in, before the strategy sees it, as a
 * handler that fails on a frame does each time it is given it. Frame validation would pass it: it is a well-formed
 * frame. A duty cycle that retried the frame would throw on it for ever.
 */
final class PoisonedFrame implements UnaryOperator<MessageHandler>
{
    private static final long NONE = Long.MIN_VALUE;

    private final boolean once;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private volatile boolean armed;
    private volatile long poisonedStampNs = NONE;
    private volatile long thrown;

    /**
     * @param once true to throw only the first time the frame comes (enough for a duty cycle that moves on).
     */
    PoisonedFrame(final boolean once)
    {
        this.once = once;
    }

    /**
     * @return a poisoned frame armed from the start, so it throws in the replay of a journal tail too.
     */
    static PoisonedFrame armedFromStart()
    {
        final PoisonedFrame poison = new PoisonedFrame(false);
        poison.arm();
        return poison;
    }

    void arm()
    {
        armed = true;
    }

    long thrown()
    {
        return thrown;
    }

    public MessageHandler apply(final MessageHandler strategy)
    {
        return (type, buffer, index, length) ->
        {
            check(type, buffer, index);
            strategy.onMessage(type, buffer, index, length);
        };
    }

    private void check(final int type, final MutableDirectBuffer buffer, final int index)
    {
        if (!armed)
        {
            return;
        }
        final long stampNs; // the receiver's stamp tells one market data frame from every other
        if (L2UpdateDecoder.TEMPLATE_ID == type)
        {
            stampNs = update.wrapAndApplyHeader(buffer, index, header).receiveTimeNs();
        }
        else if (L2SnapshotDecoder.TEMPLATE_ID == type)
        {
            stampNs = snapshot.wrapAndApplyHeader(buffer, index, header).receiveTimeNs();
        }
        else
        {
            return;
        }
        if (NONE == poisonedStampNs)
        {
            poisonedStampNs = stampNs;
        }
        if (poisonedStampNs == stampNs && !(once && thrown > 0))
        {
            thrown++;
            throw new IllegalStateException("injected fault on the market data frame received at " + stampNs);
        }
    }
}
