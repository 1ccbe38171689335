package io.ticklane.backtest;

import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal small enough to follow by hand. The as-finite quoter with a huge k and a tiny sigma has a half-spread of
 * about 0.001 tick, so it bids floor(mid - 0.001) and asks ceil(mid + 0.001), 2 lots each.
 * <ol>
 *     <li>t0: book 100 x 10 / 110 x 10, mid 105: bid 104, ask 106.</li>
 *     <li>t0 + 1 ms: a bid of 3 lots joins at 103, mid 106.5: the bid moves to 106 (nothing displayed there, so
 *     nothing ahead), the ask to 107.</li>
 *     <li>t0 + 2 ms: a seller prints 3 lots at 103, strictly through our 106: the bid fills 2 lots at its own price,
 *     106, as a maker.</li>
 *     <li>t0 + 3 ms: the 103 level goes, mid 105 again.</li>
 * </ol>
 * Position +2 bought at 106, marked at 105: realised 0, unrealised (105 - 106) x 2 = -2 ticks x lots (the adverse
 * selection of a fill through the price). With a 10 bps maker fee: 106 x 2 x 0.001 = 0.212.
 */
class BacktestDriverTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    @TempDir
    Path tmp;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private Path journal;
    private StrategyConfig config;

    @BeforeEach
    void writeJournal() throws IOException
    {
        journal = tmp.resolve("tiny");
        final JournalInstrument instrument = new JournalInstrument(1, "TEST", 1, 1, (byte)0, (byte)0);
        try (JournalWriter writer = JournalWriter.create(journal, JournalHeader.current(List.of(instrument), "none", "test", "hand")))
        {
            final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
                .exchangeTimeNs(T0).receiveTimeNs(T0).instrumentId(1).sequence(1);
            snapshot.levelsCount(2).next().side(Side.BUY).price(100).quantity(10).next().side(Side.SELL).price(110).quantity(10);
            writer.append(Direction.IN, 1, T0, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());

            append(writer, update(T0 + MS, 2, L2Action.NEW, 103, 3));

            final TradeEncoder trade = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
                .exchangeTimeNs(T0 + 2 * MS).receiveTimeNs(T0 + 2 * MS).instrumentId(1).sequence(2).tradeId(1)
                .priceUnits(103).quantity(3).aggressorSide(AggressorSide.SELL).tradeType(TradeType.REGULAR);
            writer.append(Direction.IN, 1, T0 + 2 * MS, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());

            append(writer, update(T0 + 3 * MS, 3, L2Action.DELETE, 103, 0));
        }
        config = StrategyConfig.load(Files.writeString(tmp.resolve("as.properties"),
            "quoter=as-finite(gamma=0.05,horizon_s=60,sigma_fallback=0.01,k_fallback=1000,order_size=2)\n"));
    }

    @Test
    void restingBidFillsWhenATradePrintsThroughItsPrice() throws IOException
    {
        final BacktestResult result = backtest("risk-averse");

        assertEquals(4, result.marketEvents());
        assertEquals(2 + 1 + 1 + 1, result.bookLevelChanges(), "snapshot levels, two one-level updates, one trade");
        assertEquals(1, result.fills());
        assertEquals(2, result.makerQuantity());
        assertEquals(0, result.takerQuantity());
        assertEquals(0, result.venueRejects());
        assertEquals(2, result.position());
        assertEquals(105, result.lastMid());
        assertEquals(0.0, result.realisedPnl());
        assertEquals(-2.0, result.unrealisedPnl(), 1e-9);
        assertEquals(0.0, result.fees());
        assertEquals(-2.0, result.netPnl(), 1e-9);
    }

    /**
     * The bid fills 2 lots at 106 at t0 + 2 ms, when the mid was (103 + 110) / 2 = 106.5: edge +0.5 tick. The data
     * ends 1 ms later, so every markout horizon (100 ms and up) is excluded. Inventory is 0 for 2 ms, then 2 for
     * 1 ms: time-weighted mean 2/3 lot over the 3 ms window.
     */
    @Test
    void metricsOfTheHandBuiltRun() throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1)
                .queueModel("risk-averse").latencyModel("constant:0,0,0").feeModel(new BpsFeeModel(0, 0)), config::newStrategy);
            final BacktestResult result = driver.run(reader, null);
            final BacktestMetrics metrics = driver.metrics();

            assertEquals(result.netPnl(), metrics.netPnl(), 1e-9);
            assertEquals(-2.0, metrics.unrealisedPnl(), 1e-9);
            assertEquals(0.5, metrics.markoutEdge().value(), 1e-12);
            for (final BacktestMetrics.Markout markout : metrics.markouts())
            {
                assertEquals(0, markout.fills());
                assertEquals(1, markout.excluded());
            }
            assertEquals(2.0 / 3, metrics.inventoryMean().value(), 1e-12);
            assertEquals(2, metrics.maxLong());
            assertEquals(212, metrics.turnoverTicksLots(), 0);
            assertEquals(1, metrics.days().size());
            assertEquals(-2.0, metrics.days().get(0).net(), 1e-9);
            assertEquals(T0, metrics.startNs());
            assertEquals(T0 + 3 * MS, metrics.endNs());
        }
    }

    @Test
    void withASlowFeedTheBidHasNotMovedWhenTheTradePrints() throws IOException
    {
        // feed latency 1.5 ms: the strategy sees the 103 bid at t0 + 2.5 ms, after the print at t0 + 2 ms, so its
        // bid is still at 104 when the seller prints through it: bought 2 at 104, marked at 105
        final BacktestResult result = run(new VenueContext().instrumentId(1).priceUnitsPerTick(1).queueModel("risk-averse")
            .latencyModel("constant:1500000,0,0").feeModel(new BpsFeeModel(0, 0)));

        assertEquals(1, result.fills());
        assertEquals(2, result.position());
        assertEquals(2.0, result.unrealisedPnl(), 1e-9);
        assertEquals(2.0, result.netPnl(), 1e-9);
    }

    /**
     * Feed F = 300 us, entry E = 200 us, response R = 100 us. The strategy sees the snapshot at t0 + F, stamped so,
     * sends its quotes then, and they arrive at t0 + F + E: every order answers a market event F + E before its venue
     * arrival, and every new order's ACK reaches the strategy E + R after it was sent, so a fill report reaches it no
     * earlier than F + E + R after the event that caused the order. (Before the strategy's clock was the frame's
     * recorded receive time, orders were sent "in the past" and arrived E after the event: the round trip was about
     * max(F, E).) The fill itself is unchanged: the bid at 106 is live from t0 + 1.5 ms, before the print at 2 ms.
     */
    @Test
    void feedEntryAndResponseLatenciesAddUpInTheRealisedRoundTrip() throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1)
                .queueModel("risk-averse").latencyModel("constant:300000,200000,100000").feeModel(new BpsFeeModel(0, 0)),
                config::newStrategy);
            final BacktestResult result = driver.run(reader, null);
            final RealisedLatency.Figures latency = driver.realisedLatency();

            assertEquals(2, result.position());
            assertEquals(-2.0, result.netPnl(), 1e-9);
            assertTrue(latency.tickToVenueArrival().count() >= 2, latency.toString());
            assertEquals(500_000, latency.tickToVenueArrival().min(), 500, "F + E");
            assertEquals(500_000, latency.tickToVenueArrival().max(), 500, "F + E");
            assertEquals(3, latency.orderRoundTrip().count(), "the two first quotes, and the bid that follows the fill");
            assertEquals(300_000, latency.orderRoundTrip().min(), 300, "E + R");
            assertEquals(300_000, latency.orderRoundTrip().max(), 300, "E + R");
        }
    }

    @Test
    void makerFeeOfTheVenueIsChargedOnTheFill() throws IOException
    {
        final BacktestResult result = backtestWithFees(10.0);

        assertEquals(1, result.fills());
        assertEquals(0.212, result.fees(), 1e-9);
        assertEquals(-2.0 - 0.212, result.netPnl(), 1e-9);
    }

    @Test
    void twoRunsGiveTheSameResultApartFromTheWallClock() throws IOException
    {
        final BacktestResult first = backtest("prob-power:3");
        final BacktestResult second = backtest("prob-power:3");

        assertEquals(withoutWallClock(first), withoutWallClock(second));
    }

    /**
     * Timer ticks fall on multiples of the interval in epoch time after the first event, up to the last: t0 is a
     * multiple of 0.4 ms and 1 ms, and the data end at t0 + 3 ms, so 0.4 ms gives t0 + 0.4 … t0 + 2.8 ms (7 ticks) and
     * 1 ms gives t0 + 1, 2, 3 ms (3: a tick at the last event's time comes before it). Without the setting, none.
     */
    @Test
    void timerTicksFallOnMultiplesOfTheIntervalWithinTheData() throws IOException
    {
        assertEquals(0, timerTicks(0));
        assertEquals(7, timerTicks(400_000));
        assertEquals(3, timerTicks(1_000_000));
    }

    /**
     * Given quotes resting and then 5 s without market data (stale after 1 s): without timers the risk gate learns of
     * the silence only from the next market event; with 100 ms timers it finds the data stale at t0 + 1.1 s and the
     * strategy cancels both quotes then, before the data resume.
     */
    @Test
    void withTimerTicksTheRiskGateCancelsQuotesWhenMarketDataGoStale() throws IOException
    {
        final Path quiet = tmp.resolve("quiet");
        final JournalInstrument instrument = new JournalInstrument(1, "TEST", 1, 1, (byte)0, (byte)0);
        try (JournalWriter writer = JournalWriter.create(quiet, JournalHeader.current(List.of(instrument), "none", "test", "hand")))
        {
            final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
                .exchangeTimeNs(T0).receiveTimeNs(T0).instrumentId(1).sequence(1);
            snapshot.levelsCount(2).next().side(Side.BUY).price(100).quantity(10).next().side(Side.SELL).price(110).quantity(10);
            writer.append(Direction.IN, 1, T0, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
            append(writer, update(T0 + 5_000 * MS, 2, L2Action.NEW, 101, 3));
        }
        final StrategyConfig stale = StrategyConfig.load(Files.writeString(tmp.resolve("stale.properties"),
            "risk.stale_market_data_ms=1000\n" +
            "quoter=as-finite(gamma=0.05,horizon_s=60,sigma_fallback=0.01,k_fallback=1000,order_size=2)\n"));

        final long[] without = cancelsAndTicks(quiet, stale, 0);
        final long[] with = cancelsAndTicks(quiet, stale, 100 * MS);

        assertEquals(0, without[0]);
        assertEquals(0, without[1]);
        assertEquals(50, with[1]);
        assertEquals(2, with[0]);
    }

    private long timerTicks(final long intervalNs) throws IOException
    {
        return cancelsAndTicks(journal, config, intervalNs)[1];
    }

    /**
     * @return {cancel requests the strategy sent, timer ticks delivered}.
     */
    private static long[] cancelsAndTicks(final Path journal, final StrategyConfig config, final long intervalNs)
        throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1)
                .queueModel("risk-averse").latencyModel("constant:0,0,0").feeModel(new BpsFeeModel(0, 0)), config::newStrategy)
                .timerTicks(intervalNs);
            final BacktestResult result = driver.run(reader, null);
            return new long[]{result.cancels(), driver.timerTicksDelivered()};
        }
    }

    private BacktestResult backtest(final String queue) throws IOException
    {
        return run(new VenueContext().instrumentId(1).priceUnitsPerTick(1).queueModel(queue)
            .latencyModel("constant:0,0,0").feeModel(new BpsFeeModel(0, 0)));
    }

    private BacktestResult backtestWithFees(final double makerBps) throws IOException
    {
        return run(new VenueContext().instrumentId(1).priceUnitsPerTick(1).queueModel("risk-averse")
            .latencyModel("constant:0,0,0").feeModel(new BpsFeeModel(makerBps, 0)));
    }

    private BacktestResult run(final VenueContext context) throws IOException
    {
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(context, config::newStrategy);
            final BacktestResult result = driver.run(reader, null);
            final Position position = driver.strategy().position();
            assertEquals(result.position(), position.position());
            return result;
        }
    }

    private static BacktestResult withoutWallClock(final BacktestResult r)
    {
        return new BacktestResult(r.marketEvents(), r.reportsDelivered(), r.firstEventNs(), r.lastEventNs(), r.position(),
            r.lastMid(), r.realisedPnl(), r.unrealisedPnl(), r.fees(), r.netPnl(), r.newOrders(), r.cancels(), r.replaces(),
            r.fills(), r.makerQuantity(), r.takerQuantity(), r.venueRejects(), r.riskRejections(),
            r.venueRejectsByReason(), r.riskRejectsByCheck(), r.riskMode(), r.riskModeReason(), r.riskModeSinceNs(),
            r.riskModeChanges(), r.bookFramesWhileStale(), r.bookLevelChanges(), 0);
    }

    private int update(final long timeNs, final long sequence, final L2Action action, final long price, final long quantity)
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(1).sequence(sequence).prevSequence(sequence - 1);
        update.levelsCount(1).next().side(Side.BUY).action(action).price(price).quantity(quantity);
        return MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
    }

    private void append(final JournalWriter writer, final int length)
    {
        writer.append(Direction.IN, 1, buffer.getLong(MessageHeaderEncoder.ENCODED_LENGTH), buffer, 0, length);
    }
}
