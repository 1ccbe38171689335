package io.ticklane.microstructure.fit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON file form of a {@link MicropriceModel} (format version 1): what {@code ticklane fit microprice} writes and
 * the {@code microprice} factor loads. Kept apart from the model because it is a file format with its own checks
 * (unknown fields, equal-width edges, row and cell counts), not part of the table the factor reads per event.
 */
final class MicropriceModelJson
{
    private static final int FORMAT_VERSION = 1;
    private static final JsonFactory JSON = new JsonFactory();

    private MicropriceModelJson()
    {
    }

    /**
     * Writes the model as pretty-printed JSON.
     *
     * @param model the model.
     * @param out   stream to write to; left open.
     * @throws IOException on write failure.
     */
    static void write(final MicropriceModel model, final OutputStream out) throws IOException
    {
        final int imbalanceBuckets = model.imbalanceBuckets();
        final int spreadBuckets = model.spreadBuckets();
        final long[] stateCounts = model.stateCounts();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8))
        {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("model", model.kind());
            json.writeNumberField("version", FORMAT_VERSION);
            json.writeStringField("dataSource", model.dataSource());
            json.writeNumberField("imbalanceBuckets", imbalanceBuckets);
            json.writeArrayFieldStart("imbalanceEdges");
            for (int k = 0; k <= imbalanceBuckets; k++)
            {
                json.writeNumber((double)k / imbalanceBuckets);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("spreads");
            for (int s = 1; s <= spreadBuckets; s++)
            {
                json.writeNumber(s);
            }
            json.writeEndArray();
            json.writeNumberField("maxMoveTicks", model.maxMoveTicks());
            json.writeNumberField("observations", model.observations());
            json.writeNumberField("excludedWideSpread", model.excludedWideSpread());
            json.writeNumberField("excludedLargeMove", model.excludedLargeMove());
            json.writeFieldName("stateCounts");
            json.writeStartArray();
            for (int s = 0; s < spreadBuckets; s++)
            {
                json.writeStartArray();
                for (int b = 0; b < imbalanceBuckets; b++)
                {
                    json.writeNumber(stateCounts[s * imbalanceBuckets + b]);
                }
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeFieldName("increments");
            json.writeStartArray();
            for (int i = 1; i <= model.incrementCount(); i++)
            {
                writeTable(json, model.increment(i), spreadBuckets, imbalanceBuckets);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("convergence");
            for (final double c : model.convergence())
            {
                json.writeNumber(c);
            }
            json.writeEndArray();
            json.writeFieldName("adjustment");
            writeTable(json, model.adjustmentTable(), spreadBuckets, imbalanceBuckets);
            json.writeEndObject();
        }
    }

    /**
     * @param path model file.
     * @return the model.
     * @throws IOException on read failure.
     * @throws IllegalArgumentException naming the file and the problem if the content is not a valid model.
     */
    static MicropriceModel read(final Path path) throws IOException
    {
        try (JsonParser json = JSON.createParser(path.toFile()))
        {
            return read(json);
        }
        catch (final IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new IllegalArgumentException("micro-price model " + path + ": " + ex.getMessage(), ex);
        }
    }

    private static MicropriceModel read(final JsonParser json) throws IOException
    {
        expect(json, json.nextToken(), JsonToken.START_OBJECT, "model object");
        String kind = null;
        String dataSource = "";
        int imbalanceBuckets = -1;
        int spreadBuckets = -1;
        int maxMoveTicks = 1;
        long observations = 0;
        long excludedWideSpread = 0;
        long excludedLargeMove = 0;
        double[][] stateCounts = null;
        final List<double[][]> increments = new ArrayList<>();
        double[] convergence = new double[0];
        double[][] table = null;
        double[] edges = null;
        while (JsonToken.FIELD_NAME == json.nextToken())
        {
            final String field = json.currentName();
            final JsonToken value = json.nextToken();
            switch (field)
            {
                case "model":
                    kind = json.getValueAsString();
                    break;
                case "version":
                    if (FORMAT_VERSION != json.getIntValue())
                    {
                        throw new IllegalArgumentException("unsupported version " + json.getText());
                    }
                    break;
                case "dataSource":
                    dataSource = json.getValueAsString();
                    break;
                case "imbalanceBuckets":
                    imbalanceBuckets = json.getIntValue();
                    break;
                case "imbalanceEdges":
                    edges = readVector(json, value); // derived from imbalanceBuckets; checked below
                    break;
                case "spreads":
                    spreadBuckets = readVector(json, value).length;
                    break;
                case "maxMoveTicks":
                    maxMoveTicks = json.getIntValue();
                    break;
                case "observations":
                    observations = json.getLongValue();
                    break;
                case "excludedWideSpread":
                    excludedWideSpread = json.getLongValue();
                    break;
                case "excludedLargeMove":
                    excludedLargeMove = json.getLongValue();
                    break;
                case "stateCounts":
                    stateCounts = readMatrix(json, value);
                    break;
                case "increments":
                    expect(json, value, JsonToken.START_ARRAY, "array of tables");
                    JsonToken next;
                    while (JsonToken.END_ARRAY != (next = json.nextToken()))
                    {
                        increments.add(readMatrix(json, next));
                    }
                    break;
                case "convergence":
                    convergence = readVector(json, value);
                    break;
                case "adjustment":
                    table = readMatrix(json, value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown field '" + field + "'");
            }
        }
        if (!MicropriceModel.KIND_FITTED.equals(kind) && !MicropriceModel.KIND_WEIGHTED_MID_APPROX.equals(kind))
        {
            throw new IllegalArgumentException("'model' must be " + MicropriceModel.KIND_FITTED + " or " +
                MicropriceModel.KIND_WEIGHTED_MID_APPROX + ", got " + kind);
        }
        if (null == table || imbalanceBuckets < 1 || spreadBuckets < 1)
        {
            throw new IllegalArgumentException("needs imbalanceBuckets, spreads and adjustment");
        }
        if (null != edges)
        {
            for (int k = 0; k < edges.length; k++)
            {
                if (edges.length != imbalanceBuckets + 1 || Math.abs(edges[k] - (double)k / imbalanceBuckets) > 1e-9)
                {
                    throw new IllegalArgumentException("'imbalanceEdges' must be the " + (imbalanceBuckets + 1) +
                        " equal-width edges k/" + imbalanceBuckets + "; other bucketings are not supported");
                }
            }
        }
        final double[] flat = flatten(table, spreadBuckets, imbalanceBuckets, "adjustment");
        final double[][] flatIncrements = new double[increments.size()][];
        for (int i = 0; i < flatIncrements.length; i++)
        {
            flatIncrements[i] = flatten(increments.get(i), spreadBuckets, imbalanceBuckets, "increments");
        }
        final long[] counts = new long[flat.length];
        if (null != stateCounts)
        {
            final double[] flatCounts = flatten(stateCounts, spreadBuckets, imbalanceBuckets, "stateCounts");
            for (int i = 0; i < counts.length; i++)
            {
                counts[i] = (long)flatCounts[i];
            }
        }
        return new MicropriceModel(kind, dataSource, imbalanceBuckets, spreadBuckets, maxMoveTicks, flat,
            flatIncrements, convergence, counts, observations, excludedWideSpread, excludedLargeMove);
    }

    private static void writeTable(
        final JsonGenerator json, final double[] cells, final int spreadBuckets, final int imbalanceBuckets)
        throws IOException
    {
        json.writeStartArray();
        for (int s = 0; s < spreadBuckets; s++)
        {
            json.writeStartArray();
            for (int b = 0; b < imbalanceBuckets; b++)
            {
                json.writeNumber(cells[s * imbalanceBuckets + b]);
            }
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    private static double[] readVector(final JsonParser json, final JsonToken start) throws IOException
    {
        expect(json, start, JsonToken.START_ARRAY, "array of numbers");
        final List<Double> values = new ArrayList<>();
        JsonToken token;
        while (JsonToken.END_ARRAY != (token = json.nextToken()))
        {
            if (!token.isNumeric())
            {
                throw new IllegalArgumentException("expected a number at " + json.currentLocation() + ", got " + token);
            }
            values.add(json.getDoubleValue());
        }
        final double[] result = new double[values.size()];
        for (int i = 0; i < result.length; i++)
        {
            result[i] = values.get(i);
        }
        return result;
    }

    private static double[][] readMatrix(final JsonParser json, final JsonToken start) throws IOException
    {
        expect(json, start, JsonToken.START_ARRAY, "array of rows");
        final List<double[]> rows = new ArrayList<>();
        JsonToken token;
        while (JsonToken.END_ARRAY != (token = json.nextToken()))
        {
            rows.add(readVector(json, token));
        }
        return rows.toArray(new double[0][]);
    }

    private static double[] flatten(final double[][] rows, final int spreads, final int buckets, final String what)
    {
        if (rows.length != spreads)
        {
            throw new IllegalArgumentException("'" + what + "' has " + rows.length + " rows, expected " + spreads +
                " (one per spread)");
        }
        final double[] flat = new double[spreads * buckets];
        for (int s = 0; s < spreads; s++)
        {
            if (rows[s].length != buckets)
            {
                throw new IllegalArgumentException("'" + what + "' row " + (s + 1) + " has " + rows[s].length +
                    " cells, expected " + buckets + " (one per imbalance bucket)");
            }
            System.arraycopy(rows[s], 0, flat, s * buckets, buckets);
        }
        return flat;
    }

    private static void expect(final JsonParser json, final JsonToken actual, final JsonToken expected, final String what)
    {
        if (expected != actual)
        {
            throw new IllegalArgumentException("expected " + what + " at " + json.currentLocation() + ", got " + actual);
        }
    }
}
