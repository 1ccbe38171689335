package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.Parameters;

/**
 * Creates a configured quoter from its parameters; registered by name in a {@link QuoterRegistry}.
 */
@FunctionalInterface
public interface QuoterFactory
{
    /**
     * @param params the quoter's parameters; read every one that applies.
     * @param registry the registry, for quoters that wrap another one by name.
     * @return a new quoter.
     */
    Quoter create(Parameters params, QuoterRegistry registry);
}
