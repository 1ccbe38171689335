/**
 * Volatility factors of the mid price: realised volatility of mid log-returns (time-normalised EWMA and a trailing
 * window of mid changes, per square-root second), per-tick micro volatility and the Parkinson range estimator.
 * <p>
 * Each factor keeps its history in primitive arrays sized at construction and reads time only from events. Depends on
 * the factor framework and the order book only.
 */
package io.ticklane.microstructure.volatility;
