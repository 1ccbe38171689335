package io.ticklane.gateway.transport;

import io.aeron.Publication;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.NanoClock;

/**
 * Offers SBE frames to one Aeron publication and never drops one silently: a frame the publication will not take
 * (back-pressured, not yet connected, admin action) is retried for a bounded time; if it still is not taken, the
 * offer returns false and {@link #lastFailure()} says why, so the caller can halt with that reason. Nothing is
 * allocated; the clock is read only once an offer has failed.
 */
public final class FramePublisher implements OrderGateway
{
    private final Publication publication;
    private final long timeoutNs;
    private final NanoClock clock;
    private long framesSent;
    private long retries;
    private long failures;
    private long lastFailure;

    /**
     * @param publication where frames go; owned by this publisher.
     * @param timeoutNs   how long one frame is retried.
     * @param clock       measures the retry bound.
     */
    public FramePublisher(final Publication publication, final long timeoutNs, final NanoClock clock)
    {
        this.publication = publication;
        this.timeoutNs = timeoutNs;
        this.clock = clock;
    }

    /**
     * Offers one frame, retrying within the bound.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return true when the publication took it; false when it did not within the bound or was closed.
     */
    public boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        long result = publication.offer(buffer, offset, length);
        if (result > 0)
        {
            framesSent++;
            return true;
        }
        final long deadlineNs = clock.nanoTime() + timeoutNs;
        while (result != Publication.CLOSED && result != Publication.MAX_POSITION_EXCEEDED &&
            clock.nanoTime() - deadlineNs < 0)
        {
            retries++;
            Thread.onSpinWait();
            result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                framesSent++;
                return true;
            }
        }
        failures++;
        lastFailure = result;
        return false;
    }

    /**
     * Offers a frame once, for frames that are superseded by the next one (heartbeats): no retry, not counted as a
     * failure when not taken.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return true when the publication took it.
     */
    public boolean offerOnce(final DirectBuffer buffer, final int offset, final int length)
    {
        if (publication.offer(buffer, offset, length) > 0)
        {
            framesSent++;
            return true;
        }
        return false;
    }

    /**
     * @return true when at least one subscriber is connected.
     */
    public boolean isConnected()
    {
        return publication.isConnected();
    }

    /**
     * @return frames the publication took.
     */
    public long framesSent()
    {
        return framesSent;
    }

    /**
     * @return offers repeated because the publication did not take a frame at once.
     */
    public long retries()
    {
        return retries;
    }

    /**
     * @return frames given up on after the retry bound.
     */
    public long failures()
    {
        return failures;
    }

    /**
     * @return Aeron's code of the last frame given up on ({@link Publication#BACK_PRESSURED},
     * {@link Publication#NOT_CONNECTED}, ...), or 0 if none was.
     */
    public long lastFailure()
    {
        return lastFailure;
    }

    /**
     * @param code an Aeron offer result below zero.
     * @return its name, for an operator.
     */
    public static String failureName(final long code)
    {
        if (Publication.NOT_CONNECTED == code)
        {
            return "NOT_CONNECTED";
        }
        if (Publication.BACK_PRESSURED == code)
        {
            return "BACK_PRESSURED";
        }
        if (Publication.ADMIN_ACTION == code)
        {
            return "ADMIN_ACTION";
        }
        if (Publication.CLOSED == code)
        {
            return "CLOSED";
        }
        if (Publication.MAX_POSITION_EXCEEDED == code)
        {
            return "MAX_POSITION_EXCEEDED";
        }
        return "NONE";
    }

    /**
     * {@inheritDoc}
     */
    public int send(
        final DirectBuffer buffer, final int offset, final int length, final long originNs, final long receivedNs)
    {
        return offer(buffer, offset, length) ? SENT : FAILED;
    }

    /**
     * {@inheritDoc}
     */
    public void sendHeartbeat(final DirectBuffer buffer, final int offset, final int length)
    {
        offerOnce(buffer, offset, length);
    }

    /**
     * {@inheritDoc}
     */
    public String failure()
    {
        return failureName(lastFailure);
    }

    /**
     * Closes the publication.
     */
    public void close()
    {
        CloseHelper.quietClose(publication);
    }
}
