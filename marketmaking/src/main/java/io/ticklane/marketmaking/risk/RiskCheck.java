package io.ticklane.marketmaking.risk;

import io.ticklane.sbe.RejectReason;

/**
 * The outcome of checking one outbound order: {@link #PASSED} or the first limit it broke. Each rejection maps to
 * the {@link RejectReason} an execution report would carry, so a locally rejected order reads like a venue reject.
 */
public enum RiskCheck
{
    /** Every check passed: send the order. */
    PASSED(RejectReason.NONE),
    /** Quantity is zero or negative. */
    INVALID_QUANTITY(RejectReason.INVALID_QUANTITY),
    /** Side is neither buy nor sell. */
    INVALID_SIDE(RejectReason.OTHER),
    /** The strategy is halted: only cancels are allowed. */
    HALTED(RejectReason.MARKET_HALTED),
    /** The strategy is reduce-only and the order could increase |position| or flip it. */
    REDUCE_ONLY(RejectReason.RISK_LIMIT),
    /** Quantity above the maximum order size. */
    MAX_ORDER_SIZE(RejectReason.RISK_LIMIT),
    /** Position plus working same-side quantity plus this order could go beyond the maximum position. */
    MAX_POSITION(RejectReason.RISK_LIMIT),
    /** Price × quantity × tick value above the maximum notional. */
    MAX_NOTIONAL(RejectReason.RISK_LIMIT),
    /** No reference price reported yet, so the collar cannot be checked. */
    NO_REFERENCE_PRICE(RejectReason.RISK_LIMIT),
    /** Price further from the reference than the collar allows. */
    PRICE_COLLAR(RejectReason.RISK_LIMIT),
    /** Open orders already at the maximum. */
    MAX_OPEN_ORDERS(RejectReason.RISK_LIMIT),
    /** Orders (new and replace) in the last second of event time already at the maximum. */
    ORDER_RATE(RejectReason.THROTTLED),
    /** Cancels in the last second of event time already at the maximum. */
    CANCEL_RATE(RejectReason.THROTTLED);

    private final RejectReason rejectReason;

    RiskCheck(final RejectReason rejectReason)
    {
        this.rejectReason = rejectReason;
    }

    /**
     * @return the reject reason an execution report for this outcome carries ({@link RejectReason#NONE} if passed).
     */
    public RejectReason rejectReason()
    {
        return rejectReason;
    }
}
