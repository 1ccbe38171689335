/**
 * Aeron transport between the daemon and a venue: the embedded or external media driver, the four channels
 * (market data, orders, execution reports, operator commands) and a publisher that never drops a frame silently.
 * The daemon's edge is here too: which templates each inbound stream may carry ({@link
 * io.ticklane.gateway.transport.StreamTemplates}) and the check every inbound frame passes before it enters a ring
 * ({@link io.ticklane.gateway.transport.InboundFrameValidator}). Depends on Aeron, Agrona and the SBE codecs only; it
 * knows nothing of the strategy or the journal.
 */
package io.ticklane.gateway.transport;
