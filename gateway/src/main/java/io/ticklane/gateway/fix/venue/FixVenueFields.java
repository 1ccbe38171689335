package io.ticklane.gateway.fix.venue;

import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecInst;
import quickfix.field.OrdRejReason;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The FIX venue's field mapping between FIX 4.4 values and the matching engine's SBE values, in one place so the
 * bridge's request and report handling reads as what it does: ClOrdID to a client order id (one spelling per id),
 * Side and TimeInForce (post-only from ExecInst=6), the engine's reject reasons to OrdRejReason and CxlRejReason,
 * and times to UTC. Stateless.
 */
final class FixVenueFields
{
    /** ClOrdID: 1 to 18 decimal digits, so it is a positive long with one spelling. */
    static final int MAX_CLIENT_ORDER_ID_DIGITS = 18;
    /**
     * Prefixes of the venue's own ids. They are alphanumeric, as many real venues' are, so the daemon is always tested
     * against ids that are not numbers: {@code V<n>} OrderID, {@code E<n>} for the engine's executions, {@code S<n>}
     * for reports the venue makes itself.
     */
    static final String ORDER_ID_PREFIX = "V";
    static final String ENGINE_EXEC_ID_PREFIX = "E";
    static final String OWN_EXEC_ID_PREFIX = "S";

    private FixVenueFields()
    {
    }

    /**
     * @return the client order id a ClOrdID stands for, or -1 if it is not 1 to 18 decimal digits without a leading
     *         zero (so each id has exactly one spelling, and the answer echoes the client's).
     */
    static long clientOrderId(final String clOrdId)
    {
        final int length = clOrdId.length();
        if (0 == length || length > MAX_CLIENT_ORDER_ID_DIGITS || '0' == clOrdId.charAt(0))
        {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = clOrdId.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static Side side(final char fixSide)
    {
        return switch (fixSide)
        {
            case quickfix.field.Side.BUY -> Side.BUY;
            case quickfix.field.Side.SELL -> Side.SELL;
            default -> null;
        };
    }

    static TimeInForce timeInForce(final char fixTif, final boolean postOnly)
    {
        return switch (fixTif)
        {
            case quickfix.field.TimeInForce.DAY -> postOnly ? TimeInForce.POST_ONLY : TimeInForce.DAY;
            case quickfix.field.TimeInForce.GOOD_TILL_CANCEL -> postOnly ? TimeInForce.POST_ONLY : TimeInForce.GTC;
            case quickfix.field.TimeInForce.IMMEDIATE_OR_CANCEL -> postOnly ? null : TimeInForce.IOC;
            case quickfix.field.TimeInForce.FILL_OR_KILL -> postOnly ? null : TimeInForce.FOK;
            default -> null;
        };
    }

    static boolean hasParticipateDoNotInitiate(final String execInst)
    {
        for (final String instruction : execInst.trim().split(" +"))
        {
            if (instruction.equals(String.valueOf(ExecInst.PARTICIPATE_DONT_INITIATE)))
            {
                return true;
            }
        }
        return false;
    }

    static int ordRejReason(final RejectReason reason)
    {
        return switch (reason)
        {
            case UNKNOWN_INSTRUMENT -> OrdRejReason.UNKNOWN_SYMBOL;
            case QUANTITY_NOT_ON_LOT, INVALID_QUANTITY -> OrdRejReason.INCORRECT_QUANTITY;
            case UNKNOWN_ORDER -> OrdRejReason.UNKNOWN_ORDER;
            case DUPLICATE_CLIENT_ORDER_ID -> OrdRejReason.DUPLICATE_ORDER;
            case RISK_LIMIT -> OrdRejReason.ORDER_EXCEEDS_LIMIT;
            case MARKET_HALTED -> OrdRejReason.EXCHANGE_CLOSED;
            case TOO_LATE_TO_CANCEL -> OrdRejReason.TOO_LATE_TO_ENTER;
            default -> OrdRejReason.OTHER; // PRICE_NOT_ON_TICK, POST_ONLY_WOULD_TAKE, THROTTLED, OTHER: Text names it
        };
    }

    static int cxlRejReason(final RejectReason reason)
    {
        return switch (reason)
        {
            case TOO_LATE_TO_CANCEL -> CxlRejReason.TOO_LATE_TO_CANCEL;
            case UNKNOWN_ORDER -> CxlRejReason.UNKNOWN_ORDER;
            case DUPLICATE_CLIENT_ORDER_ID -> CxlRejReason.DUPLICATE_CLORDID_RECEIVED;
            default -> CxlRejReason.OTHER; // the price, quantity or post-only check of a replace: Text names it
        };
    }

    static LocalDateTime utc(final long epochNs)
    {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L),
            (int)Math.floorMod(epochNs, 1_000_000_000L), ZoneOffset.UTC);
    }

    /**
     * @param venueOrderId the matching engine's order id.
     * @return the OrderID the venue sends for it.
     */
    static String orderId(final long venueOrderId)
    {
        return ORDER_ID_PREFIX + venueOrderId;
    }

    /**
     * @param engineExecId the matching engine's execution id.
     * @return the ExecID the venue sends for it.
     */
    static String engineExecId(final long engineExecId)
    {
        return ENGINE_EXEC_ID_PREFIX + engineExecId;
    }

    /**
     * @param sequence the venue's own report counter.
     * @return the ExecID of a report the venue makes itself.
     */
    static String ownExecId(final long sequence)
    {
        return OWN_EXEC_ID_PREFIX + sequence;
    }
}
