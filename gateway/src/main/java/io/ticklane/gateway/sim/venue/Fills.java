package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;

/**
 * The one place an order fills, whether it took liquidity or was hit resting: it moves the order's leaves and
 * cumulative quantity, prices the fee, keeps the venue's fill totals and sends the fill report. The fee is set
 * before the report goes out, so a report handler reads the fill's own fee from {@link SimulatedVenue#lastFee()}.
 */
final class Fills
{
    private final long[] leaves;
    private final long[] cum;
    private final Side[] side;
    private final FeeModel feeModel;
    private final ReportEncoder reports;

    private double lastFee;
    private double totalFees;
    private long makerQuantity;
    private long takerQuantity;
    private long fills;
    private long netPosition;

    Fills(final VenueOrders orders, final FeeModel feeModel, final ReportEncoder reports)
    {
        this.leaves = orders.leaves;
        this.cum = orders.cum;
        this.side = orders.side;
        this.feeModel = feeModel;
        this.reports = reports;
    }

    /**
     * Fills part or all of an order's leaves and reports it. The caller takes a completed order out of the book.
     *
     * @param slot         the order.
     * @param fillQuantity lots, at most its leaves.
     * @param fillPrice    ticks.
     * @param maker        true when the order was resting, false when it took.
     * @return true when the order is now completely filled.
     */
    boolean fill(final int slot, final long fillQuantity, final long fillPrice, final boolean maker)
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
        netPosition += Side.BUY == side[slot] ? fillQuantity : -fillQuantity;
        final boolean done = 0 == leaves[slot];
        reports.report(slot, done ? ExecType.FILL : ExecType.PARTIAL_FILL, fillPrice, fillQuantity,
            maker ? LiquidityFlag.MAKER : LiquidityFlag.TAKER, RejectReason.NONE);
        return done;
    }

    double lastFee()
    {
        return lastFee;
    }

    double totalFees()
    {
        return totalFees;
    }

    long makerQuantity()
    {
        return makerQuantity;
    }

    long takerQuantity()
    {
        return takerQuantity;
    }

    long fills()
    {
        return fills;
    }

    long netPosition()
    {
        return netPosition;
    }
}
