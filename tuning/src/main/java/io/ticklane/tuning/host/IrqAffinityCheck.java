package io.ticklane.tuning.host;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * IRQ affinity: an interrupt delivered to an isolated core preempts the pinned thread. Every readable
 * {@code /proc/irq/N/smp_affinity_list} is compared with the isolated cores; with no isolated core there is nothing
 * to compare (INFO, not OK).
 */
final class IrqAffinityCheck implements HostCheck
{
    static final String IRQ_DIR = "/proc/irq";
    private static final int LISTED_IRQS = 8;

    public List<Finding> check(final HostFiles files)
    {
        final Optional<List<String>> irqs = files.list(IRQ_DIR);
        if (irqs.isEmpty())
        {
            return List.of(Finding.unknown("irq_affinity", IRQ_DIR));
        }
        final Optional<BitSet> isolated = CpuSets.isolated(files);
        if (isolated.isEmpty())
        {
            return List.of(Finding.unknown("irq_affinity", CpuSets.ISOLATED));
        }
        final List<String> onIsolated = new ArrayList<>();
        int readable = 0;
        int unreadable = 0;
        for (final String irq : irqs.get())
        {
            if (!irq.chars().allMatch(Character::isDigit))
            {
                continue;
            }
            final Optional<String> affinity = files.read(IRQ_DIR + "/" + irq + "/smp_affinity_list");
            if (affinity.isEmpty())
            {
                unreadable++;
                continue;
            }
            readable++;
            if (CpuList.parse(affinity.get()).intersects(isolated.get()))
            {
                onIsolated.add(irq + "->" + affinity.get());
            }
        }
        if (readable == 0)
        {
            return List.of(Finding.unknown("irq_affinity", IRQ_DIR + "/*/smp_affinity_list"));
        }
        final String counts = readable + " IRQs readable" + (unreadable > 0 ? ", " + unreadable + " unreadable" : "");
        if (isolated.get().isEmpty())
        {
            return List.of(Finding.info("irq_affinity", IRQ_DIR + ": " + counts + "; no isolated cores to keep them off"));
        }
        final String isolatedList = CpuList.format(isolated.get());
        if (onIsolated.isEmpty())
        {
            return List.of(Finding.ok("irq_affinity", IRQ_DIR + ": " + counts + ", none on isolated " + isolatedList));
        }
        final List<String> shown = onIsolated.subList(0, Math.min(LISTED_IRQS, onIsolated.size()));
        return List.of(Finding.warn("irq_affinity",
            IRQ_DIR + ": " + onIsolated.size() + " of " + counts + " may fire on isolated " + isolatedList + ": " +
                String.join(" ", shown) + (onIsolated.size() > shown.size() ? " ..." : ""),
            "echo <housekeeping CPUs> > /proc/irq/N/smp_affinity_list for each, and set IRQBALANCE_BANNED_CPULIST=" +
                isolatedList));
    }
}
