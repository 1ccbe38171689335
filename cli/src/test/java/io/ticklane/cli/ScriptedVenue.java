package io.ticklane.cli;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.ticklane.gateway.transport.TransportContext;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * A venue a test scripts by hand, on the daemon's media driver: it publishes the market data the test asks for,
 * heartbeats unless told to be silent, and answers every order as a simple exchange would (ACK a new order, or fill an IOC at
 * its price; CANCELLED a cancel; REPLACED a replace), keeping every order frame it received. A test can also fill a
 * resting order. Its own thread polls the order stream, so the test's thread only scripts.
 */
final class ScriptedVenue implements AutoCloseable
{
    static final int INSTRUMENT = 1;

    private final Aeron aeron;
    private final Publication marketData;
    private final Publication reports;
    private final TransportContext channels;
    private volatile Subscription orders;
    private volatile boolean holdStatusAnswers;
    private final List<Long> heldStatusRequests = new ArrayList<>();
    private volatile long daemonHeartbeats;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    private final OrderStatusRequestDecoder statusRequest = new OrderStatusRequestDecoder();
    private volatile long statusRequests;
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
    private final UnsafeBuffer mdOut = new UnsafeBuffer(new byte[1024]);
    private final List<Order> received = new ArrayList<>();
    private final AtomicBoolean silent = new AtomicBoolean(false);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long sequence;
    private long execId;
    private long heartbeatSequence;

    /** An order frame as received. */
    record Order(int templateId, long clientOrderId, long origClientOrderId, Side side, long price, long quantity,
        TimeInForce timeInForce)
    {
    }

    ScriptedVenue(final String aeronDir)
    {
        this(aeronDir, new TransportContext());
    }

    /**
     * @param aeronDir the daemon's media driver.
     * @param channels the channels and streams to use (IPC by default, UDP for a venue on "another host").
     */
    ScriptedVenue(final String aeronDir, final TransportContext channels)
    {
        this(aeronDir, channels, true);
    }

    /**
     * @param aeronDir        the daemon's media driver.
     * @param channels        the channels and streams to use.
     * @param subscribeOrders false for a venue whose order entry comes up later ({@link #subscribeOrders()}) than
     *                        its market data.
     */
    ScriptedVenue(final String aeronDir, final TransportContext channels, final boolean subscribeOrders)
    {
        this.channels = channels;
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
        marketData = aeron.addPublication(channels.marketDataChannel(), channels.marketDataStreamId());
        reports = aeron.addPublication(channels.reportChannel(), channels.reportStreamId());
        if (subscribeOrders)
        {
            subscribeOrders();
        }
        thread = new Thread(this::run, "scripted-venue");
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        final FragmentHandler handler = this::onOrder;
        long nextHeartbeatNs = 0;
        while (running.get())
        {
            final int work;
            synchronized (this)
            {
                final Subscription subscription = orders;
                work = null == subscription ? 0 : subscription.poll(handler, 16);
                if (!silent.get() && System.nanoTime() - nextHeartbeatNs >= 0)
                {
                    final HeartbeatEncoder heartbeat = new HeartbeatEncoder().wrapAndApplyHeader(mdOut, 0, headerEncoder)
                        .timestampNs(nowNs()).senderId(99).sequence(++heartbeatSequence);
                    marketData.offer(mdOut, 0, MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
                    nextHeartbeatNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                }
            }
            if (0 == work)
            {
                Thread.onSpinWait();
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly()
    {
        try
        {
            Thread.sleep(1);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void onOrder(final DirectBuffer buffer, final int offset, final int length, final io.aeron.logbuffer.Header h)
    {
        headerDecoder.wrap(buffer, offset);
        switch (headerDecoder.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrder.wrapAndApplyHeader(buffer, offset, headerDecoder);
                received.add(new Order(NewOrderDecoder.TEMPLATE_ID, newOrder.clientOrderId(), 0, newOrder.side(),
                    newOrder.price(), newOrder.quantity(), newOrder.timeInForce()));
                if (TimeInForce.IOC == newOrder.timeInForce())
                {
                    send(newOrder.clientOrderId(), ExecType.ACK, newOrder.side(), newOrder.price(), 0, newOrder.quantity(),
                        0);
                    send(newOrder.clientOrderId(), ExecType.FILL, newOrder.side(), newOrder.price(), newOrder.quantity(), 0,
                        newOrder.quantity());
                }
                else
                {
                    send(newOrder.clientOrderId(), ExecType.ACK, newOrder.side(), newOrder.price(), 0, newOrder.quantity(),
                        0);
                }
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancel.wrapAndApplyHeader(buffer, offset, headerDecoder);
                received.add(new Order(CancelOrderDecoder.TEMPLATE_ID, cancel.clientOrderId(), cancel.origClientOrderId(),
                    cancel.side(), 0, 0, null));
                send(cancel.origClientOrderId(), ExecType.CANCELLED, cancel.side(), 0, 0, 0, 0);
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replace.wrapAndApplyHeader(buffer, offset, headerDecoder);
                received.add(new Order(ReplaceOrderDecoder.TEMPLATE_ID, replace.clientOrderId(),
                    replace.origClientOrderId(), replace.side(), replace.price(), replace.quantity(), null));
                send(replace.clientOrderId(), ExecType.REPLACED, replace.side(), replace.price(), 0, replace.quantity(), 0);
                break;
            case OrderStatusRequestDecoder.TEMPLATE_ID:
                statusRequest.wrapAndApplyHeader(buffer, offset, headerDecoder);
                statusRequests++;
                if (holdStatusAnswers)
                {
                    heldStatusRequests.add(statusRequest.requestId());
                }
                else if (!silent.get())
                {
                    answerStatus(statusRequest.requestId());
                }
                break;
            default:
                daemonHeartbeats++;
                break;
        }
    }

    private void answerStatus(final long requestId)
    {
        // this scripted venue keeps no book of live orders: a daemon starting flat is told it has none
        final OrderStatusCompleteEncoder complete = new OrderStatusCompleteEncoder()
            .wrapAndApplyHeader(out, 0, headerEncoder).venueTimeNs(nowNs()).localTimeNs(0)
            .requestId(requestId).instrumentId(INSTRUMENT).orderCount(0);
        offer(reports, out, MessageHeaderEncoder.ENCODED_LENGTH + complete.encodedLength());
    }

    /** Order entry comes up: the venue subscribes to the daemon's orders. */
    synchronized void subscribeOrders()
    {
        orders = aeron.addSubscription(channels.orderChannel(), channels.orderStreamId());
    }

    /** A venue slow to answer: order status requests are kept, not answered, until {@link #answerHeldStatusRequests}. */
    void holdStatusAnswers()
    {
        holdStatusAnswers = true;
    }

    /** Answers the status requests held so far, and later ones at once. */
    synchronized void answerHeldStatusRequests()
    {
        holdStatusAnswers = false;
        heldStatusRequests.forEach(this::answerStatus);
        heldStatusRequests.clear();
    }

    long statusRequests()
    {
        return statusRequests;
    }

    /** @return heartbeats received from the daemon. */
    long daemonHeartbeats()
    {
        return daemonHeartbeats;
    }

    private void send(
        final long clientOrderId, final ExecType type, final Side side, final long price, final long lastQuantity,
        final long leaves, final long cum)
    {
        if (silent.get())
        {
            return;
        }
        report.wrapAndApplyHeader(out, 0, headerEncoder)
            .venueTimeNs(nowNs()).localTimeNs(0).clientOrderId(clientOrderId).venueOrderId(clientOrderId)
            .execId(++execId).instrumentId(INSTRUMENT).execType(type).side(side).price(price)
            .orderQuantity(leaves + cum).lastPrice(price).lastQuantity(lastQuantity)
            .leavesQuantity(leaves).cumQuantity(cum)
            .liquidity(lastQuantity > 0 ? LiquidityFlag.MAKER : LiquidityFlag.NONE).rejectReason(RejectReason.NONE);
        offer(reports, out, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    private static void offer(final Publication publication, final UnsafeBuffer buffer, final int length)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (publication.offer(buffer, 0, length) < 0)
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new IllegalStateException("venue could not publish: is the daemon subscribed?");
            }
            Thread.onSpinWait();
        }
    }

    private static long nowNs()
    {
        return System.currentTimeMillis() * 1_000_000L;
    }

    synchronized void definitionAndSnapshot(final long bid, final long ask)
    {
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(mdOut, 0, headerEncoder).exchangeTimeNs(nowNs()).receiveTimeNs(0)
            .instrumentId(INSTRUMENT).sequence(0).symbol("SYNTH").priceExponent((byte)-2).tickSize(1)
            .quantityExponent((byte)0).lotSize(1);
        offer(marketData, mdOut, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        sequence = 1;
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(mdOut, 0, headerEncoder)
            .exchangeTimeNs(nowNs()).receiveTimeNs(0).instrumentId(INSTRUMENT).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(bid).quantity(10);
        levels.next().side(Side.SELL).price(ask).quantity(10);
        offer(marketData, mdOut, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
    }

    /** Moves the touch: old levels deleted, new ones at 10 lots. */
    synchronized void touch(final long oldBid, final long oldAsk, final long bid, final long ask)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(mdOut, 0, headerEncoder)
            .exchangeTimeNs(nowNs()).receiveTimeNs(0).instrumentId(INSTRUMENT).sequence(sequence + 1)
            .prevSequence(sequence);
        sequence++;
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(4);
        levels.next().side(Side.BUY).action(L2Action.DELETE).price(oldBid).quantity(0);
        levels.next().side(Side.SELL).action(L2Action.DELETE).price(oldAsk).quantity(0);
        levels.next().side(Side.BUY).action(L2Action.CHANGE).price(bid).quantity(10);
        levels.next().side(Side.SELL).action(L2Action.CHANGE).price(ask).quantity(10);
        offer(marketData, mdOut, MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength());
    }

    /** Fills a resting order completely, as a maker. */
    /**
     * Fills the newest live-looking order on a side, chosen under the lock the receiving thread records orders with:
     * an order the daemon replaced a moment earlier is never filled under its old id (a real venue reports a fill on
     * the order it holds; the daemon takes a fill on a replaced-away id as a fill it cannot match).
     *
     * @return the order filled.
     */
    synchronized Order fillLastQuote(final Side side)
    {
        final Order order = lastQuote(side);
        send(order.clientOrderId(), ExecType.FILL, order.side(), order.price(), order.quantity(), 0, order.quantity());
        return order;
    }

    synchronized List<Order> received()
    {
        return new ArrayList<>(received);
    }

    /** The newest live-looking order on a side: a NEW or REPLACE not followed by a cancel of it. */
    synchronized Order lastQuote(final Side side)
    {
        for (int i = received.size() - 1; i >= 0; i--)
        {
            final Order order = received.get(i);
            if (side == order.side() && NewOrderDecoder.TEMPLATE_ID == order.templateId() ||
                side == order.side() && ReplaceOrderDecoder.TEMPLATE_ID == order.templateId())
            {
                return order;
            }
        }
        return null;
    }

    /** A silent venue sends no heartbeat and answers no order (it still records what it receives). */
    void silent(final boolean on)
    {
        silent.set(on);
    }

    static void await(final String what, final long timeoutMs, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    public void close()
    {
        running.set(false);
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        CloseHelper.closeAll(orders, marketData, reports, aeron);
    }
}
