package io.ticklane.marketmaking.order;

import io.ticklane.sbe.Side;

/**
 * Decides whether the fill in an execution report is one to book, before it moves an order or the position: a fill
 * is booked only for an order this side holds (by its current id, or the id it carried before its last replace, or
 * an order that ended with fills still owed), at most once per (client order id, exec id), and never for more than
 * the order had open. The rules, their reasons and what happens to reports out of order are in
 * docs/decisions/fill-matching.md; in short, per open order:
 * <ul>
 *     <li>{@code venueCum} is the most the venue has said filled (a report's cumulative quantity), never below the
 *     lots booked; lots between the two are <em>owed</em>: the venue counted them in a newer report than the fill
 *     that carries them.</li>
 *     <li>A fill whose cumulative quantity is above {@code venueCum} is <em>newer</em> than anything seen: it is
 *     booked if its own cumulative quantity covers it and everything booked ({@code filled + last <= cum}) and the
 *     growth fits the open quantity ({@code cum - venueCum <= leaves}); leaves shrink by that growth.</li>
 *     <li>Any other fill is <em>late</em>: it is booked only within the owed lots, and leaves do not move.</li>
 * </ul>
 * A venue reporting in order sends only newer fills, each with {@code cum = filled + last}, so these rules book
 * exactly what the old code booked. Anything refused moves nothing and is counted by outcome.
 * <p>
 * <b>Duplicates.</b> The same (client order id, exec id) with the same side, price and quantity is a venue's
 * retransmit: ignored and counted ({@code DUPLICATE_FILL}), never a halt, because a resend is routine and must not
 * stop trading. The same ids with other content are not a retransmit but a forgery or corruption: refused
 * ({@code FILL_CONFLICT}), which halts.
 * <p>
 * The memories are bounded and preallocated: {@link RecentFills} (the last fills booked, to recognise a retransmit)
 * and {@link OwedFills}. Neither is checkpointed, and need not be: a restore sets {@code venueCum} to the booked
 * quantity, so a retransmit of a fill booked before the checkpoint finds nothing owed on its open order
 * ({@code OVERFILL}) or no order at all: it is refused and halts instead of being ignored, but is never booked twice.
 * The decision note says what else a restart in the middle of out-of-order reports costs.
 */
final class FillMatching
{
    private final OrderSlots slots;
    private final OrderStateMachine machine;
    private final RecentFills recent;
    private final OwedFills owedFills;
    private final long[] outcomes = new long[OrderUpdate.values().length];

    FillMatching(final OrderSlots slots, final OrderStateMachine machine, final RecentFills recent, final OwedFills owedFills)
    {
        this.slots = slots;
        this.machine = machine;
        this.recent = recent;
        this.owedFills = owedFills;
    }

    /**
     * One fill report.
     *
     * @param id           client order id the report carries.
     * @param execId       its exec id.
     * @param remember     false for a caller with no exec id (the primitive API): nothing is looked up or kept.
     * @param terminal     true for the venue's FILL, false for PARTIAL_FILL.
     * @param side         side the report carries; null when the caller has none (the order's own is used).
     * @param lastPrice    fill price, ticks.
     * @param lastQuantity lots filled.
     * @param cumQuantity  the venue's cumulative quantity of the order after this fill.
     * @return APPLIED or LATE_FILL to book it; DUPLICATE_FILL for a retransmit; UNKNOWN_ORDER, OVERFILL or
     *         FILL_CONFLICT when refused.
     */
    OrderUpdate onFill(
        final long id,
        final long execId,
        final boolean remember,
        final boolean terminal,
        final Side side,
        final long lastPrice,
        final long lastQuantity,
        final long cumQuantity)
    {
        if (remember)
        {
            final int seen = recent.find(id, execId);
            if (seen >= 0)
            {
                return count(recent.sameContent(seen, side, lastPrice, lastQuantity) ?
                    OrderUpdate.DUPLICATE_FILL : OrderUpdate.FILL_CONFLICT);
            }
        }
        if (lastQuantity <= 0 || (null != side && Side.BUY != side && Side.SELL != side))
        {
            return count(OrderUpdate.FILL_CONFLICT);
        }

        int slot = slots.slotOf(id);
        if (OrderSlots.NO_SLOT == slot)
        {
            slot = slots.slotOfPriorId(id);
        }
        final OrderUpdate outcome;
        if (OrderSlots.NO_SLOT != slot)
        {
            outcome = onOpenOrder(slot, terminal, side, lastQuantity, cumQuantity);
        }
        else
        {
            outcome = onEndedOrder(id, side, lastQuantity, cumQuantity, terminal);
        }
        if (remember && (OrderUpdate.APPLIED == outcome || OrderUpdate.LATE_FILL == outcome))
        {
            recent.add(id, execId, side, lastPrice, lastQuantity);
        }
        return count(outcome);
    }

    private OrderUpdate onOpenOrder(
        final int slot, final boolean terminal, final Side side, final long lastQuantity, final long cumQuantity)
    {
        final OrderSlots s = slots;
        if (null != side && side != s.side[slot])
        {
            return OrderUpdate.FILL_CONFLICT;
        }
        final long filled = s.filled[slot];
        final long venueCum = s.venueCum[slot];
        final long leaves = s.leaves[slot];
        if (cumQuantity > venueCum)
        {
            final long growth = cumQuantity - venueCum;
            if (lastQuantity > cumQuantity - filled || growth > leaves)
            {
                return OrderUpdate.OVERFILL;
            }
            return machine.applyFill(slot, terminal, lastQuantity, leaves - growth, cumQuantity);
        }
        if (lastQuantity > venueCum - filled)
        {
            return OrderUpdate.OVERFILL;
        }
        // late: counted in a newer report already, so the order's leaves and end are that report's business
        final OrderUpdate update = machine.applyFill(slot, false, lastQuantity, leaves, venueCum);
        return OrderUpdate.APPLIED == update ? OrderUpdate.LATE_FILL : update;
    }

    private OrderUpdate onEndedOrder(
        final long id, final Side side, final long lastQuantity, final long cumQuantity, final boolean terminal)
    {
        final int at = owedFills.find(id);
        if (at < 0)
        {
            return machine.unknown(terminal ? OrderEvent.FILL : OrderEvent.PARTIAL_FILL);
        }
        if (null != side && side != owedFills.side(at))
        {
            return OrderUpdate.FILL_CONFLICT;
        }
        if (cumQuantity > owedFills.venueCum(at) || lastQuantity > owedFills.owed(at))
        {
            return OrderUpdate.OVERFILL;
        }
        owedFills.take(at, lastQuantity);
        return OrderUpdate.LATE_FILL;
    }

    /**
     * A fill this side cannot take at all (e.g. for another instrument): counted as for an unknown order.
     */
    OrderUpdate refuse(final boolean terminal)
    {
        return count(machine.unknown(terminal ? OrderEvent.FILL : OrderEvent.PARTIAL_FILL));
    }

    private OrderUpdate count(final OrderUpdate outcome)
    {
        outcomes[outcome.ordinal()]++;
        return outcome;
    }

    long outcomes(final OrderUpdate outcome)
    {
        return outcomes[outcome.ordinal()];
    }

    long remembered()
    {
        return recent.size();
    }

    long forgotten()
    {
        return recent.forgotten();
    }
}
