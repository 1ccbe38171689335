package io.ticklane.tuning.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a fake {@code /proc} and {@code /sys} tree in a test's temporary directory, one file at a time.
 */
final class FakeHost
{
    private final Path root;

    FakeHost(final Path root)
    {
        this.root = root;
    }

    FakeHost file(final String absolutePath, final String content)
    {
        final Path file = root.resolve(absolutePath.substring(1));
        try
        {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return this;
    }

    FakeHost governors(final int cpus, final String governor)
    {
        for (int cpu = 0; cpu < cpus; cpu++)
        {
            file(GovernorCheck.path(cpu), governor);
        }
        return this;
    }

    HostFiles files()
    {
        return new HostFiles(root);
    }

    static FakeHost wellTuned(final Path root)
    {
        return new FakeHost(root)
            .file("/proc/cpuinfo", "processor\t: 0\nmodel name\t: Test CPU @ 3.5GHz\n")
            .file(CpuSets.ONLINE, "0-7")
            .file(CpuSets.ISOLATED, "2-5")
            .file(KernelCommandLine.PATH, "BOOT_IMAGE=/vmlinuz isolcpus=2-5 nohz_full=2-5 rcu_nocbs=2-5 clocksource=tsc")
            .governors(8, "performance")
            .file(SmtCheck.PATH, "0")
            .file(TransparentHugePagesCheck.ENABLED, "always [madvise] never")
            .file(TransparentHugePagesCheck.DEFRAG, "always defer defer+madvise [madvise] never")
            .file(NumaCheck.PATH, "0")
            .file(ClocksourceCheck.CURRENT, "tsc")
            .file(ClocksourceCheck.AVAILABLE, "tsc hpet acpi_pm")
            .file(TimerSlackCheck.PATH, "1")
            .file(SwapCheck.SWAPS, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority")
            .file(SwapCheck.SWAPPINESS, "1")
            .file("/proc/irq/0/smp_affinity_list", "0-1")
            .file("/proc/irq/24/smp_affinity_list", "0,6-7");
    }

    static FakeHost badlyTuned(final Path root)
    {
        return new FakeHost(root)
            .file("/proc/cpuinfo", "processor\t: 0\nmodel name\t: Laptop CPU\nprocessor\t: 1\nmodel name\t: Laptop CPU\n")
            .file(CpuSets.ONLINE, "0-1")
            .file(CpuSets.ISOLATED, "1")
            .file(KernelCommandLine.PATH, "BOOT_IMAGE=/vmlinuz quiet isolcpus=1")
            .governors(2, "powersave")
            .file(SmtCheck.PATH, "1")
            .file(TransparentHugePagesCheck.ENABLED, "[always] madvise never")
            .file(TransparentHugePagesCheck.DEFRAG, "[always] defer defer+madvise madvise never")
            .file(NumaCheck.PATH, "0-1")
            .file(ClocksourceCheck.CURRENT, "hpet")
            .file(ClocksourceCheck.AVAILABLE, "tsc hpet acpi_pm")
            .file(TimerSlackCheck.PATH, "50000")
            .file(SwapCheck.SWAPS, "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/sda2  partition\t8388604\t\t0\t\t-2")
            .file(SwapCheck.SWAPPINESS, "60")
            .file("/proc/irq/0/smp_affinity_list", "0")
            .file("/proc/irq/24/smp_affinity_list", "0-1");
    }
}
