package io.ticklane.research.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code report.json} as a result row needs it: every value flattened to a dotted key ({@code metrics.pnl.net},
 * {@code metrics.per_day[0].net}) in the report's own order, and the report hash. Both leave out the top-level
 * {@code run} object, the one part that differs between two runs of the same inputs (absolute paths, wall clock):
 * the hash is the SHA-256 of the report's bytes before that object, which {@code ReportJson} writes last (checked).
 *
 * @param sha256 hex SHA-256 of report.json's bytes up to its {@code run} field.
 * @param values flattened key to Long, Double, Boolean, String or null, in the report's order.
 */
public record ReportFields(String sha256, Map<String, Object> values)
{
    /**
     * The top-level field that holds what differs between runs of the same inputs.
     */
    public static final String RUN = "run";

    /**
     * @param reportJson a report.json written by {@code ReportJson}.
     * @return its fields and hash.
     * @throws IOException if it cannot be read or does not end with the {@code run} object.
     */
    public static ReportFields read(final Path reportJson) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(reportJson);
        final Map<String, Object> values = new LinkedHashMap<>();
        long runOffset = -1;
        try (JsonParser parser = new JsonFactory().createParser(bytes))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException(reportJson + ": not a JSON object");
            }
            final Deque<String> path = new ArrayDeque<>();
            final Deque<int[]> arrays = new ArrayDeque<>();
            JsonToken token;
            String field = null;
            while ((token = parser.nextToken()) != null)
            {
                if (runOffset >= 0)
                {
                    // only the run object's own tokens and the closing brace may follow it: no top-level field
                    if (token == JsonToken.FIELD_NAME && parser.getParsingContext().getParent().inRoot())
                    {
                        throw new IOException(reportJson + ": the run object is not the report's last field");
                    }
                    continue;
                }
                switch (token)
                {
                    case FIELD_NAME ->
                    {
                        field = parser.currentName();
                        if (RUN.equals(field) && parser.getParsingContext().getParent().inRoot())
                        {
                            runOffset = parser.currentTokenLocation().getByteOffset();
                        }
                    }
                    case START_OBJECT, START_ARRAY ->
                    {
                        path.push(key(path, arrays, field));
                        // an array counts its elements; an object (-1) names them
                        arrays.push(new int[]{token == JsonToken.START_ARRAY ? 0 : -1});
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY ->
                    {
                        if (!path.isEmpty())
                        {
                            path.pop();
                            arrays.pop();
                        }
                    }
                    case VALUE_NUMBER_INT -> values.put(key(path, arrays, field), parser.getLongValue());
                    case VALUE_NUMBER_FLOAT -> values.put(key(path, arrays, field), Double.parseDouble(parser.getText()));
                    case VALUE_TRUE, VALUE_FALSE -> values.put(key(path, arrays, field), token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> values.put(key(path, arrays, field), null);
                    default -> values.put(key(path, arrays, field), parser.getText());
                }
            }
        }
        if (runOffset < 0)
        {
            throw new IOException(reportJson + ": no top-level run object");
        }
        return new ReportFields(sha256(bytes, (int)runOffset), values);
    }

    /**
     * @return the key of the value or container the parser is at: the field name under the enclosing path, or the
     *     next index of the enclosing array (which it advances).
     */
    private static String key(final Deque<String> path, final Deque<int[]> arrays, final String field)
    {
        final String parent = path.isEmpty() ? "" : path.peek();
        final int[] index = arrays.peek();
        if (null != index && index[0] >= 0)
        {
            return parent + "[" + index[0]++ + "]";
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String sha256(final byte[] bytes, final int length)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
