/**
 * Live market data from real venues: what the feed handlers share (publishing their frames to the daemon's
 * market-data stream). Venue handlers live in sub-packages ({@code binance}); the connection plumbing in {@code ws}.
 * Nothing here depends on the daemon (runtime) or on the simulated venue.
 */
package io.ticklane.gateway.feed;
