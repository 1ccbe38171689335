package io.ticklane.tuning.host;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Frequency governor per CPU: anything but {@code performance} lets a core clock down between bursts, and the first
 * event after a quiet spell pays for the ramp up. Critical (FAIL) on the cores meant for pinning; a WARN elsewhere.
 * No {@code cpufreq} directory at all (common under a hypervisor) is UNKNOWN: the host may still scale frequency.
 */
final class GovernorCheck implements HostCheck
{
    private static final String FIX = "cpupower -c %s frequency-set -g performance";

    public List<Finding> check(final HostFiles files)
    {
        final Optional<BitSet> online = CpuSets.online(files);
        final Optional<BitSet> pinning = CpuSets.pinning(files);
        if (online.isEmpty() || pinning.isEmpty())
        {
            return List.of(Finding.unknown("governor", CpuSets.ONLINE));
        }
        final BitSet slowPinned = new BitSet();
        final BitSet slowOther = new BitSet();
        final BitSet unreadable = new BitSet();
        final List<String> seen = new ArrayList<>();
        final BitSet cpus = online.get();
        for (int cpu = cpus.nextSetBit(0); cpu >= 0; cpu = cpus.nextSetBit(cpu + 1))
        {
            final Optional<String> governor = files.read(path(cpu));
            if (governor.isEmpty())
            {
                unreadable.set(cpu);
                continue;
            }
            seen.add("cpu" + cpu + "=" + governor.get());
            if (!governor.get().equals("performance"))
            {
                (pinning.get().get(cpu) ? slowPinned : slowOther).set(cpu);
            }
        }
        final List<Finding> findings = new ArrayList<>();
        final String observed = String.join(" ", seen);
        if (!slowPinned.isEmpty())
        {
            findings.add(Finding.fail("governor", observed + " (pinning cores " + CpuList.format(pinning.get()) + ")",
                String.format(FIX, CpuList.format(slowPinned))));
        }
        if (!slowOther.isEmpty())
        {
            findings.add(Finding.warn("governor.other", observed, String.format(FIX, CpuList.format(slowOther))));
        }
        if (!seen.isEmpty() && findings.isEmpty())
        {
            findings.add(Finding.ok("governor", observed));
        }
        if (!unreadable.isEmpty())
        {
            findings.add(Finding.unknown("governor",
                "/sys/devices/system/cpu/cpu{" + CpuList.format(unreadable) + "}/cpufreq/scaling_governor"));
        }
        return findings;
    }

    static String path(final int cpu)
    {
        return "/sys/devices/system/cpu/cpu" + cpu + "/cpufreq/scaling_governor";
    }
}
