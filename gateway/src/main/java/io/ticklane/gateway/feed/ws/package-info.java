/**
 * Venue-neutral plumbing of a WebSocket market-data feed: one connection with the JDK's {@code java.net.http}
 * client, a size-bounded REST GET, and the inbox (an Agrona many-to-one ring) through which both hand what they
 * receive to the single thread that owns the feed's state. Nothing here parses a venue's messages, and nothing here
 * depends on a venue package.
 */
package io.ticklane.gateway.feed.ws;
