package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.order.Orders;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the checkpoint fixture {@link CheckpointFixtureTest} restores, and prints the state it holds. Run once per
 * schema version that changes the StrategyCheckpoint message, and commit the new file beside the old ones: each
 * fixture stays, so every later build proves it still restores what earlier builds wrote. Disabled unless asked:
 * <pre>
 * ./mvnw -B -q -o -pl marketmaking -am verify -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=CheckpointFixtureWriter -Dticklane.writeCheckpointFixture=true
 * </pre>
 * It writes {@code src/test/resources/checkpoint/strategy-checkpoint-v<schema version>.bin} (the working directory
 * of the tests is the module). Expected values in the test are written by hand from the printout, after checking
 * them against the scenario below.
 */
class CheckpointFixtureWriter
{
    static final long SECOND = 1_000_000_000L;
    static final String QUOTER = "as-finite(gamma=0.1,horizon_s=60,sigma=1,k=1.5,order_size=2)";
    static final long JOURNAL_INDEX = 0x0000_0003_0000_002AL;

    /**
     * The scenario: quotes around 995/1005; the bid fills 1 of 2, the ask fills 2 of 2 (short 1, with PnL); the
     * market moves up so both quotes are being replaced; then the operator's FLATTEN: REDUCE_ONLY, cancels out.
     *
     * @return a strategy in that state.
     */
    static StrategyHarness scenario()
    {
        final StrategyHarness h = new StrategyHarness(QUOTER);
        h.snapshot(SECOND, 995, 1005);
        h.acknowledgeAll(SECOND);
        h.fill(2 * SECOND, h.lastBidId, Side.BUY, h.lastBidPrice, 1, 1);
        h.acknowledgeAll(2 * SECOND);
        h.fill(3 * SECOND, h.lastAskId, Side.SELL, h.lastAskPrice, 2, 0);
        h.acknowledgeAll(3 * SECOND);
        h.touch(4 * SECOND, 995, 1005, 997, 1007);
        h.admin(5 * SECOND, AdminCommandType.FLATTEN);
        return h;
    }

    @Test
    @EnabledIfSystemProperty(named = "ticklane.writeCheckpointFixture", matches = "true")
    void writeFixture() throws IOException
    {
        final StrategyHarness h = scenario();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[h.strategy.maxCheckpointLength()]);
        final int length = h.strategy.checkpoint(buffer, 0, JOURNAL_INDEX);
        final int version = new MessageHeaderDecoder().wrap(buffer, 0).version();
        final Path file = Path.of("src/test/resources/checkpoint/strategy-checkpoint-v" + version + ".bin");
        Files.createDirectories(file.getParent());
        Files.write(file, Arrays.copyOf(buffer.byteArray(), length));
        print(h.strategy, file, length);
    }

    private static void print(final QuotingStrategy s, final Path file, final int length)
    {
        System.out.println(file.toAbsolutePath() + ": " + length + " bytes");
        System.out.println("position " + s.position().position() + " avg " + s.position().averagePrice() +
            " realised " + s.position().realisedPnlTicksLots() + " fees " + s.position().fees() + " fills " +
            s.position().fills() + " bought " + s.position().boughtQuantity() + " sold " + s.position().soldQuantity());
        System.out.println("risk " + s.risk().mode() + " " + s.risk().modeReason() + " since " + s.risk().modeSinceNs() +
            " pnl " + s.risk().pnl() + " peak " + s.risk().peakPnl());
        System.out.println("next id " + s.quoteManager().nextClientOrderId());
        final Orders o = s.orders();
        System.out.println("open " + o.openOrderCount() + " in flight " + o.inFlightCount());
        for (int slot = 0; slot < o.capacity(); slot++)
        {
            if (null != o.stateAt(slot))
            {
                final long id = o.clientOrderIdAt(slot);
                System.out.println("slot " + slot + " " + o.stateAt(slot) + " " + o.sideAt(slot) + " id " + id +
                    " price " + o.price(id) + " leaves " + o.leavesQuantity(id) + " filled " + o.filledQuantity(id) +
                    " sent " + o.sentTimeNs(id));
            }
        }
    }
}
