package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.nio.ByteOrder;

/**
 * Matches the strategy's orders against a replayed market, one thread, event by event. The market itself is never
 * matched: its frames only move the venue's view of the book (an {@link L2Book} fed through {@link BookFeed}) and,
 * with trades, fill our resting orders; with {@link FifoQueue} the view is an {@link L3Book} and order events move our
 * exact queue position. Every outcome leaves as an SBE {@code ExecutionReport} frame through the
 * {@link MessageHandler} given at construction, stamped with the venue time and the time the strategy learns of it.
 * <p>
 * <b>Time.</b> A market frame happens at its {@code exchangeTimeNs} (its {@code receiveTimeNs} when the exchange
 * time is 0). An order frame sent at its {@code sendingTimeNs} arrives at {@code send + entry latency}, never
 * before an earlier order (one ordered session) nor before the venue's current time. Requests are held in a
 * preallocated ring and act at their arrival: before any market frame whose time is strictly later, or on
 * {@link #advanceTo(long)}. A market frame at the very nanosecond an order arrives goes first, so an order never
 * fills at a price the market left at its arrival. Reports carry {@code localTimeNs = venueTimeNs + response
 * latency} (kept non-decreasing); the driver delivers them to the strategy at that time.
 * <p>
 * <b>Matching.</b> Prices are validated against the price increment, quantities against the lot increment. A
 * POST_ONLY order that would take is rejected. A marketable order takes the book's opposite levels at their prices,
 * up to their displayed quantity less what our own earlier taking removed from a level the market still shows
 * unchanged, best level first (partial fills across levels); an IOC (or MARKET, or FOK that
 * cannot fill completely) remainder is cancelled, a GTC/DAY/POST_ONLY remainder rests. A resting order fills as a
 * maker at its own price when a trade prints strictly through its price (up to the print's quantity, shared among
 * our orders in price-time priority), when a print at its price gets past the queue ahead of it (see
 * {@link QueueModel}), or in full when the book's opposite side reaches its price.
 * <p>
 * <b>Reports</b> follow the strategy's convention: ACK, fills and CANCELLED carry the order's current client id; a
 * replace gives the order the replace's new id and REPLACED carries it; a cancel's answers carry the order's id. A
 * cancel or replace for an order that is not live (already filled, cancelled, or never seen) is REJECTED with
 * {@link RejectReason#TOO_LATE_TO_CANCEL}: the venue keeps no memory of finished orders.
 * <p>
 * Nothing is allocated per event; exceptions only come from configuration.
 * <p>
 * <b>Parts.</b> This class decodes market frames, keeps venue time ({@link VenueClock}) and answers queries; the
 * work is done by small classes of this package: {@link PendingRequests} holds requests until they arrive,
 * {@link OrderEntry} validates them, {@link TakerMatching} takes and rests, {@link MakerMatching} fills resting
 * orders on market events, {@link Fills} accounts for each fill, {@link ReportEncoder} writes the reports and
 * {@link VenueOrders} holds the orders.
 */
public final class SimulatedVenue
{
    private final long instrumentId;
    private final QueueModel queueModel;
    private final LatencyModel latencyModel;
    private final FeeModel feeModel;
    private final OrderBook book;
    private final L3Book l3Book;
    private final boolean exactQueue;
    private final BookFeed feed;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final L3OrderEventDecoder orderEventDecoder = new L3OrderEventDecoder();

    private final VenueClock clock = new VenueClock();
    private final VenueOrders orders;
    private final PendingRequests pending;
    private final ReportEncoder reports;
    private final Fills fills;
    private final MakerMatching maker;
    private final OrderEntry orderEntry;

    private long requestsDropped;
    private long framesIgnored;
    private long bookFramesWhileStale;

    /**
     * @param context settings; concluded here.
     * @param reports receives every execution report frame, synchronously.
     */
    public SimulatedVenue(final VenueContext context, final MessageHandler reports)
    {
        context.conclude();
        if (null == reports)
        {
            throw new IllegalArgumentException("reports handler must be set");
        }
        this.instrumentId = context.instrumentId();
        this.queueModel = context.queueModel();
        this.latencyModel = context.latencyModel();
        this.feeModel = context.feeModel();
        if (context.orderByOrder())
        {
            this.l3Book = new L3Book(instrumentId, context.ladderCapacity(), context.maxBookOrders());
            this.book = l3Book;
        }
        else
        {
            this.l3Book = null;
            this.book = new L2Book(instrumentId, context.ladderCapacity());
        }
        this.feed = new BookFeed(book);
        this.exactQueue = queueModel == FifoQueue.INSTANCE;

        this.orders = new VenueOrders(context.maxOrders());
        this.pending = new PendingRequests(context.maxPending(), latencyModel, clock);
        this.reports = new ReportEncoder(instrumentId, latencyModel, clock, orders, reports);
        this.fills = new Fills(orders, feeModel, this.reports);
        final TakenLiquidity taken = new TakenLiquidity(book);
        this.maker = new MakerMatching(book, l3Book, orders, taken, fills, queueModel, context.priceUnitsPerTick());
        final TakerMatching taker = new TakerMatching(book, clock, orders, taken, fills, this.reports, queueModel);
        this.orderEntry = new OrderEntry(instrumentId, context.priceIncrementTicks(), context.lotIncrement(), pending,
            orders, taker, this.reports);
    }

    /**
     * A market data frame (book snapshot or update, trade; others are counted and passed over). Order requests
     * that arrive strictly before its time act first.
     *
     * @param buffer holding the frame.
     * @param index  offset of its message header.
     * @param length of the frame.
     */
    public void onMarketData(final MutableDirectBuffer buffer, final int index, final int length)
    {
        headerDecoder.wrap(buffer, index);
        final int body = index + MessageHeaderDecoder.ENCODED_LENGTH;
        // Every market data message starts with exchangeTimeNs, receiveTimeNs (sbe-schemas/SCHEMA.md).
        final long exchangeTimeNs = buffer.getLong(body, ByteOrder.LITTLE_ENDIAN);
        final long receiveTimeNs = buffer.getLong(body + 8, ByteOrder.LITTLE_ENDIAN);
        final long eventTimeNs = 0 != exchangeTimeNs ? exchangeTimeNs : receiveTimeNs;
        latencyModel.onMarketData(exchangeTimeNs, receiveTimeNs);
        actOnRequestsBefore(eventTimeNs);
        clock.advanceTo(eventTimeNs);

        final int templateId = headerDecoder.templateId();
        if (null != l3Book && L3OrderEventDecoder.TEMPLATE_ID == templateId)
        {
            orderEventDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
            if (BookState.LIVE == book.state() && orderEventDecoder.instrumentId() == instrumentId &&
                orderEventDecoder.prevSequence() == book.sequence())
            {
                if (exactQueue)
                {
                    maker.beforeOrderEvent(orderEventDecoder);
                }
                else if (L3EventType.EXECUTE == orderEventDecoder.eventType() && orderEventDecoder.quantity() > 0)
                {
                    final long executedPrice = l3Book.orderQuantity(orderEventDecoder.orderId()) < 0 ?
                        orderEventDecoder.price() : l3Book.orderPrice(orderEventDecoder.orderId());
                    maker.onExecution(orderEventDecoder.side(), executedPrice, orderEventDecoder.quantity(), eventTimeNs);
                }
            }
        }
        else if (TradeDecoder.TEMPLATE_ID == templateId)
        {
            if (null != l3Book)
            {
                framesIgnored++; // order-by-order data: executions come as EXECUTE events; a print would count twice
                return;
            }
            tradeDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
            if (tradeDecoder.instrumentId() == instrumentId)
            {
                maker.onTrade(tradeDecoder.priceUnits(), tradeDecoder.quantity(), tradeDecoder.aggressorSide(),
                    tradeDecoder.tradeType(), eventTimeNs);
            }
            return;
        }

        final long otherBefore = feed.otherMessages();
        feed.onMessage(templateId, buffer, index, length);
        if (feed.otherMessages() != otherBefore)
        {
            framesIgnored++;
            return;
        }
        if (BookState.LIVE != book.state())
        {
            bookFramesWhileStale++;
        }
        maker.onBookChanged(eventTimeNs);
    }

    /**
     * An order entry frame from the strategy: NewOrder, CancelOrder or ReplaceOrder. It is held until it arrives
     * at the venue ({@code sendingTimeNs} + entry latency). The signature is Agrona's {@link MessageHandler}'s.
     *
     * @param msgTypeId template id (also read from the header).
     * @param buffer    holding the frame.
     * @param index     offset of its message header.
     * @param length    of the frame.
     * @return false if the frame was not an order frame or the in-flight ring was full (counted).
     */
    public boolean onOrder(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (pending.isFull())
        {
            requestsDropped++;
            return false;
        }
        if (!pending.add(buffer, index))
        {
            framesIgnored++;
            return false;
        }
        return true;
    }

    /**
     * Moves venue time forward: every request arriving at or before {@code timeNs} acts now. A driver calls it
     * when it has no market frame earlier than {@code timeNs} left (end of data, a timer).
     *
     * @param timeNs epoch ns.
     */
    public void advanceTo(final long timeNs)
    {
        actOnRequestsBefore(timeNs + 1);
        clock.advanceTo(timeNs);
    }

    private void actOnRequestsBefore(final long timeNs)
    {
        int at;
        while ((at = pending.takeBefore(timeNs)) >= 0)
        {
            clock.advanceTo(pending.arrivalNs(at));
            orderEntry.onArrival(at);
        }
    }

    /**
     * @return when the request {@link #onOrder} took last arrives at the venue, epoch ns: its send time plus the
     *         entry latency, never before an earlier request nor before venue time.
     */
    public long lastRequestArrivalNs()
    {
        return pending.lastArrivalNs();
    }

    /**
     * @return arrival time of the next request in flight, or {@link Long#MAX_VALUE} when none.
     */
    public long nextArrivalNs()
    {
        return pending.nextArrivalNs();
    }

    /**
     * @return the venue's view of the market.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * @return venue time: the latest event processed, epoch ns.
     */
    public long nowNs()
    {
        return clock.nowNs();
    }

    /**
     * @return fee of the latest fill, ticks × lots (negative: rebate); read it inside the report handler.
     */
    public double lastFee()
    {
        return fills.lastFee();
    }

    /**
     * @return all fees so far, ticks × lots (negative: net rebate).
     */
    public double totalFees()
    {
        return fills.totalFees();
    }

    /**
     * @return lots filled as maker.
     */
    public long makerQuantity()
    {
        return fills.makerQuantity();
    }

    /**
     * @return lots filled as taker.
     */
    public long takerQuantity()
    {
        return fills.takerQuantity();
    }

    /**
     * @return fill reports sent.
     */
    public long fills()
    {
        return fills.fills();
    }

    /**
     * @return lots bought minus lots sold over every fill the venue made: the position of whoever sent its orders
     *         (one account per venue), the truth a client's own position is checked against.
     */
    public long netFilledPosition()
    {
        return fills.netPosition();
    }

    /**
     * @return reject reports sent.
     */
    public long rejects()
    {
        return reports.rejects();
    }

    /**
     * @param reason a reject reason.
     * @return reject reports sent with it (they sum to {@link #rejects()}).
     */
    public long rejects(final RejectReason reason)
    {
        return reports.rejects(reason);
    }

    /**
     * @return book frames after which the venue's book was not LIVE (a data gap, a crossed book, or data the book
     *         does not understand): nothing fills from the book while it is.
     */
    public long bookFramesWhileStale()
    {
        return bookFramesWhileStale;
    }

    /**
     * @return trade prints that filled nothing because the venue's book was not LIVE.
     */
    public long printsWhileStale()
    {
        return maker.printsWhileStale();
    }

    /**
     * @return trade prints without an aggressor side that could not be attributed to either side (see
     *         {@code docs/decisions/simulated-venue.md}).
     */
    public long printsUnattributed()
    {
        return maker.printsUnattributed();
    }

    /**
     * @return trade prints that some of our orders at or through their price did not take part in, because they
     *         reached the venue after the exchange made the print.
     */
    public long printsBeforeArrival()
    {
        return maker.printsBeforeArrival();
    }

    /**
     * @return requests refused because the in-flight ring was full.
     */
    public long requestsDropped()
    {
        return requestsDropped;
    }

    /**
     * @return frames passed over (not book, trade or order frames).
     */
    public long framesIgnored()
    {
        return framesIgnored;
    }

    /**
     * @return live (resting) orders.
     */
    public int liveOrderCount()
    {
        return orders.liveCount();
    }

    /**
     * Walks the live (resting) orders, read-only: bids in priority order (best price, then earliest), then asks.
     * Nothing is allocated.
     *
     * @param visitor sees each order; it must not send requests to the venue from inside the walk.
     * @return number of orders visited.
     */
    public int forEachLiveOrder(final LiveOrderVisitor visitor)
    {
        return orders.forEachLive(visitor);
    }

    /**
     * @return the one instrument this venue trades.
     */
    public long instrumentId()
    {
        return instrumentId;
    }

    /**
     * @param id client order id.
     * @return quantity the queue model puts ahead of that live order, or -1 if it is not live.
     */
    public long queueAhead(final long id)
    {
        final int slot = orders.findLive(id);
        return slot < 0 ? -1 : orders.ahead[slot];
    }

    /**
     * @param id client order id.
     * @return leaves quantity of that live order, or 0 if it is not live.
     */
    public long leavesQuantity(final long id)
    {
        final int slot = orders.findLive(id);
        return slot < 0 ? 0 : orders.leaves[slot];
    }

    /**
     * @return the queue model in use.
     */
    public QueueModel queueModel()
    {
        return queueModel;
    }

    /**
     * @return the latency model in use.
     */
    public LatencyModel latencyModel()
    {
        return latencyModel;
    }

    /**
     * @return the fee model in use.
     */
    public FeeModel feeModel()
    {
        return feeModel;
    }
}
