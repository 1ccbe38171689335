package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.tuning.host.Finding;
import io.ticklane.tuning.host.HostCheck;
import io.ticklane.tuning.host.HostFiles;
import io.ticklane.tuning.host.Status;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ticklane tune check}: reads {@code /proc} and {@code /sys} and says, item by item, whether this host is
 * ready for pinned busy-spinning threads and trustworthy latency numbers, with the fix for each item that is not.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = {
        "Inspect this host: CPU model and count, isolated cores (isolcpus, nohz_full, rcu_nocbs), frequency governor,",
        "SMT, transparent huge pages, NUMA nodes, clocksource, timer slack, swap and IRQ affinity. Each finding is",
        "OK, INFO, WARN, FAIL or UNKNOWN (file unreadable: nothing claimed) with what was read and the fix.",
        "Critical items (FAIL): clocksource not tsc; governor not performance on the cores meant for pinning",
        "(the isolated ones, else all); swap on with vm.swappiness > 10.",
        "Exit codes: 0 no critical item wrong; 1 a critical item is wrong; 2 bad usage (e.g. --root not a directory)." })
public final class TuneCheckCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", description = "Read DIR/proc and DIR/sys instead of the host's (for tests).")
    private Path root;

    @Option(names = "--json", description = "Print the findings as JSON.")
    private boolean json;

    public Integer call() throws IOException
    {
        if (null != root && !Files.isDirectory(root))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--root is not a directory: " + root);
        }
        final Path hostRoot = null == root ? Path.of("/") : root;
        final List<Finding> findings = HostCheck.runAll(new HostFiles(hostRoot));
        final Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (final Status status : Status.values())
        {
            counts.put(status, 0);
        }
        for (final Finding finding : findings)
        {
            counts.merge(finding.status(), 1, Integer::sum);
        }
        final boolean failed = counts.get(Status.FAIL) > 0;

        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            printJson(out, hostRoot, findings, counts, failed);
        }
        else
        {
            printTable(out, hostRoot, findings, counts, failed);
        }
        out.flush();
        return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static void printTable(
        final PrintWriter out, final Path hostRoot, final List<Finding> findings, final Map<Status, Integer> counts,
        final boolean failed)
    {
        out.printf("host check of %s%n", hostRoot);
        for (final Finding finding : findings)
        {
            out.printf("%-8s %-16s %s%n", finding.status(), finding.check(), finding.observed());
            if (!finding.fix().isEmpty())
            {
                out.printf("%-8s %-16s fix: %s%n", "", "", finding.fix());
            }
        }
        out.printf("checks=%d ok=%d info=%d warn=%d fail=%d unknown=%d result=%s%n",
            findings.size(), counts.get(Status.OK), counts.get(Status.INFO), counts.get(Status.WARN),
            counts.get(Status.FAIL), counts.get(Status.UNKNOWN), failed ? "critical-item-wrong" : "ok");
    }

    private static void printJson(
        final PrintWriter out, final Path hostRoot, final List<Finding> findings, final Map<Status, Integer> counts,
        final boolean failed) throws IOException
    {
        try (JsonGenerator generator = new JsonFactory().createGenerator(out))
        {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.useDefaultPrettyPrinter();
            generator.writeStartObject();
            generator.writeStringField("root", hostRoot.toString());
            generator.writeBooleanField("criticalItemWrong", failed);
            generator.writeObjectFieldStart("counts");
            for (final Map.Entry<Status, Integer> count : counts.entrySet())
            {
                generator.writeNumberField(count.getKey().name().toLowerCase(Locale.ROOT), count.getValue());
            }
            generator.writeEndObject();
            generator.writeArrayFieldStart("findings");
            for (final Finding finding : findings)
            {
                generator.writeStartObject();
                generator.writeStringField("check", finding.check());
                generator.writeStringField("status", finding.status().name());
                generator.writeStringField("observed", finding.observed());
                generator.writeStringField("fix", finding.fix());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        out.println();
    }
}
