package io.ticklane.research.spark;

import java.io.Serializable;

/**
 * The backtest settings every task of a sweep shares (what {@code ticklane backtest} takes as options rather than in
 * the configuration file), and where tasks write their reports. Serializable, for Spark executors.
 *
 * @param tasksRoot        directory under which each task writes config.properties, report.json and report.html.
 * @param sampleIntervalNs equity sampling interval.
 * @param makerBps         venue maker fee, bps.
 * @param takerBps         venue taker fee, bps.
 * @param timerIntervalMs  timer ticks to the strategy, ms of event time; 0 for none.
 */
public record SweepOptions(
    String tasksRoot,
    long sampleIntervalNs,
    double makerBps,
    double takerBps,
    long timerIntervalMs) implements Serializable
{
}
