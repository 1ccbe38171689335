/**
 * The runtime side of the simulated exchange process ({@code ticklane venue}): market flows that need modules the
 * gateway must not depend on, such as a journal replayed at its recorded pace. The exchange's duty cycle itself
 * lives in {@code io.ticklane.gateway.exchange}; nothing here runs a strategy.
 */
package io.ticklane.runtime.venue;
