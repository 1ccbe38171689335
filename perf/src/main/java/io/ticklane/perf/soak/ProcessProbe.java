package io.ticklane.perf.soak;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads, from inside the process that runs the daemon, what the soak watches: the collector beans, heap, buffer
 * pools, {@code /proc/self} (resident memory, the journal's mappings), CPU time, load and, per thread, bytes
 * allocated. A thread's allocation is accumulated from read to read, so a thread that ends keeps its share and one
 * that starts during the run counts from its birth. Called from the harness's sampling thread only; reading
 * allocates a little, every ten seconds, and never on the daemon's threads.
 */
public final class ProcessProbe
{
    /**
     * Bytes one thread allocated.
     *
     * @param name  the thread's name.
     * @param bytes bytes allocated.
     */
    public record ThreadAllocation(String name, long bytes)
    {
    }

    /**
     * One collection, as the JVM announced it.
     *
     * @param atSeconds  when it started, seconds after the end of warm-up.
     * @param collector  the collector bean, e.g. "G1 Young Generation".
     * @param action     e.g. "end of minor GC".
     * @param cause      e.g. "G1 Evacuation Pause", "Metadata GC Threshold", "G1 Humongous Allocation".
     * @param durationMs its duration (for a "Cycles" bean, concurrent time, not pause).
     */
    public record GcEvent(double atSeconds, String collector, String action, String cause, long durationMs)
    {
    }

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final long[] daemonThreads;
    private final String journalDirectory;
    private final ProcText procText = new ProcText();
    private final Map<Long, Long> lastRead = new HashMap<>();
    private final Map<Long, Long> allocated = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private Map<Long, Long> atMark = Map.of();
    private final List<GcEvent> gcEvents = new ArrayList<>();
    private volatile long markUptimeMs = Long.MAX_VALUE;
    private final NotificationListener gcListener = this::onGc;

    /**
     * Takes every live thread's allocation so far as its starting point.
     *
     * @param daemonThreads    ids of the daemon's agent threads.
     * @param journalDirectory the daemon's journal, whose mappings are summed.
     */
    public ProcessProbe(final long[] daemonThreads, final Path journalDirectory)
    {
        this.daemonThreads = daemonThreads.clone();
        this.journalDirectory = journalDirectory.toAbsolutePath().toString();
        final long[] ids = threads.getAllThreadIds();
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++)
        {
            if (bytes[i] >= 0)
            {
                lastRead.put(ids[i], bytes[i]);
                allocated.put(ids[i], 0L);
            }
        }
        for (final GarbageCollectorMXBean collector : collectors)
        {
            if (collector instanceof NotificationEmitter emitter)
            {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
    }

    /**
     * @return the collectors' names, e.g. "G1 Young Generation, G1 Old Generation".
     */
    public List<String> collectorNames()
    {
        return collectors.stream().map(GarbageCollectorMXBean::getName).toList();
    }

    /**
     * @return the collectors' tally now.
     */
    public GcTally gc()
    {
        return GcTally.of(collectors);
    }

    /**
     * @return memory levels now.
     * @throws IOException if {@code /proc/self} cannot be read.
     */
    public SoakSample.Memory memory() throws IOException
    {
        final ProcStatus status = ProcStatus.readSelf(procText);
        return new SoakSample.Memory(memory.getHeapMemoryUsage().getUsed(), kib(status.vmRssKb()),
            kib(status.rssAnonKb()), kib(status.rssFileKb()), kib(status.rssShmemKb()), pool("direct"), pool("mapped"),
            MappedFiles.bytesUnderSelf(journalDirectory, procText));
    }

    /**
     * Reads every thread's allocation and returns the JVM's figures.
     *
     * @return cumulative figures since this probe was made.
     */
    public SoakSample.Jvm jvm()
    {
        final long[] ids = threads.getAllThreadIds();
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++)
        {
            if (bytes[i] < 0)
            {
                continue; // ended between the two calls
            }
            final long id = ids[i];
            final long previous = lastRead.getOrDefault(id, 0L);
            lastRead.put(id, bytes[i]);
            allocated.merge(id, bytes[i] - previous, Long::sum);
            if (!names.containsKey(id))
            {
                final ThreadInfo info = threads.getThreadInfo(id);
                names.put(id, null == info ? "thread " + id : info.getThreadName());
            }
        }
        long all = 0;
        for (final long value : allocated.values())
        {
            all += value;
        }
        long daemon = 0;
        for (final long id : daemonThreads)
        {
            daemon += allocated.getOrDefault(id, 0L);
        }
        return new SoakSample.Jvm(gc(), daemon, all, os.getProcessCpuTime(), os.getSystemLoadAverage());
    }

    /**
     * Marks now (the end of warm-up) as the start for {@link #topAllocators}; call right after {@link #jvm()}.
     */
    public void markAllocations()
    {
        atMark = new HashMap<>(allocated);
        markUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
    }

    /**
     * @return the collections announced since the mark, in order.
     */
    public List<GcEvent> gcEventsSinceMark()
    {
        synchronized (gcEvents)
        {
            return List.copyOf(gcEvents);
        }
    }

    /**
     * Stops listening to the collectors.
     */
    public void close()
    {
        for (final GarbageCollectorMXBean collector : collectors)
        {
            if (collector instanceof NotificationEmitter emitter)
            {
                try
                {
                    emitter.removeNotificationListener(gcListener);
                }
                catch (final ListenerNotFoundException ignore)
                {
                    // never added: nothing to remove
                }
            }
        }
    }

    private void onGc(final Notification notification, final Object handback)
    {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType()))
        {
            return;
        }
        final GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
        final long startMs = info.getGcInfo().getStartTime();
        if (startMs >= markUptimeMs)
        {
            synchronized (gcEvents)
            {
                gcEvents.add(new GcEvent((startMs - markUptimeMs) / 1e3, info.getGcName(), info.getGcAction(),
                    info.getGcCause(), info.getGcInfo().getDuration()));
            }
        }
    }

    /**
     * @param most how many threads at most.
     * @return the threads that allocated most since the mark (as of the last {@link #jvm()}), most first; none
     *     that allocated nothing.
     */
    public List<ThreadAllocation> topAllocators(final int most)
    {
        final List<ThreadAllocation> top = new ArrayList<>();
        allocated.forEach((id, bytes) ->
        {
            final long since = bytes - atMark.getOrDefault(id, 0L);
            if (since > 0)
            {
                top.add(new ThreadAllocation(names.getOrDefault(id, "thread " + id), since));
            }
        });
        top.sort(Comparator.comparingLong(ThreadAllocation::bytes).reversed());
        return top.size() > most ? List.copyOf(top.subList(0, most)) : top;
    }

    private long pool(final String name)
    {
        for (final BufferPoolMXBean pool : pools)
        {
            if (pool.getName().equals(name))
            {
                return pool.getMemoryUsed();
            }
        }
        return -1;
    }

    private static long kib(final long kilobytes)
    {
        return kilobytes < 0 ? -1 : kilobytes * 1024;
    }
}
