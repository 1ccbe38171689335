package io.ticklane.tuning.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostCheckTest
{
    @TempDir
    Path root;

    @Test
    void wellTunedHostIsOkEverywhere()
    {
        final List<Finding> findings = HostCheck.runAll(FakeHost.wellTuned(root).files());

        final Map<String, Status> expected = new LinkedHashMap<>();
        expected.put("cpu.model", Status.INFO);
        expected.put("cpu.count", Status.OK);
        expected.put("isolated_cores", Status.OK);
        expected.put("governor", Status.OK);
        expected.put("smt", Status.OK);
        expected.put("thp.enabled", Status.OK);
        expected.put("thp.defrag", Status.OK);
        expected.put("numa", Status.OK);
        expected.put("clocksource", Status.OK);
        expected.put("timer_slack", Status.OK);
        expected.put("swap", Status.OK);
        expected.put("irq_affinity", Status.OK);
        assertEquals(expected, statuses(findings), findings::toString);
        assertTrue(findings.stream().allMatch(finding -> finding.fix().isEmpty()), findings::toString);
        assertTrue(findings.get(0).observed().contains("Test CPU @ 3.5GHz"), findings::toString);
    }

    @Test
    void badlyTunedHostWarnsAndFailsTheCriticalItems()
    {
        final List<Finding> findings = HostCheck.runAll(FakeHost.badlyTuned(root).files());

        final Map<String, Status> expected = new LinkedHashMap<>();
        expected.put("cpu.model", Status.INFO);
        expected.put("cpu.count", Status.WARN);
        expected.put("isolated_cores", Status.WARN);
        expected.put("governor", Status.FAIL);
        expected.put("governor.other", Status.WARN);
        expected.put("smt", Status.WARN);
        expected.put("thp.enabled", Status.WARN);
        expected.put("thp.defrag", Status.WARN);
        expected.put("numa", Status.WARN);
        expected.put("clocksource", Status.FAIL);
        expected.put("timer_slack", Status.WARN);
        expected.put("swap", Status.FAIL);
        expected.put("irq_affinity", Status.WARN);
        assertEquals(expected, statuses(findings), findings::toString);
        for (final Finding finding : findings)
        {
            if (finding.status() == Status.WARN || finding.status() == Status.FAIL)
            {
                assertFalse(finding.fix().isEmpty(), "no fix for " + finding);
            }
        }
        assertEquals("cpupower -c 1 frequency-set -g performance", find(findings, "governor").fix());
        assertEquals("cpupower -c 0 frequency-set -g performance", find(findings, "governor.other").fix());
        assertEquals("add nohz_full=1 rcu_nocbs=1 to the kernel command line", find(findings, "isolated_cores").fix());
        assertTrue(find(findings, "clocksource").fix().contains("clocksource=tsc"), findings::toString);
        assertTrue(find(findings, "swap").observed().contains("/dev/sda2"), findings::toString);
        assertTrue(find(findings, "irq_affinity").observed().contains("24->0-1"), findings::toString);
        assertFalse(find(findings, "irq_affinity").observed().contains("0->0 "), findings::toString);
    }

    @Test
    void missingFilesAreUnknownNeverOk()
    {
        final List<Finding> findings = HostCheck.runAll(new HostFiles(root));

        assertEquals(12, findings.size(), findings::toString);
        for (final Finding finding : findings)
        {
            assertEquals(Status.UNKNOWN, finding.status(), finding::toString);
            assertTrue(finding.observed().contains("unreadable"), finding::toString);
        }
    }

    @Test
    void missingCpufreqIsUnknownWhileTheRestStillReads()
    {
        final FakeHost host = FakeHost.wellTuned(root.resolve("host"));
        final FakeHost vm = new FakeHost(root.resolve("vm"))
            .file(CpuSets.ONLINE, "0-1")
            .file(CpuSets.ISOLATED, "")
            .file(KernelCommandLine.PATH, "console=ttyS0");

        final List<Finding> findings = new GovernorCheck().check(vm.files());

        assertEquals(List.of(Status.UNKNOWN), findings.stream().map(Finding::status).toList(), findings::toString);
        assertEquals(Status.OK, new GovernorCheck().check(host.files()).get(0).status());
    }

    @Test
    void swapOnWithLowSwappinessIsOnlyAWarning()
    {
        final FakeHost host = FakeHost.badlyTuned(root).file(SwapCheck.SWAPPINESS, "1");

        final Finding swap = new SwapCheck().check(host.files()).get(0);

        assertEquals(Status.WARN, swap.status(), swap::toString);
        assertTrue(swap.observed().contains("vm.swappiness=1"), swap::toString);
    }

    @Test
    void isolcpusWithFlagsOnTheCommandLineCountsAsIsolatedWhenSysfsIsEmpty()
    {
        final FakeHost host = FakeHost.wellTuned(root)
            .file(CpuSets.ISOLATED, "")
            .file(KernelCommandLine.PATH, "isolcpus=managed_irq,domain,2-3 nohz_full=2-3 rcu_nocbs=2-3");

        final Finding isolated = new IsolatedCoresCheck().check(host.files()).get(0);

        assertEquals(Status.OK, isolated.status(), isolated::toString);
        assertTrue(isolated.observed().startsWith("isolated 2-3"), isolated::toString);
    }

    @Test
    void garbledCpuListMakesThatCheckUnknownAndTheOthersStillRun()
    {
        final FakeHost host = FakeHost.wellTuned(root).file(NumaCheck.PATH, "0-x");

        final List<Finding> findings = HostCheck.runAll(host.files());

        final Finding numa = find(findings, "numa");
        assertEquals(Status.UNKNOWN, numa.status(), findings::toString);
        assertTrue(numa.observed().contains("0-x"), numa::toString);
        assertEquals(Status.OK, find(findings, "clocksource").status());
    }

    private static Map<String, Status> statuses(final List<Finding> findings)
    {
        final Map<String, Status> statuses = new LinkedHashMap<>();
        for (final Finding finding : findings)
        {
            statuses.put(finding.check(), finding.status());
        }
        return statuses;
    }

    private static Finding find(final List<Finding> findings, final String check)
    {
        return findings.stream().filter(finding -> finding.check().equals(check)).findFirst().orElseThrow();
    }
}
