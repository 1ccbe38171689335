/**
 * Naive but reasonable Java implementations of what Ticklane does off-heap and allocation-free: boxed
 * {@code TreeMap} books, an object-per-order book, an object-allocating decoder, a risk gate of map-held limits and
 * boxed rate windows, and a journal of one {@code FileChannel.write} per record. They exist only as the yardstick the
 * benchmarks compare against and must never be used by product code.
 */
package io.ticklane.perf.jmh.reference;
