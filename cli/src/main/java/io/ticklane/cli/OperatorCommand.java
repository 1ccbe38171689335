package io.ticklane.cli;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.runtime.daemon.DaemonCounters;
import io.ticklane.runtime.daemon.DaemonCountersReader;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code ticklane admin}: an operator's command to a running daemon (STOP, FLATTEN, CANCEL ALL, RESUME), sent as an
 * SBE {@code AdminCommand} over Aeron IPC on the daemon's media driver. The daemon journals it and its risk gate
 * checks the token; this command then reads the daemon's counters to say whether it was applied or rejected.
 */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = {
        "Send an operator command to a running daemon: stop | flatten | cancel-all | resume.",
        "Exit 0 when the daemon applied it, 1 when it rejected it (wrong token) or no daemon answered in time,",
        "2 for bad usage."
    })
public final class OperatorCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COMMAND", description = "stop, flatten, cancel-all or resume.")
    private String command;

    @Option(names = "--token", required = true, paramLabel = "T", description = "Operator token (risk.admin_token).")
    private String token;

    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "The daemon's media driver directory.")
    private String aeronDir = TransportContext.DEFAULT_AERON_DIR;

    @Option(names = "--stream", paramLabel = "ID", description = "Admin stream id (default ${DEFAULT-VALUE}).")
    private int streamId = TransportContext.DEFAULT_ADMIN_STREAM_ID;

    @Option(names = "--instrument", paramLabel = "ID", description = "Instrument, 0 for all (default ${DEFAULT-VALUE}).")
    private int instrumentId;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "How long to wait for the daemon (default ${DEFAULT-VALUE}).")
    private long timeoutMs = 5_000;

    public Integer call() throws InterruptedException
    {
        final AdminCommandType type = parse(command);
        final byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length > AdminCommandEncoder.authTokenLength())
        {
            throw new IllegalArgumentException("--token longer than " + AdminCommandEncoder.authTokenLength() + " bytes");
        }
        if (!new File(aeronDir, "cnc.dat").exists())
        {
            throw new IllegalArgumentException("no media driver in " + aeronDir + ": is the daemon running? (--aeron-dir)");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
            Publication publication = aeron.addPublication("aeron:ipc", streamId))
        {
            final DaemonCountersReader counters = new DaemonCountersReader(java.nio.file.Path.of(aeronDir));
            final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
            while (!publication.isConnected())
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    err.println("admin: no daemon subscribed to aeron:ipc stream " + streamId + " in " + aeronDir);
                    return ExitCodes.CHECK_FAILED;
                }
                Thread.sleep(10);
            }
            final long appliedBefore = counters.value(DaemonCounters.ADMIN_APPLIED);
            final long rejectedBefore = counters.value(DaemonCounters.ADMIN_REJECTED);

            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
            final byte[] padded = new byte[AdminCommandEncoder.authTokenLength()];
            System.arraycopy(ascii, 0, padded, 0, ascii.length);
            final AdminCommandEncoder encoder = new AdminCommandEncoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .timestampNs(System.currentTimeMillis() * 1_000_000L)
                .requestId(System.nanoTime())
                .command(type)
                .instrumentId(instrumentId)
                .putAuthToken(padded, 0);
            final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            while (publication.offer(buffer, 0, length) < 0)
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    err.println("admin: the daemon's admin stream did not take the command in time");
                    return ExitCodes.CHECK_FAILED;
                }
                Thread.sleep(1);
            }
            while (counters.value(DaemonCounters.ADMIN_APPLIED) <= appliedBefore)
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    err.println("admin: sent " + command + " but the daemon did not report applying it in " + timeoutMs +
                        " ms");
                    return ExitCodes.CHECK_FAILED;
                }
                Thread.sleep(5);
            }
            final String mode = StatCommand.modeName(counters.value(DaemonCounters.MODE));
            if (counters.value(DaemonCounters.ADMIN_REJECTED) > rejectedBefore)
            {
                err.println("admin: " + command + " REJECTED by the daemon (wrong token); mode=" + mode);
                return ExitCodes.CHECK_FAILED;
            }
            out.println("admin: " + command + " applied; mode=" + mode + " open_orders=" +
                counters.value(DaemonCounters.OPEN_ORDERS) + " position=" + counters.value(DaemonCounters.POSITION));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static AdminCommandType parse(final String command)
    {
        switch (command)
        {
            case "stop":
                return AdminCommandType.STOP;
            case "flatten":
                return AdminCommandType.FLATTEN;
            case "cancel-all":
                return AdminCommandType.CANCEL_ALL;
            case "resume":
                return AdminCommandType.RESUME;
            default:
                throw new IllegalArgumentException("unknown admin command '" + command +
                    "': expected stop, flatten, cancel-all or resume");
        }
    }
}
