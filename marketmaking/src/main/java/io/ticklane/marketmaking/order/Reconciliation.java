package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.Side;

/**
 * Makes the restored order state agree with the venue after a restart. The state restored from a checkpoint (and
 * the journal tail) is what this side last knew; the venue's answer to an order status request (one STATUS report
 * per live order, then a complete message with their count) is what is true now. Per order:
 * <ul>
 *     <li><b>known here and live at the venue</b>: adopted; it takes the venue's price, quantity, leaves and
 *     cumulative quantity, and a request that was in flight resolves as the venue shows it (see
 *     {@link Orders#onStatus}). A cumulative quantity above what this side saw is a fill missed while down: it is
 *     applied to the position as a maker fill at the order's price (a resting limit order fills at its price) and
 *     counted.</li>
 *     <li><b>live at the venue, unknown here</b> (sent just before the crash and never recorded): its fills are
 *     applied the same way, its id is never handed out again, and it is tracked and cancelled through the normal
 *     path, so its CANCELLED report (or a last fill) arrives like any other.</li>
 *     <li><b>known here, not at the venue</b>: it ended while this process was down and its slot is freed. How it
 *     ended is not in the venue's answer. The assumption: an order that was resting (LIVE, PARTIALLY_FILLED,
 *     PENDING_REPLACE) filled its leaves at its own price, since the venue does not cancel resting orders by itself;
 *     an order with a cancel in flight, or never acknowledged (a post-only that would cross is rejected), ended with
 *     no further fill. Each such order is counted and makes {@link #isPositionCertain()} false.</li>
 * </ul>
 * An answer whose complete message counts more (or fewer) orders than the STATUS reports that arrived is short: a
 * report was lost on the way, so an order "not reported" may still be live. Nothing is ended on it, no fill is
 * assumed, and it stays inconsistent ({@link #isCompleteButInconsistent()}) until a new request is answered whole.
 * A request made because the venue itself restarted ({@link #afterVenueRestart}: the daemon saw the venue come
 * back as a new session) is answered by a venue that may have lost its book: there, an order known here and not
 * reported is taken as dropped by the venue with no further fill (counted in {@link #lostAtVenue()}), whatever its
 * state, since a cancel sent to the old venue may even have been refused by the new one.
 * <p>
 * {@link #isConsistent()} is true when no reconciliation was asked for, or when the complete message for the
 * current request arrived, its count matched the reports, and every unknown order has left the book. Pure and
 * event-driven: no I/O, no clock, nothing allocated after construction.
 */
public final class Reconciliation
{
    private static final long NO_REQUEST = Long.MIN_VALUE;

    private final Orders orders;
    private final Position position;
    private final QuoteManager quoteManager;
    private final boolean[] expected;
    private final boolean[] seen;
    private final long[] unknownIds;
    private int unknownCount;

    private long requestId = NO_REQUEST;
    private boolean afterVenueRestart;
    private boolean complete = true;
    private long statusReports;
    private boolean countMismatch;
    private boolean untracked;

    private long adopted;
    private long missedFills;
    private long missedFillQuantity;
    private long cumBehind;
    private long unknownOrders;
    private long unknownFillQuantity;
    private long unknownNotCancelled;
    private long assumedFilled;
    private long assumedFilledQuantity;
    private long assumedEnded;
    private long lostAtVenue;
    private long staleCompletes;
    private long shortAnswers;

    /**
     * @param orders       the restored order state.
     * @param position     the restored position, corrected by fills missed while down.
     * @param quoteManager the normal order path: its id counter and its cancel.
     */
    public Reconciliation(final Orders orders, final Position position, final QuoteManager quoteManager)
    {
        this.orders = orders;
        this.position = position;
        this.quoteManager = quoteManager;
        expected = new boolean[orders.capacity()];
        seen = new boolean[orders.capacity()];
        unknownIds = new long[orders.capacity()];
    }

    /**
     * Starts a reconciliation: call when the order status request is sent. Every order open now is expected in
     * the answer.
     *
     * @param requestId id of the request; the complete message must carry it.
     */
    public void begin(final long requestId)
    {
        this.requestId = requestId;
        afterVenueRestart = isAfterVenueRestart(requestId);
        complete = false;
        statusReports = 0;
        countMismatch = false;
        untracked = false;
        unknownCount = 0;
        for (int slot = 0; slot < expected.length; slot++)
        {
            expected[slot] = null != orders.stateAt(slot);
            seen[slot] = false;
        }
    }

    /**
     * One STATUS report, read in place.
     *
     * @param report a decoder wrapped over an execution report whose exec type is STATUS.
     * @param timeNs event time.
     * @return what was done.
     */
    public StatusOutcome onStatus(final ExecutionReportDecoder report, final long timeNs)
    {
        final short sideRaw = report.sideRaw();
        final Side side = Side.BUY.value() == sideRaw ? Side.BUY : Side.SELL.value() == sideRaw ? Side.SELL : Side.NULL_VAL;
        return onStatus(report.clientOrderId(), side, report.price(), report.orderQuantity(), report.leavesQuantity(),
            report.cumQuantity(), timeNs);
    }

    /**
     * One STATUS report given as primitives.
     *
     * @param clientOrderId the order's id at the venue.
     * @param side          BUY or SELL.
     * @param price         its price, ticks.
     * @param orderQuantity its quantity, lots.
     * @param leaves        lots still open.
     * @param cum           lots filled over its life.
     * @param timeNs        event time.
     * @return what was done.
     */
    public StatusOutcome onStatus(
        final long clientOrderId,
        final Side side,
        final long price,
        final long orderQuantity,
        final long leaves,
        final long cum,
        final long timeNs)
    {
        if (complete)
        {
            return StatusOutcome.IGNORED;
        }
        statusReports++;
        final int slot = orders.slotOf(clientOrderId);
        if (slot >= 0 && expected[slot] && !seen[slot])
        {
            seen[slot] = true;
            final long missed = cum - orders.filledQuantity(clientOrderId);
            orders.onStatus(clientOrderId, price, orderQuantity, leaves, cum);
            adopted++;
            if (missed < 0)
            {
                cumBehind++;
            }
            if (missed > 0)
            {
                position.onFill(orders.sideAt(slot), price, missed, true);
                missedFills++;
                missedFillQuantity += missed;
                return StatusOutcome.ADOPTED_WITH_FILL;
            }
            return StatusOutcome.ADOPTED;
        }
        return cancelUnknown(clientOrderId, side, price, orderQuantity, leaves, cum, timeNs);
    }

    private StatusOutcome cancelUnknown(
        final long id,
        final Side side,
        final long price,
        final long orderQuantity,
        final long leaves,
        final long cum,
        final long timeNs)
    {
        unknownOrders++;
        quoteManager.skipClientOrderIdsThrough(id);
        if (cum > 0 && position.onFill(side, price, cum, true))
        {
            unknownFillQuantity += cum;
        }
        if (orders.slotOf(id) >= 0 || OrderUpdate.APPLIED != orders.onNewSent(id, side, price, orderQuantity, timeNs))
        {
            // a second report for the same id, or no free slot: cannot be tracked here
            untracked = true;
            unknownNotCancelled++;
            return StatusOutcome.UNKNOWN_NOT_CANCELLED;
        }
        orders.onStatus(id, price, orderQuantity, leaves, cum);
        unknownIds[unknownCount++] = id;
        if (!quoteManager.cancel(id, side, timeNs))
        {
            unknownNotCancelled++;
            return StatusOutcome.UNKNOWN_NOT_CANCELLED;
        }
        return StatusOutcome.UNKNOWN_CANCELLED;
    }

    /**
     * The venue's answer is complete. Orders expected and not reported ended while this process was down: their
     * slots are freed, under the assumption in the class description.
     *
     * @param requestId  id the complete message carries; another id (an old request) is ignored.
     * @param orderCount STATUS reports the venue says it sent.
     * @param timeNs     event time.
     * @return true if it completed the current reconciliation.
     */
    public boolean onComplete(final long requestId, final long orderCount, final long timeNs)
    {
        if (complete || requestId != this.requestId)
        {
            staleCompletes++;
            return false;
        }
        complete = true;
        countMismatch = orderCount != statusReports;
        if (countMismatch)
        {
            // A report went missing on the way: an order not reported may still be live, so nothing is assumed of
            // it (no fill is booked on a guess); the answer is inconsistent and must be asked for again.
            shortAnswers++;
            for (int slot = 0; slot < expected.length; slot++)
            {
                expected[slot] = false;
            }
            return true;
        }
        for (int slot = 0; slot < expected.length; slot++)
        {
            if (expected[slot] && !seen[slot])
            {
                endUnseen(slot);
            }
            expected[slot] = false;
        }
        return true;
    }

    /**
     * @return true when the answer is complete but cannot be trusted: its count disagreed with the reports that
     *         arrived, or an order the venue has could not be tracked here. Asking again is the way out.
     */
    public boolean isCompleteButInconsistent()
    {
        return NO_REQUEST != requestId && complete && (countMismatch || untracked);
    }

    private void endUnseen(final int slot)
    {
        final OrderState state = orders.stateAt(slot);
        if (null == state)
        {
            return; // ended by a normal report during the reconciliation
        }
        final long id = orders.clientOrderIdAt(slot);
        final Side side = orders.sideAt(slot);
        final long price = orders.priceAt(slot);
        final long leaves = orders.leavesAt(slot);
        if (afterVenueRestart)
        {
            lostAtVenue++;
        }
        else if (OrderState.PENDING_CANCEL == state || OrderState.PENDING_NEW == state || leaves <= 0)
        {
            assumedEnded++;
        }
        else
        {
            position.onFill(side, price, leaves, true);
            assumedFilled++;
            assumedFilledQuantity += leaves;
        }
        orders.onEndedUnseen(id);
    }

    /**
     * @return true when quoting may resume: nothing to reconcile, or the venue's answer is complete, matches its
     *         count, and every order it had that this side did not know is gone.
     */
    public boolean isConsistent()
    {
        if (NO_REQUEST == requestId)
        {
            return true;
        }
        if (!complete || countMismatch || untracked)
        {
            return false;
        }
        for (int i = 0; i < unknownCount; i++)
        {
            if (null != orders.state(unknownIds[i]))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return false if the position includes an assumption about an order that ended unseen.
     */
    public boolean isPositionCertain()
    {
        return 0 == assumedFilled && 0 == assumedEnded && 0 == lostAtVenue;
    }

    /**
     * The id of an order status request made because the venue restarted: the id is made negative, which ties the
     * request's meaning to the journaled frame (a replay reconciles the same way) without a field of its own.
     *
     * @param id a positive id, e.g. the request's time.
     * @return the id to send.
     */
    public static long afterVenueRestart(final long id)
    {
        return -Math.abs(id);
    }

    /**
     * @param requestId an order status request's id.
     * @return true if the request was made because the venue restarted (see {@link #afterVenueRestart}).
     */
    public static boolean isAfterVenueRestart(final long requestId)
    {
        return requestId < 0;
    }

    /**
     * @return true between {@link #begin} and the matching complete message.
     */
    public boolean inProgress()
    {
        return !complete;
    }

    /**
     * @param execTypeRaw an execution report's raw exec type.
     * @return true if it is a STATUS report (to be given to {@link #onStatus}).
     */
    public static boolean isStatus(final short execTypeRaw)
    {
        return ExecType.STATUS.value() == execTypeRaw;
    }

    /**
     * @return STATUS reports taken for the current request.
     */
    public long statusReports()
    {
        return statusReports;
    }

    /**
     * @return known orders adopted from the venue's answer.
     */
    public long adopted()
    {
        return adopted;
    }

    /**
     * @return known orders that had filled while this process was down.
     */
    public long missedFills()
    {
        return missedFills;
    }

    /**
     * @return lots of those missed fills, applied at the order price.
     */
    public long missedFillQuantity()
    {
        return missedFillQuantity;
    }

    /**
     * @return known orders whose venue cumulative quantity was below what this side had seen (left alone).
     */
    public long cumBehind()
    {
        return cumBehind;
    }

    /**
     * @return orders at the venue this side did not know.
     */
    public long unknownOrders()
    {
        return unknownOrders;
    }

    /**
     * @return lots those unknown orders had filled, applied at their price.
     */
    public long unknownFillQuantity()
    {
        return unknownFillQuantity;
    }

    /**
     * @return unknown orders that could not be tracked or whose cancel was refused.
     */
    public long unknownNotCancelled()
    {
        return unknownNotCancelled;
    }

    /**
     * @return orders that ended unseen and were assumed to have filled their leaves at their price.
     */
    public long assumedFilled()
    {
        return assumedFilled;
    }

    /**
     * @return lots of those assumed fills.
     */
    public long assumedFilledQuantity()
    {
        return assumedFilledQuantity;
    }

    /**
     * @return orders that ended unseen and were assumed to have ended with no further fill.
     */
    public long assumedEnded()
    {
        return assumedEnded;
    }

    /**
     * @return orders a restarted venue no longer had, taken as dropped with no further fill.
     */
    public long lostAtVenue()
    {
        return lostAtVenue;
    }

    /**
     * @return answers whose count disagreed with the STATUS reports that arrived (no order was ended on them).
     */
    public long shortAnswers()
    {
        return shortAnswers;
    }

    /**
     * @return complete messages ignored (no reconciliation in progress, or another request id).
     */
    public long staleCompletes()
    {
        return staleCompletes;
    }
}
