/**
 * The live Binance feed handler (spot and USD-M futures): combined WebSocket streams and the REST depth snapshot,
 * decoded and kept in sync by the same {@code BinanceStreamDecoder} the capture reader uses, published as Ticklane's
 * SBE market data. It depends on the venue-neutral {@code feed.ws} plumbing and the journal's Binance decoder, never
 * on the daemon.
 */
package io.ticklane.gateway.feed.binance;
