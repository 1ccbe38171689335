package io.ticklane.perf.latency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.reader.InputFormatException;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few numbers of a latency run that are kept and compared ({@code summary.json}): count, rate and the
 * percentiles p50, p90, p99, p99.9, p99.99 and max in microseconds. The tick-to-quote harness writes it,
 * {@code ticklane perf compare} reads it; reading ignores fields it does not know, so writers may add their own.
 */
public final class LatencySummary
{
    /** Percentile labels, in order, with their percentile (max is 100). */
    public static final Map<String, Double> PERCENTILES = percentiles();

    private final String name;
    private final long count;
    private final double ratePerSecond;
    private final Map<String, Double> micros;

    /**
     * @param name          what was measured.
     * @param count         values recorded.
     * @param ratePerSecond values per second, NaN when unknown.
     * @param micros        value in µs for every label of {@link #PERCENTILES}.
     */
    public LatencySummary(final String name, final long count, final double ratePerSecond, final Map<String, Double> micros)
    {
        if (!micros.keySet().containsAll(PERCENTILES.keySet()))
        {
            throw new IllegalArgumentException(name + ": a summary needs " + PERCENTILES.keySet() + ", got " + micros.keySet());
        }
        this.name = name;
        this.count = count;
        this.ratePerSecond = ratePerSecond;
        final Map<String, Double> ordered = new LinkedHashMap<>();
        PERCENTILES.keySet().forEach(label -> ordered.put(label, micros.get(label)));
        this.micros = Collections.unmodifiableMap(ordered);
    }

    /**
     * @param distribution a distribution.
     * @return its summary.
     */
    public static LatencySummary of(final LatencyDistribution distribution)
    {
        final Map<String, Double> micros = new LinkedHashMap<>();
        for (final Map.Entry<String, Double> percentile : PERCENTILES.entrySet())
        {
            micros.put(percentile.getKey(), distribution.valueAtPercentileNs(percentile.getValue()) / 1000.0);
        }
        return new LatencySummary(distribution.name(), distribution.totalCount(), distribution.ratePerSecond(), micros);
    }

    /**
     * @return what was measured.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return values recorded.
     */
    public long count()
    {
        return count;
    }

    /**
     * @return values per second, NaN when unknown.
     */
    public double ratePerSecond()
    {
        return ratePerSecond;
    }

    /**
     * @return label (p50 ... max) to µs, in order.
     */
    public Map<String, Double> micros()
    {
        return micros;
    }

    /**
     * @param label one of {@link #PERCENTILES}.
     * @return its value, µs.
     */
    public double micros(final String label)
    {
        return micros.get(label);
    }

    /**
     * Writes {@code summary.json}.
     *
     * @param file where.
     * @throws IOException when it cannot be written.
     */
    public void write(final Path file) throws IOException
    {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            JsonGenerator json = new JsonFactory().createGenerator(writer))
        {
            json.useDefaultPrettyPrinter();
            writeJson(json);
            json.writeRaw('\n');
        }
    }

    /**
     * Writes this summary as one JSON object.
     *
     * @param json where.
     * @throws IOException when writing fails.
     */
    public void writeJson(final JsonGenerator json) throws IOException
    {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("unit", "us");
        json.writeNumberField("count", count);
        if (Double.isNaN(ratePerSecond))
        {
            json.writeNullField("ratePerSecond");
        }
        else
        {
            json.writeNumberField("ratePerSecond", ratePerSecond);
        }
        json.writeObjectFieldStart("percentiles");
        for (final Map.Entry<String, Double> entry : micros.entrySet())
        {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Reads {@code summary.json}.
     *
     * @param file the file.
     * @return the summary.
     * @throws IOException          when it cannot be read.
     * @throws InputFormatException naming the file when it is not a summary.
     */
    public static LatencySummary read(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new NoSuchFileException(file.toString());
        }
        final String source = file.toString();
        String name = file.getFileName().toString();
        long count = -1;
        double rate = Double.NaN;
        String unit = "us";
        final Map<String, Double> micros = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(file.toFile()))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new InputFormatException(source, 0, "not a summary: expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String field = parser.currentName();
                final JsonToken value = parser.nextToken();
                switch (field)
                {
                    case "name" -> name = parser.getValueAsString(name);
                    case "unit" -> unit = parser.getValueAsString();
                    case "count" -> count = parser.getValueAsLong(-1);
                    case "ratePerSecond" -> rate = value == JsonToken.VALUE_NULL ? Double.NaN : parser.getValueAsDouble();
                    case "percentiles" -> readPercentiles(parser, source, micros);
                    default -> parser.skipChildren();
                }
            }
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new InputFormatException(source, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(),
                "not valid JSON: " + ex.getOriginalMessage());
        }
        if (!"us".equals(unit))
        {
            throw new InputFormatException(source, 0, "unit must be \"us\", got \"" + unit + "\"");
        }
        if (count < 0)
        {
            throw new InputFormatException(source, 0, "missing \"count\"");
        }
        final List<String> missing = PERCENTILES.keySet().stream().filter(label -> !micros.containsKey(label)).toList();
        if (!missing.isEmpty())
        {
            throw new InputFormatException(source, 0, "missing percentiles " + missing);
        }
        return new LatencySummary(name, count, rate, micros);
    }

    private static void readPercentiles(final JsonParser parser, final String source, final Map<String, Double> micros)
        throws IOException
    {
        if (parser.currentToken() != JsonToken.START_OBJECT)
        {
            throw new InputFormatException(source, parser.currentLocation().getLineNr(), "\"percentiles\" must be an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String label = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT)
            {
                throw new InputFormatException(source, parser.currentLocation().getLineNr(), "percentile " + label + " is not a number");
            }
            micros.put(label, parser.getDoubleValue());
        }
    }

    private static Map<String, Double> percentiles()
    {
        final Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("p50", 50.0);
        percentiles.put("p90", 90.0);
        percentiles.put("p99", 99.0);
        percentiles.put("p99.9", 99.9);
        percentiles.put("p99.99", 99.99);
        percentiles.put("max", 100.0);
        return Collections.unmodifiableMap(percentiles);
    }
}
