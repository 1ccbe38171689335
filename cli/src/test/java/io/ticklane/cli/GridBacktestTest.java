package io.ticklane.cli;

import io.ticklane.backtest.BacktestDriver;
import io.ticklane.backtest.BacktestMetrics;
import io.ticklane.backtest.BacktestResult;
import io.ticklane.backtest.MetricSettings;
import io.ticklane.gateway.sim.venue.BpsFeeModel;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.RealData;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid reference quoter over the USD-M 07-18 capture (BTCUSDT, one-tick spread nearly always), with the GLFT
 * example's venue models (risk-averse queue, 2/5/5 ms latency, 2/5 bp fees): five levels of 10 lots a side, 5 ticks
 * apart, max_position 40. What must hold whatever the market did: every order and every fill is on a grid price
 * (a multiple of 5 ticks), post-only, nothing is replaced, both sides fill, and the position stays within
 * max_position plus one order size (the cap counts the target's levels; an order whose cancel is in flight may still
 * fill, which the size of one level covers here, and the risk gate's limit of 100 lots is never reached).
 */
class GridBacktestTest
{
    private static final long STEP = 5;
    private static final long SIZE = 10;
    private static final long MAX_POSITION = 40;

    @TempDir
    Path tmp;

    @Test
    void gridOrdersAndFillsAreOnTheGridAndThePositionStaysWithinItsLimit() throws IOException
    {
        final Path journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance", "--input",
            RealData.file("binance/usdm/btcusdt_20240718.gz").toString(), "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        final StrategyConfig config = StrategyConfig.load(Files.writeString(tmp.resolve("grid.properties"),
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
            "quotes.max_orders_per_second=20\nrisk.max_orders_per_second=40\nrisk.max_cancels_per_second=40\n" +
            "quoter=grid(levels=5,step_ticks=" + STEP + ",size=" + SIZE + ",max_position=" + MAX_POSITION + ")\n"));
        final OrderSpy spy = new OrderSpy();

        final BacktestResult result;
        final BacktestMetrics metrics;
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(new VenueContext().instrumentId(1).priceUnitsPerTick(1)
                .queueModel("risk-averse").latencyModel("constant:2000000,5000000,5000000").feeModel(new BpsFeeModel(2, 5)),
                out -> config.newStrategy((type, buffer, index, length) ->
                {
                    spy.onOrder(buffer, index);
                    out.onMessage(type, buffer, index, length);
                }),
                MetricSettings.defaults());
            result = driver.run(reader, null);
            metrics = driver.metrics();
        }

        System.out.printf("grid: %d news, %d cancels, %d fills, %d lots, max long %d, max short %d, net %.0f ticks x lots,"
            + " %d bid prices, %d ask prices, mode %s %s, venue rejects %s, risk %s%n", spy.news, result.cancels(),
            result.fills(), result.makerQuantity(), metrics.maxLong(), metrics.maxShort(), result.netPnl(),
            spy.bidPrices.size(), spy.askPrices.size(), result.riskMode(), result.riskModeReason(),
            result.venueRejectsByReason(), result.riskRejectsByCheck());

        // orders: every new one post-only, on the grid, one level's size; the grid moves by cancel and new only
        assertTrue(spy.news > 0, "news " + spy.news);
        assertEquals(0, spy.offGrid, "orders off the grid");
        assertEquals(0, spy.notPostOnly);
        assertEquals(0, result.replaces());
        assertTrue(result.cancels() > 0);
        assertEquals(0, result.riskRejections(), result.riskRejectsByCheck().toString());
        assertTrue(spy.bidPrices.size() >= 5 && spy.askPrices.size() >= 5, "prices " + spy.bidPrices + " " + spy.askPrices);

        // fills: passive, on the grid, on both sides
        final long[] prices = metrics.series().fillPrices();
        final long[] signed = metrics.series().fillSigned();
        assertTrue(prices.length >= 20, "fills " + prices.length);
        assertEquals(result.fills(), prices.length);
        assertEquals(0, result.takerQuantity());
        int buys = 0;
        int sells = 0;
        for (int i = 0; i < prices.length; i++)
        {
            assertEquals(0, prices[i] % STEP, "fill " + i + " at " + prices[i]);
            assertTrue(Math.abs(signed[i]) <= SIZE);
            buys += signed[i] > 0 ? 1 : 0;
            sells += signed[i] < 0 ? 1 : 0;
        }
        assertTrue(buys > 0 && sells > 0, buys + " buys, " + sells + " sells");

        // position: within max_position plus one order size, both ways
        assertTrue(metrics.maxLong() <= MAX_POSITION + SIZE, "max long " + metrics.maxLong());
        assertTrue(metrics.maxShort() >= -(MAX_POSITION + SIZE), "max short " + metrics.maxShort());
    }

    /**
     * Reads every NewOrder frame the strategy sends (the wrapped handler forwards it to the venue unchanged).
     */
    private static final class OrderSpy
    {
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final NewOrderDecoder order = new NewOrderDecoder();
        final TreeSet<Long> bidPrices = new TreeSet<>();
        final TreeSet<Long> askPrices = new TreeSet<>();
        long news;
        long offGrid;
        long notPostOnly;

        void onOrder(final DirectBuffer buffer, final int index)
        {
            header.wrap(buffer, index);
            if (NewOrderDecoder.TEMPLATE_ID != header.templateId())
            {
                return;
            }
            order.wrapAndApplyHeader(buffer, index, header);
            news++;
            offGrid += 0 == order.price() % STEP && SIZE == order.quantity() ? 0 : 1;
            notPostOnly += TimeInForce.POST_ONLY == order.timeInForce() ? 0 : 1;
            (Side.BUY == order.side() ? bidPrices : askPrices).add(order.price());
        }
    }
}
