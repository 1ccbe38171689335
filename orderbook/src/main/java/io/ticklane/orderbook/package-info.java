/**
 * Order books rebuilt from SBE market data: an off-heap, price-indexed L2 ladder per side, and an L3 book (order id
 * to FIFO position) that derives the same L2 view. Books detect gaps, crossed books, negative sizes and unknown
 * orders and go STALE with a reason instead of trading on wrong data; the next snapshot recovers them.
 * <p>
 * Depends on Agrona and the generated SBE codecs only; never on I/O, clocks or threads: time and sequence come from
 * the messages, so live and replay run the same code.
 */
package io.ticklane.orderbook;
