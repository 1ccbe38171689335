package io.ticklane.microstructure.intensity;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.FactorRegistry;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntensityFactorsTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double TRUE_A = 2.0;
    private static final double TRUE_K = 0.8;
    private static final double TOLERANCE = 0.05;

    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();

    @Test
    void everyFactorIsRegisteredWithItsParameters()
    {
        final List<Factor> factors = FactorCatalogue.standard().create(
            "intensity_a_bid,intensity_k_bid,intensity_r2_bid,intensity_a_ask,intensity_k_ask(bucket_ticks=0.25,buckets=80),"
                + "intensity_r2_ask(half_life_ms=1000,min_buckets=5)");

        assertEquals(6, factors.size());
        assertEquals(TradeDepth.BID, ((SideIntensityFactor)factors.get(0)).side());
        assertEquals(TradeDepth.ASK, ((SideIntensityFactor)factors.get(5)).side());
    }

    @Test
    void badParametersAreRejectedAtStart()
    {
        final FactorRegistry registry = FactorCatalogue.standard();
        assertThrows(IllegalArgumentException.class, () -> registry.create("intensity_k_ask(min_buckets=1)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("intensity_k_ask(buckets=4,min_buckets=5)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("intensity_k_ask(bucket_ticks=0)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("intensity_k_ask(half_life_ms=-5)"));
        assertThrows(IllegalArgumentException.class, () -> registry.create("intensity_k_ask(bukets=20)"));
    }

    @Test
    void valuesAreNaNUntilTradesReachMinBuckets()
    {
        // given 1-tick buckets, min 3, bid 100 / ask 101 (mid 100.5)
        final IntensityConfig config = new IntensityConfig(1.0, 3, 1e12, 3);
        final IntensityK k = new IntensityK("k", TradeDepth.ASK, config);
        final IntensityA a = new IntensityA("a", TradeDepth.ASK, config);
        book();
        feed(0, k, a);

        // when trades reach buckets 0 and 1 only
        buyTimes(SECOND, 100.5 + 0.5, 4, k, a);
        buyTimes(SECOND, 100.5 + 1.5, 2, k, a);
        assertTrue(Double.isNaN(k.value()));
        assertTrue(Double.isNaN(a.value()));

        // then trades in bucket 2 complete three buckets: N(δ) = 8, 4, 2
        buyTimes(SECOND, 100.5 + 2.5, 2, k, a);
        assertEquals(Math.log(2), k.value(), 1e-12);
        assertTrue(a.value() > 0);
    }

    @Test
    void anExactExponentialIsRecoveredExactlyAndOnlyOnItsSide()
    {
        // given a very long half-life (no decay) and one-tick buckets: 4, 2, 2 buy trades at δ = 0.5, 1.5, 2.5 at 1 s
        final IntensityConfig config = new IntensityConfig(1.0, 3, 1e15, 3);
        final Factor[] factors = {
            new IntensityA("a_ask", TradeDepth.ASK, config),
            new IntensityK("k_ask", TradeDepth.ASK, config),
            new IntensityR2("r2_ask", TradeDepth.ASK, config),
            new IntensityA("a_bid", TradeDepth.BID, config),
        };
        book();
        feed(0, factors);
        buyTimes(SECOND, 101.0, 4, factors);
        buyTimes(SECOND, 102.0, 2, factors);
        buyTimes(SECOND, 103.0, 2, factors);

        // when the clock reaches 2 s
        feed(2 * SECOND, factors);

        // then N(δ) = 8·2^(−δ) over 2 s: A = 4 /s, k = ln 2 /tick, R² = 1; no sell trades, bid side NaN
        assertEquals(4.0, factors[0].value(), 1e-6);
        assertEquals(Math.log(2), factors[1].value(), 1e-12);
        assertEquals(1.0, factors[2].value(), 1e-12);
        assertTrue(Double.isNaN(factors[3].value()));
        assertEquals(8, ((SideIntensityFactor)factors[0]).tradesUsed());
    }

    @Test
    void aFallsWithTheDecayWhileNoTradesPrint()
    {
        // given half-life 1 s, window opened at 0, the same 8 trades at 1 s: decayed count of trades reaching δ = 0 is 8
        final IntensityA a = new IntensityA("a", TradeDepth.ASK, new IntensityConfig(1.0, 3, 1000, 3));
        book();
        feed(0, a);
        buyTimes(SECOND, 101.0, 4, a);
        buyTimes(SECOND, 102.0, 2, a);
        buyTimes(SECOND, 103.0, 2, a);

        // then at 1 s: λ = β·C / (1 − e^(−β·1 s)) with β = ln 2: 8·ln 2 / (1/2)
        assertEquals(16 * Math.log(2), a.value(), 1e-9);

        // and at 2 s, with no trade: C halves to 4, the normaliser is 1 − 1/4: 4·ln 2 / (3/4)
        feed(2 * SECOND, a);
        assertEquals(16.0 / 3.0 * Math.log(2), a.value(), 1e-9);
    }

    @Test
    void excludedTradesAreCountedAndDoNotEnterTheEstimate()
    {
        final IntensityK k = new IntensityK("k", TradeDepth.ASK, new IntensityConfig(0.5, 40, 60_000, 3));
        feed(0, k); // empty book: no reference
        event.trade(1, 0, book, 101, 1, 1, TradeType.REGULAR);
        k.onEvent(event);
        book();
        feed(2, k);
        k.onEvent(event.trade(3, 0, book, 100, 1, 1, TradeType.REGULAR)); // buy below mid 100.5
        k.onEvent(event.trade(4, 0, book, 101, 1, 0, TradeType.CROSS));
        k.onEvent(event.trade(5, 0, book, 99, 1, -1, TradeType.REGULAR)); // other side

        assertEquals(1, k.tradeDepth().noReferenceMid());
        assertEquals(1, k.tradeDepth().insideMid(TradeDepth.ASK));
        assertEquals(1, k.tradeDepth().unknownAggressor());
        assertEquals(0, k.tradesUsed());
        assertTrue(Double.isNaN(k.value()));
    }

    @Test
    void simulatedPoissonFlowRecoversAAndKOnBothSidesWithinFivePercent()
    {
        // given A = 2 /s, k = 0.8 /tick per side, a random-walk mid, 4 hours of flow, a one-hour half-life
        // (≈ 9,700 trades of effective weight per side)
        final List<Factor> factors = FactorCatalogue.standard().create(
            "intensity_a_bid(half_life_ms=3600000),intensity_k_bid(half_life_ms=3600000),intensity_r2_bid(half_life_ms=3600000),"
                + "intensity_a_ask(half_life_ms=3600000),intensity_k_ask(half_life_ms=3600000),intensity_r2_ask(half_life_ms=3600000)");

        // when
        new SimulatedOrderFlow(TRUE_A, TRUE_K, 1.0, 42).run(4 * 3600, (e) -> factors.forEach((f) -> f.onEvent(e)));

        // then
        assertWithin(TRUE_A, factors.get(0).value(), "A bid");
        assertWithin(TRUE_K, factors.get(1).value(), "k bid");
        assertWithin(TRUE_A, factors.get(3).value(), "A ask");
        assertWithin(TRUE_K, factors.get(4).value(), "k ask");
        assertTrue(factors.get(2).value() > 0.9, "R² bid " + factors.get(2).value());
        assertTrue(factors.get(5).value() > 0.9, "R² ask " + factors.get(5).value());
    }

    private static void assertWithin(final double expected, final double actual, final String what)
    {
        assertEquals(expected, actual, TOLERANCE * expected, what + " = " + actual);
    }

    /**
     * The A, k and R² factors of one spec share one estimator per side and parameters (a side's curve is refitted
     * once per trade), and give exactly the values of factors built apart: fed the same buys and sells, every value
     * is equal bit for bit, event by event. Different parameters do not share.
     */
    @Test
    void factorsOfOneSpecShareASidesEstimatorWithTheSameValues()
    {
        final List<Factor> shared = FactorCatalogue.standard().create(
            "intensity_a_ask(buckets=8,half_life_ms=500),intensity_k_ask(buckets=8,half_life_ms=500)," +
            "intensity_r2_ask(buckets=8,half_life_ms=500),intensity_a_bid(buckets=8,half_life_ms=500)," +
            "intensity_k_bid(buckets=8,half_life_ms=500),intensity_k_ask(buckets=8,half_life_ms=501)");
        final IntensityConfig config = new IntensityConfig(IntensityConfig.DEFAULT_BUCKET_TICKS, 8, 500,
            IntensityConfig.DEFAULT_MIN_BUCKETS);
        final Factor[] apart = {
            new IntensityA("a_ask", TradeDepth.ASK, config),
            new IntensityK("k_ask", TradeDepth.ASK, config),
            new IntensityR2("r2_ask", TradeDepth.ASK, config),
            new IntensityA("a_bid", TradeDepth.BID, config),
            new IntensityK("k_bid", TradeDepth.BID, config),
            new IntensityK("k_ask_501", TradeDepth.ASK, new IntensityConfig(IntensityConfig.DEFAULT_BUCKET_TICKS, 8, 501,
                IntensityConfig.DEFAULT_MIN_BUCKETS)),
        };
        final Factor[] all = new Factor[2 * apart.length];
        for (int i = 0; i < apart.length; i++)
        {
            all[i] = shared.get(i);
            all[apart.length + i] = apart[i];
        }
        book();
        feed(0, all);
        int fitted = 0;
        for (int i = 1; i <= 60; i++)
        {
            final long timeNs = i * SECOND / 10;
            buy(timeNs, 101.0 + (i % 5) * 0.5, all);
            event.trade(timeNs, 0, book, 100.0 - (i % 4) * 0.5, 1, -1, TradeType.REGULAR);
            for (final Factor factor : all)
            {
                factor.onEvent(event);
            }
            feed(timeNs + 1, all);
            for (int f = 0; f < apart.length; f++)
            {
                assertEquals(Double.doubleToLongBits(apart[f].value()), Double.doubleToLongBits(shared.get(f).value()),
                    "factor " + f + " after event " + i);
                fitted += Double.isNaN(apart[f].value()) ? 0 : 1;
            }
        }
        assertTrue(fitted > 0, "the curves must have been fitted");
        assertEquals(((SideIntensityFactor)apart[0]).tradesUsed(), ((SideIntensityFactor)shared.get(2)).tradesUsed());
        assertTrue(((SideIntensityFactor)shared.get(0)).tradeDepth() == ((SideIntensityFactor)shared.get(1)).tradeDepth());
        assertTrue(((SideIntensityFactor)shared.get(1)).tradeDepth() != ((SideIntensityFactor)shared.get(5)).tradeDepth());
    }

    private void book()
    {
        book.setLevel(Side.BUY, 100, 5);
        book.setLevel(Side.SELL, 101, 5);
    }

    private void feed(final long timeNs, final Factor... factors)
    {
        event.book(timeNs, 0, book);
        for (final Factor factor : factors)
        {
            factor.onEvent(event);
        }
    }

    private void buy(final long timeNs, final double price, final Factor... factors)
    {
        event.trade(timeNs, 0, book, price, 1, 1, TradeType.REGULAR);
        for (final Factor factor : factors)
        {
            factor.onEvent(event);
        }
    }

    private void buyTimes(final long timeNs, final double price, final int times, final Factor... factors)
    {
        for (int i = 0; i < times; i++)
        {
            buy(timeNs, price, factors);
        }
    }
}
