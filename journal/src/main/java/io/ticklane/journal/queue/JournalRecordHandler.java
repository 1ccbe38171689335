package io.ticklane.journal.queue;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a journal during replay, one call per record, with the frame in place: the buffer is
 * only valid during the call and is reused for the next record. Refused records (inbound frames the daemon's edge
 * refused) go to {@link #onRefused}, which by default passes them over: a handler sees them only if it asks to.
 */
@FunctionalInterface
public interface JournalRecordHandler
{
    /**
     * @param direction     IN or OUT of the pipeline.
     * @param stream        stream id the frame belongs to.
     * @param receiveTimeNs epoch nanoseconds the frame was received (the time replay uses).
     * @param buffer        holds the SBE frame, starting with its message header.
     * @param offset        where the frame starts in the buffer.
     * @param length        frame length in bytes.
     */
    void onRecord(Direction direction, int stream, long receiveTimeNs, DirectBuffer buffer, int offset, int length);

    /**
     * A refused inbound frame: journaled so a replay sees the same thing, never part of what the strategy was given.
     *
     * @param refusal       why it was refused: a {@code FrameRefusal} code (never 0).
     * @param stream        stream id it arrived on.
     * @param receiveTimeNs epoch nanoseconds it was received.
     * @param buffer        holds the bytes as received (cut to one ring slot): not necessarily a whole SBE frame.
     * @param offset        where the bytes start.
     * @param length        bytes; may be less than a message header.
     */
    default void onRefused(int refusal, int stream, long receiveTimeNs, DirectBuffer buffer, int offset, int length)
    {
    }
}
