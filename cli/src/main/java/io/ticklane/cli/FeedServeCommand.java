package io.ticklane.cli;

import io.ticklane.feedserve.Faults;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane feed serve}: the local venue stand-in, so feed handlers, tests and the demo run against real
 * captures over the real protocols without reaching the internet.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Replay recorded market data over a venue's real protocols, to one client at a time.",
        "--binance FILE...: Binance captures (<local_ns> <json> lines, .gz or plain), one stream in order: the",
        "combined stream at ws://HOST:PORT/stream and the REST depth snapshot at /api/v3/depth (spot) and",
        "/fapi/v1/depth (USD-M). Until the replay reaches the capture's snapshot line, REST answers that line;",
        "afterwards it answers the book as of the last diff reached (what the venue would send then).",
        "--lines FILE: any file of one JSON message per line, as a WebSocket stream on any path (--pace max only).",
        "A Kraken subscriptionStatus line is a reply: it waits (at most 5 s) until the client has sent one more text",
        "message (request) than there were replies before it, so a Kraken client's subscribe, and its unsubscribe and",
        "subscribe after a checksum failure, come before the answers. Requests are counted, never interpreted: the file",
        "must hold what Kraken would answer (the fresh snapshot after a resubscribe or a reconnect).",
        "Faults count stream messages from 1 over the whole replay. The replay pauses while no client is connected",
        "and resumes where it stopped. At the end the stream is closed normally (1000) and the command exits.",
        "Last line: sent=<n> dropped=<d> corrupted=<c> connections=<k> connections_dropped=<x> refused=<r>",
        "snapshots_served=<s> requests=<q> finished=<true|false>.",
        "Exit 0 when the whole replay was sent, 1 when stopped before, 2 on bad usage or input."
    })
public final class FeedServeCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--binance", paramLabel = "FILE", arity = "1..*", description = "Binance capture files, in time order.")
    private List<Path> binance;

    @Option(names = "--lines", paramLabel = "FILE", description = "A file of one JSON message per line.")
    private Path lines;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
        description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "Port to listen on (0: any free port, printed).")
    private int port;

    @Option(names = "--pace", paramLabel = "recorded|<f>x|max", defaultValue = "recorded",
        description = "As recorded, a speed-up such as 10x, or as fast as the client reads. Default: ${DEFAULT-VALUE}.")
    private String pace;

    @Option(names = "--drop-message", paramLabel = "N", defaultValue = "0", description = "Do not send stream message N.")
    private long dropMessage;

    @Option(names = "--corrupt-message", paramLabel = "N", defaultValue = "0",
        description = "Send stream message N cut in half (no longer JSON).")
    private long corruptMessage;

    @Option(names = "--drop-connection-at", paramLabel = "N", defaultValue = "0",
        description = "Drop the connection without a closing handshake right after stream message N.")
    private long dropConnectionAt;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: when the replay has been sent, or when stopped).")
    private double durationSeconds;

    public Integer call() throws InterruptedException
    {
        if ((null == binance) == (null == lines))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --binance FILE... or --lines FILE");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final ServeContext context = new ServeContext()
            .host(host)
            .port(port)
            .pace(Pace.parse(pace))
            .faults(new Faults(dropMessage, corruptMessage, dropConnectionAt));
        if (null != binance)
        {
            context.captures(binance);
        }
        else
        {
            context.lines(lines);
        }
        try (FeedServer server = FeedServer.start(context);
            RunUntilStopped run = new RunUntilStopped(5_000))
        {
            final String base = host + ":" + server.port();
            out.println("feed serve messages=" + server.streamMessages() + " pace=" + context.pace() +
                (null != binance ? " ws=ws://" + base + "/stream rest=http://" + base : " ws=ws://" + base + "/"));
            out.flush();
            final Thread watcher = new Thread(() ->
            {
                try
                {
                    if (server.awaitFinished(Long.MAX_VALUE / 2_000_000))
                    {
                        run.requestStop();
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "feed-serve-watch");
            watcher.setDaemon(true);
            watcher.start();
            run.run((long)(durationSeconds * 1000), 1_000, () -> { });
            watcher.interrupt();
            final boolean finished = server.awaitFinished(0);
            out.println(server.summary());
            out.flush();
            run.finished();
            return finished ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
        }
    }
}
