package io.ticklane.research.spark;

/**
 * A walk-forward's aggregate over its windows whose in-sample and out-of-sample figures are both defined: the mean
 * per-day figures (PnL objectives; ratio objectives use the window's figure) and their gap.
 *
 * @param windows           all windows.
 * @param okWindows         windows with both figures.
 * @param inSamplePerDay    mean over those windows of the in-sample figure per training day.
 * @param outOfSamplePerDay mean over those windows of the out-of-sample figure per test day.
 * @param gapPerDay         in-sample minus out-of-sample.
 * @param outOfSampleTotal  PnL objectives: the sum of the out-of-sample figures (test windows do not overlap, so this
 *                          is the walk-forward's own PnL); NaN for ratios.
 */
public record WalkForwardOverall(
    int windows, int okWindows, double inSamplePerDay, double outOfSamplePerDay, double gapPerDay, double outOfSampleTotal)
{
}
