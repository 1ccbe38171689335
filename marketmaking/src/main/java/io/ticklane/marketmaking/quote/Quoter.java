package io.ticklane.marketmaking.quote;

/**
 * A quoting model: computes target bid and ask quotes from the inputs of one event. Implementations are pure
 * functions of the inputs and their own parameters (and, for models with memory, of earlier inputs), allocate
 * nothing, and never throw on the hot path: a quoter that cannot quote (inputs not available) says so in the output.
 */
public interface Quoter
{
    /**
     * @return the name the quoter is selected by, e.g. {@code glft}.
     */
    String id();

    /**
     * @param in  market and inventory as of the event.
     * @param out receives the target quotes; every field is written.
     */
    void quote(QuoteInputs in, TargetQuote out);

    /**
     * Whether its targets are levels whose orders are kept by price (several a side, never replaced) rather than one
     * quote a side moved by replaces: selects the quote manager's level mode.
     *
     * @return true for a quoter of levels, such as {@code grid}.
     */
    default boolean quotesLevels()
    {
        return false;
    }

    /**
     * @return the most levels a side of its target holds, 1 to {@link TargetQuote#MAX_LEVELS} (sizes the orders the
     *         configuration must allow).
     */
    default int levelsPerSide()
    {
        return 1;
    }

    /**
     * What a model with memory must keep across a restart (for example the start of a finite horizon), as one long,
     * so a checkpoint can carry it; {@link Long#MIN_VALUE} for none.
     *
     * @return the memory word.
     */
    default long memory()
    {
        return Long.MIN_VALUE;
    }

    /**
     * Takes back a memory word from {@link #memory()}.
     *
     * @param memory the word, {@link Long#MIN_VALUE} for none.
     */
    default void restoreMemory(final long memory)
    {
    }
}
