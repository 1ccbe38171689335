/**
 * Microstructure factors updated incrementally on every book and trade event, each value stamped with the event's
 * time, read by quoters from a preallocated {@link io.ticklane.microstructure.FactorSnapshot}. Time comes only from
 * events, so replay reproduces every value exactly.
 * <p>
 * Depends on the order book and the SBE codecs; never on clocks, I/O or threads. Factor families live in
 * sub-packages (flow, toxicity, price, volatility, liquidity, intensity); offline fitters in {@code fit}.
 */
package io.ticklane.microstructure;
