package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.DaemonCounters;

import java.util.List;
import java.util.Map;

/**
 * One reading of the daemon as the cockpit saw it: every counter of its counters file (what {@code ticklane stat}
 * prints), what the cockpit derives from watching them over time (the venue heartbeat age) and the recent fills from
 * the run's journal. Immutable: the live page, {@code /metrics} and the controls all read the latest one.
 *
 * @param timeMs             wall clock of the reading, epoch ms.
 * @param daemon             who wrote the counters file ("pid N", with "(not running)" if it is gone), or null.
 * @param problem            why there are no counters (no file, no daemon counters in it), or null.
 * @param counters           counter label (without the "ticklane: " prefix) to value; empty without a daemon.
 * @param heartbeatAgeMs     ms since the cockpit saw the venue heartbeat counter move, -1 before any reading.
 * @param heartbeatAgeAtLeast true while the counter has not moved since the cockpit attached: the age is a lower bound.
 * @param fills              recent fills, newest first.
 * @param fillsNote          where the fills come from, or why there are none to show.
 */
public record LiveSample(
    long timeMs,
    String daemon,
    String problem,
    Map<String, Long> counters,
    long heartbeatAgeMs,
    boolean heartbeatAgeAtLeast,
    List<Fill> fills,
    String fillsNote)
{
    /**
     * One fill of ours, from an execution report in the run's journal.
     *
     * @param receiveTimeNs when the daemon received the report, epoch ns.
     * @param side          BUY or SELL.
     * @param price         fill price, ticks.
     * @param quantity      fill quantity, lots.
     * @param clientOrderId our order.
     * @param execId        the venue's execution id.
     * @param liquidity     MAKER, TAKER or as the venue said.
     */
    public record Fill(long receiveTimeNs, String side, long price, long quantity, long clientOrderId, long execId,
        String liquidity)
    {
    }

    /**
     * @return true if the counters file was read and holds daemon counters.
     */
    public boolean hasDaemon()
    {
        return !counters.isEmpty();
    }

    /**
     * @param label counter label without the prefix, e.g. {@link DaemonCounters#POSITION}.
     * @return its value, or 0 when absent.
     */
    public long value(final String label)
    {
        final Long value = counters.get(label);
        return null == value ? 0 : value;
    }
}
