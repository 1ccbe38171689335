/**
 * The simulated venue: matches the strategy's orders against a replayed market, with swappable queue, latency and
 * fee models (hftbacktest's split). Used by backtests and by the demo daemon. Depends on the order book and the SBE
 * codecs only; it must not depend on the strategy, the journal or any transport.
 */
package io.ticklane.gateway.sim.venue;
