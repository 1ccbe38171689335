package io.ticklane.microstructure.flow;

import io.ticklane.microstructure.FactorRegistry;
import org.junit.jupiter.api.Test;

import static io.ticklane.microstructure.flow.FlowTape.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exponentially decayed trade factors against kernel sums worked by hand. Half-life 1000 ms throughout, so a
 * trade 1 s old weighs 1/2, 2 s old 1/4: the references are exact binary fractions times ln 2.
 */
class DecayedTradeFlowTest
{
    private static final double LN2 = Math.log(2);
    private static final double EPS = 1e-12;

    @Test
    void tradeRateIsTheKernelSumTimesLn2OverTheHalfLife()
    {
        final TradeRate rate = new TradeRate("trade_rate", 1000);
        final FlowTape tape = new FlowTape(rate).bid(100, 5).ask(101, 5);

        tape.trade(0, 101, 1, 1);
        tape.book(500 * MS);
        assertTrue(Double.isNaN(rate.value()), "less than a half-life observed");
        tape.trade(1000 * MS, 101, 3, 1);
        // kernel sum at 1 s: 2^-1 + 2^0 = 1.5 trades; rate = 1.5 ln2 / 1 s.
        assertEquals(1.5 * LN2, rate.value(), EPS);
        tape.trade(2000 * MS, 100, 2, -1);
        // at 2 s: 2^-2 + 2^-1 + 2^0 = 1.75.
        assertEquals(1.75 * LN2, rate.value(), EPS);
        tape.book(3000 * MS);
        // a book event decays without adding: 1.75 / 2 = 0.875.
        assertEquals(0.875 * LN2, rate.value(), EPS);
    }

    @Test
    void tradeRateOfARegularStreamIsTheGeometricSeries()
    {
        final TradeRate rate = new TradeRate("trade_rate", 1000);
        final FlowTape tape = new FlowTape(rate);
        // one trade every 10 ms for 10 s: 1001 trades at t_k = 10k ms; at t = 10 s the kernel sum is
        // sum_{j=0}^{1000} 2^(-j/100) = (1 - 2^(-1001/100)) / (1 - 2^(-1/100)).
        for (int k = 0; k <= 1000; k++)
        {
            tape.trade(k * 10 * MS, 100, 1, 1);
        }
        final double kernelSum = (1 - Math.pow(2, -10.01)) / (1 - Math.pow(2, -0.01));
        assertEquals(kernelSum * LN2, rate.value(), 1e-9);
        assertEquals(100.0, rate.value(), 0.5, "close to the true rate of 100 trades/s");
    }

    @Test
    void volumeRateWeighsEachTradeByItsLots()
    {
        final VolumeRate rate = new VolumeRate("volume_rate", 1000);
        new FlowTape(rate).trade(0, 100, 2, 1).trade(1000 * MS, 100, 4, 0).book(3000 * MS);
        // at 3 s: 2 * 2^-3 + 4 * 2^-2 = 0.25 + 1 = 1.25 lots; every print counts, unknown aggressor too.
        assertEquals(1.25 * LN2, rate.value(), EPS);
    }

    @Test
    void signedVolumeSumsAggressorTimesLots()
    {
        final SignedVolume signed = new SignedVolume("signed_volume", 1000);
        final FlowTape tape = new FlowTape(signed);
        tape.trade(0, 101, 5, 1);
        assertTrue(Double.isNaN(signed.value()));
        tape.trade(1000 * MS, 100, 3, -1).trade(1500 * MS, 100, 7, 0).book(2000 * MS);
        // at 2 s: +5 * 2^-2 - 3 * 2^-1 + 0 * 7 = 1.25 - 1.5 = -0.25.
        assertEquals(-0.25, signed.value(), EPS);
    }

    @Test
    void volumeWeightedFlowIsSignedNotionalOverNotional()
    {
        final VolumeWeightedOrderFlow flow = new VolumeWeightedOrderFlow("vw_order_flow", 1000);
        final FlowTape tape = new FlowTape(flow);
        tape.book(0);
        assertTrue(Double.isNaN(flow.value()), "no volume");
        tape.trade(0, 100, 10, 0);
        assertTrue(Double.isNaN(flow.value()), "a trade with no aggressor is not taker flow");
        tape.trade(0, 100, 2, 1);
        assertEquals(1.0, flow.value());
        tape.trade(1000 * MS, 150, 2, -1);
        // at 1 s: buy 2 x 100 x 2^-1 = 100, sell 2 x 150 = 300: (100 - 300) / (100 + 300) = -0.5.
        assertEquals(-0.5, flow.value(), EPS);
    }

    @Test
    void aggressiveBuyRatioIsDecayedBuyVolumeOverTakerVolume()
    {
        final AggressiveBuyRatio ratio = new AggressiveBuyRatio("aggressive_buy_ratio", 1000);
        final FlowTape tape = new FlowTape(ratio);
        tape.book(0).trade(0, 100, 9, 0);
        assertTrue(Double.isNaN(ratio.value()), "no taker volume yet");
        tape.trade(0, 101, 3, 1).trade(1000 * MS, 100, 1, -1);
        // at 1 s: B = 3 x 2^-1 = 1.5, S = 1: 1.5 / 2.5 = 0.6.
        assertEquals(0.6, ratio.value(), EPS);
    }

    @Test
    void timeGoingBackwardsDecaysNothing()
    {
        final SignedVolume signed = new SignedVolume("signed_volume", 1000);
        new FlowTape(signed).trade(0, 100, 1, 1).trade(2000 * MS, 100, 4, 1).trade(1000 * MS, 100, 2, -1);
        // at 2 s: 1 x 2^-2 + 4 = 4.25; the late print stamped 1 s is added undecayed: 4.25 - 2 = 2.25.
        assertEquals(2.25, signed.value(), EPS);
    }

    @Test
    void sameEventsGiveBitIdenticalValues()
    {
        final VolumeRate a = new VolumeRate("volume_rate", 333);
        final VolumeRate b = new VolumeRate("volume_rate", 333);
        final FlowTape tapeA = new FlowTape(a);
        final FlowTape tapeB = new FlowTape(b);
        for (int k = 0; k < 10_000; k++)
        {
            final long t = k * 7_919_993L;
            tapeA.trade(t, 100, 1 + k % 13, 1);
            tapeB.trade(t, 100, 1 + k % 13, 1);
            assertEquals(Double.doubleToRawLongBits(a.value()), Double.doubleToRawLongBits(b.value()));
        }
    }

    @Test
    void halfLifeIsValidated()
    {
        final FactorRegistry registry = new FactorRegistry();
        FlowFactors.register(registry);
        for (final String id : new String[]{"signed_volume", "vw_order_flow", "trade_rate", "volume_rate", "aggressive_buy_ratio"})
        {
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(half_life_ms=0)"));
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(half_life_ms=-1)"));
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(half_life_ms=NaN)"));
            assertThrows(IllegalArgumentException.class, () -> registry.create(id + "(levels=3)"));
            assertEquals(id, registry.create(id + "(half_life_ms=250)").get(0).id());
        }
    }
}
