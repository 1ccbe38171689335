package io.ticklane.gateway.sim.exchange;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.gateway.transport.Transport;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.HeartbeatDecoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MassCancelEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.gateway.transport.FramePublisher;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The exchange agent over a real embedded media driver (its own temporary directory), driven on the test's thread:
 * a client in the same process subscribes market data and reports and sends orders, as a daemon would.
 */
class ExchangeAgentTest
{
    private static final int INSTRUMENT = 1;

    @TempDir
    Path tmp;

    private Transport transport;
    private ExchangeAgent agent;
    private Subscription marketData;
    private Subscription reportStream;
    private ExclusivePublication orders;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final OrderStatusCompleteDecoder complete = new OrderStatusCompleteDecoder();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final List<String> reports = new ArrayList<>();
    private final FragmentHandler reportHandler = new FragmentAssembler(this::onReport);
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final OrderStatusRequestEncoder statusRequest = new OrderStatusRequestEncoder();
    private final MassCancelEncoder massCancel = new MassCancelEncoder();
    private long cycles;
    private L2Book book;
    private BookFeed feed;
    private long definitions;
    private long snapshots;
    private long updates;
    private long trades;
    private long heartbeats;
    private final FragmentHandler marketDataHandler = new FragmentAssembler((buffer, offset, length, h) ->
    {
        header.wrap(buffer, offset);
        switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID -> definitions++;
            case L2SnapshotDecoder.TEMPLATE_ID -> snapshots++;
            case L2UpdateDecoder.TEMPLATE_ID -> updates++;
            case TradeDecoder.TEMPLATE_ID -> trades++;
            case HeartbeatDecoder.TEMPLATE_ID -> heartbeats++;
            default -> fail("unexpected market data template " + header.templateId());
        }
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, buffer, offset, length);
        feed.onMessage(header.templateId(), copy, 0, length);
    });

    @BeforeEach
    void launch()
    {
        transport = Transport.launch(new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString()));
        book = new L2Book(INSTRUMENT, 1024);
        feed = new BookFeed(book);
    }

    @AfterEach
    void close()
    {
        if (null != agent)
        {
            agent.onClose();
        }
        CloseHelper.closeAll(marketData, reportStream, orders, transport);
    }

    private void start(final SyntheticMarketContext market, final ExchangeContext context)
    {
        agent = new ExchangeAgent(context.flow(new SyntheticMarket(market))
            .venueContext(new VenueContext().instrumentId(INSTRUMENT)), transport);
    }

    private void subscribe(final boolean withReports)
    {
        final TransportContext channels = transport.context();
        marketData = transport.subscription(channels.marketDataChannel(), channels.marketDataStreamId());
        if (withReports)
        {
            reportStream = transport.subscription(channels.reportChannel(), channels.reportStreamId());
        }
        orders = transport.aeron().addExclusivePublication(channels.orderChannel(), channels.orderStreamId());
        await("order publication connected", () -> orders.isConnected());
    }

    @Test
    void aSubscriberSeesDefinitionSnapshotUpdatesTradesAndHeartbeatsAndKeepsTheVenuesBook()
    {
        start(new SyntheticMarketContext().eventsPerSecond(5_000), new ExchangeContext()
            .heartbeatIntervalNs(TimeUnit.MILLISECONDS.toNanos(20)).snapshotIntervalNs(TimeUnit.MILLISECONDS.toNanos(200)));
        subscribe(true);

        await("definition, snapshot, updates, trades and heartbeats", () ->
            definitions >= 2 && snapshots >= 2 && updates >= 1_000 && trades >= 10 && heartbeats >= 5);

        while (marketData.poll(marketDataHandler, 256) > 0)
        {
            Thread.onSpinWait(); // catch up with everything the agent published
        }
        assertEquals(BookState.LIVE, book.state());
        assertEquals(0, book.gapCount(), "no frame lost after the first snapshot");
        assertEquals(agent.venue().book().sequence(), book.sequence());
        assertEquals(agent.venue().book().bestBidPrice(), book.bestBidPrice(), "the venue matches on the book it publishes");
        assertEquals(agent.venue().book().bestAskPrice(), book.bestAskPrice());
        assertEquals(0, agent.counters().publishFailures());
        assertTrue(agent.counters().framesPublished() >= updates + trades);
        assertEquals(agent.counters().heartbeats(), heartbeats);
    }

    @Test
    void anOrderThatCrossesIsAckedAndFilledOnTheReportStream()
    {
        start(new SyntheticMarketContext().eventsPerSecond(2_000).sigmaTicksPerSqrtSecond(0), new ExchangeContext());
        subscribe(true);
        await("book synced", () -> BookState.LIVE == book.state());

        final long ask = agent.venue().book().bestAskPrice();
        sendNewOrder(11, Side.BUY, TimeInForce.IOC, ask, 1);
        await("ACK and FILL", () -> reports.size() >= 2);

        assertEquals(List.of("ACK #11", "FILL #11 1@" + ask), reports.subList(0, 2));
        assertEquals(1, agent.counters().ordersReceived());
        assertEquals(1, agent.counters().fills());
        assertEquals(2, agent.counters().reportsPublished());
    }

    @Test
    void aRestingOrderIsReportedByAStatusRequestAndCancelledByAMassCancel()
    {
        start(new SyntheticMarketContext().eventsPerSecond(2_000).sigmaTicksPerSqrtSecond(0), new ExchangeContext());
        subscribe(true);
        await("book synced", () -> BookState.LIVE == book.state());

        // given: a bid 25 ticks below the touch; with a still fair mid no level ever reaches it
        final long price = agent.venue().book().bestBidPrice() - 25;
        sendNewOrder(21, Side.BUY, TimeInForce.GTC, price, 3);
        await("ACK", () -> reports.size() >= 1);

        // when
        final OrderStatusRequestEncoder request = new OrderStatusRequestEncoder().wrapAndApplyHeader(out, 0, headerEncoder)
            .sendingTimeNs(1).requestId(77).instrumentId(0);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + request.encodedLength());
        await("STATUS and Complete", () -> reports.size() >= 3);

        // then
        assertEquals(List.of("ACK #21", "STATUS #21 BUY 3/3@" + price + " cum 0", "COMPLETE 77 count 1"), reports);
        assertEquals(1, agent.counters().statusRequests());

        // and a mass cancel of both sides cancels it
        final MassCancelEncoder massCancel = new MassCancelEncoder().wrapAndApplyHeader(out, 0, headerEncoder)
            .sendingTimeNs(1).requestId(78).instrumentId(INSTRUMENT).side(Side.NULL_VAL);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + massCancel.encodedLength());
        await("CANCELLED", () -> reports.size() >= 4);
        assertEquals("CANCELLED #21", reports.get(3));
        assertEquals(0, agent.venue().liveOrderCount());
        assertEquals(1, agent.counters().massCancels());
    }

    @Test
    void daemonHeartbeatsAreCountedAndForeignFramesRefused()
    {
        start(new SyntheticMarketContext(), new ExchangeContext());
        subscribe(true);
        final HeartbeatEncoder heartbeat = new HeartbeatEncoder().wrapAndApplyHeader(out, 0, headerEncoder)
            .timestampNs(1).senderId(1).sequence(1);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
        out.putShort(4, (short)4242); // a schema id that is not Ticklane's
        offer(MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
        await("heartbeat and refusal", () -> 1 == agent.counters().daemonHeartbeats() && 1 == agent.counters().framesRefused());
    }

    @Test
    void aReportNobodyReceivesIsCountedWithItsReason()
    {
        // given: a client that sends orders but does not subscribe to reports
        start(new SyntheticMarketContext().sigmaTicksPerSqrtSecond(0), new ExchangeContext());
        subscribe(false);
        await("book synced", () -> BookState.LIVE == book.state());

        // when
        sendNewOrder(31, Side.BUY, TimeInForce.GTC, agent.venue().book().bestBidPrice() - 25, 1);
        await("the ACK given up on", () -> agent.counters().publishFailures() >= 1);

        // then
        assertEquals(Publication.NOT_CONNECTED, agent.counters().lastFailure(),
            FramePublisher.failureName(agent.counters().lastFailure()));
        assertEquals(transport.context().reportStreamId(), agent.counters().lastFailureStream());
    }

    @Test
    void framesWithNoSubscriberAreCountedAndALateSubscriberSyncsFromTheSnapshot()
    {
        start(new SyntheticMarketContext().eventsPerSecond(20_000), new ExchangeContext());
        final long endNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        while (System.nanoTime() < endNs)
        {
            agent.doWork();
        }
        assertTrue(agent.counters().framesWithoutSubscriber() > 100);
        assertEquals(0, agent.counters().framesPublished());

        subscribe(true);
        await("synced after joining", () -> BookState.LIVE == book.state() && updates > 100);
        assertEquals(1, definitions);
        assertEquals(0, book.gapCount());
    }

    @Test
    void aMillionFramesWithOrdersStatusRequestsAndMassCancelsAllocateNothingOnTheDutyCycle()
    {
        // As fast as possible; the client sends orders and drains both streams on this thread without allocating.
        start(new SyntheticMarketContext().seed(3), new ExchangeContext().speed(0).maxFramesPerCycle(64));
        subscribe(true);
        final long[] count = new long[2];
        final FragmentHandler drainMarketData = (buffer, offset, length, h) -> count[0]++;
        final FragmentHandler drainReports = (buffer, offset, length, h) -> count[1]++;
        run(drainMarketData, drainReports, 300_000, count);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long[] windows = new long[3];
        for (int i = 0; i < windows.length && (0 == i || 0 != windows[i - 1]); i++)
        {
            threads.getThreadAllocatedBytes(thread);
            final long first = threads.getThreadAllocatedBytes(thread);
            final long overhead = threads.getThreadAllocatedBytes(thread) - first;
            final long before = threads.getThreadAllocatedBytes(thread);
            run(drainMarketData, drainReports, 1_000_000, count);
            windows[i] = threads.getThreadAllocatedBytes(thread) - before - overhead;
        }
        // No assertion on publication failures here: with the subscriber on this thread, back pressure is relieved only
        // when the driver's conductor moves the limit, which a loaded host can delay beyond the retry bound.
        assertTrue(agent.counters().fills() > 100 && agent.counters().statusRequests() > 10 &&
            agent.counters().massCancels() > 10 && count[1] > 1_000, "the order paths ran: reports " + count[1]);
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of a million frames: " + Arrays.toString(windows));
    }

    private void run(final FragmentHandler marketDataDrain, final FragmentHandler reportDrain, final long frames, final long[] count)
    {
        final long end = count[0] + frames;
        while (count[0] < end)
        {
            agent.doWork();
            marketData.poll(marketDataDrain, 256);
            reportStream.poll(reportDrain, 256);
            if (0 == (++cycles & 15))
            {
                sendOrderMix(cycles >> 4);
            }
        }
    }

    /**
     * A resting bid, a crossing IOC, a cancel of the resting bid, then a status request or a mass cancel.
     */
    private void sendOrderMix(final long step)
    {
        final OrderBook venueBook = agent.venue().book();
        final int length;
        switch ((int)(step & 3))
        {
            case 0 -> length = MessageHeaderEncoder.ENCODED_LENGTH + newOrder.wrapAndApplyHeader(out, 0, headerEncoder)
                .sendingTimeNs(1).clientOrderId(step).instrumentId(INSTRUMENT).side(Side.BUY).orderType(OrderType.LIMIT)
                .timeInForce(TimeInForce.GTC).price(venueBook.bestBidPrice() - 25).quantity(1).encodedLength();
            case 1 -> length = MessageHeaderEncoder.ENCODED_LENGTH + newOrder.wrapAndApplyHeader(out, 0, headerEncoder)
                .sendingTimeNs(1).clientOrderId(step).instrumentId(INSTRUMENT).side(Side.BUY).orderType(OrderType.LIMIT)
                .timeInForce(TimeInForce.IOC).price(venueBook.bestAskPrice()).quantity(1).encodedLength();
            case 2 -> length = MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.wrapAndApplyHeader(out, 0, headerEncoder)
                .sendingTimeNs(1).clientOrderId(step).origClientOrderId(step - 2).instrumentId(INSTRUMENT).side(Side.BUY)
                .encodedLength();
            default -> length = 0 == (step & 4) ?
                MessageHeaderEncoder.ENCODED_LENGTH + statusRequest.wrapAndApplyHeader(out, 0, headerEncoder)
                    .sendingTimeNs(1).requestId(step).instrumentId(0).encodedLength() :
                MessageHeaderEncoder.ENCODED_LENGTH + massCancel.wrapAndApplyHeader(out, 0, headerEncoder)
                    .sendingTimeNs(1).requestId(step).instrumentId(INSTRUMENT).side(Side.NULL_VAL).encodedLength();
        }
        orders.offer(out, 0, length);
    }

    private void sendNewOrder(final long id, final Side side, final TimeInForce tif, final long price, final long quantity)
    {
        final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(out, 0, headerEncoder)
            .sendingTimeNs(1).clientOrderId(id).instrumentId(INSTRUMENT).side(side).orderType(OrderType.LIMIT)
            .timeInForce(tif).price(price).quantity(quantity);
        offer(MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
    }

    private void offer(final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (orders.offer(out, 0, length) < 0)
        {
            if (System.nanoTime() > deadline)
            {
                fail("order publication did not take the frame");
            }
            agent.doWork();
        }
    }

    private void onReport(final org.agrona.DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header h)
    {
        header.wrap(buffer, offset);
        if (OrderStatusCompleteDecoder.TEMPLATE_ID == header.templateId())
        {
            complete.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            reports.add("COMPLETE " + complete.requestId() + " count " + complete.orderCount());
            return;
        }
        report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final ExecType type = report.execType();
        switch (type)
        {
            case FILL, PARTIAL_FILL -> reports.add(type + " #" + report.clientOrderId() + " " + report.lastQuantity() + "@" +
                report.lastPrice());
            case STATUS -> reports.add(type + " #" + report.clientOrderId() + " " + report.side() + " " +
                report.leavesQuantity() + "/" + report.orderQuantity() + "@" + report.price() + " cum " + report.cumQuantity());
            default -> reports.add(type + " #" + report.clientOrderId());
        }
    }

    private void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what + "; reports " + reports + ", counters: published " +
                    (null == agent ? 0 : agent.counters().framesPublished()));
            }
            if (null != agent)
            {
                agent.doWork();
            }
            if (null != marketData)
            {
                marketData.poll(marketDataHandler, 64);
            }
            if (null != reportStream)
            {
                reportStream.poll(reportHandler, 64);
            }
            Thread.onSpinWait();
        }
    }
}
