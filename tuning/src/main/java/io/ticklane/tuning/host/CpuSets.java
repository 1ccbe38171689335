package io.ticklane.tuning.host;

import java.util.BitSet;
import java.util.Optional;

/**
 * The CPU sets several checks share: online CPUs, isolated CPUs (from {@code /sys} or, failing that, the
 * {@code isolcpus} boot parameter) and the CPUs meant for pinned threads (the isolated ones, or every online CPU
 * when none is isolated: a pinned thread then lands on an ordinary core, which must be tuned all the same).
 */
final class CpuSets
{
    static final String ONLINE = "/sys/devices/system/cpu/online";
    static final String ISOLATED = "/sys/devices/system/cpu/isolated";

    private CpuSets()
    {
    }

    static Optional<BitSet> online(final HostFiles files)
    {
        return files.read(ONLINE).map(CpuList::parse);
    }

    static Optional<BitSet> isolated(final HostFiles files)
    {
        final Optional<BitSet> fromSys = files.read(ISOLATED).map(CpuList::parse);
        if (fromSys.isPresent() && !fromSys.get().isEmpty())
        {
            return fromSys;
        }
        final Optional<BitSet> fromCmdline = KernelCommandLine.read(files)
            .flatMap(cmdline -> cmdline.value("isolcpus"))
            .map(CpuList::parse);
        if (fromCmdline.isPresent())
        {
            return fromCmdline;
        }
        return fromSys;
    }

    static Optional<BitSet> pinning(final HostFiles files)
    {
        final Optional<BitSet> isolated = isolated(files);
        if (isolated.isPresent() && !isolated.get().isEmpty())
        {
            return isolated;
        }
        return online(files);
    }
}
