package io.ticklane.gateway.fix;

import io.ticklane.fix44.decoder.BusinessMessageRejectDecoder;
import io.ticklane.fix44.decoder.ExecutionReportDecoder;
import io.ticklane.fix44.decoder.OrderCancelRejectDecoder;
import io.ticklane.fix44.decoder.RejectDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.OrderStatusCompleteEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.MutableDirectBuffer;
import uk.co.real_logic.artio.fields.ReadOnlyDecimalFloat;
import uk.co.real_logic.artio.fields.UtcTimestampDecoder;

import java.util.Arrays;

/**
 * Turns the venue's FIX 4.4 answers into the SBE {@code ExecutionReport} frames the strategy already handles, so it
 * cannot tell a FIX venue from the simulated one. The report conventions are the simulated venue's: a cancel or
 * replace refused reports the order's id (OrigClOrdID) as REJECTED with a reason, CANCELLED carries the order's id,
 * REPLACED the new one. Prices and quantities come back to ticks and lots exactly or not at all: anything off the
 * tick or lot, an unknown symbol, a non-numeric id is refused and counted ({@link FixReportRefusal}), as are
 * BusinessMessageReject and session Reject, which name no order reliably (counted per reason too). Pure,
 * allocation-free, not thread-safe: one instance per session thread. docs/decisions/fix-order-entry.md has the table.
 */
public final class FixReportDecoding
{
    private static final RejectReason[] NAMED_REASONS = namedReasons();
    private static final char[][] REASON_NAMES = reasonNames(NAMED_REASONS);

    /** Returned when the message was refused (and counted). */
    public static final int REFUSED = -1;
    /** Returned for a report that needs no SBE counterpart (pending new/cancel/replace, done for day, ...). */
    public static final int IGNORED = 0;

    static final int BUSINESS_REJECT_REASONS = 19;
    static final int SESSION_REJECT_REASONS = 100;

    private final FixInstruments instruments;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final OrderStatusCompleteEncoder completeEncoder = new OrderStatusCompleteEncoder();
    private final UtcTimestampDecoder timestampDecoder = new UtcTimestampDecoder(true);
    private final long[] refusals = new long[FixReportRefusal.values().length];
    private final long[] businessRejects = new long[BUSINESS_REJECT_REASONS + 1];
    private final long[] sessionRejects = new long[SESSION_REJECT_REASONS + 1];
    private final OrderTimeInForceMemory timesInForce;
    private long ignored;

    /**
     * @param instruments the instruments this session trades.
     */
    public FixReportDecoding(final FixInstruments instruments)
    {
        this(instruments, new OrderTimeInForceMemory());
    }

    /**
     * @param instruments  the instruments this session trades.
     * @param timesInForce where the time in force a venue's STATUS report gives an order is recorded, so a replace of
     *                     an order adopted after a restart repeats it (shared with {@link FixOrderEncoding}).
     */
    public FixReportDecoding(final FixInstruments instruments, final OrderTimeInForceMemory timesInForce)
    {
        this.instruments = instruments;
        this.timesInForce = timesInForce;
    }

    /**
     * ExecutionReport (35=8) to an SBE ExecutionReport.
     *
     * @param report      a decoded FIX ExecutionReport.
     * @param localTimeNs when this host received it.
     * @param out         where the SBE frame (header included) is written.
     * @param offset      at which offset.
     * @return the frame's length, {@link #IGNORED} or {@link #REFUSED}.
     */
    public int executionReport(
        final ExecutionReportDecoder report, final long localTimeNs, final MutableDirectBuffer out, final int offset)
    {
        final ExecType execType;
        final char fixExecType = report.execType();
        switch (fixExecType)
        {
            case '0' -> execType = ExecType.ACK;
            case 'F' -> execType = '2' == report.ordStatus() ? ExecType.FILL : ExecType.PARTIAL_FILL;
            case '4', 'C' -> execType = ExecType.CANCELLED;
            case '5' -> execType = ExecType.REPLACED;
            case '8' -> execType = ExecType.REJECTED;
            case 'I' -> execType = ExecType.STATUS;
            case 'A', '6', 'E', '3', 'D', 'B', '7', '9' ->
            {
                ignored++;
                return IGNORED;
            }
            default ->
            {
                return refuse(FixReportRefusal.UNSUPPORTED_EXEC_TYPE);
            }
        }

        final FixInstrument instrument = instruments.bySymbol(report.symbol(), report.symbolLength());
        if (null == instrument)
        {
            return refuse(FixReportRefusal.UNKNOWN_SYMBOL);
        }
        final Side side = sbeSide(report.side());
        if (null == side)
        {
            return refuse(FixReportRefusal.UNSUPPORTED_SIDE);
        }

        // A cancel names the order in OrigClOrdID (ClOrdID is the cancel request); an unsolicited one only in ClOrdID.
        final boolean byOrigId = ExecType.CANCELLED == execType && report.hasOrigClOrdID();
        final long clientOrderId = byOrigId ?
            FixNumbers.parseId(report.origClOrdID(), report.origClOrdIDLength()) :
            FixNumbers.parseId(report.clOrdID(), report.clOrdIDLength());
        final long execId = FixNumbers.venueId(report.execID(), report.execIDLength());
        long venueOrderId = FixNumbers.venueId(report.orderID(), report.orderIDLength());
        if (ExecType.REJECTED == execType && FixNumbers.NOT_EXACT == venueOrderId)
        {
            venueOrderId = 0; // FIX convention: OrderID(37)=NONE on an order the venue never accepted.
        }
        if (FixNumbers.NOT_EXACT == clientOrderId || FixNumbers.NOT_EXACT == execId || FixNumbers.NOT_EXACT == venueOrderId)
        {
            return refuse(FixReportRefusal.BAD_ID);
        }

        if (ExecType.STATUS == execType && report.hasTimeInForce())
        {
            final TimeInForce timeInForce = timeInForce(report);
            if (null != timeInForce)
            {
                timesInForce.record(clientOrderId, timeInForce);
            }
        }

        final long price = report.hasPrice() ? ticks(report.price(), instrument) : 0;
        final long lastPrice;
        final long lastQuantity;
        final LiquidityFlag liquidity;
        if (ExecType.FILL == execType || ExecType.PARTIAL_FILL == execType)
        {
            lastPrice = report.hasLastPx() ? ticks(report.lastPx(), instrument) : FixNumbers.NOT_EXACT;
            lastQuantity = report.hasLastQty() ? lots(report.lastQty(), instrument) : FixNumbers.NOT_EXACT;
            liquidity = report.hasLastLiquidityInd() ? liquidity(report.lastLiquidityInd()) : LiquidityFlag.NONE;
        }
        else
        {
            lastPrice = 0;
            lastQuantity = 0;
            liquidity = LiquidityFlag.NONE;
        }
        if (FixNumbers.NOT_EXACT == price || FixNumbers.NOT_EXACT == lastPrice)
        {
            return refuse(FixReportRefusal.PRICE_NOT_ON_TICK);
        }
        final long orderQuantity = report.hasOrderQty() ? lots(report.orderQty(), instrument) : 0;
        final long leavesQuantity = lots(report.leavesQty(), instrument);
        final long cumQuantity = lots(report.cumQty(), instrument);
        if (FixNumbers.NOT_EXACT == orderQuantity || FixNumbers.NOT_EXACT == lastQuantity ||
            FixNumbers.NOT_EXACT == leavesQuantity || FixNumbers.NOT_EXACT == cumQuantity)
        {
            return refuse(FixReportRefusal.QUANTITY_NOT_ON_LOT);
        }

        RejectReason reason = ExecType.REJECTED == execType ?
            (report.hasOrdRejReason() ? orderRejectReason(report.ordRejReason()) : RejectReason.OTHER) :
            RejectReason.NONE;
        if (RejectReason.OTHER == reason && report.hasText())
        {
            reason = namedInText(report.text(), report.textLength());
        }
        final long venueTimeNs = report.hasTransactTime() ?
            timestampDecoder.decodeNanos(report.transactTime(), report.transactTimeLength()) : 0;

        reportEncoder.wrapAndApplyHeader(out, offset, headerEncoder)
            .venueTimeNs(venueTimeNs)
            .localTimeNs(localTimeNs)
            .clientOrderId(clientOrderId)
            .venueOrderId(venueOrderId)
            .execId(execId)
            .instrumentId(instrument.instrumentId())
            .execType(execType)
            .side(side)
            .price(price)
            .orderQuantity(orderQuantity)
            .lastPrice(lastPrice)
            .lastQuantity(lastQuantity)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .liquidity(liquidity)
            .rejectReason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength();
    }

    /**
     * @return the order's time in force as a STATUS report states it: TimeInForce(59), post-only when ExecInst(18)
     *         holds 6 on a Day or GTC order; null for one a resting order cannot have.
     */
    private static TimeInForce timeInForce(final ExecutionReportDecoder report)
    {
        final char fixTimeInForce = report.timeInForce();
        if ('0' != fixTimeInForce && '1' != fixTimeInForce)
        {
            return null;
        }
        if (report.hasExecInst())
        {
            final char[] execInst = report.execInst();
            for (int i = 0, length = report.execInstLength(); i < length; i++)
            {
                if ('6' == execInst[i])
                {
                    return TimeInForce.POST_ONLY;
                }
            }
        }
        return '0' == fixTimeInForce ? TimeInForce.DAY : TimeInForce.GTC;
    }

    /**
     * OrderCancelReject (35=9) to an SBE ExecutionReport REJECTED on the order (OrigClOrdID), as the simulated venue
     * reports a refused cancel or replace. FIX 4.4 puts neither Symbol nor Side on it: the caller, which sent the
     * request, says which instrument it was for; the side is left null and price and quantities 0.
     *
     * @param reject       a decoded FIX OrderCancelReject.
     * @param instrumentId the instrument the refused request was for.
     * @param localTimeNs  when this host received it.
     * @param out          where the SBE frame (header included) is written.
     * @param offset       at which offset.
     * @return the frame's length or {@link #REFUSED}.
     */
    public int orderCancelReject(
        final OrderCancelRejectDecoder reject,
        final long instrumentId,
        final long localTimeNs,
        final MutableDirectBuffer out,
        final int offset)
    {
        final long clientOrderId = FixNumbers.parseId(reject.origClOrdID(), reject.origClOrdIDLength());
        long venueOrderId = FixNumbers.venueId(reject.orderID(), reject.orderIDLength());
        if (FixNumbers.NOT_EXACT == venueOrderId)
        {
            venueOrderId = 0; // OrderID(37)=NONE: the venue does not know the order.
        }
        if (FixNumbers.NOT_EXACT == clientOrderId)
        {
            return refuse(FixReportRefusal.BAD_ID);
        }
        RejectReason reason = reject.hasCxlRejReason() ? cancelRejectReason(reject.cxlRejReason()) : RejectReason.OTHER;
        if (RejectReason.OTHER == reason && reject.hasText())
        {
            reason = namedInText(reject.text(), reject.textLength());
        }
        final long venueTimeNs = reject.hasTransactTime() ?
            timestampDecoder.decodeNanos(reject.transactTime(), reject.transactTimeLength()) : 0;

        reportEncoder.wrapAndApplyHeader(out, offset, headerEncoder)
            .venueTimeNs(venueTimeNs)
            .localTimeNs(localTimeNs)
            .clientOrderId(clientOrderId)
            .venueOrderId(venueOrderId)
            .execId(0)
            .instrumentId(instrumentId)
            .execType(ExecType.REJECTED)
            .side(Side.NULL_VAL)
            .price(0)
            .orderQuantity(0)
            .lastPrice(0)
            .lastQuantity(0)
            .leavesQuantity(0)
            .cumQuantity(0)
            .liquidity(LiquidityFlag.NONE)
            .rejectReason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength();
    }

    /**
     * The end of the venue's answer to an OrderMassStatusRequest (the ExecutionReport with LastRptRequested(912)=Y)
     * as the SBE {@code OrderStatusComplete} the strategy's reconciliation waits for. The count is the venue's
     * TotNumReports(911) when it sent one, so a STATUS report refused on the way leaves the answer visibly short and
     * the reconciliation incomplete; otherwise the STATUS reports this side mapped for the request.
     *
     * @param report       the last report of the answer.
     * @param reportsSeen  STATUS reports of this request mapped so far (this one included).
     * @param instrumentId the instrument the request was for.
     * @param localTimeNs  when this host received it.
     * @param out          where the SBE frame (header included) is written.
     * @param offset       at which offset.
     * @return the frame's length, or {@link #REFUSED} when MassStatusReqID(584) is not a request id this side sent.
     */
    public int orderStatusComplete(
        final ExecutionReportDecoder report,
        final int reportsSeen,
        final long instrumentId,
        final long localTimeNs,
        final MutableDirectBuffer out,
        final int offset)
    {
        final long requestId = report.hasMassStatusReqID() ?
            FixNumbers.parseId(report.massStatusReqID(), report.massStatusReqIDLength()) : FixNumbers.NOT_EXACT;
        if (FixNumbers.NOT_EXACT == requestId)
        {
            return refuse(FixReportRefusal.BAD_ID);
        }
        final int count = report.hasTotNumReports() ? report.totNumReports() : reportsSeen;
        completeEncoder.wrapAndApplyHeader(out, offset, headerEncoder)
            .venueTimeNs(report.hasTransactTime() ?
                timestampDecoder.decodeNanos(report.transactTime(), report.transactTimeLength()) : 0)
            .localTimeNs(localTimeNs)
            .requestId(requestId)
            .instrumentId(instrumentId)
            .orderCount(Math.max(0, count));
        return MessageHeaderEncoder.ENCODED_LENGTH + completeEncoder.encodedLength();
    }

    /**
     * @param report a decoded ExecutionReport.
     * @return true for a venue's answer to an OrderMassStatusRequest that says "no orders": ExecType(150)=I with
     *         OrdStatus(39)=8 and no ClOrdID(11); it names no order, so it maps to no STATUS report.
     */
    public static boolean isEmptyStatusAnswer(final ExecutionReportDecoder report)
    {
        return 'I' == report.execType() && '8' == report.ordStatus() && !report.hasClOrdID();
    }

    /**
     * BusinessMessageReject (35=j): counted, per BusinessRejectReason(380), and refused.
     *
     * @param reject a decoded BusinessMessageReject.
     * @return {@link #REFUSED}.
     */
    public int businessMessageReject(final BusinessMessageRejectDecoder reject)
    {
        businessRejects[bucket(reject.businessRejectReason(), BUSINESS_REJECT_REASONS)]++;
        return refuse(FixReportRefusal.BUSINESS_REJECT);
    }

    /**
     * Session-level Reject (35=3): counted, per SessionRejectReason(373) (absent counts as 99, other), and refused.
     *
     * @param reject a decoded Reject.
     * @return {@link #REFUSED}.
     */
    public int sessionReject(final RejectDecoder reject)
    {
        final int reason = reject.hasSessionRejectReason() ? reject.sessionRejectReason() : 99;
        sessionRejects[bucket(reason, SESSION_REJECT_REASONS)]++;
        return refuse(FixReportRefusal.SESSION_REJECT);
    }

    /**
     * @param reason a refusal reason.
     * @return messages refused for it.
     */
    public long refusals(final FixReportRefusal reason)
    {
        return refusals[reason.ordinal()];
    }

    /**
     * @param reason a BusinessRejectReason(380) code; codes beyond 18 share one count, asked for with any of them.
     * @return BusinessMessageRejects counted with it.
     */
    public long businessRejects(final int reason)
    {
        return businessRejects[bucket(reason, BUSINESS_REJECT_REASONS)];
    }

    /**
     * @param reason a SessionRejectReason(373) code; codes beyond 99 share one count, asked for with any of them.
     * @return session Rejects counted with it.
     */
    public long sessionRejects(final int reason)
    {
        return sessionRejects[bucket(reason, SESSION_REJECT_REASONS)];
    }

    /**
     * @return ExecutionReports that needed no SBE report (pending states, done for day, restated, ...).
     */
    public long ignored()
    {
        return ignored;
    }

    private static int bucket(final int reason, final int known)
    {
        return reason >= 0 && reason < known ? reason : known;
    }

    private static long ticks(final ReadOnlyDecimalFloat decimal, final FixInstrument instrument)
    {
        return FixNumbers.toCount(decimal.value(), decimal.scale(), instrument.tickMantissa(), instrument.tickScale());
    }

    private static long lots(final ReadOnlyDecimalFloat decimal, final FixInstrument instrument)
    {
        return FixNumbers.toCount(decimal.value(), decimal.scale(), instrument.lotMantissa(), instrument.lotScale());
    }

    private static Side sbeSide(final char side)
    {
        return switch (side)
        {
            case '1' -> Side.BUY;
            case '2' -> Side.SELL;
            default -> null;
        };
    }

    private static LiquidityFlag liquidity(final int lastLiquidityInd)
    {
        return switch (lastLiquidityInd)
        {
            case 1 -> LiquidityFlag.MAKER;
            case 2 -> LiquidityFlag.TAKER;
            default -> LiquidityFlag.NONE;
        };
    }

    /**
     * OrdRejReason(103) to Ticklane's RejectReason; FIX codes without a Ticklane counterpart become OTHER.
     */
    static RejectReason orderRejectReason(final int ordRejReason)
    {
        return switch (ordRejReason)
        {
            case 1 -> RejectReason.UNKNOWN_INSTRUMENT;     // unknown symbol
            case 2 -> RejectReason.MARKET_HALTED;          // exchange closed
            case 3 -> RejectReason.RISK_LIMIT;             // order exceeds limit
            case 5 -> RejectReason.UNKNOWN_ORDER;          // unknown order
            case 6 -> RejectReason.DUPLICATE_CLIENT_ORDER_ID; // duplicate order
            case 13 -> RejectReason.INVALID_QUANTITY;      // incorrect quantity
            default -> RejectReason.OTHER;                 // 0 broker option, 4 too late to enter, 99 other, ...
        };
    }

    /**
     * A reject FIX has no code for (OTHER) whose Text(58) is exactly the name of one of Ticklane's reasons: the reason
     * named. Ticklane's FIX venue sends its matching engine's reason that way (OrdRejReason 99 + Text, e.g.
     * {@code POST_ONLY_WOULD_TAKE}), so the strategy sees the same reason over FIX as over Aeron; any other text keeps
     * OTHER. Compares characters in place: nothing allocated.
     */
    static RejectReason namedInText(final char[] text, final int length)
    {
        for (int i = 0; i < NAMED_REASONS.length; i++)
        {
            final char[] name = REASON_NAMES[i];
            if (name.length == length && Arrays.equals(name, 0, length, text, 0, length))
            {
                return NAMED_REASONS[i];
            }
        }
        return RejectReason.OTHER;
    }

    /**
     * CxlRejReason(102) to Ticklane's RejectReason.
     */
    static RejectReason cancelRejectReason(final int cxlRejReason)
    {
        return switch (cxlRejReason)
        {
            case 0 -> RejectReason.TOO_LATE_TO_CANCEL;
            case 1 -> RejectReason.UNKNOWN_ORDER;
            case 6 -> RejectReason.DUPLICATE_CLIENT_ORDER_ID;
            default -> RejectReason.OTHER;                 // 2 broker option, 3 already pending, 99 other, ...
        };
    }

    private static RejectReason[] namedReasons()
    {
        return Arrays.stream(RejectReason.values())
            .filter((r) -> RejectReason.NONE != r && RejectReason.NULL_VAL != r).toArray(RejectReason[]::new);
    }

    private static char[][] reasonNames(final RejectReason[] reasons)
    {
        final char[][] names = new char[reasons.length][];
        for (int i = 0; i < reasons.length; i++)
        {
            names[i] = reasons[i].name().toCharArray();
        }
        return names;
    }

    private int refuse(final FixReportRefusal reason)
    {
        refusals[reason.ordinal()]++;
        return REFUSED;
    }
}
