package io.ticklane.marketmaking.risk;

import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.Side;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static io.ticklane.marketmaking.risk.RiskFixture.MS;
import static io.ticklane.marketmaking.risk.RiskFixture.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves the gate allocates nothing once warm: a million events mixing every input, check and outcome (passes,
 * each kind of rejection, mode changes both ways, operator commands, flatten orders),
 * measured with the thread's allocated-bytes counter.
 */
class RiskGateAllocationTest
{
    private static final int EVENTS = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int ATTEMPTS = 3;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /**
     * @param relativeCollar the passive collar in bps of a reference that moves every event (50 bps of 1,000 to 1,008:
     *                       5 ticks), recomputed on each move, instead of the fixture's fixed 20 ticks.
     */
    @ParameterizedTest(name = "relative collar {0}")
    @ValueSource(booleans = {false, true})
    void checkingAMillionEventsAllocatesNothing(final boolean relativeCollar)
    {
        final RiskGate gate = new RiskGate(relativeCollar ? RiskFixture.limits().priceCollarBps(50) : RiskFixture.limits());
        final int swing = relativeCollar ? 9 : 1;

        run(gate, 0, WARM_UP, swing); // warm up: JIT compilation
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            run(gate, end, end + EVENTS, swing);
            windows[i] = allocatedBytes() - before - overhead;
            end += EVENTS;
        }

        assertTrue(gate.passedOrders() > 0 && gate.passedCancels() > 0, "orders must pass, not only be rejected");
        for (final RiskCheck check : new RiskCheck[]{
            RiskCheck.MAX_ORDER_SIZE, RiskCheck.PRICE_COLLAR, RiskCheck.ORDER_RATE, RiskCheck.HALTED, RiskCheck.REDUCE_ONLY})
        {
            assertTrue(gate.rejections(check) > 0, "the loop must exercise " + check);
        }
        assertTrue(gate.adminOutcomes(AdminOutcome.RESUMED) > 0 && gate.adminOutcomes(AdminOutcome.RESUME_REFUSED_NOTHING_TO_RESUME) > 0);
        assertTrue(gate.modeChanges() > 1000, "modes must change back and forth");
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of " + EVENTS + " events: " + Arrays.toString(windows));
    }

    /**
     * Event i happens at T0 + i ms, its reference 1,000 + i mod referenceSwing. Every step reports market data and asks for a new order (size and price vary so
     * some pass and some are rejected); other inputs come on their own cycles.
     */
    private static void run(
        final RiskGate gate, final long from, final long to, final int referenceSwing)
    {
        for (long i = from; i < to; i++)
        {
            final long timeNs = T0 + i * MS;
            final int step = (int)(i % 1_000);
            if (step < 900 || step > 950) // a 50 ms gap every second; stale after 500 ms is not reached...
            {
                final long reference = 1_000 + (i % referenceSwing);
                gate.onMarketData(timeNs, reference, reference - 1, reference + 1);
            }
            gate.onPosition((i % 997) < 990 ? (i % 41) - 20 : 130, timeNs);
            gate.onWorkingOrders(i % 5, i % 7, (int)(i % 4));
            gate.onPnl((i % 10_007) == 0 ? -5_000 : (i % 300), timeNs);
            gate.onBookState((i % 2_003) == 0 ? BookState.STALE : BookState.LIVE, timeNs);
            final Side side = (i & 1) == 0 ? Side.BUY : Side.SELL;
            gate.checkNewOrder(side, 990 + (i % 30), 1 + (i % 12), (i % 3) == 0, timeNs);
            if ((i % 4) == 0)
            {
                gate.checkReplace(side, 1_000, 1 + (i % 3), 1, false, timeNs);
            }
            if ((i % 3) == 0)
            {
                gate.checkCancel(timeNs);
            }
            if ((i % 100) == 0)
            {
                gate.onTimer(timeNs + 600 * MS); // ...but a timer tick from the future finds it stale
            }
            if ((i % 5_000) == 0)
            {
                gate.onAdmin(AdminCommandType.FLATTEN, timeNs);
                gate.nextFlattenOrder();
                gate.onAdmin(AdminCommandType.RESUME, timeNs);
                gate.onAdmin(AdminCommandType.RESUME, timeNs); // nothing left to resume: refused
            }
            else if ((i % 10_007) == 1)
            {
                gate.onNewTradingDay(timeNs);
                gate.onAdmin(AdminCommandType.RESUME, timeNs);
            }
            gate.takeAction();
        }
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
}
