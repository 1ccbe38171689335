package io.ticklane.gateway.fix.venue;

import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import io.ticklane.gateway.transport.FramePublisher;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.UtcTimestampPrecision;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.BusinessRejectRefID;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecInst;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LastRptRequested;
import quickfix.field.LeavesQty;
import quickfix.field.MassStatusReqID;
import quickfix.field.MassStatusReqType;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TotNumReports;
import quickfix.field.TransactTime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;

/**
 * The FIX venue's one thread of state: FIX requests (handed over by {@link FixVenueApplication}) become the SBE
 * order messages the simulated exchange takes on its order stream, and the exchange's SBE reports on its report
 * stream become FIX ExecutionReports and OrderCancelRejects, sent to the session that owns the order. Requests and
 * reports are handled on this thread only, so a request is registered before the engine can answer it.
 * <p>
 * <b>Correlation.</b> The engine processes requests one at a time in the order they are published and answers each
 * synchronously: a NewOrder with ACK or REJECTED under its own id, a cancel with CANCELLED or REJECTED under the
 * order's id, a replace with REPLACED under the new id or REJECTED under the order's id. Fills and an IOC/FOK
 * remainder's CANCELLED come under the order's current id. So: a REJECTED for an order still pending new answers the
 * new order; any other REJECTED answers the earliest pending cancel or replace of that id; a CANCELLED answers the
 * earliest pending cancel of a resting (not IOC/FOK/market) order, and is unsolicited otherwise; a REPLACED answers
 * the pending replace carrying its new id. STATUS reports come in one block right before the OrderStatusComplete
 * answering the request, so they are gathered until it arrives; then the mass status answer goes out with
 * TotNumReports on each report and LastRptRequested=Y on the last.
 * <p>
 * <b>Memory.</b> This is the test counterparty, not the daemon: it allocates per message, and it remembers every
 * ClOrdID a session used (the engine forgets finished orders), to tell a duplicate and an unknown order apart.
 * Reports of orders this bridge did not enter (another client on the same order stream) are ignored.
 * <p>
 * Over 500 lines: requests in and the engine's reports out share one state (orders, pending amends, status queries)
 * on one thread; the field mapping ({@link FixVenueFields}) and the order record ({@link FixVenueOrder}) live apart.
 * The FIX message building (execution reports, rejects) is the next seam to take out.
 */
final class FixOrderBridge implements Agent
{
    /** A FIX application message as QuickFIX/J delivered it, with the session it came on. */
    record Inbound(Message message, SessionID session)
    {
    }

    private static final int FRAGMENT_LIMIT = 64;
    private static final int INBOUND_LIMIT = 64;
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final String NONE = "NONE";
    private static final char PENDING_NEW = OrdStatus.PENDING_NEW;

    private final Queue<Inbound> inbound;
    private final FramePublisher orders;
    private final Subscription reports;
    private final FixVenueCounters counters;
    private final FixUnits units;
    private final long instrumentId;
    private final String symbol;
    private final EpochNanoClock clock;
    private final FragmentHandler reportAssembler = new FragmentAssembler(this::onReport);

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderEncoder newOrderEncoder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelEncoder = new CancelOrderEncoder();
    private final ReplaceOrderEncoder replaceEncoder = new ReplaceOrderEncoder();
    private final OrderStatusRequestEncoder statusRequestEncoder = new OrderStatusRequestEncoder();
    private final ExecutionReportDecoder reportDecoder = new ExecutionReportDecoder();
    private final OrderStatusCompleteDecoder completeDecoder = new OrderStatusCompleteDecoder();

    /** Orders by their current ClOrdID, live and finished. */
    private final Map<Long, FixVenueOrder> ordersById = new HashMap<>();
    /** Every ClOrdID a request used: orders, cancels, replaces, old ids of replaced orders. */
    private final Set<Long> usedIds = new HashSet<>();
    /** Cancels and replaces sent to the engine and not yet answered, in the order they were sent. */
    private final List<Amend> amends = new ArrayList<>();
    private final Map<Long, StatusQuery> statusQueries = new HashMap<>();
    private final List<StatusLine> statusBlock = new ArrayList<>();
    private long nextRequestId = 1;
    private long nextOwnExecId = 1;

    FixOrderBridge(
        final Queue<Inbound> inbound,
        final FramePublisher orders,
        final Subscription reports,
        final FixVenueCounters counters,
        final FixUnits units,
        final long instrumentId,
        final String symbol,
        final EpochNanoClock clock)
    {
        this.inbound = inbound;
        this.orders = orders;
        this.reports = reports;
        this.counters = counters;
        this.units = units;
        this.instrumentId = instrumentId;
        this.symbol = symbol;
        this.clock = clock;
    }

    /**
     * @param msgType a FIX MsgType(35).
     * @return true for the application messages the venue takes.
     */
    static boolean takes(final String msgType)
    {
        return MsgType.NEW_ORDER_SINGLE.equals(msgType) || MsgType.ORDER_CANCEL_REQUEST.equals(msgType) ||
            MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(msgType) || MsgType.ORDER_STATUS_REQUEST.equals(msgType) ||
            MsgType.ORDER_MASS_STATUS_REQUEST.equals(msgType);
    }

    public String roleName()
    {
        return "ticklane-fix-venue";
    }

    public int doWork() throws FieldNotFound
    {
        int work = 0;
        Inbound next;
        while (work < INBOUND_LIMIT && null != (next = inbound.poll()))
        {
            onRequest(next.message(), next.session());
            work++;
        }
        return work + reports.poll(reportAssembler, FRAGMENT_LIMIT);
    }

    // ---------------------------------------------------------------- requests

    private void onRequest(final Message message, final SessionID session) throws FieldNotFound
    {
        switch (message.getHeader().getString(MsgType.FIELD))
        {
            case MsgType.NEW_ORDER_SINGLE -> onNewOrderSingle(message, session);
            case MsgType.ORDER_CANCEL_REQUEST -> onAmend(message, session, false);
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST -> onAmend(message, session, true);
            case MsgType.ORDER_STATUS_REQUEST -> onOrderStatusRequest(message, session);
            case MsgType.ORDER_MASS_STATUS_REQUEST -> onMassStatusRequest(message, session);
            default -> throw new IllegalStateException("not taken: " + message.getHeader().getString(MsgType.FIELD));
        }
    }

    private void onNewOrderSingle(final Message nos, final SessionID session) throws FieldNotFound
    {
        final long id = FixVenueFields.clientOrderId(nos.getString(ClOrdID.FIELD));
        if (id <= 0)
        {
            businessReject(nos, session, nos.getString(ClOrdID.FIELD));
            return;
        }
        if (usedIds.contains(id))
        {
            rejectNew(nos, session, OrdRejReason.DUPLICATE_ORDER, "duplicate ClOrdID");
            return;
        }
        if (!symbol.equals(nos.getString(Symbol.FIELD)))
        {
            rejectNew(nos, session, OrdRejReason.UNKNOWN_SYMBOL, "this venue trades " + symbol);
            return;
        }
        final char fixSide = nos.getChar(quickfix.field.Side.FIELD);
        final Side side = FixVenueFields.side(fixSide);
        if (null == side)
        {
            rejectNew(nos, session, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC, "Side must be 1 (buy) or 2 (sell)");
            return;
        }
        final char fixOrdType = nos.getChar(OrdType.FIELD);
        if (OrdType.LIMIT != fixOrdType && OrdType.MARKET != fixOrdType)
        {
            rejectNew(nos, session, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC, "OrdType must be 1 (market) or 2 (limit)");
            return;
        }
        final boolean market = OrdType.MARKET == fixOrdType;
        final char fixTif = nos.isSetField(quickfix.field.TimeInForce.FIELD) ?
            nos.getChar(quickfix.field.TimeInForce.FIELD) : quickfix.field.TimeInForce.DAY;
        final boolean postOnly =
            nos.isSetField(ExecInst.FIELD) && FixVenueFields.hasParticipateDoNotInitiate(nos.getString(ExecInst.FIELD));
        final TimeInForce tif = FixVenueFields.timeInForce(fixTif, postOnly);
        if (null == tif || (postOnly && market))
        {
            rejectNew(nos, session, OrdRejReason.UNSUPPORTED_ORDER_CHARACTERISTIC,
                "TimeInForce must be 0, 1, 3 or 4; ExecInst=6 (post-only) only with a Day or GTC limit order");
            return;
        }
        final long lots = units.lots(nos.getDecimal(OrderQty.FIELD));
        if (FixUnits.OFF_GRID == lots)
        {
            rejectNew(nos, session, OrdRejReason.INCORRECT_QUANTITY,
                "OrderQty must be a positive multiple of the lot size " + units.lotSize().toPlainString());
            return;
        }
        long ticks = 0;
        if (!market)
        {
            ticks = nos.isSetField(Price.FIELD) ? units.ticks(nos.getDecimal(Price.FIELD)) : FixUnits.OFF_GRID;
            if (FixUnits.OFF_GRID == ticks)
            {
                rejectNew(nos, session, OrdRejReason.OTHER,
                    "Price must be a positive multiple of the tick size " + units.tickSize().toPlainString());
                return;
            }
        }

        final FixVenueOrder order = new FixVenueOrder(session, id, fixSide, side, fixOrdType, fixTif, postOnly, ticks, lots);
        usedIds.add(id);
        ordersById.put(id, order);
        newOrderEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(clock.nanoTime())
            .clientOrderId(id)
            .instrumentId(instrumentId)
            .side(side)
            .orderType(market ? OrderType.MARKET : OrderType.LIMIT)
            .timeInForce(tif)
            .price(ticks)
            .quantity(lots);
        if (!publish(HEADER + newOrderEncoder.encodedLength()))
        {
            order.status = OrdStatus.REJECTED;
            counters.requestsRefused.incrementAndGet();
            final Message er = executionReport(order, quickfix.field.ExecType.REJECTED, ownExecId(), clock.nanoTime());
            er.setInt(OrdRejReason.FIELD, OrdRejReason.EXCHANGE_CLOSED);
            er.setString(Text.FIELD, "matching engine not reachable");
            send(er, session);
        }
    }

    private void onAmend(final Message request, final SessionID session, final boolean replace) throws FieldNotFound
    {
        final String clOrdId = request.getString(ClOrdID.FIELD);
        final long id = FixVenueFields.clientOrderId(clOrdId);
        if (id <= 0)
        {
            businessReject(request, session, clOrdId);
            return;
        }
        final String origClOrdId = request.getString(OrigClOrdID.FIELD);
        final long origId = FixVenueFields.clientOrderId(origClOrdId);
        final FixVenueOrder order = origId > 0 ? ordersById.get(origId) : null;
        if (usedIds.contains(id))
        {
            cancelReject(session, clOrdId, origClOrdId, order, replace, CxlRejReason.DUPLICATE_CLORDID_RECEIVED,
                "duplicate ClOrdID");
            return;
        }
        usedIds.add(id);
        if (null == order || !order.session.equals(session))
        {
            cancelReject(session, clOrdId, origClOrdId, null, replace, CxlRejReason.UNKNOWN_ORDER, "unknown order");
            return;
        }

        final int length;
        if (replace)
        {
            if (OrdType.LIMIT != request.getChar(OrdType.FIELD) || !request.isSetField(Price.FIELD))
            {
                cancelReject(session, clOrdId, origClOrdId, order, true, CxlRejReason.OTHER, "only a limit order's " +
                    "price and quantity can be replaced");
                return;
            }
            final long ticks = units.ticks(request.getDecimal(Price.FIELD));
            final long lots = units.lots(request.getDecimal(OrderQty.FIELD));
            if (FixUnits.OFF_GRID == ticks || FixUnits.OFF_GRID == lots)
            {
                cancelReject(session, clOrdId, origClOrdId, order, true, CxlRejReason.OTHER,
                    FixUnits.OFF_GRID == ticks ?
                    "Price must be a positive multiple of the tick size " + units.tickSize().toPlainString() :
                    "OrderQty must be a positive multiple of the lot size " + units.lotSize().toPlainString());
                return;
            }
            length = HEADER + replaceEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
                .sendingTimeNs(clock.nanoTime())
                .clientOrderId(id)
                .origClientOrderId(origId)
                .instrumentId(instrumentId)
                .side(order.side)
                .price(ticks)
                .quantity(lots)
                .encodedLength();
        }
        else
        {
            length = HEADER + cancelEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
                .sendingTimeNs(clock.nanoTime())
                .clientOrderId(id)
                .origClientOrderId(origId)
                .instrumentId(instrumentId)
                .side(order.side)
                .encodedLength();
        }
        final Amend amend = new Amend(session, replace, id, origId);
        amends.add(amend);
        if (!publish(length))
        {
            amends.remove(amend);
            cancelReject(session, clOrdId, origClOrdId, order, replace, CxlRejReason.OTHER, "matching engine not reachable");
        }
    }

    private void onOrderStatusRequest(final Message request, final SessionID session) throws FieldNotFound
    {
        final String clOrdId = request.getString(ClOrdID.FIELD);
        final long id = FixVenueFields.clientOrderId(clOrdId);
        final FixVenueOrder order = id > 0 ? ordersById.get(id) : null;
        if (null == order || !order.session.equals(session))
        {
            counters.requestsRefused.incrementAndGet();
            final Message er = new quickfix.fix44.ExecutionReport();
            er.setString(OrderID.FIELD, NONE);
            er.setString(ClOrdID.FIELD, clOrdId);
            er.setString(ExecID.FIELD, ownExecId());
            er.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.ORDER_STATUS);
            er.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
            er.setInt(OrdRejReason.FIELD, OrdRejReason.UNKNOWN_ORDER);
            er.setString(Symbol.FIELD, request.getString(Symbol.FIELD));
            er.setChar(quickfix.field.Side.FIELD, request.getChar(quickfix.field.Side.FIELD));
            er.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
            er.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
            er.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
            er.setString(Text.FIELD, "unknown order");
            send(er, session);
            return;
        }
        if (PENDING_NEW != order.status && !order.isLive())
        {
            send(executionReport(order, quickfix.field.ExecType.ORDER_STATUS, ownExecId(), clock.nanoTime()), session);
            return;
        }
        statusRequest(new StatusQuery(session, null, order.id, null));
    }

    private void onMassStatusRequest(final Message request, final SessionID session) throws FieldNotFound
    {
        final String requestId = request.getString(MassStatusReqID.FIELD);
        final Character sideFilter = request.isSetField(quickfix.field.Side.FIELD) ?
            request.getChar(quickfix.field.Side.FIELD) : null;
        final boolean otherSymbol = MassStatusReqType.STATUS_FOR_ORDERS_FOR_A_SECURITY == request.getInt(MassStatusReqType.FIELD) &&
            !(request.isSetField(Symbol.FIELD) && symbol.equals(request.getString(Symbol.FIELD)));
        final StatusQuery query = new StatusQuery(session, requestId, 0, sideFilter);
        if (otherSymbol)
        {
            answer(query, clock.nanoTime());
            return;
        }
        statusRequest(query);
    }

    private void statusRequest(final StatusQuery query)
    {
        final long requestId = nextRequestId++;
        statusQueries.put(requestId, query);
        statusRequestEncoder.wrapAndApplyHeader(frame, 0, headerEncoder)
            .sendingTimeNs(clock.nanoTime())
            .requestId(requestId)
            .instrumentId(instrumentId);
        if (!publish(HEADER + statusRequestEncoder.encodedLength()))
        {
            statusQueries.remove(requestId);
            answer(query, clock.nanoTime()); // from what the bridge knows: better than silence
        }
    }

    // ---------------------------------------------------------------- reports

    private void onReport(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        if (length < HEADER)
        {
            return;
        }
        headerDecoder.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != headerDecoder.schemaId() || length < HEADER + headerDecoder.blockLength())
        {
            return;
        }
        if (OrderStatusCompleteDecoder.TEMPLATE_ID == headerDecoder.templateId())
        {
            completeDecoder.wrap(buffer, offset + HEADER, headerDecoder.blockLength(), headerDecoder.version());
            final StatusQuery query = statusQueries.remove(completeDecoder.requestId());
            if (null != query)
            {
                answer(query, completeDecoder.venueTimeNs());
            }
            statusBlock.clear();
            return;
        }
        if (ExecutionReportDecoder.TEMPLATE_ID != headerDecoder.templateId())
        {
            return;
        }
        final ExecutionReportDecoder report = reportDecoder;
        report.wrap(buffer, offset + HEADER, headerDecoder.blockLength(), headerDecoder.version());
        if (report.instrumentId() != instrumentId)
        {
            return;
        }
        final long id = report.clientOrderId();
        final ExecType execType = report.execType();
        switch (execType)
        {
            case ACK -> onAck(id, report);
            case PARTIAL_FILL, FILL -> onFill(id, report);
            case CANCELLED -> onCancelled(id, report);
            case REPLACED -> onReplaced(id, report);
            case REJECTED -> onRejected(id, report);
            case STATUS -> statusBlock.add(new StatusLine(id, report.venueOrderId(), report.price(),
                report.orderQuantity(), report.leavesQuantity(), report.cumQuantity()));
            default ->
            {
            }
        }
    }

    private void onAck(final long id, final ExecutionReportDecoder report)
    {
        final FixVenueOrder order = ordersById.get(id);
        if (null == order || PENDING_NEW != order.status)
        {
            return;
        }
        order.venueOrderId = report.venueOrderId();
        order.update(report.price(), report.orderQuantity(), report.leavesQuantity(), report.cumQuantity());
        order.status = OrdStatus.NEW;
        send(executionReport(order, quickfix.field.ExecType.NEW, FixVenueFields.engineExecId(report.execId()), report.venueTimeNs()),
            order.session);
    }

    private void onFill(final long id, final ExecutionReportDecoder report)
    {
        final FixVenueOrder order = ordersById.get(id);
        if (null == order || !order.isLive())
        {
            return;
        }
        order.notionalTicksLots += report.lastPrice() * report.lastQuantity();
        order.update(report.price(), report.orderQuantity(), report.leavesQuantity(), report.cumQuantity());
        order.status = 0 == report.leavesQuantity() ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
        final Message er = executionReport(order, quickfix.field.ExecType.TRADE, FixVenueFields.engineExecId(report.execId()),
            report.venueTimeNs());
        er.setDecimal(LastQty.FIELD, units.quantity(report.lastQuantity()));
        er.setDecimal(LastPx.FIELD, units.price(report.lastPrice()));
        send(er, order.session);
    }

    private void onCancelled(final long id, final ExecutionReportDecoder report)
    {
        final FixVenueOrder order = ordersById.get(id);
        if (null == order || !order.isLive())
        {
            return;
        }
        // An IOC, FOK or market order's remainder is cancelled by the engine itself, in the block answering the order.
        final Amend amend = order.restsAfterEntry() ? takeAmend(id, false) : null;
        order.update(report.price(), report.orderQuantity(), report.leavesQuantity(), report.cumQuantity());
        order.leaves = 0;
        order.status = OrdStatus.CANCELED;
        final Message er = executionReport(order, quickfix.field.ExecType.CANCELED, FixVenueFields.engineExecId(report.execId()),
            report.venueTimeNs());
        if (null != amend)
        {
            er.setString(ClOrdID.FIELD, Long.toString(amend.id));
            er.setString(OrigClOrdID.FIELD, Long.toString(id));
        }
        send(er, order.session);
    }

    private void onReplaced(final long newId, final ExecutionReportDecoder report)
    {
        Amend amend = null;
        for (int i = 0; i < amends.size(); i++)
        {
            final Amend candidate = amends.get(i);
            if (candidate.replace && candidate.id == newId)
            {
                amend = amends.remove(i);
                break;
            }
        }
        final FixVenueOrder order = null == amend ? null : ordersById.get(amend.origId);
        if (null == order)
        {
            return;
        }
        ordersById.remove(amend.origId);
        order.id = newId;
        ordersById.put(newId, order);
        order.update(report.price(), report.orderQuantity(), report.leavesQuantity(), report.cumQuantity());
        order.status = 0 == order.cum ? OrdStatus.NEW : OrdStatus.PARTIALLY_FILLED;
        final Message er = executionReport(order, quickfix.field.ExecType.REPLACED, FixVenueFields.engineExecId(report.execId()),
            report.venueTimeNs());
        er.setString(OrigClOrdID.FIELD, Long.toString(amend.origId));
        send(er, order.session);
    }

    private void onRejected(final long id, final ExecutionReportDecoder report)
    {
        final RejectReason reason = report.rejectReason();
        final FixVenueOrder order = ordersById.get(id);
        if (null != order && PENDING_NEW == order.status)
        {
            order.status = OrdStatus.REJECTED;
            order.leaves = 0;
            final Message er = executionReport(order, quickfix.field.ExecType.REJECTED, FixVenueFields.engineExecId(report.execId()),
                report.venueTimeNs());
            er.setInt(OrdRejReason.FIELD, FixVenueFields.ordRejReason(reason));
            er.setString(Text.FIELD, String.valueOf(reason));
            send(er, order.session);
            return;
        }
        final Amend amend = takeAmend(id, true);
        if (null == amend)
        {
            return;
        }
        cancelReject(amend.session, Long.toString(amend.id), Long.toString(amend.origId), order, amend.replace,
            FixVenueFields.cxlRejReason(reason), String.valueOf(reason));
    }

    private Amend takeAmend(final long origId, final boolean replaceToo)
    {
        for (int i = 0; i < amends.size(); i++)
        {
            final Amend amend = amends.get(i);
            if (amend.origId == origId && (replaceToo || !amend.replace))
            {
                return amends.remove(i);
            }
        }
        return null;
    }

    private void answer(final StatusQuery query, final long venueTimeNs)
    {
        final List<FixVenueOrder> answered = new ArrayList<>();
        for (final StatusLine line : statusBlock)
        {
            final FixVenueOrder order = ordersById.get(line.id);
            if (null == order || !order.session.equals(query.session) ||
                (null != query.sideFilter && query.sideFilter != order.fixSide) ||
                (0 != query.clientOrderId && query.clientOrderId != order.id))
            {
                continue;
            }
            order.venueOrderId = line.venueOrderId;
            order.update(line.price, line.quantity, line.leaves, line.cum);
            answered.add(order);
        }
        if (null == query.massStatusReqId)
        {
            final FixVenueOrder order = ordersById.get(query.clientOrderId);
            if (null != order)
            {
                send(executionReport(order, quickfix.field.ExecType.ORDER_STATUS, ownExecId(), venueTimeNs), query.session);
            }
            return;
        }
        final int total = answered.size();
        if (0 == total)
        {
            final Message er = new quickfix.fix44.ExecutionReport();
            er.setString(OrderID.FIELD, NONE);
            er.setString(ExecID.FIELD, ownExecId());
            er.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.ORDER_STATUS);
            er.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
            er.setString(Symbol.FIELD, symbol);
            er.setChar(quickfix.field.Side.FIELD, null == query.sideFilter ? quickfix.field.Side.BUY : query.sideFilter);
            er.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
            er.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
            er.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
            er.setString(MassStatusReqID.FIELD, query.massStatusReqId);
            er.setInt(TotNumReports.FIELD, 0);
            er.setBoolean(LastRptRequested.FIELD, true);
            er.setString(Text.FIELD, "no live orders");
            send(er, query.session);
            return;
        }
        for (int i = 0; i < total; i++)
        {
            final Message er = executionReport(answered.get(i), quickfix.field.ExecType.ORDER_STATUS, ownExecId(),
                venueTimeNs);
            er.setString(MassStatusReqID.FIELD, query.massStatusReqId);
            er.setInt(TotNumReports.FIELD, total);
            if (i == total - 1)
            {
                er.setBoolean(LastRptRequested.FIELD, true);
            }
            send(er, query.session);
        }
    }

    // ---------------------------------------------------------------- FIX messages

    private Message executionReport(final FixVenueOrder order, final char execType, final String execId, final long timeNs)
    {
        final Message er = new quickfix.fix44.ExecutionReport();
        er.setString(OrderID.FIELD, 0 == order.venueOrderId ? NONE : FixVenueFields.orderId(order.venueOrderId));
        er.setString(ClOrdID.FIELD, Long.toString(order.id));
        er.setString(ExecID.FIELD, execId);
        er.setChar(quickfix.field.ExecType.FIELD, execType);
        er.setChar(OrdStatus.FIELD, order.status);
        er.setString(Symbol.FIELD, symbol);
        er.setChar(quickfix.field.Side.FIELD, order.fixSide);
        er.setChar(OrdType.FIELD, order.fixOrdType);
        if (OrdType.LIMIT == order.fixOrdType)
        {
            er.setDecimal(Price.FIELD, units.price(order.ticks));
        }
        er.setDecimal(OrderQty.FIELD, units.quantity(order.lots));
        er.setChar(quickfix.field.TimeInForce.FIELD, order.fixTif);
        if (order.postOnly)
        {
            er.setString(ExecInst.FIELD, String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE));
        }
        er.setDecimal(LeavesQty.FIELD, units.quantity(order.leaves));
        er.setDecimal(CumQty.FIELD, units.quantity(order.cum));
        er.setDecimal(AvgPx.FIELD, units.averagePrice(order.notionalTicksLots, order.cum));
        er.setUtcTimeStamp(TransactTime.FIELD, FixVenueFields.utc(timeNs), UtcTimestampPrecision.MICROS);
        return er;
    }

    private void rejectNew(final Message nos, final SessionID session, final int reason, final String text)
        throws FieldNotFound
    {
        counters.requestsRefused.incrementAndGet();
        final Message er = new quickfix.fix44.ExecutionReport();
        er.setString(OrderID.FIELD, NONE);
        er.setString(ClOrdID.FIELD, nos.getString(ClOrdID.FIELD));
        er.setString(ExecID.FIELD, ownExecId());
        er.setChar(quickfix.field.ExecType.FIELD, quickfix.field.ExecType.REJECTED);
        er.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        er.setString(Symbol.FIELD, nos.getString(Symbol.FIELD));
        er.setChar(quickfix.field.Side.FIELD, nos.getChar(quickfix.field.Side.FIELD));
        er.setChar(OrdType.FIELD, nos.getChar(OrdType.FIELD));
        if (nos.isSetField(Price.FIELD))
        {
            er.setString(Price.FIELD, nos.getString(Price.FIELD));
        }
        er.setString(OrderQty.FIELD, nos.getString(OrderQty.FIELD));
        er.setDecimal(LeavesQty.FIELD, BigDecimal.ZERO);
        er.setDecimal(CumQty.FIELD, BigDecimal.ZERO);
        er.setDecimal(AvgPx.FIELD, BigDecimal.ZERO);
        er.setInt(OrdRejReason.FIELD, reason);
        er.setString(Text.FIELD, text);
        er.setUtcTimeStamp(TransactTime.FIELD, FixVenueFields.utc(clock.nanoTime()), UtcTimestampPrecision.MICROS);
        send(er, session);
    }

    private void cancelReject(
        final SessionID session,
        final String clOrdId,
        final String origClOrdId,
        final FixVenueOrder order,
        final boolean replace,
        final int reason,
        final String text)
    {
        if (null == order || CxlRejReason.TOO_LATE_TO_CANCEL != reason)
        {
            counters.requestsRefused.incrementAndGet();
        }
        final Message reject = new quickfix.fix44.OrderCancelReject();
        reject.setString(OrderID.FIELD, null == order || 0 == order.venueOrderId ? NONE : FixVenueFields.orderId(order.venueOrderId));
        reject.setString(ClOrdID.FIELD, clOrdId);
        reject.setString(OrigClOrdID.FIELD, origClOrdId);
        // FIX 4.4: the order's status after the reject; Rejected when the order is unknown.
        reject.setChar(OrdStatus.FIELD, null == order ? OrdStatus.REJECTED : order.status);
        reject.setChar(CxlRejResponseTo.FIELD, replace ?
            CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST : CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        reject.setInt(CxlRejReason.FIELD, reason);
        reject.setString(Text.FIELD, text);
        send(reject, session);
    }

    private void businessReject(final Message request, final SessionID session, final String refId) throws FieldNotFound
    {
        counters.requestsRefused.incrementAndGet();
        counters.businessRejects.incrementAndGet();
        final Message reject = new quickfix.fix44.BusinessMessageReject();
        reject.setInt(RefSeqNum.FIELD, request.getHeader().getInt(MsgSeqNum.FIELD));
        reject.setString(RefMsgType.FIELD, request.getHeader().getString(MsgType.FIELD));
        reject.setString(BusinessRejectRefID.FIELD, refId);
        reject.setInt(BusinessRejectReason.FIELD, BusinessRejectReason.OTHER);
        reject.setString(Text.FIELD, "ClOrdID must be 1 to " + FixVenueFields.MAX_CLIENT_ORDER_ID_DIGITS +
            " decimal digits without a leading zero");
        send(reject, session);
    }

    private void send(final Message message, final SessionID session)
    {
        try
        {
            if (Session.sendToTarget(message, session))
            {
                counters.messagesSent.incrementAndGet();
            }
            else
            {
                counters.sendFailures.incrementAndGet();
            }
        }
        catch (final SessionNotFound ex)
        {
            counters.sendFailures.incrementAndGet();
        }
    }

    private boolean publish(final int length)
    {
        if (orders.offer(frame, 0, length))
        {
            counters.ordersPublished.incrementAndGet();
            return true;
        }
        counters.publishFailures.incrementAndGet();
        return false;
    }

    /**
     * @return an ExecID for a report the venue makes itself (a status answer, a reject before the engine).
     */
    private String ownExecId()
    {
        return FixVenueFields.ownExecId(nextOwnExecId++);
    }

    /** A cancel (or replace) sent to the engine, waiting for its answer. */
    private record Amend(SessionID session, boolean replace, long id, long origId)
    {
    }

    /** An order status or mass status request waiting for the engine's OrderStatusComplete. */
    private record StatusQuery(SessionID session, String massStatusReqId, long clientOrderId, Character sideFilter)
    {
    }

    /** One STATUS report of the block before an OrderStatusComplete. */
    private record StatusLine(long id, long venueOrderId, long price, long quantity, long leaves, long cum)
    {
    }
}
