package io.ticklane.cli;

import io.ticklane.perf.soak.SoakReport;
import io.ticklane.perf.soak.SoakResult;
import io.ticklane.perf.soak.SoakRun;
import io.ticklane.perf.soak.SoakSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf soak}: the daemon and the load generator at a fixed rate for a long time, and what a long
 * run shows that a short one hides: collections and pauses after warm-up, resident and off-heap memory growth, ring
 * and journal backlogs, counters drifting apart per minute. A benchmark: it reports and states the figures, it does
 * not judge them; it exits 1 only when the run could not measure (the daemon halted).
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
        "Soak benchmark: the daemon and a load generator at a fixed rate for a long time, reported per minute.",
        "GC count and pause after warm-up (and their causes), RSS and off-heap growth, ring occupancy and journal",
        "lag, counter drift, allocation per thread. Progress every 10 s on stderr; the table and a verdict line on",
        "stdout; JSON (--json) and a per-minute CSV (--csv); the daemon's status line every second in",
        "<out>/daemon-status.log. A benchmark reports, it does not judge: exit 0 when the run completed, 1 when the",
        "daemon halted."
    })
public final class PerfSoakCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100000",
        description = "Market data updates per second (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "1800",
        description = "Measured seconds after warm-up (default ${DEFAULT-VALUE}).")
    private double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "60",
        description = "Seconds at the same rate first, not measured (default ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Directory for the media driver, the daemon's run and the reports (created).")
    private Path outDir;

    @Option(names = "--json", paramLabel = "FILE", description = "The JSON report (default <out>/soak.json).")
    private Path json;

    @Option(names = "--csv", paramLabel = "FILE", description = "The per-minute CSV (default <out>/soak-minutes.csv).")
    private Path csv;

    @CommandLine.Mixin
    private DaemonUnderLoadOptions daemon;

    @Option(names = "--fill-every", paramLabel = "N", defaultValue = "1000",
        description = "The generator fills one in N orders it acknowledges, 0 for none (default ${DEFAULT-VALUE}).")
    private int fillEvery;

    @Option(names = "--keep-journal", description = "Keep the journal (gigabytes at high rates); deleted by default.")
    private boolean keepJournal;

    public Integer call() throws IOException, InterruptedException
    {
        final SoakSettings settings = new SoakSettings(rate, duration, warmup, daemon.layout(), daemon.idle(), fillEvery,
            outDir, keepJournal);
        final Path jsonFile = null == json ? outDir.resolve("soak.json") : json;
        final Path csvFile = null == csv ? outDir.resolve("soak-minutes.csv") : csv;
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        err.printf("soak: %,.0f updates/s for %.0f s after %.0f s warm-up, layout %s, idle %s, fill every %d%n",
            rate, duration, warmup, daemon.layout(), daemon.idle(), fillEvery);
        err.flush();
        final SoakResult result = new SoakRun(settings, err).run();
        final SoakReport report = new SoakReport(result);
        createParent(jsonFile);
        createParent(csvFile);
        report.writeJson(jsonFile);
        report.writeCsv(csvFile);
        out.print(report.table());
        out.println("json=" + jsonFile + " csv=" + csvFile);
        out.flush();
        for (final String warning : report.warnings())
        {
            err.println("soak: WARNING: " + warning);
        }
        err.flush();
        return null == result.endedEarly() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static void createParent(final Path file) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (null != parent)
        {
            Files.createDirectories(parent);
        }
    }
}
