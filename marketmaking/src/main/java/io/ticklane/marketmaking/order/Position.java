package io.ticklane.marketmaking.order;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.PositionStateDecoder;
import io.ticklane.sbe.PositionStateEncoder;
import io.ticklane.sbe.Side;

/**
 * Position and PnL of one instrument from its fills: signed position in lots, average entry price in ticks, realised
 * PnL on reductions and flips, unrealised PnL against a mark, and fees. Realised and unrealised PnL are kept in
 * ticks × lots; {@code tickValue} (currency per tick per lot) turns them and notional into currency.
 * <p>
 * Fees are basis points of notional, charged per fill by liquidity: maker rebates are negative fees, so a rebate
 * lowers {@link #fees()}. A fill without a liquidity flag pays the taker fee (the conservative reading). Net PnL =
 * realised + unrealised − fees.
 * <p>
 * A position does not judge a fill: it books what it is given. Whether a report's fill is one to book (an order held,
 * once per exec id, within its open quantity) is {@link Orders#onExecutionReport}'s answer, so a caller books a
 * report only when that answer {@link OrderUpdate#booksFill() says so}.
 */
public final class Position
{
    private static final double BASIS_POINTS = 10_000.0;

    private final int instrumentId;
    private final double tickValue;
    private final double makerFeeBps;
    private final double takerFeeBps;

    private long position;
    private double averagePrice;
    private double realisedTicksLots;
    private double fees;
    private long boughtQuantity;
    private long soldQuantity;
    private long fills;

    /**
     * @param instrumentId instrument whose fills this position takes from execution reports.
     * @param tickValue    currency value of one tick on one lot, positive.
     * @param makerFeeBps  fee on passive fills, basis points of notional; negative for a rebate.
     * @param takerFeeBps  fee on aggressive fills, basis points of notional.
     */
    public Position(final int instrumentId, final double tickValue, final double makerFeeBps, final double takerFeeBps)
    {
        if (!(tickValue > 0) || Double.isInfinite(tickValue))
        {
            throw new IllegalArgumentException("tick value must be positive and finite, got " + tickValue);
        }
        if (!Double.isFinite(makerFeeBps) || !Double.isFinite(takerFeeBps))
        {
            throw new IllegalArgumentException("fees must be finite, got maker " + makerFeeBps + " taker " + takerFeeBps);
        }
        this.instrumentId = instrumentId;
        this.tickValue = tickValue;
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
    }

    /**
     * Takes the fill in an execution report, if it is a fill of this instrument. Call it only for a fill
     * {@link Orders} accepted: it does not match the report to an order or check its exec id.
     *
     * @param report a decoder wrapped over the report.
     * @return true if a fill was applied.
     */
    public boolean onExecutionReport(final ExecutionReportDecoder report)
    {
        final short execType = report.execTypeRaw();
        // compared raw: ExecType.get would throw on a value written by a newer schema
        final boolean fill = ExecType.PARTIAL_FILL.value() == execType || ExecType.FILL.value() == execType;
        if (!fill || report.instrumentId() != instrumentId)
        {
            return false;
        }
        final short sideRaw = report.sideRaw();
        final Side side = Side.BUY.value() == sideRaw ? Side.BUY : Side.SELL.value() == sideRaw ? Side.SELL : Side.NULL_VAL;
        return onFill(side, report.lastPrice(), report.lastQuantity(), LiquidityFlag.MAKER.value() == report.liquidityRaw());
    }

    /**
     * Applies one fill.
     *
     * @param side     BUY or SELL (anything else is ignored).
     * @param price    fill price, ticks.
     * @param quantity lots, positive (anything else is ignored).
     * @param maker    true if the fill was passive (maker fee), false if aggressive or unknown (taker fee).
     * @return true if applied.
     */
    public boolean onFill(final Side side, final long price, final long quantity, final boolean maker)
    {
        if (quantity <= 0 || (Side.BUY != side && Side.SELL != side))
        {
            return false;
        }
        final long signed = Side.BUY == side ? quantity : -quantity;
        final long before = position;
        final long after = before + signed;

        if (0 == before || Long.signum(before) == Long.signum(signed))
        {
            // opening or adding: average entry price is the quantity-weighted mean.
            averagePrice = (averagePrice * Math.abs(before) + (double)price * quantity) / Math.abs(after);
        }
        else
        {
            // reducing, closing or flipping: the closed part realises against the average entry.
            final long closed = Math.min(Math.abs(before), quantity);
            realisedTicksLots += (price - averagePrice) * closed * Long.signum(before);
            if (0 == after)
            {
                averagePrice = 0;
            }
            else if (Long.signum(after) != Long.signum(before))
            {
                averagePrice = price; // the flipped remainder opened at this fill
            }
        }
        position = after;

        final double notional = (double)price * quantity * tickValue;
        fees += notional * (maker ? makerFeeBps : takerFeeBps) / BASIS_POINTS;
        if (Side.BUY == side)
        {
            boughtQuantity += quantity;
        }
        else
        {
            soldQuantity += quantity;
        }
        fills++;
        return true;
    }

    /**
     * Writes everything the position needs to continue exactly (doubles keep their IEEE bits, nothing is rounded).
     * The instrument and fee rates are configuration and are not written. Allocates nothing.
     *
     * @param state the checkpoint's position composite.
     */
    public void encode(final PositionStateEncoder state)
    {
        state.position(position)
            .averagePrice(averagePrice)
            .realisedTicksLots(realisedTicksLots)
            .fees(fees)
            .boughtQuantity(boughtQuantity)
            .soldQuantity(soldQuantity)
            .fills(fills);
    }

    /**
     * Takes the state written by {@link #encode}.
     *
     * @param state the checkpoint's position composite.
     */
    public void decode(final PositionStateDecoder state)
    {
        position = state.position();
        averagePrice = state.averagePrice();
        realisedTicksLots = state.realisedTicksLots();
        fees = state.fees();
        boughtQuantity = state.boughtQuantity();
        soldQuantity = state.soldQuantity();
        fills = state.fills();
    }

    /**
     * @return the instrument.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return signed position, lots (positive long, negative short).
     */
    public long position()
    {
        return position;
    }

    /**
     * @return average entry price of the open position, ticks; 0 when flat.
     */
    public double averagePrice()
    {
        return averagePrice;
    }

    /**
     * @return realised PnL, ticks × lots.
     */
    public double realisedPnlTicksLots()
    {
        return realisedTicksLots;
    }

    /**
     * @return realised PnL, currency.
     */
    public double realisedPnl()
    {
        return realisedTicksLots * tickValue;
    }

    /**
     * @param markPrice mark, ticks.
     * @return unrealised PnL of the open position at the mark, ticks × lots.
     */
    public double unrealisedPnlTicksLots(final long markPrice)
    {
        return 0 == position ? 0 : (markPrice - averagePrice) * position;
    }

    /**
     * @param markPrice mark, ticks.
     * @return unrealised PnL, currency.
     */
    public double unrealisedPnl(final long markPrice)
    {
        return unrealisedPnlTicksLots(markPrice) * tickValue;
    }

    /**
     * @return fees paid so far, currency; negative when rebates exceed fees.
     */
    public double fees()
    {
        return fees;
    }

    /**
     * @param markPrice mark, ticks.
     * @return realised + unrealised − fees, currency.
     */
    public double netPnl(final long markPrice)
    {
        return realisedPnl() + unrealisedPnl(markPrice) - fees;
    }

    /**
     * @param price    ticks.
     * @param quantity lots.
     * @return notional in currency: price × quantity × tick value.
     */
    public double notional(final long price, final long quantity)
    {
        return (double)price * quantity * tickValue;
    }

    /**
     * @return lots bought so far.
     */
    public long boughtQuantity()
    {
        return boughtQuantity;
    }

    /**
     * @return lots sold so far.
     */
    public long soldQuantity()
    {
        return soldQuantity;
    }

    /**
     * @return fills applied.
     */
    public long fills()
    {
        return fills;
    }
}
