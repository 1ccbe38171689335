package io.ticklane.tuning.host;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * NUMA nodes: on more than one node, a pinned thread touching memory (or a NIC) of the other node pays the
 * interconnect on every miss, so the whole process should be bound to one node.
 */
final class NumaCheck implements HostCheck
{
    static final String PATH = "/sys/devices/system/node/online";

    public List<Finding> check(final HostFiles files)
    {
        final Optional<BitSet> nodes = files.read(PATH).map(CpuList::parse);
        if (nodes.isEmpty())
        {
            return List.of(Finding.unknown("numa", PATH));
        }
        final int count = nodes.get().cardinality();
        final String observed = PATH + ": " + CpuList.format(nodes.get()) + " (" + count + (count == 1 ? " node)" : " nodes)");
        if (count <= 1)
        {
            return List.of(Finding.ok("numa", observed));
        }
        return List.of(Finding.warn("numa", observed,
            "run on the NIC's node: numactl --cpunodebind=N --membind=N ./ticklane ..."));
    }
}
