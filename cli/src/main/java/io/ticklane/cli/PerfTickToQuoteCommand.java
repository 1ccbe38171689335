package io.ticklane.cli;

import io.ticklane.perf.latency.LatencySummary;
import io.ticklane.perf.latency.TickToQuoteReport;
import io.ticklane.perf.latency.TickToQuoteRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane perf tick-to-quote}: how long the real daemon takes from a market data update to the order it
 * causes, over Aeron IPC at a fixed rate, measured from planned send times so a stall is charged to every update it
 * delayed; per pipeline stage; and, in the same invocation and at the same rate, a bare Aeron IPC echo for the ratio
 * that says what the daemon adds to the transport. With {@code --gateway aeron,fix} the same measurement runs with the
 * daemon's orders over Aeron and over FIX 4.4 (Artio to a QuickFIX/J acceptor on loopback), for the FIX ÷ Aeron ratio
 * per percentile.
 */
@Command(
    name = "tick-to-quote",
    mixinStandardHelpOptions = true,
    description = {
        "Measure tick-to-quote of the daemon over Aeron IPC at a fixed rate, per stage, against a bare IPC echo.",
        "Writes to --out: tick_to_quote.hgrm, tick_to_quote_from_receive.hgrm (naive), in_process.hgrm,",
        "stage_<name>.hgrm, baseline_echo.hgrm (all in us), tick_to_quote.hlog (ns, one interval per second),",
        "summary.json (p50..max in us, counts, rates, ratio to the baseline per percentile) and report.html.",
        "--gateway aeron,fix measures the daemon's orders over Aeron and over FIX 4.4 (Artio initiator to a QuickFIX/J",
        "acceptor on loopback TCP in front of the same load generator), each for --duration, and adds the FIX files",
        "(suffix _fix), per-gateway allocation and the FIX/Aeron ratio per percentile. Tick-to-order ends at the",
        "gateway's SENT: Aeron, the publication took the frame; FIX, Artio's library took the message (before TCP)."
    })
public final class PerfTickToQuoteCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "100000", description = "Updates per second (default ${DEFAULT-VALUE}).")
    private double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60", description = "Measured seconds (default ${DEFAULT-VALUE}).")
    private double duration;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Unrecorded seconds first (default ${DEFAULT-VALUE}).")
    private double warmup;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created).")
    private Path outDir;

    @Option(names = "--gateway", paramLabel = "G", split = ",", defaultValue = "aeron",
        description = "Order gateways to measure, in order: aeron, fix or aeron,fix (default ${DEFAULT-VALUE}).")
    private List<String> gateways;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
        description = "Parts (each gateway, then the echo) take N turns of duration/N each, merged (default ${DEFAULT-VALUE}).")
    private int rounds;

    @CommandLine.Mixin
    private DaemonUnderLoadOptions daemon;

    public Integer call() throws IOException, InterruptedException
    {
        if (!(rate > 0) || !(duration > 0) || warmup < 0)
        {
            throw new IllegalArgumentException("--rate and --duration must be > 0 and --warmup >= 0");
        }
        daemon.validate();
        final String layout = daemon.layout();
        final String idle = daemon.idle();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final TickToQuoteRun harness = new TickToQuoteRun(rate, duration, warmup, layout, idle, outDir, err)
            .gateways(gateways, rounds);
        err.printf("perf: tick-to-quote at %,.0f/s for %.0f s (+%.0f s warm-up) per gateway %s in %d round(s), layout %s, idle %s%n",
            rate, duration, warmup, gateways, rounds, layout, idle);
        final TickToQuoteRun.Result result = harness.run();
        final TickToQuoteReport report = TickToQuoteReport.write(result, outDir, rate, layout, idle, duration);

        out.println(report.report().table());
        final LatencySummary baseline = report.baseline();
        final LatencySummary tickToQuote = report.tickToQuote();
        out.printf(Locale.ROOT, "rate requested=%.0f/s achieved=%.0f/s quotes timed=%d journal=%s%n", rate,
            report.achievedRatePerSecond(), tickToQuote.count(), result.journal());
        out.printf(Locale.ROOT, "tick_to_quote p99=%.1fus baseline p99=%.1fus ratio=%.2f summary=%s%n",
            tickToQuote.micros("p99"), baseline.micros("p99"), tickToQuote.micros("p99") / baseline.micros("p99"),
            outDir.resolve("summary.json"));
        out.print(report.comparison(result));
        out.flush();
        return tickToQuote.count() > 0 ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
