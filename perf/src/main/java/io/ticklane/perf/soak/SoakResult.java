package io.ticklane.perf.soak;

import java.util.List;

/**
 * Everything a soak measured, for {@link SoakReport}: the readings (warm-up ones as minute 0), the counts once the
 * daemon had drained what was sent, where allocation came from, the generator's own troubles, the journal's size
 * and the host it ran on.
 *
 * @param settings        what was asked.
 * @param samples         every reading, in order; the last minute-0 one ends warm-up.
 * @param drained         counts since the schedule started, read once the daemon had received what was sent (or
 *                        gave up waiting).
 * @param topAllocators   threads that allocated most after warm-up.
 * @param gcEvents        the collections after warm-up, with their causes.
 * @param generator       the generator's own figures.
 * @param journalBytes    bytes of the journal on disk at the end.
 * @param journalKept     true if the journal was left in place.
 * @param explicitGc      seconds before the end of warm-up the harness called {@code System.gc()} (NaN: it did not).
 * @param endedEarly      why the run stopped before its time (the daemon halted), or null.
 * @param host            the machine and JVM.
 */
public record SoakResult(
    SoakSettings settings,
    List<SoakSample> samples,
    SoakSample.Flow drained,
    List<ProcessProbe.ThreadAllocation> topAllocators,
    List<ProcessProbe.GcEvent> gcEvents,
    Generator generator,
    long journalBytes,
    boolean journalKept,
    double explicitGc,
    String endedEarly,
    Host host)
{
    /**
     * The load generator's figures over the whole schedule, warm-up included.
     *
     * @param backPressured   offers of an update the publication did not take at once.
     * @param reportsNotTaken execution reports the publication would not take.
     * @param fillsSent       fills it sent.
     */
    public record Generator(long backPressured, long reportsNotTaken, long fillsSent)
    {
    }

    /**
     * Where the soak ran.
     *
     * @param processors   CPUs the JVM sees.
     * @param javaVersion  the JVM's version.
     * @param collectors   the collector beans' names.
     * @param heapMaxBytes the heap's limit (-1 if none).
     * @param jvmArguments the JVM's input arguments.
     */
    public record Host(int processors, String javaVersion, List<String> collectors, long heapMaxBytes,
        List<String> jvmArguments)
    {
    }
}
