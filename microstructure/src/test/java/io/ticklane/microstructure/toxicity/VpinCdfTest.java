package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpinCdfTest
{
    private final Trades trades = new Trades();

    @Test
    void ranksTheCurrentVpinAmongTheLastMValues()
    {
        // Tick rule, V = 4, n = 2, m = 3. Every quantity below is a small integer or half, so VPIN values are exact
        // and ties are real ties (BVC values that are equal on paper may differ in the last bit).
        final VpinCdf cdf = new VpinCdf("vpin_cdf", 4, 2, 2, TradeClassification.TICK, 3);
        // bucket 0: 4 at 100, sign unknown → V_B = 2, imbalance 0
        trades.trade(cdf, 100, 4);
        // bucket 1: 4 at 101, uptick → V_B = 4, imbalance 4; VPIN = (0 + 4) / 8 = 0.5
        trades.trade(cdf, 101, 4);
        assertTrue(Double.isNaN(cdf.value()), "one VPIN value of a history of 3");
        // bucket 2: 4 at 100, downtick → imbalance 4; VPIN = (4 + 4) / 8 = 1
        trades.trade(cdf, 100, 4);
        assertTrue(Double.isNaN(cdf.value()), "two VPIN values of a history of 3");

        // bucket 3: 2 at 100 (inherits sell), 2 at 101 (uptick, buy) → imbalance 0; VPIN = (4 + 0) / 8 = 0.5
        // history (0.5, 1, 0.5), current 0.5: two values ≤ it → 2/3
        trades.trade(cdf, 100, 2);
        assertTrue(Double.isNaN(cdf.value()), "an open bucket adds nothing");
        trades.trade(cdf, 101, 2);
        assertEquals(2.0 / 3.0, cdf.value(), 0.0);

        // bucket 4: 2 at 101 (inherits buy), 2 at 100 (downtick, sell) → imbalance 0; VPIN = 0 / 8 = 0
        // the first 0.5 leaves: history (1, 0.5, 0), current 0: one value ≤ it → 1/3
        trades.trade(cdf, 101, 2);
        assertEquals(2.0 / 3.0, cdf.value(), 0.0, "an open bucket changes nothing");
        trades.trade(cdf, 100, 2);
        assertEquals(1.0 / 3.0, cdf.value(), 0.0);

        // bucket 5: 4 at 102, uptick → imbalance 4; VPIN = (0 + 4) / 8 = 0.5; history (0.5, 0, 0.5) → 3/3
        trades.trade(cdf, 102, 4);
        assertEquals(1.0, cdf.value(), 0.0);
    }

    @Test
    void oneTradeClosingSeveralBucketsEntersEveryValueIntoTheHistory()
    {
        // tick rule, V = 1, n = 1, m = 4: each 1-lot bucket's VPIN is |V_S − V_B| / 1
        final Factor cdf = FactorCatalogue.standard()
            .create("vpin_cdf(bucket_volume=1,window=1,classification=tick,history=4)").get(0);
        // bucket 0: unknown sign, V_B = 0.5, VPIN 0; then a 3-lot uptick trade closes buckets 1, 2, 3, each VPIN 1
        trades.trade(cdf, 100, 1);
        trades.trade(cdf, 101, 3);
        // history (0, 1, 1, 1), current 1: all four ≤ 1 → 1
        assertEquals(1.0, cdf.value(), 0.0);
        // a 2-lot trade at 101 (zero tick: inherits buy) closes two more: history (1, 1, 1, 1) → 1
        trades.trade(cdf, 101, 2);
        assertEquals(1.0, cdf.value(), 0.0);
    }

    @Test
    void aTradeOfAbsurdSizeStillFillsTheWholeHistoryWithItsBuckets()
    {
        // Tick rule, V = 2, n = 1, m = 6: the history is longer than the window, so a huge trade's identical buckets may
        // be counted rather than looped over only once they fill the history, not merely the window.
        final VpinCdf cdf = new VpinCdf("vpin_cdf", 2, 1, 2, TradeClassification.TICK, 6);
        // three buckets of 2 lots at 100 with no tick yet: V_B = 1, imbalance 0, VPIN 0 each
        for (int i = 0; i < 3; i++)
        {
            trades.trade(cdf, 100, 2);
        }
        // an uptick of 2^62 lots: every bucket all buys, VPIN 1; the history becomes (1, 1, 1, 1, 1, 1)
        trades.trade(cdf, 101, 1L << 62);
        assertEquals(1.0, cdf.value(), 0.0);
        // 1 lot on a downtick (sell) and 1 on an uptick (buy): imbalance 0, VPIN 0. History (1, 1, 1, 1, 1, 0): one
        // value <= 0, so 1/6 (had the trade left the three old zeros in the history, it would be 4/6)
        trades.trade(cdf, 100, 1);
        trades.trade(cdf, 101, 1);
        assertEquals(1.0 / 6.0, cdf.value(), 0.0);
    }
}
