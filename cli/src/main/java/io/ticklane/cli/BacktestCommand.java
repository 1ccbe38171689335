package io.ticklane.cli;

import io.ticklane.backtest.BacktestMetrics;
import io.ticklane.backtest.BacktestReport;
import io.ticklane.backtest.BacktestResult;
import io.ticklane.backtest.BacktestRun;
import io.ticklane.backtest.BacktestSettings;
import io.ticklane.backtest.FillIllusionGuard;
import io.ticklane.backtest.MetricRows;
import io.ticklane.backtest.MetricSettings;
import io.ticklane.backtest.RejectShares;
import io.ticklane.backtest.SweepReport;
import io.ticklane.backtest.SweepResult;
import io.ticklane.backtest.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane backtest}: runs the strategy of a configuration against the simulated venue over a journal's market
 * data and writes what it earned and how (metrics, charts), with the models used and the hashes needed to reproduce
 * it, to {@code report.json} and {@code report.html}. It runs twice, with a risk-averse and an optimistic queue model,
 * and states how net PnL moves between them: the fill-illusion guard, which makes a strategy that only works with
 * fantasy fills visible. With {@code --sweep} it runs every combination of configuration overrides in parallel, each
 * into its own subdirectory, and ranks them in {@code sweep.json} and {@code sweep.html}.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Backtest the strategy of --config against the simulated venue over the market data of --journal.",
        "Prints a summary table, progress with events/s on stderr, and writes DIR/report.json and DIR/report.html.",
        "The summary starts with fills, net PnL, and the risk gate's and the venue's rejects by reason, with a WARNING",
        "when either refuses more than 10%% of the requests (risk: of those asked for; venue: of those sent).",
        "--sweep key=v1,v2 (repeatable) runs the cartesian product of overrides in parallel, one subdirectory each,",
        "and writes DIR/sweep.json and DIR/sweep.html ranked by net PnL.",
        "Fill-illusion guard: the run is repeated with the other queue model (risk-averse vs --optimistic-queue)",
        "and both net PnLs are reported with their difference. PnL is in ticks x lots; fees are the venue's."
    })
public final class BacktestCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private JournalConfigOptions inputs = new JournalConfigOptions();

    @Option(names = "--out", paramLabel = "DIR", required = true,
        description = "Directory for report.json and report.html (created); a sweep's root.")
    private Path out;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = FillIllusionGuard.RISK_AVERSE,
        description = "Queue model of the main run: risk-averse, prob-power:N, prob-log, fifo-l3. Default: ${DEFAULT-VALUE}.")
    private String queue;

    @Option(names = "--optimistic-queue", paramLabel = "MODEL", defaultValue = "prob-power:3",
        description = "Queue model the guard compares the risk-averse one with. Default: ${DEFAULT-VALUE}.")
    private String optimisticQueue;

    @Option(names = "--latency", paramLabel = "MODEL", defaultValue = BacktestSettings.AUTO_LATENCY,
        description = "Latency model: constant:FEED,ENTRY,RESPONSE (ns), feed-derived:ENTRY_X,RESPONSE_X,MIN_NS, or auto: " +
            "feed-derived:1,1,0 when the data carries exchange and later receive times, else zero latency with a warning. " +
            "Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--maker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue maker fee, bps of notional (negative: rebate). Default: ${DEFAULT-VALUE}.")
    private double makerBps;

    @Option(names = "--taker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue taker fee, bps of notional. Default: ${DEFAULT-VALUE}.")
    private double takerBps;

    @Option(names = "--timer-interval-ms", paramLabel = "MS", defaultValue = "0",
        description = "Deliver a TimerTick to the strategy every MS milliseconds of event time (its risk gate checks " +
            "staleness and venue silence on timers); 0 = none. Default: ${DEFAULT-VALUE}.")
    private long timerIntervalMs;

    @Option(names = "--sample-interval", paramLabel = "S", defaultValue = "60",
        description = "Equity sampling interval for Sharpe/Sortino/drawdown, seconds of event time (a whole number of " +
            "milliseconds dividing a day). Default: ${DEFAULT-VALUE}.")
    private double sampleIntervalS;

    @Option(names = "--sweep", paramLabel = "KEY=V1,V2",
        description = "Sweep a configuration key (e.g. quotes.replace_ticks) or quoter parameter (quoter.gamma or gamma) " +
            "over the listed values; repeat for a cartesian product.")
    private List<String> sweeps = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N",
        description = "Threads for a sweep. Default: the available processors.")
    private int threads = Runtime.getRuntime().availableProcessors();

    public Integer call() throws IOException
    {
        final BacktestSettings settings = new BacktestSettings()
            .journal(inputs.journal()).config(inputs.config()).out(out)
            .queueModel(queue).optimisticQueueModel(optimisticQueue).latencyModel(latency)
            .makerBps(makerBps).takerBps(takerBps)
            .timerIntervalMs(timerIntervalMs)
            .sampleIntervalNs(sampleIntervalNs())
            .sweeps(sweeps)
            .threads(threads);
        if (timerIntervalMs < 0)
        {
            throw new IllegalArgumentException("--timer-interval-ms must not be negative: " + timerIntervalMs);
        }
        if (threads < 1)
        {
            throw new IllegalArgumentException("--threads must be at least 1: " + threads);
        }

        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter stdout = spec.commandLine().getOut();
        if (sweeps.isEmpty())
        {
            final BacktestReport report = BacktestRun.run(settings, (line) -> println(err, line));
            printSummary(stdout, report);
            stdout.println("report=" + out.resolve("report.json"));
            stdout.println("html=" + out.resolve("report.html"));
            stdout.flush();
            return ExitCodes.OK;
        }

        final SweepResult result = SweepRunner.run(settings, (line) -> println(err, line));
        stdout.printf("%-5s %-50s %14s %12s %10s%n", "rank", "combination", "net pnl", "sharpe", "fills");
        int rank = 1;
        for (final SweepReport.Entry entry : result.ranked())
        {
            final BacktestMetrics m = entry.report().metrics();
            stdout.printf("%-5d %-50s %14.2f %12s %10d%n", rank++, entry.directory(), m.netPnl(),
                m.curve().sharpe().defined() ? String.format("%.3f", m.curve().sharpe().value()) : "undefined",
                entry.report().result().fills());
        }
        stdout.println("sweep=" + out.resolve("sweep.json"));
        stdout.println("html=" + out.resolve("sweep.html"));
        stdout.flush();
        return ExitCodes.OK;
    }

    private static void println(final PrintWriter err, final String line)
    {
        err.println(line);
        err.flush();
    }

    /**
     * @return --sample-interval in nanoseconds, checked here so the message names the option.
     */
    private long sampleIntervalNs()
    {
        final long ns = Math.round(sampleIntervalS * 1e3) * 1_000_000L;
        if (ns <= 0 || Math.abs(ns - sampleIntervalS * 1e9) > 1 || MetricSettings.DAY_NS % ns != 0)
        {
            throw new IllegalArgumentException("--sample-interval " + sampleIntervalS +
                ": must be a whole number of milliseconds that divides a day (e.g. 1, 10, 60, 300)");
        }
        return ns;
    }

    private void printSummary(final PrintWriter stdout, final BacktestReport report)
    {
        final BacktestResult r = report.result();
        // first what a user must see: what it earned, and what was refused, by whom and why
        row(stdout, "fills", String.format("%,d (maker %,d lots, taker %,d lots)", r.fills(), r.makerQuantity(),
            r.takerQuantity()));
        row(stdout, "net pnl", String.format("%.2f ticks x lots (%s in the quote currency)", r.netPnl(),
            new BigDecimal(r.netPnl() * report.moneyPerTickLot()).round(new MathContext(4)).stripTrailingZeros().toPlainString()));
        row(stdout, "risk rejects", RejectShares.riskLine(r));
        row(stdout, "venue rejects", RejectShares.venueLine(r));
        row(stdout, "risk mode", RejectShares.modeLine(r));
        for (final String warning : RejectShares.warnings(r))
        {
            stdout.println(warning);
        }
        for (final String warning : RejectShares.haltWarning(r))
        {
            stdout.println(warning);
        }
        stdout.println("journal=" + inputs.journal() + " config=" + inputs.config());
        stdout.println("queue=" + report.models().queue() + " latency=" + report.models().latency() +
            " fees=" + report.models().fees());
        if (report.models().zeroLatencyAssumed())
        {
            stdout.println("WARNING: zero latency assumed (" + report.models().latencySource() + "): fills and PnL are " +
                "what a strategy with instant market data and orders would get");
        }
        if (r.bookFramesWhileStale() > 0)
        {
            stdout.printf("WARNING: the venue's book was STALE after %,d of %,d market frames (%.1f%%): nothing fills " +
                "from a STALE book, and the strategy's own book is no better; check the data (journal inspect, book " +
                "verify)%n", r.bookFramesWhileStale(), r.marketEvents(), 100.0 * r.bookFramesWhileStale() / Math.max(1,
                r.marketEvents()));
        }
        row(stdout, "latency", report.models().latencySource());
        row(stdout, "  realised", "market event to venue arrival " + report.latency().tickToVenueArrival().summary() +
            "; order round trip " + report.latency().orderRoundTrip().summary());
        row(stdout, "events", String.format("%,d (%,d market, %,d reports)", r.events(), r.marketEvents(), r.reportsDelivered()));
        row(stdout, "events/s", String.format("%,.0f (wall clock %.3f s); book level changes %,d, %,.0f/s",
            r.eventsPerSecond(), r.wallClockNs() / 1e9, r.bookLevelChanges(), r.bookLevelChangesPerSecond()));
        row(stdout, "orders", String.format("new %d, cancel %d, replace %d", r.newOrders(), r.cancels(), r.replaces()));
        row(stdout, "position", String.format("%d lots (last mid %s ticks)", r.position(),
            Long.MIN_VALUE == r.lastMid() ? "none" : Long.toString(r.lastMid())));
        row(stdout, "realised", String.format("%.2f ticks x lots", r.realisedPnl()));
        row(stdout, "unrealised", String.format("%.2f ticks x lots", r.unrealisedPnl()));
        row(stdout, "fees", String.format("%.2f ticks x lots", r.fees()));
        row(stdout, "guard", String.format("net pnl %s %.2f, %s %.2f, difference %.2f", FillIllusionGuard.RISK_AVERSE,
            report.guard().riskAverse().netPnl(), report.guard().optimisticName(), report.guard().optimistic().netPnl(),
            report.guard().difference()));
        for (final String[] metric : MetricRows.of(report))
        {
            stdout.printf("  %-52s %s%n", metric[0], metric[1]);
        }
    }

    private static void row(final PrintWriter stdout, final String name, final String value)
    {
        stdout.printf("%-13s %s%n", name, value);
    }
}
