package io.ticklane.gateway.sim.exchange;

import org.agrona.MutableDirectBuffer;

/**
 * What an exchange publishes next, as SBE market data frames of one instrument in time order: the
 * {@link ExchangeAgent} asks when the next frame falls due, has it written into its own buffer, and publishes it
 * then. A flow also writes reference data and a full book on demand, so a subscriber that joins late (or restarts)
 * can sync. The same agent then runs a synthetic market or a recorded one.
 * <p>
 * Frames start with the market data header of {@code sbe-schemas/SCHEMA.md} ({@code exchangeTimeNs},
 * {@code receiveTimeNs}, {@code instrumentId}, {@code sequence}); incrementals chain {@code prevSequence} to the
 * sequence of the frame before, and a snapshot carries the sequence its book is at. Implementations write in
 * place and allocate nothing per frame. A flow is used by one thread: the publishing agent's, once it runs.
 */
public interface MarketFlow extends AutoCloseable
{
    /** {@link #nextTimeNs()} of a flow that has nothing more to publish. */
    long END_OF_FLOW = Long.MAX_VALUE;

    /**
     * @return instrument of every frame.
     */
    long instrumentId();

    /**
     * @return when the next frame happens, ns after the flow's start; {@link #END_OF_FLOW} when exhausted.
     */
    long nextTimeNs();

    /**
     * Writes the next frame and moves on.
     *
     * @param buffer receives the frame, message header first; at least {@link #maxFrameLength()} long from offset.
     * @param offset where the frame starts.
     * @return length of the frame; 0 when the flow is exhausted.
     */
    int writeNext(MutableDirectBuffer buffer, int offset);

    /**
     * Writes the instrument's {@code InstrumentDefinition}, for a subscriber that joins late.
     *
     * @param buffer receives the frame.
     * @param offset where the frame starts.
     * @return length of the frame; 0 when the flow has none (yet).
     */
    int writeDefinition(MutableDirectBuffer buffer, int offset);

    /**
     * Writes an {@code L2Snapshot} of the book as the frames written so far left it, carrying their sequence, so
     * the next incremental applies on top of it.
     *
     * @param buffer receives the frame.
     * @param offset where the frame starts.
     * @return length of the frame; 0 when the flow has no book (yet).
     */
    int writeSnapshot(MutableDirectBuffer buffer, int offset);

    /**
     * @return the longest frame any of the write methods can produce, bytes.
     */
    int maxFrameLength();

    /**
     * @return true when no frame is left.
     */
    default boolean exhausted()
    {
        return END_OF_FLOW == nextTimeNs();
    }

    /**
     * Releases what the flow holds (a journal). The {@link ExchangeAgent} that publishes the flow owns it and closes
     * it when it closes, on its own thread: a flow may hold resources that only one thread may use.
     */
    default void close()
    {
    }
}
