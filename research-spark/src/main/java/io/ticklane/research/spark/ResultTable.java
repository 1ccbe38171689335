package io.ticklane.research.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
 * the same tasks give the same bytes whatever ran them.
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
