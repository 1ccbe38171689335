package io.ticklane.backtest;

import io.ticklane.journal.queue.JournalInstrument;

import java.util.Map;

/**
 * Everything one backtest report states, gathered once so the JSON and the HTML page say the same thing: inputs
 * and their hashes, models, the run's totals and metrics, the fill-illusion guard, and (apart, as the only part that
 * differs between two runs of the same inputs) the wall clock and the paths the inputs were read from.
 *
 * @param journal            digest of the journal.
 * @param configSha256       SHA-256 of the configuration file.
 * @param configText         the configuration file's text.
 * @param overrides          sweep overrides applied to the configuration (empty outside sweeps), in order.
 * @param codeVersion        version of the code that ran.
 * @param instrument         the instrument traded, as the journal header records it.
 * @param quoterSpec         the quoter, as configured.
 * @param models             queue, latency and fee models of the main run.
 * @param result             totals of the main run.
 * @param metrics            metrics of the main run.
 * @param latency            the latency the main run realised (market event to venue arrival, order round trip).
 * @param guard              the fill-illusion guard.
 * @param run                wall clock and paths.
 */
public record BacktestReport(
    JournalDigest journal,
    String configSha256,
    String configText,
    Map<String, String> overrides,
    String codeVersion,
    JournalInstrument instrument,
    String quoterSpec,
    Models models,
    BacktestResult result,
    BacktestMetrics metrics,
    RealisedLatency.Figures latency,
    Guard guard,
    Run run)
{
    /**
     * @return currency per (tick × lot): tick size × 10^price exponent × lot size × 10^quantity exponent.
     */
    public double moneyPerTickLot()
    {
        return instrument.tickSize() * Math.pow(10, instrument.priceExponent()) *
            instrument.lotSize() * Math.pow(10, instrument.quantityExponent());
    }

    /**
     * The venue models of the main run.
     *
     * @param queue    queue model name.
     * @param latency  latency model name.
     * @param latencySource where the latency model came from: asked for, derived from the data, or none available
     *                      (zero assumed).
     * @param fees     fee model name.
     * @param makerBps maker fee, bps.
     * @param takerBps taker fee, bps.
     * @param timerIntervalMs interval of the strategy's timer ticks in event time, ms; 0 for none.
     */
    public record Models(
        String queue, String latency, String latencySource, String fees, double makerBps, double takerBps, long timerIntervalMs)
    {
        /** {@link #latencySource()} when the user chose the model. */
        public static final String LATENCY_ASKED = "as asked (--latency)";
        /** {@link #latencySource()} when the model comes from the data's timestamps. */
        public static final String LATENCY_FROM_DATA =
            "from the data: feed = receive - exchange time; entry and response each as long as the feed";
        /** {@link #latencySource()} when the data cannot give one. */
        public static final String LATENCY_NONE = "NONE ASSUMED: the data's local receive times are missing or never " +
            "after its exchange times (a capture clock behind the exchange's), so no feed latency can be read; pass --latency";

        /**
         * @return true when the run assumed zero latency because nothing better was known.
         */
        public boolean zeroLatencyAssumed()
        {
            return LATENCY_NONE.equals(latencySource);
        }
    }

    /**
     * The same run under the risk-averse and an optimistic queue model.
     *
     * @param riskAverse     totals with the risk-averse queue.
     * @param optimistic     totals with the optimistic queue.
     * @param optimisticName the optimistic queue model's name.
     */
    public record Guard(BacktestResult riskAverse, BacktestResult optimistic, String optimisticName)
    {
        /**
         * @return optimistic − risk-averse net PnL.
         */
        public double difference()
        {
            return optimistic.netPnl() - riskAverse.netPnl();
        }
    }

    /**
     * What differs between two runs of the same inputs.
     *
     * @param journalPath       where the journal was read.
     * @param configPath        where the configuration was read.
     * @param wallClockNs       wall clock of the main run.
     * @param guardWallClockNs  wall clock of the guard run.
     */
    public record Run(String journalPath, String configPath, long wallClockNs, long guardWallClockNs)
    {
    }
}
