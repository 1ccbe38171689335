package io.ticklane.journal.queue;

import org.agrona.DirectBuffer;

/**
 * Receives the records of a journal during replay, one call per record, with the frame in place: the buffer is
 * only valid during the call and is reused for the next record.
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
}
