package io.ticklane.runtime.daemon;

import com.lmax.disruptor.EventPoller;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalWriter;
import org.agrona.concurrent.Agent;

/**
 * The journal's duty cycle: appends every inbound frame (as IN, with its stream and receive stamp, or as refused with
 * its refusal code when the receiver refused it) and every
 * outbound frame (as OUT, with the time of the event that caused it) to the Chronicle Queue journal, written in
 * place without allocating. It is a consumer of both rings, so the rings cannot lap it: a frame is journaled before
 * its slot is reused. Closing the agent writes the journal's trailer, which marks it complete. It also watches the
 * journal's disk ({@link JournalSpace}): below the floor the daemon halts while the journal still has room.
 */
public final class JournalAgent implements Agent
{
    private static final int BATCH_LIMIT = 1024;

    private final EventPoller<FrameSlot> inbound;
    private final EventPoller<FrameSlot> outbound;
    private final JournalWriter writer;
    private final DaemonCounters counters;
    private final JournalSpace space;
    private final EventPoller.Handler<FrameSlot> inboundHandler = (slot, sequence, endOfBatch) ->
    {
        this.spaceCheckDue |= ReceiverAgent.INTERNAL_STREAM == slot.stream(); // a timer tick: once per timer interval
        return appendInbound(slot);
    };
    private final EventPoller.Handler<FrameSlot> outboundHandler =
        (slot, sequence, endOfBatch) -> append(Direction.OUT, slot);
    private int batch;
    private boolean closed;
    private boolean spaceCheckDue = true;
    private long recordsAtSpaceCheck;

    /**
     * @param inbound  the journal's poller on the inbound ring.
     * @param outbound the journal's poller on the outbound ring.
     * @param writer   the journal, handed over to this agent's thread on start.
     * @param counters operator counters.
     * @param space    the guard of the journal's disk.
     */
    JournalAgent(
        final EventPoller<FrameSlot> inbound,
        final EventPoller<FrameSlot> outbound,
        final JournalWriter writer,
        final DaemonCounters counters,
        final JournalSpace space)
    {
        this.inbound = inbound;
        this.outbound = outbound;
        this.writer = writer;
        this.counters = counters;
        this.space = space;
    }

    /**
     * {@inheritDoc}
     */
    public void onStart()
    {
        writer.handOverToCurrentThread();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "journal";
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws Exception
    {
        batch = 0;
        inbound.poll(inboundHandler);
        final int in = batch;
        batch = 0;
        outbound.poll(outboundHandler);
        final int work = in + batch;
        if (work > 0)
        {
            counters.journalRecords.setRelease(writer.recordCount());
        }
        if (spaceCheckDue || writer.recordCount() - recordsAtSpaceCheck >= JournalSpace.CHECK_EVERY_RECORDS)
        {
            spaceCheckDue = false;
            recordsAtSpaceCheck = writer.recordCount();
            space.check();
        }
        return work;
    }

    private boolean appendInbound(final FrameSlot slot)
    {
        if (0 == slot.refusal())
        {
            return append(Direction.IN, slot);
        }
        writer.appendRefused(slot.refusal(), slot.stream(), slot.timeNs(), slot.buffer(), 0, slot.length());
        return ++batch < BATCH_LIMIT;
    }

    private boolean append(final Direction direction, final FrameSlot slot)
    {
        writer.append(direction, slot.stream(), slot.timeNs(), slot.buffer(), 0, slot.length());
        return ++batch < BATCH_LIMIT;
    }

    /**
     * Drains what the rings still hold, then writes the trailer.
     */
    public void onClose()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            while (doWork() > 0)
            {
                Thread.onSpinWait();
            }
        }
        catch (final Exception ex)
        {
            writer.abort();
            throw new IllegalStateException("journal drain failed; journal left INCOMPLETE: " + writer.dir(), ex);
        }
        writer.close();
    }

    /**
     * @return the guard of the journal's disk.
     */
    JournalSpace space()
    {
        return space;
    }

    /**
     * @return records written.
     */
    public long records()
    {
        return writer.recordCount();
    }
}
