/**
 * The simulated exchange as a live process: market flows (a synthetic L2 market, or a journal replayed on a real
 * clock) and the agent that publishes them over Aeron on a real clock while matching incoming orders in the
 * {@link io.ticklane.gateway.sim.venue.SimulatedVenue}. {@link io.ticklane.gateway.sim.exchange.SimulatedExchange}
 * wires all of it once, for {@code ticklane venue} and the demo alike. Depends on the venue, the transport, the order
 * book, the SBE codecs and, for the replayed flow, the journal reader; never on the strategy or the daemon.
 */
package io.ticklane.gateway.sim.exchange;
