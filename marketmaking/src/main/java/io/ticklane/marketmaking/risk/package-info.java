/**
 * Pre-trade risk: the {@link io.ticklane.marketmaking.risk.RiskGate} every outbound order passes before it is sent,
 * the strategy mode it moves (active, reduce-only, halted) and the operator commands that move it too. Outcomes are
 * enums and counters, never exceptions; time is the event's timestamp.
 * <p>
 * Depends only on the SBE codecs and the book state; the caller reports positions, working orders, PnL and market
 * data, so this package never depends on order state, transports, clocks or threads.
 */
package io.ticklane.marketmaking.risk;
