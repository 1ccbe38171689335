package io.ticklane.research.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's results as one Parquet table, one row per task, failed ones included. Input columns come first
 * ({@code task_*}, one {@code grid_<key>} per swept key), then every field of report.json but its {@code run} object,
 * flattened ({@code metrics.pnl.net} becomes {@code metrics_pnl_net}). A report column's type is what its values are
 * in every report of the sweep: whole numbers LONG, numbers DOUBLE, true/false BOOLEAN, anything else (or a mix)
 * STRING; a field some reports lack is null there. Rows are sorted by {@code task_id} and written as one file, so
 * the same tasks give the same rows whatever ran them, and the same bytes from one JVM. Two JVMs can differ in the
 * footer only: parquet-java lists a column chunk's encodings in the order of a HashSet of enums, whose identity hash
 * changes between processes (apache/parquet-java#3215). {@link #contentSha256} is the check that holds everywhere.
 */
public final class ResultTable
{
    private ResultTable()
    {
    }

    /**
     * @param results the sweep's results, any order.
     * @param keys    the grid's keys.
     * @return the table's schema.
     */
    public static StructType schema(final List<TaskResult> results, final List<String> keys)
    {
        StructType schema = new StructType()
            .add("task_id", DataTypes.IntegerType, false)
            .add("task_journal_path", DataTypes.StringType, false)
            .add("task_journal_sha256", DataTypes.StringType, false)
            .add("task_instruments", DataTypes.StringType, false)
            .add("task_combination", DataTypes.IntegerType, false);
        for (final String key : keys)
        {
            schema = schema.add(column("grid_" + key), DataTypes.StringType, false);
        }
        schema = schema
            .add("task_config_sha256", DataTypes.StringType, false)
            .add("task_status", DataTypes.StringType, false)
            .add("task_error", DataTypes.StringType, false)
            .add("task_report_sha256", DataTypes.StringType, false);
        for (final Map.Entry<String, DataType> entry : reportColumns(sorted(results)).entrySet())
        {
            final String name = column(entry.getKey());
            if (schema.getFieldIndex(name).isDefined())
            {
                throw new IllegalStateException("two report fields map to column " + name);
            }
            schema = schema.add(name, entry.getValue(), true);
        }
        return schema;
    }

    /**
     * @param results the sweep's results.
     * @param keys    the grid's keys.
     * @return the rows of {@link #schema}, sorted by task id.
     */
    public static List<Row> rows(final List<TaskResult> results, final List<String> keys)
    {
        final List<TaskResult> ordered = sorted(results);
        final Map<String, DataType> reportColumns = reportColumns(ordered);
        final List<Row> rows = new ArrayList<>();
        for (final TaskResult result : ordered)
        {
            final SweepTask task = result.task();
            final List<Object> values = new ArrayList<>();
            values.add(task.taskId());
            values.add(task.journalPath());
            values.add(task.journalSha256());
            values.add(task.instruments());
            values.add(task.combination());
            values.addAll(task.gridValues());
            values.add(result.configSha256());
            values.add(result.ok() ? "ok" : "failed");
            values.add(result.error());
            values.add(result.reportSha256());
            for (final Map.Entry<String, DataType> column : reportColumns.entrySet())
            {
                values.add(convert(result.fields().get(column.getKey()), column.getValue()));
            }
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    /**
     * Writes the table as one Parquet file under {@code path} (replaced).
     */
    public static void write(final SparkSession spark, final List<TaskResult> results, final List<String> keys, final String path)
    {
        spark.createDataFrame(rows(results, keys), schema(results, keys)).coalesce(1)
            .write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * A hash of the table's content, independent of Parquet's encoding: per row in task order, per column in schema
     * order, the column name, '=', the value ({@code Long}, {@code Integer} and {@code Boolean} as Java prints them,
     * {@code Double} as the hex of its bits, strings as they are, null as the NUL character) and the unit separator U+001F;
     * a newline ends a row. Written beside the Parquet file as results.sha256.
     *
     * @param results the sweep's results.
     * @param keys    the grid's keys.
     * @return hex SHA-256.
     */
    public static String contentSha256(final List<TaskResult> results, final List<String> keys)
    {
        return contentSha256(schema(results, keys), rows(results, keys));
    }

    /**
     * The same hash for any table (walk_forward.sha256 uses it too).
     *
     * @param schema the table's schema.
     * @param rows   its rows, in their written order.
     * @return hex SHA-256.
     */
    public static String contentSha256(final StructType schema, final List<Row> rows)
    {
        final StringBuilder text = new StringBuilder(1 << 16);
        for (final Row row : rows)
        {
            for (int i = 0; i < schema.fields().length; i++)
            {
                final Object value = row.get(i);
                text.append(schema.fields()[i].name()).append('=').append(value instanceof Double d ?
                    Long.toHexString(Double.doubleToRawLongBits(d)) : null == value ? "\u0000" : value.toString()).append('\u001f');
            }
            text.append('\n');
        }
        return TaskRunner.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param key a report field or grid key.
     * @return its column name: characters outside [A-Za-z0-9_] become '_', brackets go.
     */
    public static String column(final String key)
    {
        return key.replace("]", "").replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static List<TaskResult> sorted(final List<TaskResult> results)
    {
        final List<TaskResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt((TaskResult r) -> r.task().taskId()));
        return ordered;
    }

    private static Map<String, DataType> reportColumns(final List<TaskResult> ordered)
    {
        final Map<String, DataType> types = new LinkedHashMap<>();
        for (final TaskResult result : ordered)
        {
            for (final Map.Entry<String, Object> field : result.fields().entrySet())
            {
                types.merge(field.getKey(), type(field.getValue()), ResultTable::widen);
            }
        }
        types.replaceAll((k, v) -> DataTypes.NullType.equals(v) ? DataTypes.StringType : v);
        return types;
    }

    private static DataType type(final Object value)
    {
        if (value instanceof Long)
        {
            return DataTypes.LongType;
        }
        if (value instanceof Double)
        {
            return DataTypes.DoubleType;
        }
        if (value instanceof Boolean)
        {
            return DataTypes.BooleanType;
        }
        return null == value ? DataTypes.NullType : DataTypes.StringType;
    }

    private static DataType widen(final DataType a, final DataType b)
    {
        if (a.equals(b) || DataTypes.NullType.equals(b))
        {
            return a;
        }
        if (DataTypes.NullType.equals(a))
        {
            return b;
        }
        final boolean numbers = (DataTypes.LongType.equals(a) || DataTypes.DoubleType.equals(a)) &&
            (DataTypes.LongType.equals(b) || DataTypes.DoubleType.equals(b));
        return numbers ? DataTypes.DoubleType : DataTypes.StringType;
    }

    private static Object convert(final Object value, final DataType type)
    {
        if (null == value)
        {
            return null;
        }
        if (DataTypes.DoubleType.equals(type))
        {
            return ((Number)value).doubleValue();
        }
        if (DataTypes.StringType.equals(type))
        {
            return value.toString();
        }
        return value;
    }
}
