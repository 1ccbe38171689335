/**
 * Price factors: mid, weighted mid, micro-price (Stoikov 2018), tick momentum and returns over event and time
 * horizons; prices in ticks, returns as log returns. Each factor is O(1) per event and allocates nothing after
 * construction. Depends on the order book and on the fitted micro-price model of {@code fit}, which is read once at
 * construction; never on clocks or I/O while events flow.
 */
package io.ticklane.microstructure.price;
