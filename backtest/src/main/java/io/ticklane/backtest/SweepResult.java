package io.ticklane.backtest;

import java.util.List;

/**
 * What a sweep produced, for whoever started it to show: the swept keys, every combination's report (in
 * combination order; {@link SweepReport#ranked} orders them) and the threads it ran on.
 *
 * @param keys    swept keys.
 * @param entries one per combination, in combination order.
 * @param threads threads the combinations ran on.
 */
public record SweepResult(List<String> keys, List<SweepReport.Entry> entries, int threads)
{
    /**
     * @return the entries ranked by net PnL, best first.
     */
    public List<SweepReport.Entry> ranked()
    {
        return SweepReport.ranked(entries);
    }
}
