package io.ticklane.gateway.fix;

import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.fix44.builder.OrderCancelReplaceRequestEncoder;
import io.ticklane.fix44.builder.OrderCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassStatusRequestEncoder;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import uk.co.real_logic.artio.fields.UtcTimestampEncoder;

/**
 * Turns the daemon's outbound SBE orders into FIX 4.4 messages, field for field as docs/decisions/fix-order-entry.md
 * tabulates: ids as ASCII digits, ticks and lots as exact decimals of the instrument's increments, Ticklane's time in
 * force as TimeInForce(59) plus ExecInst(18)=6 for post-only. Each method resets the encoder it is given, fills it,
 * and answers whether the order could be mapped; a refusal is counted by reason and the encoder must not be sent.
 * Allocation-free once each encoder has held an id of every length (Artio copies ids into buffers it grows once).
 * Not thread-safe: one instance per session thread.
 */
public final class FixOrderEncoding
{
    static final char FIX_SIDE_BUY = '1';
    static final char FIX_SIDE_SELL = '2';
    static final char FIX_ORD_TYPE_MARKET = '1';
    static final char FIX_ORD_TYPE_LIMIT = '2';
    static final char FIX_TIF_DAY = '0';
    static final char FIX_TIF_GTC = '1';
    static final char FIX_TIF_IOC = '3';
    static final char FIX_TIF_FOK = '4';
    /** ExecInst(18) "Participate don't initiate": the FIX 4.4 spelling of post-only. */
    static final byte[] EXEC_INST_POST_ONLY = { '6' };
    /** MassCancelRequestType(530) and MassStatusReqType(585): 1 = one security, 7 = all orders. */
    static final char MASS_CANCEL_SECURITY = '1';
    static final char MASS_CANCEL_ALL = '7';
    static final int MASS_STATUS_SECURITY = 1;
    static final int MASS_STATUS_ALL = 7;

    private static final int ID_CAPACITY = 20;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final FixInstruments instruments;
    private final UtcTimestampEncoder transactTime = new UtcTimestampEncoder();
    private final byte[] idBytes = new byte[ID_CAPACITY];
    private final long[] refusals = new long[FixOrderRefusal.values().length];
    private final OrderTimeInForceMemory timesInForce;
    private long replacesWithoutTimeInForce;

    /**
     * @param instruments the instruments this session trades.
     */
    public FixOrderEncoding(final FixInstruments instruments)
    {
        this(instruments, new OrderTimeInForceMemory());
    }

    /**
     * @param instruments  the instruments this session trades.
     * @param timesInForce each order's time in force, recorded from the orders sent here (and by whoever else shares
     *                     it: the report side records the venue's STATUS reports), repeated on replaces.
     */
    public FixOrderEncoding(final FixInstruments instruments, final OrderTimeInForceMemory timesInForce)
    {
        this.instruments = instruments;
        this.timesInForce = timesInForce;
    }

    /**
     * NewOrder to NewOrderSingle (35=D).
     *
     * @param order a wrapped SBE NewOrder.
     * @param out   reset, then filled.
     * @return whether {@code out} holds the order; false when refused (counted).
     */
    public boolean newOrderSingle(final NewOrderDecoder order, final NewOrderSingleEncoder out)
    {
        out.reset();
        final FixInstrument instrument = instrumentOf(order.instrumentId());
        if (null == instrument)
        {
            return false;
        }
        final char side = fixSide(order.side());
        if (0 == side)
        {
            return false;
        }
        final long quantity = FixNumbers.toDecimalValue(order.quantity(), instrument.lotMantissa());
        if (order.clientOrderId() < 0 || order.quantity() <= 0 || FixNumbers.NOT_EXACT == quantity)
        {
            return refuse(FixOrderRefusal.OUT_OF_RANGE);
        }

        final OrderType type = order.orderType();
        if (OrderType.LIMIT == type)
        {
            final long price = FixNumbers.toDecimalValue(order.price(), instrument.tickMantissa());
            if (FixNumbers.NOT_EXACT == price)
            {
                return refuse(FixOrderRefusal.OUT_OF_RANGE);
            }
            out.ordType(FIX_ORD_TYPE_LIMIT).price(price, instrument.tickScale());
        }
        else if (OrderType.MARKET == type)
        {
            out.ordType(FIX_ORD_TYPE_MARKET);
        }
        else
        {
            return refuse(FixOrderRefusal.UNSUPPORTED_VALUE);
        }

        switch (order.timeInForce())
        {
            case GTC -> out.timeInForce(FIX_TIF_GTC);
            case DAY -> out.timeInForce(FIX_TIF_DAY);
            case IOC -> out.timeInForce(FIX_TIF_IOC);
            case FOK -> out.timeInForce(FIX_TIF_FOK);
            case POST_ONLY -> out.timeInForce(FIX_TIF_GTC).execInstAsCopy(EXEC_INST_POST_ONLY, 0, 1);
            default ->
            {
                return refuse(FixOrderRefusal.UNSUPPORTED_VALUE);
            }
        }
        timesInForce.record(order.clientOrderId(), order.timeInForce());

        out.clOrdIDAsCopy(idBytes, 0, FixNumbers.putId(order.clientOrderId(), idBytes));
        out.instrument().symbol(instrument.symbolBytes());
        out.side(side);
        out.orderQtyData().orderQty(quantity, instrument.lotScale());
        out.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(order.sendingTimeNs() / NANOS_PER_MILLI));
        return true;
    }

    /**
     * CancelOrder to OrderCancelRequest (35=F).
     *
     * @param cancel a wrapped SBE CancelOrder.
     * @param out    reset, then filled.
     * @return whether {@code out} holds the request; false when refused (counted).
     */
    public boolean orderCancelRequest(final CancelOrderDecoder cancel, final OrderCancelRequestEncoder out)
    {
        out.reset();
        final FixInstrument instrument = instrumentOf(cancel.instrumentId());
        if (null == instrument)
        {
            return false;
        }
        final char side = fixSide(cancel.side());
        if (0 == side)
        {
            return false;
        }
        if (cancel.clientOrderId() < 0 || cancel.origClientOrderId() < 0)
        {
            return refuse(FixOrderRefusal.OUT_OF_RANGE);
        }
        out.origClOrdIDAsCopy(idBytes, 0, FixNumbers.putId(cancel.origClientOrderId(), idBytes));
        out.clOrdIDAsCopy(idBytes, 0, FixNumbers.putId(cancel.clientOrderId(), idBytes));
        out.instrument().symbol(instrument.symbolBytes());
        out.side(side);
        out.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(cancel.sendingTimeNs() / NANOS_PER_MILLI));
        return true;
    }

    /**
     * ReplaceOrder to OrderCancelReplaceRequest (35=G), always a limit order: Ticklane replaces only resting orders.
     *
     * @param replace a wrapped SBE ReplaceOrder.
     * @param out     reset, then filled.
     * @return whether {@code out} holds the request; false when refused (counted).
     */
    public boolean orderCancelReplaceRequest(final ReplaceOrderDecoder replace, final OrderCancelReplaceRequestEncoder out)
    {
        out.reset();
        final FixInstrument instrument = instrumentOf(replace.instrumentId());
        if (null == instrument)
        {
            return false;
        }
        final char side = fixSide(replace.side());
        if (0 == side)
        {
            return false;
        }
        final long price = FixNumbers.toDecimalValue(replace.price(), instrument.tickMantissa());
        final long quantity = FixNumbers.toDecimalValue(replace.quantity(), instrument.lotMantissa());
        if (replace.clientOrderId() < 0 || replace.origClientOrderId() < 0 || replace.quantity() <= 0 ||
            FixNumbers.NOT_EXACT == price || FixNumbers.NOT_EXACT == quantity)
        {
            return refuse(FixOrderRefusal.OUT_OF_RANGE);
        }
        // The order's own time in force, repeated: a venue may take a field left off a replace as its default, and a
        // post-only quote must not come back able to take liquidity. Unknown (an order from before a restart that
        // no status report named, or older than the memory): sent without, counted.
        final TimeInForce timeInForce = timesInForce.timeInForce(replace.origClientOrderId());
        switch (null == timeInForce ? TimeInForce.NULL_VAL : timeInForce)
        {
            case GTC -> out.timeInForce(FIX_TIF_GTC);
            case DAY -> out.timeInForce(FIX_TIF_DAY);
            case POST_ONLY -> out.timeInForce(FIX_TIF_GTC).execInstAsCopy(EXEC_INST_POST_ONLY, 0, 1);
            default -> replacesWithoutTimeInForce++; // unknown; IOC and FOK orders never rest to be replaced
        }
        if (null != timeInForce)
        {
            timesInForce.record(replace.clientOrderId(), timeInForce);
        }
        out.origClOrdIDAsCopy(idBytes, 0, FixNumbers.putId(replace.origClientOrderId(), idBytes));
        out.clOrdIDAsCopy(idBytes, 0, FixNumbers.putId(replace.clientOrderId(), idBytes));
        out.instrument().symbol(instrument.symbolBytes());
        out.side(side);
        out.ordType(FIX_ORD_TYPE_LIMIT).price(price, instrument.tickScale());
        out.orderQtyData().orderQty(quantity, instrument.lotScale());
        out.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(replace.sendingTimeNs() / NANOS_PER_MILLI));
        return true;
    }

    /**
     * MassCancel to OrderMassCancelRequest (35=q): every order (instrument 0) or one security's, one side or both.
     *
     * @param massCancel a wrapped SBE MassCancel.
     * @param out        reset, then filled.
     * @return whether {@code out} holds the request; false when refused (counted).
     */
    public boolean orderMassCancelRequest(final MassCancelDecoder massCancel, final OrderMassCancelRequestEncoder out)
    {
        out.reset();
        if (massCancel.requestId() < 0)
        {
            return refuse(FixOrderRefusal.OUT_OF_RANGE);
        }
        final Side sbeSide = massCancel.side();
        if (Side.NULL_VAL != sbeSide)
        {
            final char side = fixSide(sbeSide);
            if (0 == side)
            {
                return false;
            }
            out.side(side);
        }
        if (0 == massCancel.instrumentId())
        {
            out.massCancelRequestType(MASS_CANCEL_ALL);
        }
        else
        {
            final FixInstrument instrument = instrumentOf(massCancel.instrumentId());
            if (null == instrument)
            {
                return false;
            }
            out.massCancelRequestType(MASS_CANCEL_SECURITY);
            out.instrument().symbol(instrument.symbolBytes());
        }
        out.clOrdIDAsCopy(idBytes, 0, FixNumbers.putId(massCancel.requestId(), idBytes));
        out.transactTimeAsCopy(transactTime.buffer(), 0, transactTime.encode(massCancel.sendingTimeNs() / NANOS_PER_MILLI));
        return true;
    }

    /**
     * OrderStatusRequest to OrderMassStatusRequest (35=AF): every live order (instrument 0) or one security's.
     *
     * @param request a wrapped SBE OrderStatusRequest.
     * @param out     reset, then filled.
     * @return whether {@code out} holds the request; false when refused (counted).
     */
    public boolean orderMassStatusRequest(final OrderStatusRequestDecoder request, final OrderMassStatusRequestEncoder out)
    {
        out.reset();
        if (request.requestId() < 0)
        {
            return refuse(FixOrderRefusal.OUT_OF_RANGE);
        }
        if (0 == request.instrumentId())
        {
            out.massStatusReqType(MASS_STATUS_ALL);
        }
        else
        {
            final FixInstrument instrument = instrumentOf(request.instrumentId());
            if (null == instrument)
            {
                return false;
            }
            out.massStatusReqType(MASS_STATUS_SECURITY);
            out.instrument().symbol(instrument.symbolBytes());
        }
        out.massStatusReqIDAsCopy(idBytes, 0, FixNumbers.putId(request.requestId(), idBytes));
        return true;
    }

    /**
     * @return replaces sent without TimeInForce(59) and ExecInst(18) because the order's time in force was not known.
     */
    public long replacesWithoutTimeInForce()
    {
        return replacesWithoutTimeInForce;
    }

    /**
     * @param reason a refusal reason.
     * @return orders refused for it since this instance was made.
     */
    public long refusals(final FixOrderRefusal reason)
    {
        return refusals[reason.ordinal()];
    }

    private FixInstrument instrumentOf(final long instrumentId)
    {
        final FixInstrument instrument = instruments.byId(instrumentId);
        if (null == instrument)
        {
            refuse(FixOrderRefusal.UNKNOWN_INSTRUMENT);
        }
        return instrument;
    }

    /**
     * @return the FIX Side(54) character, or 0 (counted as unsupported) for anything but BUY and SELL.
     */
    private char fixSide(final Side side)
    {
        if (Side.BUY == side)
        {
            return FIX_SIDE_BUY;
        }
        if (Side.SELL == side)
        {
            return FIX_SIDE_SELL;
        }
        refuse(FixOrderRefusal.UNSUPPORTED_VALUE);
        return 0;
    }

    private boolean refuse(final FixOrderRefusal reason)
    {
        refusals[reason.ordinal()]++;
        return false;
    }
}
