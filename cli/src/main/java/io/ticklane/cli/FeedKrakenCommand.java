package io.ticklane.cli;

import io.ticklane.gateway.feed.kraken.KrakenBookContext;
import io.ticklane.gateway.feed.kraken.KrakenFileVerification;
import io.ticklane.orderbook.BookState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ticklane feed kraken}: the Kraken spot WebSocket v1 book handler. With {@code --verify-file} it runs the
 * handler over a file of one message per line and prints the checks, so a user can see every checksum hold before
 * trusting the live feed.
 */
@Command(
    name = "kraken",
    mixinStandardHelpOptions = true,
    description = {
        "Kraken spot WebSocket v1 book handler: exact depth-limited book, every update's CRC32 checksum verified.",
        "Snapshot and updates (republished levels included), the book cut to the subscribed depth after each level, the",
        "checksum computed as Kraken documents it; a mismatch makes the book STALE and asks for a resubscribe.",
        "--verify-file runs it over a file of one JSON message per line (as `feed serve --lines` streams it).",
        "Last line: updates=<n> checksums_ok=<k> checksums_failed=<f> resyncs=<r> crossed=<c>.",
        "Exit 0 when every update checked out, 1 on a checksum failure, a crossed book or a malformed message,",
        "2 on bad usage or input."
    })
public final class FeedKrakenCommand implements Callable<Integer>
{
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

    @Option(names = "--verify-file", paramLabel = "FILE", required = true,
        description = "File of one Kraken v1 message per line to verify (the live WebSocket connection is not wired yet).")
    private Path verifyFile;

    public Integer call() throws IOException
    {
        final KrakenBookContext context = new KrakenBookContext()
            .pair(pair)
            .depth(depth)
            .priceDecimals(null == priceDecimals ? KrakenBookContext.DERIVE_FROM_SNAPSHOT : priceDecimals)
            .lotDecimals(null == lotDecimals ? KrakenBookContext.DERIVE_FROM_SNAPSHOT : lotDecimals)
            .maxMessageBytes(maxMessageBytes)
            .conclude();
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
