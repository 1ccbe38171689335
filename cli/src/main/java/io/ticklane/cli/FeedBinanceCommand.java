package io.ticklane.cli;

import io.ticklane.backtest.verify.BinanceFeedVerification;
import io.ticklane.backtest.verify.BinanceVerification;
import io.ticklane.gateway.feed.PublishingSink;
import io.ticklane.gateway.feed.binance.BinanceFeed;
import io.ticklane.gateway.feed.binance.BinanceFeedAgent;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.orderbook.BookState;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code ticklane feed binance}: the live Binance feed handler, publishing to the daemon's market-data stream, or
 * checking its own book with {@code --verify}.
 */
@Command(
    name = "binance",
    mixinStandardHelpOptions = true,
    description = {
        "Live Binance market data (spot or USD-M futures): the combined WebSocket stream of depth diffs, bookTicker and",
        "trades, and the REST depth snapshot, kept in sync by Binance's update-id rules (U/u on spot, pu on futures).",
        "A gap publishes the breaking update (the daemon's book goes STALE) and resyncs from a fresh snapshot; a lost",
        "connection is published at once as a chain break, then reconnects with backoff and resyncs.",
        "With --aeron-dir the SBE frames go to the market-data stream of the media driver running there.",
        "With --verify the handler runs until the venue closes the stream normally (feed serve does at the end of its",
        "capture) and checks its book against every bookTicker, like book verify. Last line:",
        "updates=<n> gaps=<g> resyncs=<r> crossed=<c> top_mismatches=<t>.",
        "Exit 0 on a clean stop or a passed check, 1 when the check fails, 2 on bad usage or input."
    })
public final class FeedBinanceCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--market", required = true, paramLabel = "usdm|spot", description = "Binance market.")
    private String market;

    @Option(names = "--symbol", paramLabel = "SYM", defaultValue = "BTCUSDT", description = "Symbol. Default: ${DEFAULT-VALUE}.")
    private String symbol;

    @Option(names = "--ws-url", paramLabel = "URL",
        description = "WebSocket base (default: Binance's, wss://fstream.binance.com or wss://stream.binance.com:9443).")
    private String wsUrl;

    @Option(names = "--rest-url", paramLabel = "URL",
        description = "REST base (default: Binance's, https://fapi.binance.com or https://api.binance.com).")
    private String restUrl;

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

    @Option(names = "--tick-size", paramLabel = "PRICE", description = "Tick size (default: inferred from a first REST snapshot).")
    private BigDecimal tickSize;

    @Option(names = "--lot-size", paramLabel = "QTY", description = "Lot size (default: inferred from a first REST snapshot).")
    private BigDecimal lotSize;

    @Option(names = "--max-message-bytes", paramLabel = "N", defaultValue = "1048576",
        description = "Longest WebSocket message accepted; longer ones are discarded and counted. Default: ${DEFAULT-VALUE}.")
    private int maxMessageBytes;

    @Option(names = "--silence-timeout-ms", paramLabel = "MS", defaultValue = "30000",
        description = "An open stream silent (no message, no ping) this long is dropped, the book marked stale, and " +
            "reconnected. Default: ${DEFAULT-VALUE}.")
    private long silenceTimeoutMs;

    @Option(names = "--verify", description = "Check the book against every bookTicker; stop when the stream closes normally.")
    private boolean verify;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: until stopped, or with --verify until the stream ends).")
    private double durationSeconds;

    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        final BinanceFeedContext context = new BinanceFeedContext()
            .market(parseMarket())
            .symbol(symbol)
            .wsUrl(wsUrl)
            .restUrl(restUrl)
            .instrumentId(instrument)
            .tickSize(tickSize)
            .lotSize(lotSize)
            .maxMessageBytes(maxMessageBytes)
            .silenceTimeoutMs(silenceTimeoutMs)
            .conclude();
        final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<PublishingSink> sink = new AtomicReference<>();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final AtomicReference<BinanceFeedVerification.Outcome> verified = new AtomicReference<>();
        final AtomicReference<BinanceFeedAgent> live = new AtomicReference<>();
        try (Transport transport = null == aeronDir ? null : Transport.launch(new TransportContext()
            .aeronDirectoryName(aeronDir).embeddedDriver(false)
            .marketDataChannel(marketDataChannel).marketDataStreamId(marketDataStream).conclude());
            RunUntilStopped signals = new RunUntilStopped(5_000))
        {
            final Thread feed = new Thread(() ->
            {
                try
                {
                    if (verify)
                    {
                        verified.set(BinanceFeedVerification.run(context, client, (check) -> publishing(transport, check, sink),
                            stop::get));
                    }
                    else
                    {
                        final TickLotSizes sizes = BinanceFeed.sizes(context, client);
                        out.println("feed binance market=" + context.market() + " symbol=" + context.symbol() + " " + sizes +
                            " stream=" + context.streamUri() + " snapshot=" + context.snapshotUri() +
                            (null == transport ? " publishing=none" : " aeron_dir=" + aeronDir + " md_stream=" + marketDataStream));
                        out.flush();
                        live.set(BinanceFeed.run(context, sizes, publishing(transport, null, sink), client,
                            new BackoffIdleStrategy(), stop::get));
                    }
                }
                catch (final RuntimeException ex)
                {
                    failure.set(ex);
                }
                finally
                {
                    signals.requestStop();
                }
            }, "feed-binance");
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
        if (null != verified.get())
        {
            return report(out, context, verified.get(), sink.get());
        }
        final BinanceFeedAgent agent = live.get();
        out.println(agent.counters() + " " + agent.decoder().counters() + published(sink.get()));
        out.flush();
        return ExitCodes.OK;
    }

    private static PublishingSink publishing(
        final Transport transport, final MessageHandler next, final AtomicReference<PublishingSink> holder)
    {
        final PublishingSink sink = new PublishingSink(
            null == transport ? null : transport.publisher(transport.context().marketDataChannel(),
                transport.context().marketDataStreamId()), next);
        holder.set(sink);
        return sink;
    }

    private static int report(
        final PrintWriter out, final BinanceFeedContext context, final BinanceFeedVerification.Outcome outcome, final PublishingSink sink)
    {
        final BinanceVerification.Result result = outcome.result();
        out.println("market=" + context.market() + " " + result.sizes());
        out.println("feed " + outcome.agent().counters() + " oversized=" + outcome.agent().connection().oversizedMessages() +
            published(sink));
        if (outcome.agent().gaveUp())
        {
            out.println("gave up: " + context.giveUpAfterFailedConnects() + " connection attempts in a row failed");
        }
        if (null != outcome.agent().counters().lastMalformed())
        {
            out.println("  last malformed: " + outcome.agent().counters().lastMalformed());
        }
        result.differences().forEach((difference) -> out.println("  top mismatch " + difference));
        if (BookState.LIVE != result.finalState())
        {
            out.println("book ended " + result.finalState());
        }
        out.println("compared=" + result.compared() + " not_comparable=" + result.notComparable() +
            " dropped_before_sync=" + result.reader().droppedBeforeSync());
        out.println(result.summaryLine());
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    private static String published(final PublishingSink sink)
    {
        return null == sink || !sink.publishes() ? " publishing=none" :
            " published=" + sink.published() + " publish_failed=" + sink.failed();
    }

    private BinanceMarket parseMarket()
    {
        switch (market)
        {
            case "spot":
                return BinanceMarket.SPOT;
            case "usdm":
                return BinanceMarket.USDM_FUTURES;
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), "--market must be spot or usdm, not '" + market + "'");
        }
    }
}
