package io.ticklane.microstructure;

import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;

/**
 * The event a factor is updated with: what happened (the book changed, or a trade printed), when, and the book as
 * it stands after it. One instance is reused for every event: factors read it during {@link Factor#onEvent} and
 * must copy what they keep.
 * <p>
 * Time is the event's receive timestamp, the moment the strategy could first know of it, in live and in replay;
 * the engine never lets it run backwards (an event stamped earlier than its predecessor takes the predecessor's
 * time and is counted), so factors may rely on non-negative time steps.
 */
public final class MarketEvent
{
    /** The book changed (snapshot, L2 update or L3 order event) and is LIVE. */
    public static final int BOOK = 1;
    /** A trade printed. The book is as it stands; for an execution of a visible order it already shows it. */
    public static final int TRADE = 2;

    int kind;
    long timeNs;
    long sequence;
    OrderBook book;
    long tickSizeUnits = 1;

    double tradePrice;
    long tradeQuantity;
    int aggressor;
    TradeType tradeType = TradeType.NULL_VAL;

    boolean isOrderEvent;
    L3EventType orderEventType = L3EventType.NULL_VAL;
    Side orderSide = Side.NULL_VAL;
    long orderPrice;
    long orderQuantity;

    /**
     * @return {@link #BOOK} or {@link #TRADE}.
     */
    public int kind()
    {
        return kind;
    }

    /**
     * @return event time, epoch ns (the message's receive time).
     */
    public long timeNs()
    {
        return timeNs;
    }

    /**
     * @return sequence of the message.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return the book after the event; LIVE whenever factors are called.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * @return price units per tick, to turn {@link #tradePrice()} into currency or trade units into ticks.
     */
    public long tickSizeUnits()
    {
        return tickSizeUnits;
    }

    /**
     * @return trade price in ticks, fractional for prints between ticks (TRADE only).
     */
    public double tradePrice()
    {
        return tradePrice;
    }

    /**
     * @return trade quantity in lots (TRADE only).
     */
    public long tradeQuantity()
    {
        return tradeQuantity;
    }

    /**
     * @return +1 buyer-initiated, -1 seller-initiated, 0 not known (auction/cross) (TRADE only).
     */
    public int aggressor()
    {
        return aggressor;
    }

    /**
     * @return REGULAR, HIDDEN or CROSS (TRADE only).
     */
    public TradeType tradeType()
    {
        return tradeType;
    }

    /**
     * @return true when this BOOK event came from an L3 order event (the order fields are valid).
     */
    public boolean isOrderEvent()
    {
        return isOrderEvent;
    }

    /**
     * @return ADD, MODIFY, CANCEL, DELETE or EXECUTE (L3 BOOK events only).
     */
    public L3EventType orderEventType()
    {
        return orderEventType;
    }

    /**
     * @return side of the order (L3 BOOK events only).
     */
    public Side orderSide()
    {
        return orderSide;
    }

    /**
     * @return price of the order in ticks (L3 BOOK events only).
     */
    public long orderPrice()
    {
        return orderPrice;
    }

    /**
     * @return quantity of the event in lots (L3 BOOK events only; meaning as in the SBE L3OrderEvent).
     */
    public long orderQuantity()
    {
        return orderQuantity;
    }

    /**
     * Sets a BOOK event, for the engine and for tests that drive factors without SBE frames.
     *
     * @param timeNs   event time.
     * @param sequence message sequence.
     * @param book     the book after the event.
     * @return this.
     */
    public MarketEvent book(final long timeNs, final long sequence, final OrderBook book)
    {
        this.kind = BOOK;
        this.timeNs = timeNs;
        this.sequence = sequence;
        this.book = book;
        this.isOrderEvent = false;
        return this;
    }

    /**
     * Marks the current BOOK event as coming from an L3 order event.
     *
     * @param type     event type.
     * @param side     order side.
     * @param price    order price in ticks.
     * @param quantity event quantity in lots.
     * @return this.
     */
    public MarketEvent orderEvent(final L3EventType type, final Side side, final long price, final long quantity)
    {
        this.isOrderEvent = true;
        this.orderEventType = type;
        this.orderSide = side;
        this.orderPrice = price;
        this.orderQuantity = quantity;
        return this;
    }

    /**
     * Sets a TRADE event.
     *
     * @param timeNs    event time.
     * @param sequence  message sequence.
     * @param book      the book as it stands.
     * @param price     trade price in ticks (fractional between ticks).
     * @param quantity  lots.
     * @param aggressor +1 buy, -1 sell, 0 unknown.
     * @param type      trade type.
     * @return this.
     */
    public MarketEvent trade(
        final long timeNs,
        final long sequence,
        final OrderBook book,
        final double price,
        final long quantity,
        final int aggressor,
        final TradeType type)
    {
        this.kind = TRADE;
        this.timeNs = timeNs;
        this.sequence = sequence;
        this.book = book;
        this.isOrderEvent = false;
        this.tradePrice = price;
        this.tradeQuantity = quantity;
        this.aggressor = aggressor;
        this.tradeType = type;
        return this;
    }

    void tickSizeUnits(final long tickSizeUnits)
    {
        this.tickSizeUnits = tickSizeUnits;
    }
}
