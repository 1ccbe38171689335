package io.ticklane.perf.soak;

/**
 * One measured minute of a soak: what the counts did in it, the gauges' maxima, the memory levels at its end and
 * the JVM's work in it. The last minute of a run whose length is not a whole number of minutes is shorter.
 *
 * @param minute           1 for the first minute after warm-up.
 * @param seconds          its length as measured.
 * @param flow             counts in the minute.
 * @param peaks            gauge maxima in the minute.
 * @param memory           levels at its end.
 * @param jvm              collections, pauses, allocation and CPU in the minute; load average at its end.
 * @param notReceivedAtEnd updates published and not yet received by the daemon at its end.
 * @param mode             the daemon's mode at its end.
 */
public record SoakMinute(
    int minute,
    double seconds,
    SoakSample.Flow flow,
    SoakSample.Peaks peaks,
    SoakSample.Memory memory,
    SoakSample.Jvm jvm,
    long notReceivedAtEnd,
    long mode)
{
    /**
     * @param count a count in the minute.
     * @return that count per second.
     */
    public double perSecond(final long count)
    {
        return seconds > 0 ? count / seconds : Double.NaN;
    }

    /**
     * @return true if its readings cover at least 90% of a minute (a short last minute is not full).
     */
    public boolean full()
    {
        return seconds >= 54;
    }

    /**
     * @return CPU time of the process as a percentage of one core (200 = two cores busy).
     */
    public double cpuPercent()
    {
        return seconds > 0 ? jvm.cpuNs() / (seconds * 1e7) : Double.NaN;
    }
}
