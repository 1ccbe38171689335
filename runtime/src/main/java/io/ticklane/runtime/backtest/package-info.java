/**
 * Backtests: a journal's market data, the simulated venue and the strategy run in one deterministic, time-ordered
 * loop, and the run's outcome as numbers. Time comes only from the records; the wall clock is measured, never fed in.
 * Depends on the journal, the gateway's venue and the strategy; nothing here knows about the command line.
 */
package io.ticklane.runtime.backtest;
