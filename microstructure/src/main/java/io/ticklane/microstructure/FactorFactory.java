package io.ticklane.microstructure;

/**
 * Creates a configured factor from its parameters; registered by id in a {@link FactorRegistry}.
 */
@FunctionalInterface
public interface FactorFactory
{
    /**
     * @param params the factor's parameters; read every one that applies.
     * @return a new factor.
     */
    Factor create(Parameters params);
}
