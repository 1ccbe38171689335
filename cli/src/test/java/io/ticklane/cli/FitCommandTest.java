package io.ticklane.cli;

import io.ticklane.journal.RealData;
import io.ticklane.microstructure.fit.MicropriceModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FitCommandTest
{
    private static final String USDM = "binance/usdm/btcusdt_20240808.gz";

    @TempDir
    Path dir;

    @Test
    void micropriceModelIsWrittenAndUsableByTheFactor() throws IOException
    {
        final Path model = dir.resolve("model.json");
        final CliRun fit = CliRun.run("fit", "microprice", "--input", RealData.file(USDM).toString(), "--out", model.toString());

        assertEquals(ExitCodes.OK, fit.exitCode, fit.toString());
        assertTrue(fit.out.contains("G^5 -> G^6"), fit.out);
        final MicropriceModel loaded = MicropriceModel.readJson(model);
        loaded.requireWithinSpread();

        // The factor loads the model and stays within the spread on the same data.
        final Path csv = dir.resolve("factors.csv");
        final CliRun factors = CliRun.run("factors", "--input", RealData.file(USDM).toString(), "--out", csv.toString(),
            "--factors", "microprice(model=" + model + "),spread_ticks,mid");
        assertEquals(ExitCodes.OK, factors.exitCode, factors.toString());
        final List<String> lines = Files.readAllLines(csv);
        long compared = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] f = line.split(",");
            final double micro = Double.parseDouble(f[1]);
            if (Double.isNaN(micro))
            {
                continue;
            }
            final double halfSpread = Double.parseDouble(f[2]) / 2;
            final double mid = Double.parseDouble(f[3]);
            assertTrue(Math.abs(micro - mid) <= halfSpread, line);
            compared++;
        }
        assertTrue(compared > lines.size() / 2, "micro-price defined on most events: " + compared);
    }

    @Test
    void intensityFitReportsAAndKPerSideAndWritesJson() throws IOException
    {
        final Path json = dir.resolve("intensity.json");
        final CliRun run = CliRun.run("fit", "intensity", "--input", RealData.file(USDM).toString(), "--out", json.toString());

        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final Matcher fits = Pattern.compile("least squares .*A = ([0-9.]+) /s, k = ([0-9.]+) /tick").matcher(run.out);
        int sides = 0;
        while (fits.find())
        {
            assertTrue(Double.parseDouble(fits.group(1)) > 0 && Double.parseDouble(fits.group(2)) > 0, fits.group());
            sides++;
        }
        assertEquals(2, sides, run.out);
        assertTrue(Files.readString(json).contains("\"bid\""), "JSON written");
    }

    @Test
    void fitWithoutInputIsBadUsage()
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("fit", "microprice", "--out", dir.resolve("m.json").toString()).exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("fit", "intensity").exitCode);
    }
}
