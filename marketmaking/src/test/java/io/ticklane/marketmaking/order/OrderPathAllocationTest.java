package io.ticklane.marketmaking.order;

import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves target quote → quote manager → orders, and execution report → orders + position, allocate nothing once
 * warm: a million steps, each a target and the venue's answers to whatever was sent, measured with the thread's
 * allocated-bytes counter.
 */
class OrderPathAllocationTest
{
    private static final int STEPS = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int ATTEMPTS = 3;
    private static final long STEP_NS = 2_000_000L;
    private static final int INSTRUMENT = 1;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final Orders orders = new Orders(16);
    private final Position position = new Position(INSTRUMENT, 0.01, -1.0, 3.0);
    private final Venue venue = new Venue(orders, position);
    private final TargetQuote target = new TargetQuote();
    private QuoteManager manager;
    private boolean levels;

    @Test
    void quotingAndExecutionReportsAllocateNothing()
    {
        manager = new QuoteManager(orders, venue, 2, 3, 1, 2_000, TimeInForce.POST_ONLY, 1);

        final long[] windows = measure();

        // the path really ran: every kind of action went out and every report applied
        assertTrue(manager.newsSent() > 0 && manager.replacesSent() > 0 && manager.cancelsSent() > 0);
        assertTrue(position.fills() > 0);
        assertEquals(0, venue.notApplied, "every report must apply");
        assertEquals(0, orders.illegalTransitions());
        assertSteadyStateAllocatesNothing(windows);
    }

    /**
     * The level mode (the grid quoter's): four bids and four asks whose grid moves, kept, cancelled and added by
     * price, allocate nothing either.
     */
    @Test
    void levelQuotingAndExecutionReportsAllocateNothing()
    {
        manager = new QuoteManager(orders, venue, 2, 3, 1, 4_000, TimeInForce.POST_ONLY, 1, true);
        levels = true;

        final long[] windows = measure();

        assertTrue(manager.newsSent() > 0 && manager.cancelsSent() > 0);
        assertEquals(0, manager.replacesSent());
        assertTrue(position.fills() > 0);
        assertEquals(0, venue.notApplied, "every report must apply");
        assertEquals(0, orders.illegalTransitions());
        assertSteadyStateAllocatesNothing(windows);
    }

    private long[] measure()
    {
        run(0, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            run(end, end + STEPS);
            windows[i] = allocatedBytes() - before - overhead;
            end += STEPS;
        }
        return windows;
    }

    private void run(final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            final long timeNs = i * STEP_NS;
            if (levels)
            {
                grid(i);
            }
            else
            {
                target.clear()
                    .bid(1000 - ((i / 3) % 4) * 3, 5)
                    .ask(1010 + ((i / 5) % 3) * 2, 4);
            }
            if (i % 10 == 5)
            {
                target.noAsk();
            }
            if (i % 100 == 50)
            {
                target.take(Side.SELL, 990, 1);
            }
            manager.onTarget(target, timeNs);
            if (i % 1000 == 999)
            {
                manager.cancelAll(timeNs);
            }
            venue.answer(i % 7 == 0);
        }
    }

    /**
     * Four levels a side, one tick apart, around a mid that walks up and down a few ticks.
     */
    private void grid(final long i)
    {
        final long mid = 1000 + ((i / 4) % 6);
        target.clear();
        for (int level = 0; level < 4; level++)
        {
            target.addBid(mid - 1 - level, 2).addAsk(mid + 1 + level, 2);
        }
    }

    private static void assertSteadyStateAllocatesNothing(final long[] windows)
    {
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of " + STEPS + " steps: " + Arrays.toString(windows));
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }

    /**
     * A venue that answers every request at once: news are acked (IOC ones filled), cancels cancelled, replaces
     * replaced; on request the resting bid is filled. Answers go through the SBE flyweights like live reports.
     */
    private static final class Venue implements OrderActions
    {
        private static final int NEW = 0;
        private static final int CANCEL = 1;
        private static final int REPLACE = 2;
        private static final int QUEUE = 16;

        private final Orders orders;
        private final Position position;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
        private final ExecutionReportDecoder decoder = new ExecutionReportDecoder();

        private final int[] kind = new int[QUEUE];
        private final long[] id = new long[QUEUE];
        private final long[] orig = new long[QUEUE];
        private final boolean[] buy = new boolean[QUEUE];
        private final boolean[] ioc = new boolean[QUEUE];
        private final long[] price = new long[QUEUE];
        private final long[] quantity = new long[QUEUE];
        private int queued;

        private boolean bidResting;
        private long bidId;
        private long bidPrice;
        private long bidQuantity;
        private long execId;
        long notApplied;

        Venue(final Orders orders, final Position position)
        {
            this.orders = orders;
            this.position = position;
            encoder.wrap(buffer, 0).instrumentId(INSTRUMENT).rejectReason(RejectReason.NONE);
            decoder.wrap(buffer, 0, ExecutionReportEncoder.BLOCK_LENGTH, ExecutionReportEncoder.SCHEMA_VERSION);
        }

        @Override
        public boolean sendNew(
            final long clientOrderId, final Side side, final long price, final long quantity, final TimeInForce tif,
            final long timeNs)
        {
            return queue(NEW, clientOrderId, 0, Side.BUY == side, TimeInForce.IOC == tif, price, quantity);
        }

        @Override
        public boolean sendCancel(final long requestId, final long clientOrderId, final Side side, final long timeNs)
        {
            return queue(CANCEL, requestId, clientOrderId, Side.BUY == side, false, 0, 0);
        }

        @Override
        public boolean sendReplace(
            final long newClientOrderId, final long origClientOrderId, final Side side, final long price,
            final long quantity, final long timeNs)
        {
            return queue(REPLACE, newClientOrderId, origClientOrderId, Side.BUY == side, false, price, quantity);
        }

        private boolean queue(
            final int kind, final long id, final long orig, final boolean buy, final boolean ioc, final long price,
            final long quantity)
        {
            if (queued == QUEUE)
            {
                return false;
            }
            this.kind[queued] = kind;
            this.id[queued] = id;
            this.orig[queued] = orig;
            this.buy[queued] = buy;
            this.ioc[queued] = ioc;
            this.price[queued] = price;
            this.quantity[queued] = quantity;
            queued++;
            return true;
        }

        void answer(final boolean fillBid)
        {
            for (int i = 0; i < queued; i++)
            {
                final Side side = buy[i] ? Side.BUY : Side.SELL;
                switch (kind[i])
                {
                    case NEW:
                        if (ioc[i])
                        {
                            report(id[i], ExecType.FILL, side, price[i], quantity[i], 0, LiquidityFlag.TAKER);
                        }
                        else
                        {
                            report(id[i], ExecType.ACK, side, 0, 0, quantity[i], LiquidityFlag.NONE);
                            rest(buy[i], id[i], price[i], quantity[i]);
                        }
                        break;
                    case CANCEL:
                        report(orig[i], ExecType.CANCELLED, side, 0, 0, 0, LiquidityFlag.NONE);
                        if (buy[i] && bidId == orig[i])
                        {
                            bidResting = false;
                        }
                        break;
                    case REPLACE:
                        report(id[i], ExecType.REPLACED, side, 0, 0, quantity[i], LiquidityFlag.NONE);
                        rest(buy[i], id[i], price[i], quantity[i]);
                        break;
                    default:
                        throw new IllegalStateException("unknown request kind " + kind[i]);
                }
            }
            queued = 0;
            if (fillBid && bidResting)
            {
                report(bidId, ExecType.FILL, Side.BUY, bidPrice, bidQuantity, 0, LiquidityFlag.MAKER);
                bidResting = false;
            }
        }

        private void rest(final boolean buy, final long id, final long price, final long quantity)
        {
            if (buy)
            {
                bidResting = true;
                bidId = id;
                bidPrice = price;
                bidQuantity = quantity;
            }
        }

        private void report(
            final long clientOrderId, final ExecType execType, final Side side, final long lastPrice,
            final long lastQuantity, final long leavesQuantity, final LiquidityFlag liquidity)
        {
            // every fill here fills its whole order, so its cumulative quantity is its own
            encoder.clientOrderId(clientOrderId).execId(++execId).execType(execType).side(side).lastPrice(lastPrice)
                .lastQuantity(lastQuantity).leavesQuantity(leavesQuantity).cumQuantity(lastQuantity).liquidity(liquidity);
            final OrderUpdate update = orders.onExecutionReport(decoder);
            if (OrderUpdate.APPLIED != update)
            {
                notApplied++;
            }
            if (update.booksFill())
            {
                position.onExecutionReport(decoder);
            }
        }
    }
}
