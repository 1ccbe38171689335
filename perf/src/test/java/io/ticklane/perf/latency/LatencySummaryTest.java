package io.ticklane.perf.latency;

import io.ticklane.journal.reader.InputFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencySummaryTest
{
    @TempDir
    Path dir;

    @Test
    void writtenSummaryReadsBackTheSame() throws Exception
    {
        final LatencySummary summary = summary("tick_to_quote", 1.0, 2.0, 4.0, 8.0, 16.0, 32.0);
        final Path file = dir.resolve("summary.json");

        summary.write(file);
        final LatencySummary read = LatencySummary.read(file);

        assertEquals("tick_to_quote", read.name());
        assertEquals(1_000, read.count());
        assertEquals(100_000.0, read.ratePerSecond());
        assertEquals(summary.micros(), read.micros());
        assertTrue(Files.readString(file).contains("\"p99.9\" : 8.0"), Files.readString(file));
    }

    @Test
    void unknownFieldsAreIgnoredSoWritersMayAddTheirOwn() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("extra.json"), "{\"name\":\"x\",\"unit\":\"us\",\"count\":5," +
            "\"ratioToBaseline\":{\"p50\":1.5},\"percentiles\":{\"p50\":1,\"p90\":2,\"p99\":3,\"p99.9\":4,\"p99.99\":5,\"max\":6}}");

        final LatencySummary read = LatencySummary.read(file);

        assertEquals(3.0, read.micros("p99"));
        assertTrue(Double.isNaN(read.ratePerSecond()));
    }

    @Test
    void missingPercentileOrGarbledJsonNamesTheFile() throws Exception
    {
        final Path missing = Files.writeString(dir.resolve("missing.json"),
            "{\"count\":5,\"percentiles\":{\"p50\":1,\"p90\":2,\"p99\":3,\"max\":6}}");
        final Path garbled = Files.writeString(dir.resolve("garbled.json"), "{\"count\":5,");

        final InputFormatException first = assertThrows(InputFormatException.class, () -> LatencySummary.read(missing));
        final InputFormatException second = assertThrows(InputFormatException.class, () -> LatencySummary.read(garbled));

        assertEquals(missing + ": missing percentiles [p99.9, p99.99]", first.getMessage());
        assertTrue(second.getMessage().startsWith(garbled.toString()), second.getMessage());
    }

    static LatencySummary summary(final String name, final double... micros)
    {
        final Map<String, Double> values = new LinkedHashMap<>();
        int i = 0;
        for (final String label : LatencySummary.PERCENTILES.keySet())
        {
            values.put(label, micros[i++]);
        }
        return new LatencySummary(name, 1_000, 100_000.0, values);
    }
}
