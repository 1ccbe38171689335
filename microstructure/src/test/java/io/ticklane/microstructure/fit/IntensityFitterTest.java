package io.ticklane.microstructure.fit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.intensity.SimulatedOrderFlow;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntensityFitterTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double TRUE_A = 2.0;
    private static final double TRUE_K = 0.8;
    private static final double TOLERANCE = 0.05;

    private final L2Book book = new L2Book(1, 1024);
    private final MarketEvent event = new MarketEvent();

    @Test
    void simulatedPoissonFlowRecoversAAndKWithBothEstimatorsWithinFivePercent()
    {
        // given A = 2 /s, k = 0.8 /tick per side over 20,000 s (≈ 40,000 trades per side), random-walk mid
        final IntensityFitter fitter = new IntensityFitter(0.5, 40);
        new SimulatedOrderFlow(TRUE_A, TRUE_K, 1.0, 2024).run(20_000, fitter::onEvent);

        // when
        final IntensityFit fit = fitter.fit();

        // then
        assertEquals(20_000, fit.elapsedSeconds(), 1e-6);
        for (final SideIntensityFit side : new SideIntensityFit[] {fit.bid(), fit.ask()})
        {
            assertWithin(TRUE_A, side.a(), side.side() + " least-squares A");
            assertWithin(TRUE_K, side.k(), side.side() + " least-squares k");
            assertWithin(TRUE_A, side.mleA(), side.side() + " maximum-likelihood A");
            assertWithin(TRUE_K, side.mleK(), side.side() + " maximum-likelihood k");
            assertTrue(side.r2() > 0.99, side.side() + " R² " + side.r2());
            assertEquals(0, side.insideMid(), "the simulated mid never moves between book and trade");
        }
    }

    @Test
    void threeExactBucketsGiveExactParametersReportAndJson() throws IOException
    {
        // given one-tick buckets, mid 100.5 from 0 s to 2 s, and on each side 4, 2, 2 trades at δ = 0.5, 1.5, 2.5:
        // 8, 4, 2 trades reach δ = 0, 1, 2 over 2 s, λ(δ) = 4·e^(−δ ln 2) exactly
        final IntensityFitter fitter = new IntensityFitter(1.0, 3);
        book();
        fitter.onEvent(event.book(0, 1, book));
        trades(fitter, 0.5, 4);
        trades(fitter, 1.5, 2);
        trades(fitter, 2.5, 2);
        fitter.onEvent(event.book(2 * SECOND, 2, book));

        // when
        final IntensityFit fit = fitter.fit();

        // then
        for (final SideIntensityFit side : new SideIntensityFit[] {fit.bid(), fit.ask()})
        {
            assertEquals(8, side.trades());
            assertEquals(4.0, side.a(), 1e-12);
            assertEquals(Math.log(2), side.k(), 1e-12);
            assertEquals(1.0, side.r2(), 1e-12);
            assertEquals(1.0, side.lambda(2), 1e-12, "2 trades reach δ = 2 in 2 s");
            assertEquals(1.0, side.fittedLambda(2), 1e-12);
            // maximum likelihood: mean bucket index 0.75, k = ln(1 + 1/0.75)
            assertEquals(Math.log(7.0 / 3.0), side.mleK(), 1e-12);
            assertEquals(4.0, side.mleA(), 1e-12);
        }

        final String report = fitter.report();
        assertTrue(report.contains("A = 4.00000 /s, k = 0.693147 /tick, R2 = 1.0000"), report);

        final Map<String, Double> json = numbers(fitter.toJson());
        assertEquals(2.0, json.get("elapsed_seconds"));
        assertEquals(4.0, json.get("ask.least_squares.a"), 1e-12);
        assertEquals(Math.log(2), json.get("bid.least_squares.k"), 1e-12);
        assertEquals(1.0, json.get("bid.least_squares.r2"), 1e-12);
        assertEquals(Math.log(7.0 / 3.0), json.get("ask.maximum_likelihood.k"), 1e-12);
        assertEquals(2.0, json.get("ask.table.reaching"), "last table row: δ = 2 is reached by 2 trades");
    }

    @Test
    void excludedTradesAreCountedAndASideWithoutEnoughBucketsIsNotFitted() throws IOException
    {
        final IntensityFitter fitter = new IntensityFitter(0.5, 40);
        fitter.onEvent(event.trade(0, 1, book, 100, 1, 1, TradeType.REGULAR)); // no book yet
        book();
        fitter.onEvent(event.book(SECOND, 2, book));
        fitter.onEvent(event.trade(SECOND, 3, book, 100, 1, 1, TradeType.REGULAR)); // buy below mid 100.5
        fitter.onEvent(event.trade(SECOND, 4, book, 101, 1, -1, TradeType.REGULAR)); // sell above mid
        fitter.onEvent(event.trade(SECOND, 5, book, 101, 1, 0, TradeType.CROSS));
        fitter.onEvent(event.trade(SECOND, 6, book, 101, 1, 1, TradeType.REGULAR)); // one good buy

        final IntensityFit fit = fitter.fit();

        assertEquals(1, fit.noReferenceMid());
        assertEquals(1, fit.unknownAggressor());
        assertEquals(1, fit.ask().insideMid());
        assertEquals(1, fit.bid().insideMid());
        assertEquals(1, fit.ask().trades());
        assertTrue(Double.isNaN(fit.ask().k()));
        assertTrue(fitter.report().contains("not fitted"));
        final Map<String, Double> json = numbers(fitter.toJson());
        assertTrue(json.containsKey("ask.least_squares.k") && null == json.get("ask.least_squares.k"), "NaN is null");
    }

    @Test
    void badConfigurationIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> new IntensityFitter(0, 40));
        assertThrows(IllegalArgumentException.class, () -> new IntensityFitter(0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new IntensityFitter(0.5, 4, 5));
    }

    private void book()
    {
        book.setLevel(Side.BUY, 100, 5);
        book.setLevel(Side.SELL, 101, 5);
    }

    private void trades(final IntensityFitter fitter, final double depth, final int times)
    {
        for (int i = 0; i < times; i++)
        {
            fitter.onEvent(event.trade(SECOND, 0, book, 100.5 + depth, 1, 1, TradeType.REGULAR));
            fitter.onEvent(event.trade(SECOND, 0, book, 100.5 - depth, 1, -1, TradeType.REGULAR));
        }
    }

    private static void assertWithin(final double expected, final double actual, final String what)
    {
        assertEquals(expected, actual, TOLERANCE * expected, what + " = " + actual);
    }

    /**
     * Flattens numeric (and null) fields to dotted paths; in arrays the last element wins.
     */
    private static Map<String, Double> numbers(final String json) throws IOException
    {
        final Map<String, Double> out = new HashMap<>();
        final StringBuilder path = new StringBuilder();
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            final ArrayDeque<Integer> lengths = new ArrayDeque<>();
            String field = null;
            for (JsonToken token = parser.nextToken(); null != token; token = parser.nextToken())
            {
                switch (token)
                {
                    case FIELD_NAME:
                        field = parser.currentName();
                        break;
                    case START_OBJECT:
                        lengths.push(path.length());
                        if (null != field)
                        {
                            path.append(path.length() > 0 ? "." : "").append(field);
                            field = null;
                        }
                        break;
                    case START_ARRAY:
                        lengths.push(path.length());
                        path.append(path.length() > 0 ? "." : "").append(field);
                        field = null;
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        path.setLength(lengths.pop());
                        break;
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        out.put(key(path, field), parser.getDoubleValue());
                        field = null;
                        break;
                    case VALUE_NULL:
                        out.put(key(path, field), null);
                        field = null;
                        break;
                    default:
                        field = null;
                        break;
                }
            }
        }
        return out;
    }

    private static String key(final StringBuilder path, final String field)
    {
        return path.length() > 0 ? path + "." + field : field;
    }
}
