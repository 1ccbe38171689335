/**
 * Order flow factors: order flow imbalance at the best level and over several levels (Cont, Kukanov &amp; Stoikov
 * 2014; Xu, Gould &amp; Howison 2019), signed and volume-weighted trade flow, trade and volume intensity, the taker
 * buy ratio and order arrival and cancel rates, all in lots and seconds of event time.
 * <p>
 * Depends only on the factor framework and the order book; never on clocks, I/O or threads.
 */
package io.ticklane.microstructure.flow;
