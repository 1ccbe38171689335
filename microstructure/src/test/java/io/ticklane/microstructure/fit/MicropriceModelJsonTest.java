package io.ticklane.microstructure.fit;

import io.ticklane.microstructure.TestBooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicropriceModelJsonTest
{
    @TempDir
    Path dir;

    @Test
    void aFittedModelSurvivesTheRoundTripExactly() throws IOException
    {
        final TestBooks books = new TestBooks();
        final MicropriceFitter fitter = new MicropriceFitter(3, 2, 1, 1, "round trip \"quoted\" source");
        final long[][] path = {
            {100, 1, 101, 5}, {100, 4, 101, 4}, {101, 1, 102, 1}, {101, 1, 103, 2}, {102, 5, 103, 1}, {101, 1, 102, 6},
            {101, 9, 103, 1}, {100, 2, 101, 2}, {100, 1, 105, 1}, {100, 1, 101, 1}, {99, 3, 100, 1}, {99, 1, 101, 3}};
        for (int i = 0; i < path.length; i++)
        {
            books.at(i, path[i][0], path[i][1], path[i][2], path[i][3]);
            fitter.onEvent(books.event(i));
        }
        final MicropriceModel model = fitter.fit();
        final Path file = dir.resolve("model.json");
        model.writeJson(file);
        final MicropriceModel read = MicropriceModel.readJson(file);

        assertEquals(model.kind(), read.kind());
        assertEquals(model.dataSource(), read.dataSource());
        assertEquals(3, read.imbalanceBuckets());
        assertEquals(2, read.spreadBuckets());
        assertEquals(model.maxMoveTicks(), read.maxMoveTicks());
        assertArrayEquals(model.adjustmentTable(), read.adjustmentTable(), 0);
        assertEquals(MicropriceModel.TERMS, read.incrementCount());
        for (int i = 1; i <= MicropriceModel.TERMS; i++)
        {
            assertArrayEquals(model.increment(i), read.increment(i), 0);
        }
        assertArrayEquals(model.convergence(), read.convergence(), 0);
        assertArrayEquals(model.stateCounts(), read.stateCounts());
        assertEquals(model.observations(), read.observations());
        // the 5-tick spread (row 9) is beyond 2 buckets: the observations into it and out of it are both excluded
        assertEquals(2, read.excludedWideSpread());
        assertEquals(model.excludedLargeMove(), read.excludedLargeMove());
        assertEquals(model.report(), read.report());

        final String text = Files.readString(file);
        assertTrue(text.contains("\"imbalanceEdges\""), text);
        assertTrue(text.contains("\"spreads\" : [ 1, 2 ]"), text);
    }

    @Test
    void theWeightedMidStandInRoundTripsWithItsKind() throws IOException
    {
        final MicropriceModel model = MicropriceModel.weightedMidApproximation(4, 1);
        final Path file = dir.resolve("approx.json");
        model.writeJson(file);
        final MicropriceModel read = MicropriceModel.readJson(file);
        assertEquals(MicropriceModel.KIND_WEIGHTED_MID_APPROX, read.kind());
        // centres 1/8, 3/8, 5/8, 7/8 -> (c - 1/2) * 1
        assertArrayEquals(new double[] {-0.375, -0.125, 0.125, 0.375}, read.adjustmentTable(), 0);
    }
}
