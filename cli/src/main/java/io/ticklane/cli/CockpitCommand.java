package io.ticklane.cli;

import io.ticklane.cockpit.CockpitContext;
import io.ticklane.cockpit.CockpitServer;
import io.ticklane.cockpit.alert.AlertMonitor;
import io.ticklane.cockpit.alert.AlertRules;
import io.ticklane.gateway.transport.TransportContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane cockpit}: the operator's web console, a process of its own beside the daemon: a live page over the
 * daemon's counters (what {@code stat} reads) with the STOP / FLATTEN / CANCEL ALL / RESUME controls (the path
 * {@code admin} uses), Prometheus {@code /metrics} and the backtest explorer. Parses, starts {@link CockpitServer},
 * prints where it listens and runs until stopped.
 */
@Command(
    name = "cockpit",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the operator cockpit: a live page of a running daemon (mode, position, PnL, book and quotes, fills,",
        "tick-to-quote, rejects, rings, journal lag, venue heartbeat age) with the STOP, FLATTEN, CANCEL ALL and",
        "RESUME controls (operator token entered once per browser session), Prometheus /metrics and a backtest",
        "explorer over --reports and --runs. A separate process: it reads the daemon's counters file and journal and",
        "sends commands as 'ticklane admin' does; the daemon's threads never serve it. Listens on 127.0.0.1 unless",
        "--bind says otherwise. Runs until Ctrl-C or SIGTERM.",
        "Alerts (mode HALTED or REDUCE_ONLY, daemon gone, and with thresholds drawdown, venue silent, book stale, reject",
        "rate) go to stderr and, with alert.webhook.url, to a webhook as JSON: alert.* keys from --config (a daemon",
        "properties file may carry them) and --set, listed in docs/cockpit.md.",
        "Exit 0 after a clean stop; 2 for bad usage (a bad option, a missing directory, a port it cannot listen on)."
    })
public final class CockpitCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port, 0 for any free one (default ${DEFAULT-VALUE}).")
    private int port = CockpitContext.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default ${DEFAULT-VALUE}: this" +
        " host only). Anything else exposes the controls to the network: put TLS and access control in front.")
    private String bind = CockpitContext.DEFAULT_BIND;

    @CommandLine.Mixin
    private DaemonAeronDirOption daemon = new DaemonAeronDirOption();

    @Option(names = "--runs", paramLabel = "DIR", description = "The daemon's runs directory (daemon.run_dir): the live" +
        " run's journal gives the recent fills; the explorer lists the runs and reports under it.")
    private Path runs;

    @Option(names = "--reports", paramLabel = "DIR", description = "Where the explorer looks for backtest reports and sweeps.")
    private Path reports;

    @Option(names = "--stream", paramLabel = "ID", description = "The daemon's admin stream id (default ${DEFAULT-VALUE}).")
    private int streamId = TransportContext.DEFAULT_ADMIN_STREAM_ID;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long a control waits for the daemon (default ${DEFAULT-VALUE}).")
    private long timeoutMs = 5_000;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file whose alert.* keys set the alert rules " +
        "(other keys are ignored, so the daemon's own file will do).")
    private Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An alert.* setting over --config; repeatable.")
    private List<String> sets = new ArrayList<>();

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final AlertRules rules;
        try
        {
            rules = AlertRules.load(config, sets);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "alert settings: " + ex.getMessage());
        }
        catch (final IOException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--config " + config + " cannot be read: " + ex);
        }
        final CockpitContext context = new CockpitContext().port(port).bind(bind).aeronDir(daemon.aeronDir()).runs(runs)
            .reports(reports).adminStreamId(streamId).commandTimeoutMs(timeoutMs);
        try (RunUntilStopped run = new RunUntilStopped(5_000); CockpitServer server = CockpitServer.start(context);
            AlertMonitor alerts = new AlertMonitor(Path.of(daemon.aeronDir()), rules, (line) ->
            {
                err.println(line);
                err.flush();
            }, System::currentTimeMillis).start())
        {
            out.println("cockpit: live page " + server.url() + ", explorer " + server.url() + "explorer, metrics " +
                server.url() + "metrics");
            out.println("cockpit: watching the daemon of " + daemon.aeronDir() + (null == runs ? "" : ", runs " + runs) +
                (null == reports ? "" : ", reports " + reports) + "; Ctrl-C stops");
            out.println("cockpit: alerts to stderr" + (null == rules.webhook() ? "" : " and the webhook (alert.webhook.url)"));
            out.flush();
            run.run(0, 1_000, () ->
            {
            });
        }
        out.println("cockpit: stopped");
        out.flush();
        return ExitCodes.OK;
    }
}
