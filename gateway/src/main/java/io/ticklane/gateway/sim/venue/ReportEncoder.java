package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes the venue's outcomes as SBE {@code ExecutionReport} frames and hands each, synchronously, to the report
 * handler. Every report is stamped with venue time and {@code localTimeNs = venueTimeNs + response latency}, kept
 * non-decreasing so that reports reach the strategy in the order the venue made them even when a feed-derived
 * latency shrinks. Exec ids count from 1, one per report, so none repeats within a venue run: a strategy recognises
 * a retransmitted fill by (client order id, exec id), and each fill's cumulative quantity counts it and every fill
 * before it (the bound a strategy checks fills against).
 */
final class ReportEncoder
{
    private static final int REPORT_CAPACITY = 256;

    private final long instrumentId;
    private final LatencyModel latencyModel;
    private final VenueClock clock;
    private final VenueOrders orders;
    private final MessageHandler reports;
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder reportEncoder = new ExecutionReportEncoder();
    private final UnsafeBuffer reportBuffer = new UnsafeBuffer(new byte[REPORT_CAPACITY]);
    private long lastLocalNs;
    private long nextExecId = 1;
    private long rejects;
    /** Rejects by {@link RejectReason} ordinal: preallocated, so counting one allocates nothing. */
    private final long[] rejectsByReason = new long[RejectReason.values().length];

    ReportEncoder(
        final long instrumentId,
        final LatencyModel latencyModel,
        final VenueClock clock,
        final VenueOrders orders,
        final MessageHandler reports)
    {
        this.instrumentId = instrumentId;
        this.latencyModel = latencyModel;
        this.clock = clock;
        this.orders = orders;
        this.reports = reports;
    }

    /**
     * Reports on an order the venue holds, with its current id, quantities and state.
     */
    void report(
        final int slot,
        final ExecType execType,
        final long lastPrice,
        final long lastQuantity,
        final LiquidityFlag liquidity,
        final RejectReason reason)
    {
        final VenueOrders orders = this.orders;
        encode(orders.clientOrderId[slot], orders.venueOrderId[slot], execType, orders.side[slot], orders.price[slot],
            orders.quantity[slot], lastPrice, lastQuantity, orders.leaves[slot], orders.cum[slot], liquidity, reason);
    }

    /**
     * Rejects a request (counted), echoing what it asked for.
     *
     * @param venueId the order's venue id when it is live, else 0.
     */
    void reject(
        final long id, final long venueId, final Side orderSide, final long orderPrice, final long orderQuantity,
        final RejectReason reason)
    {
        rejects++;
        rejectsByReason[reason.ordinal()]++;
        encode(id, venueId, ExecType.REJECTED, orderSide, orderPrice, orderQuantity, 0, 0, 0, 0, LiquidityFlag.NONE, reason);
    }

    /**
     * @return reject reports sent.
     */
    long rejects()
    {
        return rejects;
    }

    /**
     * @param reason a reject reason.
     * @return reject reports sent with it.
     */
    long rejects(final RejectReason reason)
    {
        return rejectsByReason[reason.ordinal()];
    }

    private void encode(
        final long id,
        final long venueId,
        final ExecType execType,
        final Side orderSide,
        final long orderPrice,
        final long orderQuantity,
        final long lastPrice,
        final long lastQuantity,
        final long leavesQuantity,
        final long cumQuantity,
        final LiquidityFlag liquidity,
        final RejectReason reason)
    {
        final long nowNs = clock.nowNs();
        final long localNs = Math.max(lastLocalNs, nowNs + latencyModel.responseLatencyNs(nowNs));
        lastLocalNs = localNs;
        reportEncoder.wrapAndApplyHeader(reportBuffer, 0, headerEncoder)
            .venueTimeNs(nowNs)
            .localTimeNs(localNs)
            .clientOrderId(id)
            .venueOrderId(venueId)
            .execId(nextExecId++)
            .instrumentId(instrumentId)
            .execType(execType)
            .side(null == orderSide ? Side.NULL_VAL : orderSide)
            .price(orderPrice)
            .orderQuantity(orderQuantity)
            .lastPrice(lastPrice)
            .lastQuantity(lastQuantity)
            .leavesQuantity(leavesQuantity)
            .cumQuantity(cumQuantity)
            .liquidity(liquidity)
            .rejectReason(reason);
        reports.onMessage(ExecutionReportEncoder.TEMPLATE_ID, reportBuffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + reportEncoder.encodedLength());
    }
}
