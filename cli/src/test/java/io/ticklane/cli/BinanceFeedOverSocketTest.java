package io.ticklane.cli;

import io.ticklane.backtest.verify.BinanceFeedVerification;
import io.ticklane.backtest.verify.BinanceVerification;
import io.ticklane.feedserve.Faults;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.journal.RealData;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live Binance feed handler against {@code feed serve} over a real loopback socket: every shared capture and
 * both multi-day chains give the same tallies as {@code book verify} on the files, and injected faults (a dropped
 * message, a corrupted message, a dropped connection) are detected, resynchronised from a REST snapshot and leave the
 * book exact.
 */
class BinanceFeedOverSocketTest
{
    private static final String SPOT_0808 = "binance/spot/btcusdt_20240808.gz";
    private static final String SPOT_0809 = "binance/spot/btcusdt_20240809.gz";
    private static final String USDM_0718 = "binance/usdm/btcusdt_20240718.gz";
    private static final String USDM_0719 = "binance/usdm/btcusdt_20240719.gz";
    private static final String USDM_0808 = "binance/usdm/btcusdt_20240808.gz";
    private static final long RUN_LIMIT_NS = 300_000_000_000L;
    private static final int TOP_LEVELS = 20;

    private final HttpClient client = HttpClient.newHttpClient();

    static Stream<Arguments> captures()
    {
        return Stream.of(
            Arguments.of(BinanceMarket.SPOT, List.of(SPOT_0808)),
            Arguments.of(BinanceMarket.SPOT, List.of(SPOT_0808, SPOT_0809)),
            Arguments.of(BinanceMarket.USDM_FUTURES, List.of(USDM_0718)),
            Arguments.of(BinanceMarket.USDM_FUTURES, List.of(USDM_0718, USDM_0719)),
            Arguments.of(BinanceMarket.USDM_FUTURES, List.of(USDM_0808)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("captures")
    void throughTheSocketTheHandlerTalliesExactlyWhatBookVerifyTallies(final BinanceMarket market, final List<String> names)
    {
        final List<Path> files = names.stream().map(RealData::file).toList();
        final Reference reference = reference(market, files);

        final long startNs = System.nanoTime();
        final BinanceFeedVerification.Outcome outcome;
        final long served;
        try (FeedServer server = FeedServer.start(new ServeContext().captures(files).pace(Pace.MAX)))
        {
            served = server.streamMessages();
            outcome = verifyLive(market, server);
        }
        final long elapsedMs = (System.nanoTime() - startNs) / 1_000_000;
        final BinanceVerification.Result live = outcome.result();
        System.out.println("feed over socket " + market + " " + names + ": " + live.summaryLine() + " compared=" +
            live.compared() + " messages=" + outcome.agent().counters().messages() + " of " + served + " connects=" +
            outcome.agent().counters().connects() + " snapshot_requests=" + outcome.agent().counters().snapshotRequests() +
            " in " + elapsedMs + " ms; book verify: " + reference.result.summaryLine());

        assertEquals(0, live.gaps(), live.summaryLine());
        assertEquals(0, live.crossed(), live.summaryLine());
        assertEquals(0, live.topMismatches(), live.differences().toString());
        assertEquals(BookState.LIVE, live.finalState());
        assertEquals(reference.result.summaryLine(), live.summaryLine());
        assertEquals(reference.result.compared(), live.compared(), "tickers compared");
        assertEquals(reference.result.notComparable(), live.notComparable(), "tickers not comparable");
        assertEquals(reference.result.reader().droppedBeforeSync(), live.reader().droppedBeforeSync(), "dropped before sync");
        assertTrue(live.compared() > 100, "too few comparisons to mean anything: " + live.compared());
        assertEquals(served, outcome.agent().counters().messages(), "every stream message arrived");
        assertEquals(0, outcome.agent().counters().malformed(), String.valueOf(outcome.agent().counters().lastMalformed()));
        assertEquals(1, outcome.agent().counters().connects());
        assertEquals(1, outcome.agent().counters().snapshotRequests());
        assertTopLevelsEqual(reference.book, outcome.book());
    }

    @Test
    void aDroppedDepthUpdateIsAGapThatAFreshSnapshotRepairs() throws IOException
    {
        final long depthMessage = streamNumberOfDepthUpdate(USDM_0718, 300);
        final Faulted run = runWithFaults(new Faults(depthMessage, 0, 0));

        assertRepairedAndExact(run);
        assertEquals(0, run.outcome.agent().counters().malformed());
        assertEquals(1, run.outcome.agent().counters().connects());
    }

    @Test
    void aCorruptedDepthUpdateIsCountedAsMalformedThenRepairedLikeAGap() throws IOException
    {
        final long depthMessage = streamNumberOfDepthUpdate(USDM_0718, 300);
        final Faulted run = runWithFaults(new Faults(0, depthMessage, 0));

        assertRepairedAndExact(run);
        assertEquals(1, run.outcome.agent().counters().malformed());
        assertTrue(run.outcome.agent().counters().lastMalformed().contains("malformed JSON"),
            run.outcome.agent().counters().lastMalformed());
    }

    @Test
    void aDroppedConnectionIsMarkedStaleAtOnceThenReconnectedResyncedAndExact()
    {
        final Faulted run = runWithFaults(new Faults(0, 0, 2_000));

        assertRepairedAndExact(run);
        assertEquals(2, run.outcome.agent().counters().connects(), run.outcome.agent().counters().toString());
        assertTrue(run.outcome.agent().counters().disconnects() >= 2, "the drop and the final close");
        assertTrue(run.serverSummary.contains("connections_dropped=1"), run.serverSummary);
    }

    private Faulted runWithFaults(final Faults faults)
    {
        final List<Path> files = List.of(RealData.file(USDM_0718));
        final Reference reference = reference(BinanceMarket.USDM_FUTURES, files);
        try (FeedServer server = FeedServer.start(new ServeContext().captures(files).pace(Pace.parse("30x")).faults(faults)))
        {
            final BinanceFeedVerification.Outcome outcome = verifyLive(BinanceMarket.USDM_FUTURES, server);
            System.out.println("feed with " + faults + ": " + outcome.result().summaryLine() + " compared=" +
                outcome.result().compared() + " " + outcome.agent().counters() + "; server " + server.summary() +
                "; book verify: " + reference.result.summaryLine() + " compared=" + reference.result.compared());
            return new Faulted(reference, outcome, server.summary());
        }
    }

    private static void assertRepairedAndExact(final Faulted run)
    {
        final BinanceVerification.Result live = run.outcome.result();
        assertTrue(live.gaps() >= 1, "the fault must show as a gap: " + live.summaryLine());
        assertTrue(live.resyncs() >= 1, "a fresh snapshot must repair it: " + live.summaryLine());
        assertTrue(run.outcome.agent().counters().snapshotRequests() >= 2, run.outcome.agent().counters().toString());
        assertEquals(0, live.crossed(), live.summaryLine());
        assertEquals(0, live.topMismatches(), live.differences().toString());
        assertEquals(BookState.LIVE, live.finalState());
        // Tickers after the resync were compared too, not only the ones before the fault.
        assertTrue(live.compared() > run.reference.result.compared() / 2,
            "compared " + live.compared() + " of the reference's " + run.reference.result.compared());
        assertTopLevelsEqual(run.reference.book, run.outcome.book());
    }

    private BinanceFeedVerification.Outcome verifyLive(final BinanceMarket market, final FeedServer server)
    {
        final String base = "127.0.0.1:" + server.port();
        final BinanceFeedContext context = new BinanceFeedContext()
            .market(market)
            .symbol("BTCUSDT")
            .wsUrl("ws://" + base)
            .restUrl("http://" + base);
        final long deadlineNs = System.nanoTime() + RUN_LIMIT_NS;
        final BinanceFeedVerification.Outcome outcome =
            BinanceFeedVerification.run(context, client, (sink) -> sink, () -> System.nanoTime() - deadlineNs > 0);
        assertTrue(outcome.agent().isDone(), "the handler did not see the end of the stream in time");
        return outcome;
    }

    private static Reference reference(final BinanceMarket market, final List<Path> files)
    {
        final AtomicReference<OrderBook> book = new AtomicReference<>();
        final BinanceVerification.Result result = new BinanceVerification(
            new BinanceCaptureReader.Context().files(files).market(market), (lines) -> { })
            .observer((built) ->
            {
                book.set(built);
                return (msgTypeId, buffer, index, length) -> { };
            })
            .run();
        return new Reference(result, book.get());
    }

    private static void assertTopLevelsEqual(final OrderBook expected, final OrderBook actual)
    {
        assertLadderTopEqual(expected.bids(), actual.bids(), "bids");
        assertLadderTopEqual(expected.asks(), actual.asks(), "asks");
    }

    private static void assertLadderTopEqual(final PriceLadder expected, final PriceLadder actual, final String side)
    {
        final long[] expectedPrices = new long[TOP_LEVELS];
        final long[] expectedQuantities = new long[TOP_LEVELS];
        final long[] actualPrices = new long[TOP_LEVELS];
        final long[] actualQuantities = new long[TOP_LEVELS];
        final int expectedCount = expected.levels(expectedPrices, expectedQuantities, TOP_LEVELS);
        final int actualCount = actual.levels(actualPrices, actualQuantities, TOP_LEVELS);
        assertEquals(TOP_LEVELS, expectedCount, side + ": the reference book is too thin to compare");
        assertEquals(expectedCount, actualCount, side + " levels");
        assertArrayEquals(expectedPrices, actualPrices, side + " prices " + Arrays.toString(actualPrices));
        assertArrayEquals(expectedQuantities, actualQuantities, side + " quantities");
    }

    /**
     * @return the 1-based number, among stream messages (snapshot lines are not sent on the stream), of the n-th
     *         depth update of the capture.
     */
    private static long streamNumberOfDepthUpdate(final String name, final int n) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(RealData.file(name))), StandardCharsets.UTF_8)))
        {
            long streamNumber = 0;
            int depth = 0;
            String line;
            while (null != (line = reader.readLine()))
            {
                final String json = line.substring(line.indexOf(' ') + 1);
                if (json.startsWith("{\"lastUpdateId\""))
                {
                    continue;
                }
                streamNumber++;
                if (json.startsWith("{\"stream\":\"btcusdt@depth") && ++depth == n)
                {
                    return streamNumber;
                }
            }
        }
        throw new AssertionError("fewer than " + n + " depth updates in " + name);
    }

    private record Reference(BinanceVerification.Result result, OrderBook book)
    {
    }

    private record Faulted(Reference reference, BinanceFeedVerification.Outcome outcome, String serverSummary)
    {
    }
}
