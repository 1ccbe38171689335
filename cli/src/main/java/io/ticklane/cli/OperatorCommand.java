package io.ticklane.cli;

import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.runtime.daemon.ModeName;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.sbe.AdminCommandType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ticklane admin}: an operator's command to a running daemon (STOP, FLATTEN, CANCEL ALL, RESUME), sent as an
 * SBE {@code AdminCommand} over Aeron IPC on the daemon's media driver. The daemon checks the token (read here from
 * a file only its owner can read, or from the environment: never from the command line, which {@code ps} shows) and
 * its risk gate decides the rest; this command then reads the daemon's counters to say whether it was applied,
 * rejected or refused.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
        "Send an operator command to a running daemon: stop | flatten | cancel-all | resume.",
        "The operator token comes from --token-file or else the environment variable " + OperatorToken.ENVIRONMENT_VARIABLE + ",",
        "never from the command line.",
        "Exit 0 when the daemon applied it; 1 when it rejected it (wrong token, or a lockout after repeated wrong",
        "tokens), its risk gate refused a RESUME (a breach still active, or nothing to resume) or no daemon answered",
        "in time; 2 for bad usage."
    })
public final class OperatorCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "stop, flatten, cancel-all or resume.")
    private String command;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the operator token (the daemon's" +
        " daemon.admin_token_file), readable by its owner only (chmod 600). Without it: $" + OperatorToken.ENVIRONMENT_VARIABLE + ".")
    private Path tokenFile;

    @CommandLine.Mixin
    private DaemonAeronDirOption daemon = new DaemonAeronDirOption();

    @Option(names = "--stream", paramLabel = "ID", description = "Admin stream id (default ${DEFAULT-VALUE}).")
    private int streamId = TransportContext.DEFAULT_ADMIN_STREAM_ID;

    @Option(names = "--instrument", paramLabel = "ID", description = "Instrument, 0 for all (default ${DEFAULT-VALUE}).")
    private int instrumentId;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long to wait for the daemon (default ${DEFAULT-VALUE}).")
    private long timeoutMs = 5_000;

    public Integer call() throws InterruptedException, IOException
    {
        final AdminCommandType type = OperatorClient.commandNamed(command);
        final String aeronDir = daemon.aeronDir();
        if (!new File(aeronDir, "cnc.dat").exists())
        {
            throw new IllegalArgumentException("no media driver in " + aeronDir + ": is the daemon running? (--aeron-dir)");
        }
        final OperatorToken token = OperatorToken.resolve(tokenFile, System.getenv(), "--token-file", false);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final OperatorClient.Result result = OperatorClient.send(aeronDir, streamId, type, instrumentId, token, timeoutMs);
        switch (result.outcome())
        {
            case NO_DAEMON:
                err.println("admin: no daemon subscribed to aeron:ipc stream " + streamId + " in " + aeronDir);
                return ExitCodes.CHECK_FAILED;
            case NOT_TAKEN:
                err.println("admin: the daemon's admin stream did not take the command in time");
                return ExitCodes.CHECK_FAILED;
            case NOT_APPLIED:
                err.println("admin: sent " + command + " but the daemon did not report applying it in " + timeoutMs + " ms");
                return ExitCodes.CHECK_FAILED;
            case REJECTED:
                err.println("admin: " + command + " REJECTED by the daemon (wrong token); mode=" + ModeName.of(result.mode()));
                return ExitCodes.CHECK_FAILED;
            case THROTTLED:
                err.println("admin: " + command + " REJECTED by the daemon: too many wrong tokens lately, it refuses every" +
                    " admin command until its lockout (daemon.admin_lockout_ms) ends; mode=" + ModeName.of(result.mode()));
                return ExitCodes.CHECK_FAILED;
            case UNKNOWN_COMMAND:
                err.println("admin: " + command + " REJECTED by the daemon: it does not know the command (an older" +
                    " build?); mode=" + ModeName.of(result.mode()));
                return ExitCodes.CHECK_FAILED;
            case REFUSED_BREACH_ACTIVE:
                err.println("admin: " + command + " REFUSED by the risk gate: a breach is still active (loss, drawdown," +
                    " position, stale market data or book, silent or disconnected venue); mode=" +
                    ModeName.of(result.mode(), result.modeReason()) + " - retry once it clears");
                return ExitCodes.CHECK_FAILED;
            case REFUSED_NOTHING_TO_RESUME:
                err.println("admin: " + command + " REFUSED by the risk gate: nothing to resume (no operator STOP or" +
                    " FLATTEN, no latched breaker; a halt for stale data, book or venue silence clears by itself); mode=" +
                    ModeName.of(result.mode(), result.modeReason()));
                return ExitCodes.CHECK_FAILED;
            default:
                out.println("admin: " + command + " applied; mode=" + ModeName.of(result.mode()) + " open_orders=" +
                    result.openOrders() + " position=" + result.position());
                out.flush();
                return ExitCodes.OK;
        }
    }
}
