package io.ticklane.gateway.feed;

import io.ticklane.gateway.transport.FramePublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * Sends each frame a feed handler produces to the daemon's market-data stream, the same SBE frames (message header
 * first) the importer journals and the simulated exchange publishes, and passes it on to a next sink (a
 * verification) when there is one. A frame the publication does not take within its retry bound is counted, never
 * silently lost: the operator sees the count, and the daemon sees the gap in sequence on the next L2Update.
 */
public final class PublishingSink implements MessageHandler
{
    private final FramePublisher publisher;
    private final MessageHandler next;
    private long published;
    private long failed;

    /**
     * @param publisher the market-data publication, or null to publish nothing.
     * @param next      a further sink, or null.
     */
    public PublishingSink(final FramePublisher publisher, final MessageHandler next)
    {
        this.publisher = publisher;
        this.next = next;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (null != publisher)
        {
            if (publisher.offer(buffer, index, length))
            {
                published++;
            }
            else
            {
                failed++;
            }
        }
        if (null != next)
        {
            next.onMessage(msgTypeId, buffer, index, length);
        }
    }

    /**
     * @return true when frames go to a publication, false when this sink only passes them on.
     */
    public boolean publishes()
    {
        return null != publisher;
    }

    /**
     * @return frames the publication took.
     */
    public long published()
    {
        return published;
    }

    /**
     * @return frames the publication did not take within its bound.
     */
    public long failed()
    {
        return failed;
    }
}
