package io.ticklane.microstructure;

/**
 * Receives every event the {@link FactorEngine} gives its factors, after them: offline fitters and recorders use it
 * to see the same events, built the same way, without being factors themselves.
 */
@FunctionalInterface
public interface MarketEventListener
{
    /**
     * @param event the event; valid only during the call.
     */
    void onEvent(MarketEvent event);
}
