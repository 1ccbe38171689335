/**
 * Offline fitters: whole-sample estimates of the models the online factors track (order arrival intensity A and k
 * per side), with readable reports and JSON results for the command line and for quoter configuration.
 * <p>
 * Fitters take the same {@link io.ticklane.microstructure.MarketEvent}s as the factors and reuse their definitions;
 * they may allocate (they run once per replay) but never read clocks or files themselves.
 */
package io.ticklane.microstructure.fit;
