package io.ticklane.gateway.sim.venue;

import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.TradeDecoder;
import io.ticklane.sbe.TradeType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

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
 */
public final class SimulatedVenue
{
    private static final int KIND_NEW = 1;
    private static final int KIND_CANCEL = 2;
    private static final int KIND_REPLACE = 3;
    private static final int REPORT_CAPACITY = 256;
    private static final int TAKEN_CAPACITY = 64;
    private static final long NO_LIMIT_BUY = Long.MAX_VALUE;
    private static final long NO_LIMIT_SELL = Long.MIN_VALUE + 1;

    private final long instrumentId;
    private final long priceIncrement;
    private final long lotIncrement;
    private final long unitsPerTick;
    private final QueueModel queueModel;
    private final LatencyModel latencyModel;
    private final FeeModel feeModel;
    private final MessageHandler reports;
    private final OrderBook book;
    private final L3Book l3Book;
    private final BookFeed feed;

    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelDecoder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceDecoder = new ReplaceOrderDecoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final L3OrderEventDecoder orderEventDecoder = new L3OrderEventDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final UnsafeBuffer reportBuffer = new UnsafeBuffer(new byte[REPORT_CAPACITY]);

    // Order slots: parallel arrays, a free list, and per side the live slots in priority order.
    private final long[] clientOrderId;
    private final long[] venueOrderId;
    private final long[] price;
    private final long[] quantity;
    private final long[] leaves;
    private final long[] cum;
    private final long[] ahead;
    private final long[] tradedAtPrice;
    private final long[] levelQuantity;
    private final long[] sequence;
    private final Side[] side;
    private final TimeInForce[] timeInForce;
    private final OrderType[] orderType;
    private final int[] freeSlots;
    private int freeCount;
    private final int[] liveBuys;
    private int buyCount;
    private final int[] liveSells;
    private int sellCount;

    // Requests in flight to the venue.
    private final int pendingMask;
    private final int[] pendingKind;
    private final long[] pendingArrival;
    private final long[] pendingClientId;
    private final long[] pendingOrigId;
    private final long[] pendingInstrument;
    private final long[] pendingPrice;
    private final long[] pendingQuantity;
    private final Side[] pendingSide;
    private final TimeInForce[] pendingTif;
    private final OrderType[] pendingType;
    private long pendingHead;
    private long pendingTail;

    // Liquidity our own taking removed from levels the replayed market still displays (see takenAt).
    private final long[] takenPrice = new long[TAKEN_CAPACITY];
    private final long[] takenDisplayed = new long[TAKEN_CAPACITY];
    private final long[] takenQuantity = new long[TAKEN_CAPACITY];
    private final boolean[] takenFromBids = new boolean[TAKEN_CAPACITY];
    private int takenNext;

    private long nowNs;
    private long lastArrivalNs;
    private long lastLocalNs;
    private long nextVenueOrderId = 1;
    private long nextExecId = 1;
    private long nextSequence = 1;

    private double lastFee;
    private double totalFees;
    private long makerQuantity;
    private long takerQuantity;
    private long fills;
    private long rejects;
    private long requestsDropped;
    private long framesIgnored;

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
        this.priceIncrement = context.priceIncrementTicks();
        this.lotIncrement = context.lotIncrement();
        this.unitsPerTick = context.priceUnitsPerTick();
        this.queueModel = context.queueModel();
        this.latencyModel = context.latencyModel();
        this.feeModel = context.feeModel();
        this.reports = reports;
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

        final int n = context.maxOrders();
        clientOrderId = new long[n];
        venueOrderId = new long[n];
        price = new long[n];
        quantity = new long[n];
        leaves = new long[n];
        cum = new long[n];
        ahead = new long[n];
        tradedAtPrice = new long[n];
        levelQuantity = new long[n];
        sequence = new long[n];
        side = new Side[n];
        timeInForce = new TimeInForce[n];
        orderType = new OrderType[n];
        freeSlots = new int[n];
        for (int i = 0; i < n; i++)
        {
            freeSlots[i] = n - 1 - i;
        }
        freeCount = n;
        liveBuys = new int[n];
        liveSells = new int[n];

        final int p = context.maxPending();
        pendingMask = p - 1;
        pendingKind = new int[p];
        pendingArrival = new long[p];
        pendingClientId = new long[p];
        pendingOrigId = new long[p];
        pendingInstrument = new long[p];
        pendingPrice = new long[p];
        pendingQuantity = new long[p];
        pendingSide = new Side[p];
        pendingTif = new TimeInForce[p];
        pendingType = new OrderType[p];
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
        processPendingBefore(eventTimeNs);
        nowNs = Math.max(nowNs, eventTimeNs);

        final int templateId = headerDecoder.templateId();
        if (null != l3Book && L3OrderEventDecoder.TEMPLATE_ID == templateId)
        {
            orderEventDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
            if (BookState.LIVE == book.state() && orderEventDecoder.instrumentId() == instrumentId &&
                orderEventDecoder.prevSequence() == book.sequence())
            {
                beforeOrderEvent(orderEventDecoder);
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
                onTrade(tradeDecoder.priceUnits(), tradeDecoder.quantity(), tradeDecoder.aggressorSide(), tradeDecoder.tradeType());
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
        onBookChanged();
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
        if (pendingTail - pendingHead > pendingMask)
        {
            requestsDropped++;
            return false;
        }
        headerDecoder.wrap(buffer, index);
        final int body = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int at = (int)(pendingTail & pendingMask);
        final long sendTimeNs;
        switch (headerDecoder.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrderDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = newOrderDecoder.sendingTimeNs();
                pendingKind[at] = KIND_NEW;
                pendingClientId[at] = newOrderDecoder.clientOrderId();
                pendingOrigId[at] = 0;
                pendingInstrument[at] = newOrderDecoder.instrumentId();
                pendingSide[at] = newOrderDecoder.side();
                pendingType[at] = newOrderDecoder.orderType();
                pendingTif[at] = newOrderDecoder.timeInForce();
                pendingPrice[at] = newOrderDecoder.price();
                pendingQuantity[at] = newOrderDecoder.quantity();
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancelDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = cancelDecoder.sendingTimeNs();
                pendingKind[at] = KIND_CANCEL;
                pendingClientId[at] = cancelDecoder.clientOrderId();
                pendingOrigId[at] = cancelDecoder.origClientOrderId();
                pendingInstrument[at] = cancelDecoder.instrumentId();
                pendingSide[at] = cancelDecoder.side();
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replaceDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = replaceDecoder.sendingTimeNs();
                pendingKind[at] = KIND_REPLACE;
                pendingClientId[at] = replaceDecoder.clientOrderId();
                pendingOrigId[at] = replaceDecoder.origClientOrderId();
                pendingInstrument[at] = replaceDecoder.instrumentId();
                pendingSide[at] = replaceDecoder.side();
                pendingPrice[at] = replaceDecoder.price();
                pendingQuantity[at] = replaceDecoder.quantity();
                break;
            default:
                framesIgnored++;
                return false;
        }
        final long arrival = Math.max(Math.max(sendTimeNs + latencyModel.entryLatencyNs(sendTimeNs), lastArrivalNs), nowNs);
        pendingArrival[at] = arrival;
        lastArrivalNs = arrival;
        pendingTail++;
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
        processPendingBefore(timeNs + 1);
        nowNs = Math.max(nowNs, timeNs);
    }

    /**
     * @return arrival time of the next request in flight, or {@link Long#MAX_VALUE} when none.
     */
    public long nextArrivalNs()
    {
        return pendingHead == pendingTail ? Long.MAX_VALUE : pendingArrival[(int)(pendingHead & pendingMask)];
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
        return nowNs;
    }

    /**
     * @return fee of the latest fill, ticks × lots (negative: rebate); read it inside the report handler.
     */
    public double lastFee()
    {
        return lastFee;
    }

    /**
     * @return all fees so far, ticks × lots (negative: net rebate).
     */
    public double totalFees()
    {
        return totalFees;
    }

    /**
     * @return lots filled as maker.
     */
    public long makerQuantity()
    {
        return makerQuantity;
    }

    /**
     * @return lots filled as taker.
     */
    public long takerQuantity()
    {
        return takerQuantity;
    }

    /**
     * @return fill reports sent.
     */
    public long fills()
    {
        return fills;
    }

    /**
     * @return reject reports sent.
     */
    public long rejects()
    {
        return rejects;
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
        return buyCount + sellCount;
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
        for (int i = 0; i < buyCount; i++)
        {
            visit(visitor, liveBuys[i]);
        }
        for (int i = 0; i < sellCount; i++)
        {
            visit(visitor, liveSells[i]);
        }
        return buyCount + sellCount;
    }

    private void visit(final LiveOrderVisitor visitor, final int slot)
    {
        visitor.onLiveOrder(clientOrderId[slot], venueOrderId[slot], side[slot], price[slot], quantity[slot], leaves[slot],
            cum[slot]);
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
        final int slot = findLive(id);
        return slot < 0 ? -1 : ahead[slot];
    }

    /**
     * @param id client order id.
     * @return leaves quantity of that live order, or 0 if it is not live.
     */
    public long leavesQuantity(final long id)
    {
        final int slot = findLive(id);
        return slot < 0 ? 0 : leaves[slot];
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

    // ---------------------------------------------------------------------------------------------------------
    // Requests

    private void processPendingBefore(final long timeNs)
    {
        while (pendingHead != pendingTail)
        {
            final int at = (int)(pendingHead & pendingMask);
            final long arrival = pendingArrival[at];
            if (arrival >= timeNs)
            {
                return;
            }
            pendingHead++;
            nowNs = Math.max(nowNs, arrival);
            switch (pendingKind[at])
            {
                case KIND_NEW:
                    onNewOrder(at);
                    break;
                case KIND_CANCEL:
                    onCancel(at);
                    break;
                case KIND_REPLACE:
                    onReplace(at);
                    break;
                default:
                    break;
            }
        }
    }

    private void onNewOrder(final int at)
    {
        final long id = pendingClientId[at];
        final Side orderSide = pendingSide[at];
        final OrderType type = pendingType[at];
        final TimeInForce tif = pendingTif[at];
        final long orderPrice = pendingPrice[at];
        final long orderQuantity = pendingQuantity[at];

        RejectReason reason = RejectReason.NONE;
        if (pendingInstrument[at] != instrumentId)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        else if (null == orderSide || Side.NULL_VAL == orderSide || null == type || OrderType.NULL_VAL == type ||
            null == tif || TimeInForce.NULL_VAL == tif)
        {
            reason = RejectReason.OTHER;
        }
        else if (orderQuantity <= 0)
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (0 != orderQuantity % lotIncrement)
        {
            reason = RejectReason.QUANTITY_NOT_ON_LOT;
        }
        else if (OrderType.LIMIT == type && (orderPrice <= 0 || 0 != orderPrice % priceIncrement))
        {
            reason = RejectReason.PRICE_NOT_ON_TICK;
        }
        else if (OrderType.MARKET == type && TimeInForce.POST_ONLY == tif)
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        else if (findLive(id) >= 0)
        {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        else if (TimeInForce.POST_ONLY == tif && isMarketable(orderSide, orderPrice))
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        else if (0 == freeCount)
        {
            reason = RejectReason.OTHER;
        }

        if (RejectReason.NONE != reason)
        {
            reject(id, 0, orderSide, orderPrice, orderQuantity, reason);
            return;
        }

        final int slot = freeSlots[--freeCount];
        clientOrderId[slot] = id;
        venueOrderId[slot] = nextVenueOrderId++;
        side[slot] = orderSide;
        orderType[slot] = type;
        timeInForce[slot] = tif;
        price[slot] = OrderType.MARKET == type ? 0 : orderPrice;
        quantity[slot] = orderQuantity;
        leaves[slot] = orderQuantity;
        cum[slot] = 0;
        report(slot, ExecType.ACK, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);

        if (TimeInForce.FOK == tif && available(orderSide, limitOf(slot)) < orderQuantity)
        {
            cancelSlot(slot);
            return;
        }
        takeThenRest(slot);
    }

    private void onCancel(final int at)
    {
        final long origId = pendingOrigId[at];
        final int slot = findLive(origId);
        if (slot < 0 || pendingInstrument[at] != instrumentId)
        {
            reject(origId, 0, pendingSide[at], 0, 0, RejectReason.TOO_LATE_TO_CANCEL);
            return;
        }
        unlink(slot);
        cancelSlot(slot);
    }

    private void onReplace(final int at)
    {
        final long origId = pendingOrigId[at];
        final long newId = pendingClientId[at];
        final long newPrice = pendingPrice[at];
        final long newQuantity = pendingQuantity[at];
        final int slot = findLive(origId);
        if (slot < 0 || pendingInstrument[at] != instrumentId)
        {
            reject(origId, 0, pendingSide[at], newPrice, newQuantity, RejectReason.TOO_LATE_TO_CANCEL);
            return;
        }

        RejectReason reason = RejectReason.NONE;
        final int other = findLive(newId);
        if (newQuantity <= cum[slot])
        {
            reason = RejectReason.INVALID_QUANTITY;
        }
        else if (0 != newQuantity % lotIncrement)
        {
            reason = RejectReason.QUANTITY_NOT_ON_LOT;
        }
        else if (newPrice <= 0 || 0 != newPrice % priceIncrement)
        {
            reason = RejectReason.PRICE_NOT_ON_TICK;
        }
        else if (other >= 0 && other != slot)
        {
            reason = RejectReason.DUPLICATE_CLIENT_ORDER_ID;
        }
        else if (TimeInForce.POST_ONLY == timeInForce[slot] && isMarketable(side[slot], newPrice))
        {
            reason = RejectReason.POST_ONLY_WOULD_TAKE;
        }
        if (RejectReason.NONE != reason)
        {
            reject(origId, venueOrderId[slot], side[slot], newPrice, newQuantity, reason);
            return;
        }

        // Priority is kept only when the price stays and the quantity does not grow.
        final boolean keepsPriority = newPrice == price[slot] && newQuantity <= quantity[slot];
        clientOrderId[slot] = newId;
        leaves[slot] = newQuantity - cum[slot];
        quantity[slot] = newQuantity;
        if (keepsPriority)
        {
            report(slot, ExecType.REPLACED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
            return;
        }
        unlink(slot);
        price[slot] = newPrice;
        report(slot, ExecType.REPLACED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
        takeThenRest(slot);
    }

    /**
     * Takes what the order can from the book, then rests the remainder or cancels it (IOC, FOK, MARKET). The slot
     * is not in a live list on entry.
     */
    private void takeThenRest(final int slot)
    {
        final Side orderSide = side[slot];
        final PriceLadder opposite = Side.BUY == orderSide ? book.asks() : book.bids();
        if (BookState.LIVE == book.state())
        {
            final long limit = limitOf(slot);
            final boolean buy = Side.BUY == orderSide;
            final int levels = opposite.levelCount();
            long levelPrice = opposite.bestPrice();
            int seen = 0;
            while (leaves[slot] > 0 && seen < levels && (buy ? levelPrice <= limit : levelPrice >= limit))
            {
                final long displayed = opposite.quantity(levelPrice);
                if (displayed > 0)
                {
                    seen++;
                    final long takeable = displayed - takenAt(!buy, levelPrice, displayed);
                    if (takeable > 0)
                    {
                        final long fillQuantity = Math.min(leaves[slot], takeable);
                        recordTaken(!buy, levelPrice, displayed, fillQuantity);
                        fill(slot, fillQuantity, levelPrice, false);
                    }
                }
                levelPrice += buy ? 1 : -1;
            }
        }

        if (0 == leaves[slot])
        {
            release(slot);
        }
        else if (OrderType.MARKET == orderType[slot] || TimeInForce.IOC == timeInForce[slot] || TimeInForce.FOK == timeInForce[slot])
        {
            cancelSlot(slot);
        }
        else
        {
            sequence[slot] = nextSequence++;
            final long displayed = book.side(orderSide).quantity(price[slot]);
            ahead[slot] = queueModel.aheadOnArrival(displayed);
            levelQuantity[slot] = displayed;
            tradedAtPrice[slot] = 0;
            link(slot);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Market events

    private void onTrade(final long priceUnits, final long tradeQuantity, final AggressorSide aggressor, final TradeType type)
    {
        if (TradeType.CROSS == type || tradeQuantity <= 0)
        {
            return; // an auction print says nothing about our queue
        }
        if (AggressorSide.BUY != aggressor)
        {
            fillOnTrade(liveBuys, true, priceUnits, tradeQuantity);
        }
        if (AggressorSide.SELL != aggressor)
        {
            fillOnTrade(liveSells, false, priceUnits, tradeQuantity);
        }
    }

    private void fillOnTrade(final int[] live, final boolean buys, final long priceUnits, final long tradeQuantity)
    {
        long pool = tradeQuantity;
        int i = 0;
        while (i < (buys ? buyCount : sellCount))
        {
            final int slot = live[i];
            final long orderUnits = price[slot] * unitsPerTick;
            final long through = buys ? orderUnits - priceUnits : priceUnits - orderUnits;
            if (through < 0)
            {
                return; // priority order: every later order is further from the print
            }
            long fillQuantity = 0;
            if (through > 0)
            {
                fillQuantity = Math.min(leaves[slot], pool);
            }
            else
            {
                // The print advances the queue even when our better-priced orders used up its quantity: those lots
                // did trade in the market, ahead of us.
                final long after = queueModel.afterTrade(ahead[slot], tradeQuantity);
                tradedAtPrice[slot] += tradeQuantity;
                ahead[slot] = Math.max(0, after);
                if (after < 0)
                {
                    fillQuantity = Math.min(Math.min(leaves[slot], -after), pool);
                }
            }
            if (fillQuantity > 0)
            {
                pool -= fillQuantity;
                if (fill(slot, fillQuantity, price[slot], true))
                {
                    unlinkAt(live, i, buys);
                    release(slot);
                    continue;
                }
            }
            i++;
        }
    }

    private void onBookChanged()
    {
        if (BookState.LIVE != book.state())
        {
            return;
        }
        if (null == l3Book)
        {
            updateQueues(liveBuys, buyCount, book.bids());
            updateQueues(liveSells, sellCount, book.asks());
        }

        final long bestAsk = book.bestAskPrice();
        while (buyCount > 0 && PriceLadder.NULL_PRICE != bestAsk && bestAsk <= price[liveBuys[0]])
        {
            final int slot = liveBuys[0];
            fill(slot, leaves[slot], price[slot], true);
            unlinkAt(liveBuys, 0, true);
            release(slot);
        }
        final long bestBid = book.bestBidPrice();
        while (sellCount > 0 && PriceLadder.NULL_PRICE != bestBid && bestBid >= price[liveSells[0]])
        {
            final int slot = liveSells[0];
            fill(slot, leaves[slot], price[slot], true);
            unlinkAt(liveSells, 0, false);
            release(slot);
        }
    }

    /**
     * Exact FIFO on order-by-order data, before the event is applied to the book (see {@link FifoQueue}).
     */
    private void beforeOrderEvent(final L3OrderEventDecoder event)
    {
        final L3EventType type = event.eventType();
        final Side eventSide = event.side();
        if (L3EventType.ADD == type || null == type || Side.NULL_VAL == eventSide || event.quantity() <= 0)
        {
            return;
        }
        final long marketOrderId = event.orderId();
        final long eventQuantity = event.quantity();
        final long known = l3Book.orderQuantity(marketOrderId);
        final long level = known < 0 ? event.price() : l3Book.orderPrice(marketOrderId);
        final long position = Math.max(0, l3Book.quantityAhead(marketOrderId));
        final long leaving;
        if (L3EventType.MODIFY == type)
        {
            if (known < 0)
            {
                return;
            }
            leaving = event.price() == level && eventQuantity <= known ? known - eventQuantity : known;
        }
        else
        {
            leaving = eventQuantity;
        }

        final boolean buys = Side.BUY == eventSide;
        final int[] live = buys ? liveBuys : liveSells;
        final boolean execute = L3EventType.EXECUTE == type;
        long pool = execute ? eventQuantity : 0;
        int i = 0;
        while (i < (buys ? buyCount : sellCount))
        {
            final int slot = live[i];
            final long through = buys ? price[slot] - level : level - price[slot];
            if (through < 0)
            {
                return;
            }
            long fillQuantity = 0;
            if (through == 0 && position < ahead[slot])
            {
                ahead[slot] = Math.max(0, ahead[slot] - leaving);
            }
            else if (execute)
            {
                fillQuantity = Math.min(leaves[slot], pool);
            }
            if (fillQuantity > 0)
            {
                pool -= fillQuantity;
                if (fill(slot, fillQuantity, price[slot], true))
                {
                    unlinkAt(live, i, buys);
                    release(slot);
                    continue;
                }
            }
            i++;
        }
    }

    private void updateQueues(final int[] live, final int count, final PriceLadder ladder)
    {
        for (int i = 0; i < count; i++)
        {
            final int slot = live[i];
            final long current = ladder.quantity(price[slot]);
            if (current != levelQuantity[slot])
            {
                ahead[slot] = queueModel.afterLevelChange(ahead[slot], levelQuantity[slot], current, tradedAtPrice[slot]);
                levelQuantity[slot] = current;
                tradedAtPrice[slot] = 0;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Book keeping

    private boolean isMarketable(final Side orderSide, final long limit)
    {
        if (BookState.LIVE != book.state())
        {
            return false;
        }
        if (Side.BUY == orderSide)
        {
            final long ask = book.bestAskPrice();
            return PriceLadder.NULL_PRICE != ask && ask <= limit;
        }
        final long bid = book.bestBidPrice();
        return PriceLadder.NULL_PRICE != bid && bid >= limit;
    }

    private long available(final Side orderSide, final long limit)
    {
        if (BookState.LIVE != book.state())
        {
            return 0;
        }
        final boolean buy = Side.BUY == orderSide;
        final PriceLadder opposite = buy ? book.asks() : book.bids();
        final int levels = opposite.levelCount();
        long levelPrice = opposite.bestPrice();
        long total = 0;
        int seen = 0;
        while (seen < levels && (buy ? levelPrice <= limit : levelPrice >= limit))
        {
            final long displayed = opposite.quantity(levelPrice);
            if (displayed > 0)
            {
                seen++;
                total += displayed - takenAt(!buy, levelPrice, displayed);
            }
            levelPrice += buy ? 1 : -1;
        }
        return total;
    }

    /**
     * What we already took from a level the market still shows unchanged: the replayed feed never learns of our
     * trades, so without this two IOCs between market updates would take the same lots twice. A record lapses as
     * soon as the market shows the level at another quantity (its update supersedes our guess).
     */
    private long takenAt(final boolean bids, final long levelPrice, final long displayed)
    {
        for (int i = 0; i < TAKEN_CAPACITY; i++)
        {
            if (takenQuantity[i] > 0 && takenPrice[i] == levelPrice && takenFromBids[i] == bids)
            {
                return takenDisplayed[i] == displayed ? takenQuantity[i] : 0;
            }
        }
        return 0;
    }

    private void recordTaken(final boolean bids, final long levelPrice, final long displayed, final long taken)
    {
        int free = -1;
        for (int i = 0; i < TAKEN_CAPACITY; i++)
        {
            if (takenQuantity[i] > 0 && takenPrice[i] == levelPrice && takenFromBids[i] == bids)
            {
                takenQuantity[i] = (takenDisplayed[i] == displayed ? takenQuantity[i] : 0) + taken;
                takenDisplayed[i] = displayed;
                return;
            }
            if (free < 0 && (0 == takenQuantity[i] || book.side(takenFromBids[i] ? Side.BUY : Side.SELL)
                .quantity(takenPrice[i]) != takenDisplayed[i]))
            {
                free = i;
            }
        }
        final int at = free >= 0 ? free : takenNext++ & (TAKEN_CAPACITY - 1);
        takenPrice[at] = levelPrice;
        takenFromBids[at] = bids;
        takenDisplayed[at] = displayed;
        takenQuantity[at] = taken;
    }

    private long limitOf(final int slot)
    {
        if (OrderType.MARKET == orderType[slot])
        {
            return Side.BUY == side[slot] ? NO_LIMIT_BUY : NO_LIMIT_SELL;
        }
        return price[slot];
    }

    private int findLive(final long id)
    {
        for (int i = 0; i < buyCount; i++)
        {
            if (clientOrderId[liveBuys[i]] == id)
            {
                return liveBuys[i];
            }
        }
        for (int i = 0; i < sellCount; i++)
        {
            if (clientOrderId[liveSells[i]] == id)
            {
                return liveSells[i];
            }
        }
        return -1;
    }

    private void link(final int slot)
    {
        final boolean buy = Side.BUY == side[slot];
        final int[] live = buy ? liveBuys : liveSells;
        int i = buy ? buyCount : sellCount;
        while (i > 0 && hasPriority(slot, live[i - 1], buy))
        {
            live[i] = live[i - 1];
            i--;
        }
        live[i] = slot;
        if (buy)
        {
            buyCount++;
        }
        else
        {
            sellCount++;
        }
    }

    private boolean hasPriority(final int slot, final int than, final boolean buy)
    {
        if (price[slot] != price[than])
        {
            return buy ? price[slot] > price[than] : price[slot] < price[than];
        }
        return sequence[slot] < sequence[than];
    }

    private void unlink(final int slot)
    {
        final boolean buy = Side.BUY == side[slot];
        final int[] live = buy ? liveBuys : liveSells;
        final int count = buy ? buyCount : sellCount;
        for (int i = 0; i < count; i++)
        {
            if (live[i] == slot)
            {
                unlinkAt(live, i, buy);
                return;
            }
        }
    }

    private void unlinkAt(final int[] live, final int index, final boolean buy)
    {
        final int count = buy ? buyCount : sellCount;
        System.arraycopy(live, index + 1, live, index, count - index - 1);
        if (buy)
        {
            buyCount--;
        }
        else
        {
            sellCount--;
        }
    }

    private void release(final int slot)
    {
        freeSlots[freeCount++] = slot;
    }

    private void cancelSlot(final int slot)
    {
        leaves[slot] = 0;
        report(slot, ExecType.CANCELLED, 0, 0, LiquidityFlag.NONE, RejectReason.NONE);
        release(slot);
    }

    /**
     * @return true when the order is now completely filled.
     */
    private boolean fill(final int slot, final long fillQuantity, final long fillPrice, final boolean maker)
    {
        leaves[slot] -= fillQuantity;
        cum[slot] += fillQuantity;
        lastFee = feeModel.fee(maker, fillPrice, fillQuantity);
        totalFees += lastFee;
        if (maker)
        {
            makerQuantity += fillQuantity;
        }
        else
        {
            takerQuantity += fillQuantity;
        }
        fills++;
        final boolean done = 0 == leaves[slot];
        report(slot, done ? ExecType.FILL : ExecType.PARTIAL_FILL, fillPrice, fillQuantity,
            maker ? LiquidityFlag.MAKER : LiquidityFlag.TAKER, RejectReason.NONE);
        return done;
    }

    private void report(
        final int slot,
        final ExecType execType,
        final long lastPrice,
        final long lastQuantity,
        final LiquidityFlag liquidity,
        final RejectReason reason)
    {
        encode(clientOrderId[slot], venueOrderId[slot], execType, side[slot], price[slot], quantity[slot],
            lastPrice, lastQuantity, leaves[slot], cum[slot], liquidity, reason);
    }

    private void reject(
        final long id, final long venueId, final Side orderSide, final long orderPrice, final long orderQuantity,
        final RejectReason reason)
    {
        rejects++;
        encode(id, venueId, ExecType.REJECTED, orderSide, orderPrice, orderQuantity, 0, 0, 0, 0, LiquidityFlag.NONE, reason);
    }

    private void encode(
        final long id,
        final long venueId,
        final ExecType execType,
        final Side orderSide,
        final long orderPrice,
        final long orderQuantity,
        final long lastPrice,
        final long lastQuantity,
        final long leavesQuantity,
        final long cumQuantity,
        final LiquidityFlag liquidity,
        final RejectReason reason)
    {
        final long localNs = Math.max(lastLocalNs, nowNs + latencyModel.responseLatencyNs(nowNs));
        lastLocalNs = localNs;
        reportEncoder.wrapAndApplyHeader(reportBuffer, 0, headerEncoder)
            .venueTimeNs(nowNs)
            .localTimeNs(localNs)
            .clientOrderId(id)
            .venueOrderId(venueId)
            .execId(nextExecId++)
            .instrumentId(instrumentId)
            .execType(execType)
            .side(null == orderSide ? Side.NULL_VAL : orderSide)
            .price(orderPrice)
            .orderQuantity(orderQuantity)
            .lastPrice(lastPrice)
            .lastQuantity(lastQuantity)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .liquidity(liquidity)
            .rejectReason(reason);
        reports.onMessage(ExecutionReportEncoder.TEMPLATE_ID, reportBuffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength());
    }
}
