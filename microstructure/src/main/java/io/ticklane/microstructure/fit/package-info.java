/**
 * Offline fitters: whole-sample estimates of the models the factors use or track — the Stoikov (2018) micro-price
 * adjustment table, order arrival intensity A and k per side — with readable reports and JSON results for the
 * command line and for configuration.
 * <p>
 * Fitters take the same {@link io.ticklane.microstructure.MarketEvent}s as the factors and run off the hot path, so
 * they may allocate; they never read clocks, and depend on the factor events and the book, never on the runtime.
 */
package io.ticklane.microstructure.fit;
