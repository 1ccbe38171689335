/**
 * Epoch-nanosecond time for Ticklane: Agrona's {@link org.agrona.concurrent.EpochNanoClock} is the one clock
 * interface, with a replay clock driven by event timestamps, a measurement of clock resolution, and an NTP check
 * that estimates this host's offset against a time server.
 * <p>
 * Components read time only through {@code EpochNanoClock}; this package must depend on nothing but the JDK,
 * Agrona and commons-net (for NTP packet encoding), and never on the book, trading or runtime modules.
 */
package io.ticklane.clock;
