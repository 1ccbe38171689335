/**
 * Orders, position and the quote manager of one instrument: the order state machine driven by what was sent and by
 * execution reports, position and PnL from fills, and the manager that turns target quotes into new, cancel and
 * replace actions. Everything is preallocated at construction and driven by event timestamps.
 * <p>
 * Depends on the SBE codecs and the quote package only; never on transports, encoders, clocks or the risk gate (the
 * manager talks to the next stage through {@link io.ticklane.marketmaking.order.OrderActions}).
 */
package io.ticklane.marketmaking.order;
