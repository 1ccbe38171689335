/**
 * Aeron transport between the daemon and a venue: the embedded or external media driver, the four channels
 * (market data, orders, execution reports, operator commands) and a publisher that never drops a frame silently.
 * Depends on Aeron and Agrona only; it knows nothing of the strategy, the journal or the frames' meaning.
 */
package io.ticklane.gateway.transport;
