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
 * delayed; per pipeline stage; and, in the same invocation, at the same rate and in alternating slices, a bare Aeron
 * IPC echo for the ratio that says what the daemon adds to the transport: per slice, and its median and spread. A run
 * whose echo is slower than the pipeline it bounds is INVALID ({@link io.ticklane.perf.latency.SliceRatios}): no ratio,
 * exit {@link ExitCodes#INVALID_MEASUREMENT}. With {@code --gateway aeron,fix} the same measurement runs with the
 * daemon's orders over Aeron and over FIX 4.4 (Artio to a QuickFIX/J acceptor on loopback), for the FIX ÷ Aeron ratio
 * per percentile.
 */
@Command(
    name = "tick-to-quote",
    mixinStandardHelpOptions = true,
    description = {
        "Measure tick-to-quote of the daemon over Aeron IPC at a fixed rate, per stage, against a bare IPC echo.",
        "The pipeline and the echo alternate in --slices slices each (duration/N s a slice; every agent of both",
        "up throughout, same idle strategy and rate, one warm-up each); per slice pipeline/echo at p50 and p99,",
        "then the median ratio with its IQR and min-max. The run is INVALID, with no ratio, when the echo's p50",
        "is above the pipeline's over the whole run or in at least half of the slices.",
        "Writes to --out: tick_to_quote.hgrm, tick_to_quote_from_receive.hgrm (naive), in_process.hgrm,",
        "stage_<name>.hgrm, baseline_echo.hgrm (all in us), tick_to_quote.hlog (ns, about one interval a second),",
        "summary.json (p50..max in us, counts, rates, slices, baselineValid, ratio to the baseline per percentile)",
        "and report.html.",
        "--gateway aeron,fix measures the daemon's orders over Aeron and over FIX 4.4 (Artio initiator to a QuickFIX/J",
        "acceptor on loopback TCP in front of the same load generator), each for --duration, and adds the FIX files",
        "(suffix _fix), per-gateway allocation and the FIX/Aeron ratio per percentile. Tick-to-order ends at the",
        "gateway's SENT: Aeron, the publication took the frame; FIX, Artio's library took the message (before TCP).",
        "Exit codes: 0 ok; 1 no quote timed; 2 bad usage; 3 internal error; 4 INVALID: the baseline did not hold."
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

    @Option(names = "--slices", paramLabel = "N", defaultValue = "10",
        description = "Slices each of pipeline and echo, alternating, duration/N s each, >= 0.1 s (default ${DEFAULT-VALUE}).")
    private int slices;

    // harness self-test (hidden): the echo busy-waits this long per ping, so the run must come out INVALID
    @Option(names = "--self-test-echo-delay-ns", hidden = true, defaultValue = "0")
    private long echoDelayNs;

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
            .gateways(gateways, slices).injectEchoDelay(echoDelayNs);
        err.printf("perf: tick-to-quote at %,.0f/s for %.0f s (+%.0f s warm-up) per gateway %s and the echo, in %d " +
            "alternating slices each, layout %s, idle %s%n", rate, duration, warmup, gateways, slices, layout, idle);
        final TickToQuoteRun.Result result = harness.run();
        final TickToQuoteReport report = TickToQuoteReport.write(result, outDir, rate, layout, idle, duration);

        out.println(report.report().table());
        final LatencySummary baseline = report.baseline();
        final LatencySummary tickToQuote = report.tickToQuote();
        out.printf(Locale.ROOT, "rate requested=%.0f/s achieved=%.0f/s quotes timed=%d journal=%s%n", rate,
            report.achievedRatePerSecond(), tickToQuote.count(), result.journal());
        out.print(TickToQuoteReport.slices(result));
        if (result.baselineValid())
        {
            out.printf(Locale.ROOT, "tick_to_quote p99=%.1fus baseline p99=%.1fus merged ratio=%.2f summary=%s%n",
                tickToQuote.micros("p99"), baseline.micros("p99"), tickToQuote.micros("p99") / baseline.micros("p99"),
                outDir.resolve("summary.json"));
        }
        else
        {
            out.printf(Locale.ROOT, "tick_to_quote p99=%.1fus baseline p99=%.1fus INVALID: no ratio summary=%s%n",
                tickToQuote.micros("p99"), baseline.micros("p99"), outDir.resolve("summary.json"));
        }
        out.print(report.comparison(result));
        out.flush();
        return exitCode(tickToQuote.count(), result, err);
    }

    /**
     * @return 1 when no quote was timed, 4 (after saying why on stderr) when a baseline did not hold, else 0.
     */
    static int exitCode(final long quotesTimed, final TickToQuoteRun.Result result, final PrintWriter err)
    {
        if (0 == quotesTimed)
        {
            return ExitCodes.CHECK_FAILED;
        }
        if (!result.baselineValid())
        {
            result.gateways().values().stream().filter((run) -> !run.ratios().valid())
                .forEach((run) -> err.println("ticklane perf tick-to-quote: " + TickToQuoteReport.verdict(run)));
            err.flush();
            return ExitCodes.INVALID_MEASUREMENT;
        }
        return ExitCodes.OK;
    }
}
