package io.ticklane.tuning.host;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * CPU model and count: the pinned layout wants one core per thread role (market data, trading, order sender) plus
 * one for the operating system, so fewer than four online CPUs means the one-thread layout.
 */
final class CpuCheck implements HostCheck
{
    static final String CPUINFO = "/proc/cpuinfo";
    static final int CPUS_FOR_PINNED_LAYOUT = 4;

    public List<Finding> check(final HostFiles files)
    {
        final Optional<String> model = files.read(CPUINFO).map(CpuCheck::modelName);
        final Optional<BitSet> online = CpuSets.online(files);
        final Finding modelFinding = model
            .map(name -> Finding.info("cpu.model", CPUINFO + ": " + name))
            .orElseGet(() -> Finding.unknown("cpu.model", CPUINFO));
        if (online.isEmpty())
        {
            return List.of(modelFinding, Finding.unknown("cpu.count", CpuSets.ONLINE));
        }
        final int count = online.get().cardinality();
        final String observed = CpuSets.ONLINE + ": " + CpuList.format(online.get()) + " (" + count + " CPUs)";
        final Finding countFinding = count >= CPUS_FOR_PINNED_LAYOUT ?
            Finding.ok("cpu.count", observed) :
            Finding.warn("cpu.count", observed,
                "fewer than " + CPUS_FOR_PINNED_LAYOUT + " CPUs: run the one-thread layout (tuning/layouts/one-thread.properties)");
        return List.of(modelFinding, countFinding);
    }

    private static String modelName(final String cpuinfo)
    {
        for (final String line : cpuinfo.split("\n"))
        {
            if (line.startsWith("model name"))
            {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "no 'model name' line";
    }
}
