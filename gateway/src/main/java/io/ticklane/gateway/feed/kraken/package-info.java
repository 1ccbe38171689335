/**
 * Kraken spot WebSocket API v1 {@code book} channel: a transport-agnostic state machine that is fed one text message
 * at a time, keeps the depth-limited book by Kraken's rules (volume 0 deletes, truncation to the subscribed depth,
 * republished levels), verifies every update's CRC32 checksum over exact decimal digits, and publishes Ticklane's
 * SBE market-data frames. The state machine owns no socket (files and tests feed it too); {@code KrakenFeedAgent}
 * wires it to the live connection ({@code feed.ws}), subscribes, and resubscribes when the book can no longer be
 * trusted. Depends on Jackson's streaming parser, Agrona, the SBE codecs and the JDK WebSocket only.
 */
package io.ticklane.gateway.feed.kraken;
