/**
 * Backtests: a journal's market data, the simulated venue and the strategy run in one deterministic, time-ordered
 * loop; the run's outcome as numbers and metrics (recorded through allocation-free hooks); and its reports
 * (report.json, a self-contained report.html, sweep rankings). Time comes only from the records; the wall clock is
 * measured, never fed in. Depends on the journal, the gateway's venue and the strategy; nothing here knows about the
 * command line.
 */
package io.ticklane.backtest;
