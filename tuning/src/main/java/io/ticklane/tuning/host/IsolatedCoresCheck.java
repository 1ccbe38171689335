package io.ticklane.tuning.host;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Isolated cores: pinned busy-spinning threads need cores the scheduler leaves alone ({@code isolcpus}), without the
 * periodic tick ({@code nohz_full}) and without RCU callbacks ({@code rcu_nocbs}). All three are boot parameters.
 */
final class IsolatedCoresCheck implements HostCheck
{
    public List<Finding> check(final HostFiles files)
    {
        final Optional<KernelCommandLine> cmdline = KernelCommandLine.read(files);
        final Optional<BitSet> isolated = CpuSets.isolated(files);
        if (isolated.isEmpty())
        {
            return List.of(Finding.unknown("isolated_cores", CpuSets.ISOLATED + " and " + KernelCommandLine.PATH));
        }
        final BitSet cores = isolated.get();
        if (cores.isEmpty())
        {
            return List.of(Finding.warn("isolated_cores", CpuSets.ISOLATED + ": none",
                "add isolcpus=N-M nohz_full=N-M rcu_nocbs=N-M to the kernel command line (cores for the pinned threads)"));
        }
        final String list = CpuList.format(cores);
        if (cmdline.isEmpty())
        {
            return List.of(Finding.ok("isolated_cores", "isolated " + list),
                Finding.unknown("isolated_cores.nohz", KernelCommandLine.PATH));
        }
        final List<String> missing = new ArrayList<>();
        final StringBuilder observed = new StringBuilder("isolated " + list);
        for (final String parameter : new String[] {"nohz_full", "rcu_nocbs"})
        {
            final Optional<String> value = cmdline.get().value(parameter);
            observed.append(", ").append(parameter).append('=').append(value.orElse("(absent)"));
            final BitSet covered = value.map(CpuList::parse).orElseGet(BitSet::new);
            final BitSet uncovered = (BitSet)cores.clone();
            uncovered.andNot(covered);
            if (!uncovered.isEmpty())
            {
                missing.add(parameter + "=" + list);
            }
        }
        if (missing.isEmpty())
        {
            return List.of(Finding.ok("isolated_cores", observed.toString()));
        }
        return List.of(Finding.warn("isolated_cores", observed.toString(),
            "add " + String.join(" ", missing) + " to the kernel command line"));
    }
}
