package io.ticklane.perf.latency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.journal.reader.InputFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a JMH JSON result file ({@code -rf json}) that a reader of a benchmark table wants: benchmark, mode,
 * parameters, score with its error and unit, and allocation per operation when {@code -prof gc} ran; rendered as a
 * text table or an HTML page in the same style as the latency report.
 */
public final class JmhResults
{
    /**
     * One benchmark run.
     *
     * @param benchmark   class.method, package dropped.
     * @param mode        thrpt, avgt, sample, ss.
     * @param params      JMH parameters, in file order.
     * @param score       primary score.
     * @param scoreError  its 99.9% error, NaN when JMH had too few iterations.
     * @param unit        the score's unit, e.g. ops/s.
     * @param bytesPerOp  {@code gc.alloc.rate.norm}, NaN without {@code -prof gc}.
     */
    public record Row(
        String benchmark, String mode, Map<String, String> params, double score, double scoreError, String unit, double bytesPerOp)
    {
    }

    private final List<Row> rows;

    private JmhResults(final List<Row> rows)
    {
        this.rows = List.copyOf(rows);
    }

    /**
     * @return the runs, in file order.
     */
    public List<Row> rows()
    {
        return rows;
    }

    /**
     * @param file a JMH JSON result file.
     * @return its rows.
     * @throws IOException          when it cannot be read.
     * @throws InputFormatException naming the file when it is not a JMH JSON result.
     */
    public static JmhResults read(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new NoSuchFileException(file.toString());
        }
        final String source = file.toString();
        final Object tree;
        try (JsonParser parser = new JsonFactory().createParser(file.toFile()))
        {
            if (null == parser.nextToken())
            {
                throw new InputFormatException(source, 0, "empty file, not a JMH result");
            }
            tree = value(parser);
        }
        catch (final JsonProcessingException ex)
        {
            throw new InputFormatException(source, ex.getLocation() == null ? 0 : ex.getLocation().getLineNr(),
                "not valid JSON: " + ex.getOriginalMessage());
        }
        if (!(tree instanceof List<?> runs))
        {
            throw new InputFormatException(source, 0, "not a JMH result: expected a JSON array of runs");
        }
        final List<Row> rows = new ArrayList<>();
        for (final Object run : runs)
        {
            final Map<?, ?> fields = run instanceof Map<?, ?> map ? map : Map.of();
            final Map<?, ?> primary = fields.get("primaryMetric") instanceof Map<?, ?> map ? map : null;
            if (!(fields.get("benchmark") instanceof String benchmark) || null == primary)
            {
                throw new InputFormatException(source, 0, "not a JMH result: run " + (rows.size() + 1) +
                    " has no \"benchmark\" or \"primaryMetric\"");
            }
            final Map<String, String> params = new LinkedHashMap<>();
            if (fields.get("params") instanceof Map<?, ?> map)
            {
                map.forEach((key, value) -> params.put(String.valueOf(key), String.valueOf(value)));
            }
            double bytesPerOp = Double.NaN;
            if (fields.get("secondaryMetrics") instanceof Map<?, ?> secondary &&
                secondary.get("gc.alloc.rate.norm") instanceof Map<?, ?> alloc)
            {
                bytesPerOp = number(alloc.get("score"));
            }
            final String[] parts = benchmark.split("\\.");
            final String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
            rows.add(new Row(shortName, String.valueOf(fields.get("mode")), params, number(primary.get("score")),
                number(primary.get("scoreError")), String.valueOf(primary.get("scoreUnit")), bytesPerOp));
        }
        return new JmhResults(rows);
    }

    /**
     * @return a plain-text table, one line per run.
     */
    public String table()
    {
        final StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-50s %-20s %-6s %18s %14s %-8s %10s%n",
            "benchmark", "params", "mode", "score", "error", "unit", "B/op"));
        for (final Row row : rows)
        {
            table.append(String.format(Locale.ROOT, "%-50s %-20s %-6s %18s %14s %-8s %10s%n", row.benchmark(), params(row),
                row.mode(), number(row.score()), number(row.scoreError()), row.unit(), bytes(row.bytesPerOp())));
        }
        return table.toString();
    }

    /**
     * @param source the result file, named on the page.
     * @return a self-contained HTML page with the table.
     */
    public String html(final String source)
    {
        final HtmlPage page = new HtmlPage("JMH results");
        page.paragraph("meta", "Source: " + source + ". Error is JMH's 99.9% confidence half-width; B/op is gc.alloc.rate.norm " +
            "(-prof gc), blank when the profiler did not run.");
        final StringBuilder table = new StringBuilder("<table>\n<tr><th>benchmark</th><th>params</th><th>mode</th>" +
            "<th>score</th><th>± error</th><th>unit</th><th>B/op</th></tr>\n");
        for (final Row row : rows)
        {
            table.append("<tr><td>").append(HtmlPage.escape(row.benchmark())).append("</td><td>")
                .append(HtmlPage.escape(params(row))).append("</td><td>").append(HtmlPage.escape(row.mode()))
                .append("</td><td class=\"n\">").append(number(row.score())).append("</td><td class=\"n\">")
                .append(number(row.scoreError())).append("</td><td>").append(HtmlPage.escape(row.unit()))
                .append("</td><td class=\"n\">").append(bytes(row.bytesPerOp())).append("</td></tr>\n");
        }
        page.raw(table.append("</table>").toString());
        return page.finish();
    }

    private static String params(final Row row)
    {
        final List<String> pairs = new ArrayList<>();
        row.params().forEach((key, value) -> pairs.add(key + "=" + value));
        return String.join(",", pairs);
    }

    private static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "";
        }
        if (Math.abs(value) >= 10_000)
        {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.3f", value);
    }

    private static String bytes(final double value)
    {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static double number(final Object value)
    {
        if (value instanceof Double number)
        {
            return number;
        }
        if (value instanceof String text)
        {
            try
            {
                return Double.parseDouble(text);
            }
            catch (final NumberFormatException ex)
            {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static Object value(final JsonParser parser) throws IOException
    {
        final JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT)
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY)
        {
            final List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY)
            {
                list.add(value(parser));
            }
            return list;
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT)
        {
            return parser.getDoubleValue();
        }
        if (token == JsonToken.VALUE_STRING)
        {
            return parser.getText();
        }
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE)
        {
            return parser.getBooleanValue();
        }
        return null;
    }
}
