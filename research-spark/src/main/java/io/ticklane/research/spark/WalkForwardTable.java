package io.ticklane.research.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A walk-forward's windows as one Parquet table ({@code walk_forward.parquet}), one row per window in the plan's
 * order (group, then time): its days, the pick and its in-sample and out-of-sample figures, and the task ids and
 * report hashes they come from, so each figure can be traced to the results table. Undefined figures are null.
 * Written as one file, like the results; {@link ResultTable#contentSha256(StructType, List)} gives the hash that
 * holds across processes. Column list: docs/decisions/research-spark.md.
 */
public final class WalkForwardTable
{
    private WalkForwardTable()
    {
    }

    /**
     * @param keys the grid's keys.
     * @return the table's schema.
     */
    public static StructType schema(final List<String> keys)
    {
        StructType schema = new StructType()
            .add("wf_group", DataTypes.StringType, false)
            .add("wf_window", DataTypes.IntegerType, false)
            .add("wf_train_first_day", DataTypes.StringType, false)
            .add("wf_train_last_day", DataTypes.StringType, false)
            .add("wf_test_first_day", DataTypes.StringType, false)
            .add("wf_test_last_day", DataTypes.StringType, false)
            .add("wf_train_days", DataTypes.IntegerType, false)
            .add("wf_test_days", DataTypes.IntegerType, false)
            .add("wf_train_journals", DataTypes.IntegerType, false)
            .add("wf_test_journals", DataTypes.IntegerType, false)
            .add("wf_objective", DataTypes.StringType, false)
            .add("wf_status", DataTypes.StringType, false)
            .add("wf_error", DataTypes.StringType, false)
            .add("wf_best_combination", DataTypes.IntegerType, true);
        for (final String key : keys)
        {
            schema = schema.add(ResultTable.column("grid_" + key), DataTypes.StringType, true);
        }
        return schema
            .add("wf_in_sample", DataTypes.DoubleType, true)
            .add("wf_out_of_sample", DataTypes.DoubleType, true)
            .add("wf_in_sample_per_day", DataTypes.DoubleType, true)
            .add("wf_out_of_sample_per_day", DataTypes.DoubleType, true)
            .add("wf_gap_per_day", DataTypes.DoubleType, true)
            .add("wf_in_sample_task_ids", DataTypes.StringType, false)
            .add("wf_out_of_sample_task_ids", DataTypes.StringType, false)
            .add("wf_out_of_sample_report_sha256", DataTypes.StringType, false);
    }

    /**
     * @param results the windows' results, in the plan's order.
     * @param keys    the grid's keys.
     * @return the rows of {@link #schema}.
     */
    public static List<Row> rows(final List<WindowResult> results, final List<String> keys)
    {
        final List<Row> rows = new ArrayList<>();
        for (final WindowResult r : results)
        {
            final WalkForwardWindow w = r.window();
            final List<Object> values = new ArrayList<>();
            values.add(w.group());
            values.add(w.index());
            values.add(first(w.trainDays()));
            values.add(last(w.trainDays()));
            values.add(first(w.testDays()));
            values.add(last(w.testDays()));
            values.add(w.trainDays().size());
            values.add(w.testDays().size());
            values.add(w.trainJournals().size());
            values.add(w.testJournals().size());
            values.add(r.objective().cliName());
            values.add(r.status());
            values.add(r.error());
            values.add(r.bestCombination() < 0 ? null : r.bestCombination());
            for (int k = 0; k < keys.size(); k++)
            {
                values.add(r.bestGrid().isEmpty() ? null : r.bestGrid().get(k));
            }
            values.add(orNull(r.inSample()));
            values.add(orNull(r.outOfSample()));
            values.add(orNull(r.inSamplePerDay()));
            values.add(orNull(r.outOfSamplePerDay()));
            values.add(orNull(r.gapPerDay()));
            values.add(r.inSampleTasks().stream().map(String::valueOf).collect(Collectors.joining(",")));
            values.add(r.outOfSampleTasks().stream().map(String::valueOf).collect(Collectors.joining(",")));
            values.add(String.join(",", r.outOfSampleReports()));
            rows.add(RowFactory.create(values.toArray()));
        }
        return rows;
    }

    /**
     * Writes the table as one Parquet file under {@code path} (replaced).
     *
     * @return the content hash ({@link ResultTable#contentSha256(StructType, List)}).
     */
    public static String write(final SparkSession spark, final List<WindowResult> results, final List<String> keys, final String path)
    {
        final StructType schema = schema(keys);
        final List<Row> rows = rows(results, keys);
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
        return ResultTable.contentSha256(schema, rows);
    }

    private static Double orNull(final double value)
    {
        return Double.isNaN(value) ? null : value;
    }

    private static String first(final List<LocalDate> days)
    {
        return days.get(0).toString();
    }

    private static String last(final List<LocalDate> days)
    {
        return days.get(days.size() - 1).toString();
    }
}
