package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpinTest
{
    private static final double PHI_1 = 0.841344746068542949; // Φ(1), standard table value

    private final Trades trades = new Trades();

    @Test
    void aTradeOfAbsurdSizeClosesItsBucketsAtOnceWithTheValueOfEnoughOfThem()
    {
        // found by InboundFrameFuzzTest: a hostile trade of 2^62 lots looped over one bucket at a time, for ever, on the
        // trading thread. Past (longest window) + 1 buckets every window holds the same buckets: the value cannot
        // differ from the same volume traded bucket by bucket, one trade each.
        final Vpin huge = new Vpin("vpin", 10, 50, 50, TradeClassification.BVC);
        final Vpin stepped = new Vpin("vpin", 10, 50, 50, TradeClassification.BVC);
        final Vpin tick = new Vpin("vpin", 10, 50, 50, TradeClassification.TICK);
        for (final Vpin vpin : List.of(huge, stepped, tick))
        {
            trades.trade(vpin, 100, 7);
            trades.trade(vpin, 103, 10);
            trades.trade(vpin, 99, 10);
        }
        final long quantity = 1L << 62;
        trades.trade(huge, 101, quantity);
        trades.trade(stepped, 101, 3);
        for (int i = 0; i < 200; i++)
        {
            trades.trade(stepped, 101, 10);
        }
        assertEquals((7 + 20 + quantity) / 10, huge.bucketsClosed());
        assertEquals(203, stepped.bucketsClosed());
        assertEquals(stepped.value(), huge.value(), 1e-12);
        // by the tick rule the uptick makes every bucket of the trade a buy: the last 50 are all imbalance
        trades.trade(tick, 101, quantity);
        assertEquals(1.0, tick.value(), 0.0);
    }

    @Test
    void bulkVolumeVpinOverAHandComputedTradeSequence()
    {
        // V = 10 lots, σ over the last 3 bucket changes, VPIN over n = 2 buckets
        final Vpin vpin = new Vpin("vpin", 10, 2, 3, TradeClassification.BVC);

        // bucket 0: 4 + 6 lots, closes at 100
        trades.trade(vpin, 100, 4);
        trades.trade(vpin, 100, 6);
        // bucket 1: 3 lots at 102, then a 9-lot trade at 101 is split: 7 close bucket 1 at 101 (ΔP1 = +1), 2 open bucket 2
        trades.trade(vpin, 102, 3);
        trades.trade(vpin, 101, 9);
        assertEquals(2, vpin.bucketsClosed());
        // one 18-lot trade at 100: 8 close bucket 2 at 100 (ΔP2 = −1), 10 fill and close bucket 3 at 100 (ΔP3 = 0).
        // Bucket 3 is the first classified: σ of (1, −1, 0) = √((1 + 1 + 0) / 2) = 1, z = 0, Φ = 0.5,
        // V_B = 5, V_S = 5, |V_S − V_B| = 0. One bucket in a window of 2: still NaN.
        trades.trade(vpin, 100, 18);
        assertEquals(4, vpin.bucketsClosed());
        assertTrue(Double.isNaN(vpin.value()));

        // bucket 4: 10 at 101, ΔP4 = +1; σ of (−1, 0, 1) = 1, z = 1: V_B = 10·Φ(1) = 8.41345, V_S = 1.58655,
        // |V_S − V_B| = 10·(2Φ(1) − 1) = 6.82689; VPIN = (0 + 6.82689) / (2 · 10) = Φ(1) − 0.5 = 0.341345
        trades.trade(vpin, 101, 10);
        assertEquals(PHI_1 - 0.5, vpin.value(), 1e-14);

        // a book change and an empty trade change nothing
        trades.bookChange(vpin);
        trades.trade(vpin, 90, 0);
        assertEquals(PHI_1 - 0.5, vpin.value(), 1e-14);

        // bucket 5: 4 at 103 then 6 at 100, close 100, ΔP5 = −1; σ of (0, 1, −1) = 1, z = −1: V_B = 1.58655,
        // V_S = 8.41345, imbalance 6.82689; VPIN = (6.82689 + 6.82689) / 20 = 2Φ(1) − 1 = 0.682689
        trades.trade(vpin, 103, 4);
        assertEquals(PHI_1 - 0.5, vpin.value(), 1e-14, "a bucket still open does not move VPIN");
        trades.trade(vpin, 100, 6);
        assertEquals(2 * PHI_1 - 1, vpin.value(), 1e-14);

        // bucket 6: 10 at 100, ΔP6 = 0; σ of (1, −1, 0) = 1, z = 0, imbalance 0; VPIN = (6.82689 + 0) / 20 = 0.341345
        trades.trade(vpin, 100, 10);
        assertEquals(PHI_1 - 0.5, vpin.value(), 1e-14);

        // bucket 7: 10 at 100, ΔP7 = 0; σ of (−1, 0, 0): mean −1/3, variance (4/9 + 1/9 + 1/9) / 2 = 1/3 > 0, z = 0,
        // imbalance 0; VPIN = (0 + 0) / 20 = 0
        trades.trade(vpin, 100, 10);
        assertEquals(0.0, vpin.value(), 1e-15);

        // 3 lots at 105 only open bucket 8
        trades.trade(vpin, 105, 3);
        assertEquals(0.0, vpin.value(), 1e-15);
        assertEquals(8, vpin.bucketsClosed());
    }

    @Test
    void tickRuleSplitsEachTradeByTheDirectionOfTheLastPriceChange()
    {
        final Vpin vpin = new Vpin("vpin", 10, 2, 2, TradeClassification.TICK);

        // bucket 0: 5 at 100 (no earlier price: sign unknown, 2.5 buy / 2.5 sell), 5 at 101 (uptick: buy)
        // → V_B = 7.5, V_S = 2.5, imbalance 5
        trades.trade(vpin, 100, 5);
        trades.trade(vpin, 101, 5);
        assertTrue(Double.isNaN(vpin.value()), "one bucket of two");
        // bucket 1: 4 at 101 (zero tick: inherits buy), 8 at 100 (downtick: sell) of which 6 fill the bucket
        // → V_B = 4, V_S = 6, imbalance 2; VPIN = (5 + 2) / (2 · 10) = 0.35
        trades.trade(vpin, 101, 4);
        trades.trade(vpin, 100, 8);
        assertEquals(0.35, vpin.value(), 1e-15);
        // bucket 2: the 2 sold lots carried over, then 8 at 100 (zero tick: inherits sell) → V_S = 10, imbalance 10;
        // VPIN = (2 + 10) / 20 = 0.6
        trades.trade(vpin, 100, 8);
        assertEquals(0.6, vpin.value(), 1e-15);
    }

    @Test
    void aggressorSideIsUsedWhenGivenAndTheTickRuleOtherwise()
    {
        final Vpin vpin = new Vpin("vpin", 10, 1, 2, TradeClassification.AGGRESSOR);

        // bucket 0: 6 bought, 4 sold by the aggressor → imbalance 2; VPIN = 2 / 10
        trades.trade(vpin, 100, 6, +1);
        trades.trade(vpin, 100, 4, -1);
        assertEquals(0.2, vpin.value(), 1e-15);
        // bucket 1: 10 at 99 without a side: downtick, a sell → imbalance 10; VPIN = 1
        trades.trade(vpin, 99, 10, 0);
        assertEquals(1.0, vpin.value(), 1e-15);
        // bucket 2: 5 bought at 99, 5 sold at 101 (an uptick the tick rule would call a buy) → imbalance 0
        trades.trade(vpin, 99, 5, +1);
        trades.trade(vpin, 101, 5, -1);
        assertEquals(0.0, vpin.value(), 1e-15);
    }

    @Test
    void bulkVolumeWarmUpIsSigmaWindowPlusWindowBucketsAndSigmaWindowDefaultsToWindow()
    {
        // window = 3, sigma_window defaults to 3: the first change needs bucket 1, σ needs 3 changes (bucket 3),
        // then 3 classified buckets (3, 4, 5): the first value after bucket 6 of 1-lot buckets (index 5)
        final Factor vpin = FactorCatalogue.standard().create("vpin(bucket_volume=1,window=3)").get(0);
        final double[] prices = {100, 101, 100, 102, 101, 100, 101};
        for (int i = 0; i < prices.length; i++)
        {
            trades.trade(vpin, prices[i], 1);
            assertEquals(i < 5, Double.isNaN(vpin.value()), "after bucket " + i);
        }
        final double value = vpin.value();
        assertTrue(value >= 0 && value <= 1, "VPIN is a fraction: " + value);

        // window = 1: sigma_window defaults to 2 (a sample σ needs two changes): first value after bucket index 2
        final Factor short1 = FactorCatalogue.standard().create("vpin(bucket_volume=1,window=1)").get(0);
        trades.trade(short1, 100, 1);
        trades.trade(short1, 101, 1);
        assertTrue(Double.isNaN(short1.value()));
        trades.trade(short1, 100, 1);
        // changes (+1, −1): σ = √2, z = −1/√2 → V_B = Φ(−0.7071) = 0.2397500611, imbalance |1 − 2·0.23975| = 0.52050
        assertEquals(1 - 2 * (1 - 0.760249938906523269), short1.value(), 1e-15);
    }

    @Test
    void tickRuleWarmUpIsWindowBuckets()
    {
        final Factor vpin = FactorCatalogue.standard().create("vpin(bucket_volume=2,window=2,classification=tick)").get(0);
        trades.trade(vpin, 100, 3);
        assertTrue(Double.isNaN(vpin.value()));
        trades.trade(vpin, 101, 1);
        // bucket 0: 2 lots of unknown sign → 1 buy, imbalance 0; bucket 1: 1 unknown + 1 uptick buy → V_B 1.5, imbalance 1
        // VPIN = (0 + 1) / 4 = 0.25
        assertEquals(0.25, vpin.value(), 1e-15);
    }

    @Test
    void parametersAreValidatedByName()
    {
        final FactorRegistry registry = FactorCatalogue.standard();
        final List<String> bad = List.of(
            "vpin(bucket_volume=0)",
            "vpin(window=0)",
            "vpin(sigma_window=1)",
            "vpin(classification=lee_ready)",
            "vpin(widow=5)",
            "vpin_cdf(history=1)",
            "vpin_cdf(window=-3)");
        for (final String spec : bad)
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> registry.create(spec), spec);
            assertTrue(ex.getMessage().contains("vpin"), ex.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Vpin("vpin", 10, 5, 1, TradeClassification.BVC));
        assertThrows(IllegalArgumentException.class, () -> new Vpin("vpin", 10, 5, 5, null));

        final List<Factor> defaults = registry.create("vpin,vpin_cdf");
        assertEquals("vpin", defaults.get(0).id());
        assertEquals("vpin_cdf", defaults.get(1).id());
        assertTrue(Double.isNaN(defaults.get(0).value()) && Double.isNaN(defaults.get(1).value()));
    }
}
