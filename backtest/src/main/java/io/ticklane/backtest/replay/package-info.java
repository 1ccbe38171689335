/**
 * Where replayed market data comes from: resolves the files a user names (a LOBSTER message file and its
 * orderbook file, or Binance captures) to a replay that keeps a book exact and hands every frame to an observer
 * (factor engine, fitter). Shared by the commands that read real data.
 */
package io.ticklane.backtest.replay;
