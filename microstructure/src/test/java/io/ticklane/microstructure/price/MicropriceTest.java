package io.ticklane.microstructure.price;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.TestBooks;
import io.ticklane.microstructure.fit.MicropriceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicropriceTest
{
    // 4 imbalance buckets (edges 0, .25, .5, .75, 1) x spreads 1 and 2 ticks, written by hand
    private static final String MODEL_JSON = "{\n" +
        "  \"model\": \"stoikov_2018_microprice\", \"version\": 1, \"dataSource\": \"hand-written test model\",\n" +
        "  \"imbalanceBuckets\": 4, \"spreads\": [1, 2],\n" +
        "  \"adjustment\": [[-0.3, -0.1, 0.1, 0.3], [-0.8, -0.2, 0.2, 0.8]]\n" +
        "}\n";

    @TempDir
    Path dir;

    private final TestBooks books = new TestBooks();

    @Test
    void looksUpTheCellOfTheImbalanceAndSpread() throws IOException
    {
        final Path model = Files.writeString(dir.resolve("model.json"), MODEL_JSON);
        final Factor factor = FactorCatalogue.standard().create("microprice(model=" + model + ")").get(0);

        factor.onEvent(books.at(1, 100, 1, 101, 9));
        // I = 1/10 = 0.1 -> bucket floor(0.4) = 0; S = 1: 100.5 - 0.3 = 100.2
        assertEquals(100.2, factor.value(), 1e-12);

        factor.onEvent(books.at(2, 100, 6, 102, 4));
        // I = 0.6 -> bucket floor(2.4) = 2; S = 2: 101 + 0.2 = 101.2
        assertEquals(101.2, factor.value(), 1e-12);

        factor.onEvent(books.at(3, 100, 5, 101, 5));
        // I = 0.5 exactly -> bucket floor(2.0) = 2 (lower edge belongs to the bucket); 100.5 + 0.1 = 100.6
        assertEquals(100.6, factor.value(), 1e-12);

        factor.onEvent(books.at(4, 100, 99, 102, 1));
        // I = 0.99 -> bucket 3; S = 2: 101 + 0.8 = 101.8
        assertEquals(101.8, factor.value(), 1e-12);
    }

    @Test
    void spreadOutsideTheModelGivesNanAndIsCounted()
    {
        final Microprice factor = new Microprice("microprice", MicropriceModel.ofTable(
            new double[][] {{-0.3, -0.1, 0.1, 0.3}, {-0.8, -0.2, 0.2, 0.8}}, "test"));
        factor.onEvent(books.at(1, 100, 1, 103, 1));
        assertTrue(Double.isNaN(factor.value()), "spread 3 > 2 buckets: no silent fallback to the mid");
        assertEquals(1, factor.eventsOutsideModel());
        factor.onEvent(books.at(2, 100, 1, 101, 0));
        assertTrue(Double.isNaN(factor.value()), "one-sided");
        assertEquals(1, factor.eventsOutsideModel());
    }

    @Test
    void withoutAModelTheFactorRefusesToStart()
    {
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice"));
        assertTrue(missing.getMessage().contains("needs a fitted model"), missing.getMessage());
        assertTrue(missing.getMessage().contains("weighted_mid_approx"), missing.getMessage());

        final IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=" + dir.resolve("nope.json") + ")"));
        assertTrue(absent.getMessage().contains("nope.json"), absent.getMessage());

        assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=weighted_mid_approx,imbalance_buckets=0)"));
    }

    @Test
    void malformedModelFilesAreClearErrors() throws IOException
    {
        final Path shortRow = Files.writeString(dir.resolve("short.json"),
            MODEL_JSON.replace("[-0.3, -0.1, 0.1, 0.3]", "[-0.3, -0.1, 0.1]"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=" + shortRow + ")"));
        assertTrue(ex.getMessage().contains("short.json") && ex.getMessage().contains("expected 4"), ex.getMessage());

        final Path wrongKind = Files.writeString(dir.resolve("kind.json"), MODEL_JSON.replace("stoikov_2018", "other"));
        assertThrows(IllegalArgumentException.class, () -> FactorCatalogue.standard().create("microprice(model=" + wrongKind + ")"));

        final Path quantileEdges = Files.writeString(dir.resolve("edges.json"),
            MODEL_JSON.replace("\"imbalanceBuckets\": 4,", "\"imbalanceBuckets\": 4, \"imbalanceEdges\": [0, 0.2, 0.5, 0.8, 1],"));
        final IllegalArgumentException edges = assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=" + quantileEdges + ")"));
        assertTrue(edges.getMessage().contains("equal-width"), edges.getMessage());

        final Path notJson = Files.writeString(dir.resolve("broken.json"), "{ \"model\": ");
        assertThrows(IllegalArgumentException.class, () -> FactorCatalogue.standard().create("microprice(model=" + notJson + ")"));
    }

    @Test
    void aModelThatLeavesTheSpreadIsRejectedAtLoad() throws IOException
    {
        // spread 1, bucket 3: 0.6 > 1/2 would put the micro-price above the ask
        final Path model = Files.writeString(dir.resolve("wide.json"), MODEL_JSON.replace("0.1, 0.3]", "0.1, 0.6]"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=" + model + ")"));
        assertTrue(ex.getMessage().contains("spread 1 ticks, imbalance bucket 3"), ex.getMessage());
    }

    @Test
    void clampingMustBeAskedForAndClampsOnlyTheCellsBeyondTheTouch() throws IOException
    {
        // spread 1 bucket 3: 0.6 -> 0.5; spread 2 bucket 0: -1.3 -> -1.0; the other cells are within S/2
        final Path model = Files.writeString(dir.resolve("wide.json"),
            MODEL_JSON.replace("0.1, 0.3]", "0.1, 0.6]").replace("[-0.8,", "[-1.3,"));
        final Microprice factor = (Microprice)FactorCatalogue.standard()
            .create("microprice(model=" + model + ",out_of_spread=clamp)").get(0);
        assertEquals(2, factor.clampedCells());
        factor.onEvent(books.at(1, 100, 9, 101, 1)); // I = 0.9 -> bucket 3, S = 1: 100.5 + 0.5 = the ask
        assertEquals(101.0, factor.value(), 1e-12);
        factor.onEvent(books.at(2, 100, 1, 102, 9)); // I = 0.1 -> bucket 0, S = 2: 101 - 1 = the bid
        assertEquals(100.0, factor.value(), 1e-12);
        factor.onEvent(books.at(3, 100, 6, 102, 4)); // bucket 2, S = 2: untouched, 101.2
        assertEquals(101.2, factor.value(), 1e-12);

        assertThrows(IllegalArgumentException.class,
            () -> FactorCatalogue.standard().create("microprice(model=" + model + ",out_of_spread=maybe)"));
    }

    @Test
    void staysWithinTheSpreadForAnyValidModelAndBook()
    {
        final SplittableRandom random = new SplittableRandom(20_180_101);
        for (int m = 0; m < 200; m++)
        {
            final int buckets = 1 + random.nextInt(20);
            final int spreads = 1 + random.nextInt(5);
            final double[][] table = new double[spreads][buckets];
            for (int s = 0; s < spreads; s++)
            {
                for (int b = 0; b < buckets; b++)
                {
                    // any value in [-S/2, S/2], the edges included half the time
                    table[s][b] = random.nextBoolean() ? (s + 1) * (random.nextDouble() - 0.5) :
                        (random.nextBoolean() ? 0.5 : -0.5) * (s + 1);
                }
            }
            final Microprice factor = new Microprice("microprice", MicropriceModel.ofTable(table, "random " + m));
            for (int i = 0; i < 500; i++)
            {
                final long bid = 1_000 + random.nextInt(100);
                final long ask = bid + 1 + random.nextInt(spreads + 1);
                factor.onEvent(books.at(i, bid, 1 + random.nextInt(1_000), ask, 1 + random.nextInt(1_000)));
                final double value = factor.value();
                if (ask - bid <= spreads)
                {
                    assertTrue(value >= bid && value <= ask, "model " + m + ": " + bid + " <= " + value + " <= " + ask);
                }
                else
                {
                    assertTrue(Double.isNaN(value));
                }
            }
        }
    }

    @Test
    void weightedMidApproximationIsTheWeightedMidAtBucketCentres()
    {
        final Factor factor = FactorCatalogue.standard()
            .create("microprice(model=weighted_mid_approx,imbalance_buckets=4,spread_buckets=2)").get(0);
        factor.onEvent(books.at(1, 100, 1, 102, 4));
        // I = 0.2 -> bucket 0, centre 0.125; G = (0.125 - 0.5) * 2 = -0.75; 101 - 0.75 = 100.25
        assertEquals(100.25, factor.value(), 1e-12);
        assertEquals(MicropriceModel.KIND_WEIGHTED_MID_APPROX, ((Microprice)factor).modelKind());
    }
}
