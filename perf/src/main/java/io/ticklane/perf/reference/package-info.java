/**
 * Naive but reasonable Java implementations of what Ticklane does off-heap and allocation-free: boxed
 * {@code TreeMap} books, an object-per-order book and an object-allocating decoder. They exist only as the yardstick
 * the benchmarks compare against and must never be used by product code.
 */
package io.ticklane.perf.reference;
