package io.ticklane.cli;

import io.ticklane.gateway.feed.PublishingSink;
import io.ticklane.gateway.feed.kraken.KrakenBookContext;
import io.ticklane.gateway.feed.kraken.KrakenBookCounters;
import io.ticklane.gateway.feed.kraken.KrakenFeed;
import io.ticklane.gateway.feed.kraken.KrakenFeedAgent;
import io.ticklane.gateway.feed.kraken.KrakenFeedContext;
import io.ticklane.gateway.feed.kraken.KrakenFileVerification;
import io.ticklane.gateway.feed.kraken.KrakenSubscription;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.orderbook.BookState;
import org.agrona.concurrent.BackoffIdleStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ticklane feed kraken}: the Kraken spot WebSocket v1 book handler, live over the WebSocket (publishing to the
 * daemon's market-data stream, or checking every checksum with {@code --verify}), or over a file with
 * {@code --verify-file} so a user can see every checksum hold before trusting the live feed.
 */
@Command(
    name = "kraken",
    mixinStandardHelpOptions = true,
    description = {
        "Kraken spot WebSocket v1 book handler: exact depth-limited book, every update's CRC32 checksum verified.",
        "Connects to --ws-url, subscribes to the book channel of --pair at --depth, and keeps the book from the snapshot",
        "and updates (republished levels included), cut to the subscribed depth after each level, the checksum computed",
        "as Kraken documents it. A mismatch (or an unreadable message) publishes the break (the daemon's book goes",
        "STALE) and unsubscribes and subscribes again for a fresh snapshot. A lost connection, or one silent for",
        "--silence-timeout-ms, is published as a break and reconnected with backoff; the new connection subscribes.",
        "With --aeron-dir the SBE frames go to the market-data stream of the media driver running there.",
        "With --verify the handler runs until the server closes the stream normally (feed serve --lines does at the end",
        "of its file) or --duration ends. --verify-file runs it over a file of one JSON message per line instead.",
        "Last line: updates=<n> checksums_ok=<k> checksums_failed=<f> resyncs=<r> crossed=<c>.",
        "Exit 0 on a clean stop or when every update checked out, 1 on a checksum failure, a crossed book, a malformed",
        "message, no snapshot or a refused subscription (--verify, --verify-file), 2 on bad usage or input."
    })
public final class FeedKrakenCommand implements Callable<Integer>
{
    private static final List<String> LIVE_OPTIONS = List.of(
        "--ws-url", "--aeron-dir", "--md-channel", "--md-stream", "--instrument", "--verify", "--duration", "--silence-timeout-ms");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--pair", defaultValue = "XBT/USD", description = "Kraken v1 pair name (default: ${DEFAULT-VALUE}).")
    private String pair;

    @Option(names = "--depth", defaultValue = "10", paramLabel = "N",
        description = "Subscribed depth: 10, 25, 100, 500 or 1000 (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--price-decimals", paramLabel = "D",
        description = "Fraction digits of a price as Kraken prints it (default: derived from the first snapshot and printed).")
    private Integer priceDecimals;

    @Option(names = "--lot-decimals", paramLabel = "D",
        description = "Fraction digits of a volume as Kraken prints it (default: derived from the first snapshot and printed).")
    private Integer lotDecimals;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES", defaultValue = "262144",
        description = "Longest message accepted; longer ones count as malformed (default: ${DEFAULT-VALUE}).")
    private int maxMessageBytes;

    @Option(names = "--ws-url", paramLabel = "URL", defaultValue = KrakenFeedContext.KRAKEN_WS,
        description = "WebSocket API v1 address (default: ${DEFAULT-VALUE}).")
    private String wsUrl;

    @Option(names = "--aeron-dir", paramLabel = "DIR",
        description = "Publish to the market-data stream of the media driver running in DIR (default: publish nothing).")
    private String aeronDir;

    @Option(names = "--md-channel", paramLabel = "URI", defaultValue = TransportContext.DEFAULT_CHANNEL,
        description = "Market data channel. Default: ${DEFAULT-VALUE}.")
    private String marketDataChannel;

    @Option(names = "--md-stream", paramLabel = "ID", defaultValue = "1001", description = "Market data stream. Default: ${DEFAULT-VALUE}.")
    private int marketDataStream;

    @Option(names = "--instrument", paramLabel = "ID", defaultValue = "1",
        description = "Instrument id published. Default: ${DEFAULT-VALUE}.")
    private int instrument;

    @Option(names = "--silence-timeout-ms", paramLabel = "MS", defaultValue = "10000",
        description = "An open connection silent (no message, no ping; Kraken heartbeats every second or so) this long is " +
            "dropped, the book marked stale, and reconnected. Default: ${DEFAULT-VALUE}.")
    private long silenceTimeoutMs;

    @Option(names = "--verify", description = "Judge every checksum on the live connection; stop when the stream closes normally.")
    private boolean verify;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: until stopped, or with --verify until the stream ends).")
    private double durationSeconds;

    @Option(names = "--verify-file", paramLabel = "FILE",
        description = "Verify a file of one Kraken v1 message per line instead of connecting.")
    private Path verifyFile;

    public Integer call() throws IOException, InterruptedException
    {
        final KrakenBookContext book = new KrakenBookContext()
            .pair(pair)
            .depth(depth)
            .priceDecimals(null == priceDecimals ? KrakenBookContext.DERIVE_FROM_SNAPSHOT : priceDecimals)
            .lotDecimals(null == lotDecimals ? KrakenBookContext.DERIVE_FROM_SNAPSHOT : lotDecimals)
            .maxMessageBytes(maxMessageBytes);
        if (null != verifyFile)
        {
            for (final String option : LIVE_OPTIONS)
            {
                if (spec.commandLine().getParseResult().hasMatchedOption(option))
                {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                        option + " is for the live connection; --verify-file reads a file");
                }
            }
            return verifyFile(book.conclude());
        }
        if (durationSeconds < 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--duration must not be negative: " + durationSeconds);
        }
        if (instrument <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--instrument must be positive: " + instrument);
        }
        final KrakenFeedContext context = new KrakenFeedContext()
            .book(book.instrumentId(instrument))
            .wsUrl(wsUrl)
            .silenceTimeoutMs(silenceTimeoutMs)
            .stopOnNormalClose(verify)
            .giveUpAfterFailedConnects(verify ? 8 : 0)
            .conclude();
        return live(context);
    }

    private int live(final KrakenFeedContext context) throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<PublishingSink> sink = new AtomicReference<>();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final AtomicReference<KrakenFeedAgent> ran = new AtomicReference<>();
        try (Transport transport = null == aeronDir ? null : Transport.launch(new TransportContext()
            .aeronDirectoryName(aeronDir).embeddedDriver(false)
            .marketDataChannel(marketDataChannel).marketDataStreamId(marketDataStream).conclude());
            RunUntilStopped signals = new RunUntilStopped(5_000))
        {
            sink.set(new PublishingSink(null == transport ? null :
                transport.publisher(transport.context().marketDataChannel(), transport.context().marketDataStreamId()), null));
            out.println("feed kraken pair=" + pair + " depth=" + depth + " ws=" + context.uri() +
                " subscribe=" + new KrakenSubscription(context.book()).subscribe() +
                (null == transport ? " publishing=none" : " aeron_dir=" + aeronDir + " md_stream=" + marketDataStream));
            out.flush();
            final Thread feed = new Thread(() ->
            {
                try
                {
                    ran.set(KrakenFeed.run(context, sink.get(), client, new BackoffIdleStrategy(), stop::get));
                }
                catch (final RuntimeException ex)
                {
                    failure.set(ex);
                }
                finally
                {
                    signals.requestStop();
                }
            }, "feed-kraken");
            feed.start();
            signals.run((long)(durationSeconds * 1000), 1_000, () -> { });
            stop.set(true);
            feed.join();
            signals.finished();
        }
        if (null != failure.get())
        {
            throw failure.get();
        }
        return report(out, context, ran.get(), sink.get());
    }

    private int report(final PrintWriter out, final KrakenFeedContext context, final KrakenFeedAgent agent, final PublishingSink sink)
    {
        final KrakenBookCounters counters = agent.book().counters();
        out.println("feed " + agent.counters() + " oversized=" + agent.connection().oversizedMessages() +
            " send_failures=" + agent.connection().sendFailures() +
            (sink.publishes() ? " published=" + sink.published() + " publish_failed=" + sink.failed() : " publishing=none"));
        out.println("price_decimals=" + agent.book().priceDecimals() + " lot_decimals=" + agent.book().lotDecimals() +
            (null == priceDecimals || null == lotDecimals ? " (derived from the first snapshot)" : ""));
        out.println(counters.detailLine());
        if (agent.gaveUp())
        {
            out.println("gave up: " + context.giveUpAfterFailedConnects() + " connection attempts in a row failed");
        }
        if (null != agent.book().lastProblem())
        {
            out.println("last problem: " + agent.book().lastProblem());
        }
        if (BookState.LIVE != agent.book().state())
        {
            out.println("book ended " + agent.book().state());
        }
        out.println(counters.summaryLine());
        out.flush();
        if (!verify)
        {
            return ExitCodes.OK;
        }
        final boolean passed = counters.noProblems() && counters.snapshots() > 0 && 0 == counters.subscriptionErrors() &&
            !agent.gaveUp();
        return passed ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private int verifyFile(final KrakenBookContext context) throws IOException
    {
        final KrakenFileVerification.Result result =
            new KrakenFileVerification(context, (templateId, buffer, offset, length) -> { }).run(verifyFile);

        final PrintWriter out = spec.commandLine().getOut();
        out.println("pair=" + pair + " depth=" + depth + " lines=" + result.lines() +
            " price_decimals=" + result.priceDecimals() + (null == priceDecimals ? " (derived from the first snapshot)" : "") +
            " lot_decimals=" + result.lotDecimals() + (null == lotDecimals ? " (derived from the first snapshot)" : ""));
        out.println(result.counters().detailLine());
        if (null != result.lastProblem())
        {
            out.println("last problem: " + result.lastProblem());
        }
        if (BookState.LIVE != result.finalState())
        {
            out.println("book ended " + result.finalState());
        }
        out.println(result.counters().summaryLine());
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
