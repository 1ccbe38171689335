/**
 * Proof that the books rebuild real exchange data exactly: replays captured files through the readers and the
 * books and compares every step with the venue's own view (LOBSTER orderbook rows, Binance best bid/offer).
 * Used by {@code ticklane book verify} and by the real-data tests; not on any hot path.
 */
package io.ticklane.backtest.verify;
