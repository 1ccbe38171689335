package io.ticklane.cli;

import io.aeron.Subscription;
import io.aeron.FragmentAssembler;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.backtest.verify.BinanceTopOfBookCheck;
import io.ticklane.backtest.verify.BinanceVerification;
import io.ticklane.feedserve.FeedServer;
import io.ticklane.feedserve.Pace;
import io.ticklane.feedserve.ServeContext;
import io.ticklane.gateway.feed.PublishingSink;
import io.ticklane.gateway.feed.binance.BinanceFeed;
import io.ticklane.gateway.feed.binance.BinanceFeedAgent;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.journal.RealData;
import io.ticklane.journal.reader.binance.BinanceCaptureReader;
import io.ticklane.journal.reader.binance.BinanceMarket;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the daemon would receive: the handler's frames published on the market-data stream of a media driver and
 * read back from a subscription rebuild the same book {@code book verify} rebuilds from the file, and carry the
 * instrument definition first and receive times on every update.
 */
class BinanceFeedToAeronTest
{
    @TempDir
    Path dir;

    @Test
    void framesReadBackFromTheMarketDataStreamRebuildBookVerifysBook() throws Exception
    {
        final List<Path> files = List.of(RealData.file("binance/usdm/btcusdt_20240718.gz"));
        final BinanceVerification.Result reference = new BinanceVerification(
            new BinanceCaptureReader.Context().files(files).market(BinanceMarket.USDM_FUTURES), (lines) -> { }).run();

        try (Transport transport = Transport.launch(new TransportContext().aeronDirectoryName(dir.resolve("aeron").toString()));
            FeedServer server = FeedServer.start(new ServeContext().captures(files).pace(Pace.MAX)))
        {
            final Subscription subscription = transport.subscription(
                transport.context().marketDataChannel(), transport.context().marketDataStreamId());
            final PublishingSink sink = new PublishingSink(
                transport.publisher(transport.context().marketDataChannel(), transport.context().marketDataStreamId()), null);
            final BinanceFeedContext context = new BinanceFeedContext()
                .market(BinanceMarket.USDM_FUTURES).symbol("BTCUSDT")
                .wsUrl("ws://127.0.0.1:" + server.port()).restUrl("http://127.0.0.1:" + server.port())
                .stopOnNormalClose(true);
            final HttpClient client = HttpClient.newHttpClient();
            final TickLotSizes sizes = BinanceFeed.sizes(context, client);
            final AtomicReference<BinanceFeedAgent> agent = new AtomicReference<>();
            final Thread feed = new Thread(() -> agent.set(
                BinanceFeed.run(context, sizes, sink, client, new BackoffIdleStrategy(), () -> false)), "feed");
            feed.start();

            final BinanceTopOfBookCheck check = new BinanceTopOfBookCheck(context.instrumentId());
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final L2UpdateDecoder update = new L2UpdateDecoder();
            final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
            final ExpandableArrayBuffer copy = new ExpandableArrayBuffer(1 << 16);
            final long[] received = new long[2];
            final String[] firstSymbol = new String[1];
            final FragmentHandler onFrame = (buffer, offset, length, frameHeader) ->
            {
                header.wrap(buffer, offset);
                if (0 == received[0]++ && InstrumentDefinitionDecoder.TEMPLATE_ID == header.templateId())
                {
                    definition.wrapAndApplyHeader(buffer, offset, header);
                    firstSymbol[0] = definition.symbol();
                }
                if (L2UpdateDecoder.TEMPLATE_ID == header.templateId())
                {
                    update.wrapAndApplyHeader(buffer, offset, header);
                    if (update.receiveTimeNs() <= 0 || update.exchangeTimeNs() <= 0)
                    {
                        received[1]++;
                    }
                }
                copy.putBytes(0, buffer, offset, length);
                check.onFrame(header.templateId(), copy, 0, length);
            };
            // Snapshots of 2,000 levels are larger than one MTU: the assembler hands them over whole.
            final FragmentAssembler assembler = new FragmentAssembler(onFrame);
            final long deadline = System.nanoTime() + 120_000_000_000L;
            while ((feed.isAlive() || received[0] < sink.published()) && System.nanoTime() < deadline)
            {
                if (0 == subscription.poll(assembler, 256))
                {
                    Thread.onSpinWait();
                }
            }
            feed.join(1_000);
            assertNotNull(agent.get(), "the feed did not finish");

            final BinanceVerification.Result viaAeron = check.finish(sizes, agent.get().decoder().counters());
            assertEquals(0, sink.failed(), "frames the publication refused");
            assertEquals(sink.published(), received[0], "every published frame was received");
            assertEquals("BTCUSDT", firstSymbol[0], "the instrument definition comes first");
            assertEquals(0, received[1], "L2Updates without exchange or receive time");
            assertEquals(reference.summaryLine(), viaAeron.summaryLine());
            assertEquals(reference.compared(), viaAeron.compared());
            assertTrue(viaAeron.passed(), viaAeron.summaryLine());
        }
    }
}
