package io.ticklane.microstructure.fit;

import io.ticklane.journal.RealData;
import io.ticklane.microstructure.TestBooks;
import io.ticklane.microstructure.price.Microprice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fits the micro-price on the shared LOBSTER AMZN 2012-06-21 level-1 book file (57,515 rows; columns ask price, ask
 * size, bid price, bid size; prices in 1/10000 USD, tick 100 units = $0.01) and runs the factor with the fitted
 * model over the same day. Fitted table (10 imbalance x 4 spread buckets) as of this data: see FACTORS.md.
 */
class MicropriceRealDataTest
{
    private static final String BOOK_FILE = "lobster/AMZN_2012-06-21_34200000_57600000_orderbook_1.csv.gz";
    private static final long UNITS_PER_TICK = 100;

    @TempDir
    Path dir;

    @Test
    void fitsTheAmznDayAndTheMicropriceStaysWithinTheSpread() throws IOException
    {
        final Path file = RealData.file(BOOK_FILE);
        final List<long[]> rows = read(file);
        assertEquals(57_515, rows.size());

        final TestBooks books = new TestBooks();
        final MicropriceFitter fitter = new MicropriceFitter(10, 4, 1, 1, "LOBSTER AMZN 2012-06-21 level 1");
        for (int i = 0; i < rows.size(); i++)
        {
            final long[] row = rows.get(i);
            fitter.onEvent(books.at(i, row[2], row[3], row[0], row[1]));
        }
        final MicropriceModel model = fitter.fit();
        final Path json = dir.resolve("amzn.json");
        model.writeJson(json);
        final MicropriceModel read = MicropriceModel.readJson(json);
        assertArrayEquals(model.adjustmentTable(), read.adjustmentTable(), 0);

        final double[] table = model.adjustmentTable();
        for (int s = 1; s <= model.spreadBuckets(); s++)
        {
            for (int b = 0; b < model.imbalanceBuckets() / 2; b++)
            {
                final double low = table[(s - 1) * model.imbalanceBuckets() + b];
                final double high = table[(s - 1) * model.imbalanceBuckets() + model.imbalanceBuckets() - 1 - b];
                assertEquals(-low, high, 1e-9, "symmetrised: G*(1 - I, S) = -G*(I, S)");
            }
        }

        // on this day G* leaves the spread in some cells (e.g. spread 1, I < 0.1: about -0.62 tick), so the
        // default refuses the model; clamping must be asked for, and clamps exactly those cells
        int outside = 0;
        for (int i = 0; i < table.length; i++)
        {
            outside += Math.abs(table[i]) > 0.5 * (i / model.imbalanceBuckets() + 1) ? 1 : 0;
        }
        assertTrue(outside > 0, "the shared day has cells beyond the touch");
        assertThrows(IllegalArgumentException.class, () -> new Microprice("microprice", read));
        final Microprice factor = new Microprice("microprice", read, true);
        assertEquals(outside, factor.clampedCells());
        long inside = 0;
        for (int i = 0; i < rows.size(); i++)
        {
            final long[] row = rows.get(i);
            factor.onEvent(books.at(i, row[2], row[3], row[0], row[1]));
            final double value = factor.value();
            if (!Double.isNaN(value))
            {
                assertTrue(value >= row[2] && value <= row[0], "row " + (i + 1) + ": " + value);
                inside++;
            }
        }
        assertEquals(rows.size(), inside + factor.eventsOutsideModel());
        // AMZN is a small-tick stock: its spread is 1..4 ticks in 751 + 875 + 1002 + 1280 = 3,908 rows only
        long narrow = 0;
        for (final long[] row : rows)
        {
            narrow += row[0] - row[2] >= 1 && row[0] - row[2] <= 4 ? 1 : 0;
        }
        assertEquals(3_908, narrow);
        assertEquals(narrow, inside, "a value exactly when the spread is within the model");
    }

    private static List<long[]> read(final Path file) throws IOException
    {
        final List<long[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII)))
        {
            String line;
            while (null != (line = in.readLine()))
            {
                final String[] cells = line.split(",");
                rows.add(new long[] {
                    Long.parseLong(cells[0]) / UNITS_PER_TICK, Long.parseLong(cells[1]),
                    Long.parseLong(cells[2]) / UNITS_PER_TICK, Long.parseLong(cells[3])});
            }
        }
        return rows;
    }
}
