package io.ticklane.research.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Combinatorial purged cross-validation's output: {@code cpcv.parquet} (one row per split) and {@code cpcv.txt} (the
 * splits, the distribution of the picks' out-of-sample Sharpe and the probability of backtest overfitting).
 */
public final class CpcvReport
{
    private static final StructType SCHEMA = new StructType()
        .add("cpcv_group", DataTypes.StringType, false)
        .add("cpcv_split", DataTypes.IntegerType, false)
        .add("cpcv_test_blocks", DataTypes.StringType, false)
        .add("cpcv_train_days", DataTypes.StringType, false)
        .add("cpcv_test_days", DataTypes.StringType, false)
        .add("cpcv_status", DataTypes.StringType, false)
        .add("cpcv_error", DataTypes.StringType, false)
        .add("cpcv_best_combination", DataTypes.IntegerType, true)
        .add("cpcv_in_sample", DataTypes.DoubleType, true)
        .add("cpcv_out_of_sample", DataTypes.DoubleType, true)
        .add("cpcv_out_of_sample_sharpe", DataTypes.DoubleType, true)
        .add("cpcv_relative_rank", DataTypes.DoubleType, true)
        .add("cpcv_logit", DataTypes.DoubleType, true);

    private CpcvReport()
    {
    }

    /**
     * Writes cpcv.parquet under {@code path} (replaced).
     *
     * @return its content hash ({@link ResultTable#contentSha256(StructType, List)}).
     */
    public static String write(final SparkSession spark, final List<CombinatorialPurgedCv.Split> splits, final String path)
    {
        final List<Row> rows = new ArrayList<>();
        for (final CombinatorialPurgedCv.Split s : splits)
        {
            final WindowResult r = s.split();
            rows.add(RowFactory.create(r.window().group(), r.window().index(), join(s.testBlocks()), join(r.window().trainDays()),
                join(r.window().testDays()), r.status(), r.error(), r.bestCombination() < 0 ? null : r.bestCombination(),
                orNull(r.inSample()), orNull(r.outOfSample()), orNull(s.outOfSampleSharpe()), orNull(s.relativeRank()),
                orNull(s.logit())));
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
        return ResultTable.contentSha256(SCHEMA, rows);
    }

    /**
     * @param heading the first line.
     * @param splits  evaluated splits.
     * @return the text report.
     */
    public static String text(final String heading, final List<CombinatorialPurgedCv.Split> splits)
    {
        final StringBuilder out = new StringBuilder(heading).append('\n');
        final String columns = WalkForwardSummary.groupColumn(splits.stream().map(CombinatorialPurgedCv.Split::split).toList()) +
            " %5s %-12s %-9s %5s %14s %14s %12s %8s %8s%n";
        out.append(String.format(Locale.ROOT, columns, "group", "split", "test blocks",
            "status", "pick", "in-sample", "out-of-sample", "oos sharpe", "omega", "logit"));
        for (final CombinatorialPurgedCv.Split s : splits)
        {
            final WindowResult r = s.split();
            out.append(String.format(Locale.ROOT, columns, r.window().group(),
                r.window().index(), join(s.testBlocks()), r.status(), r.bestCombination() < 0 ? "-" : r.bestCombination(),
                number(r.inSample()), number(r.outOfSample()), number(s.outOfSampleSharpe()), number(s.relativeRank()),
                number(s.logit())));
        }
        final double[] sharpes = splits.stream().mapToDouble(CombinatorialPurgedCv.Split::outOfSampleSharpe)
            .filter((v) -> !Double.isNaN(v)).sorted().toArray();
        out.append(String.format(Locale.ROOT, "out-of-sample Sharpe of the picks over %d split(s) with one: min %s, q1 %s, " +
            "median %s, q3 %s, max %s, mean %s%n", sharpes.length, quantile(sharpes, 0), quantile(sharpes, 0.25),
            quantile(sharpes, 0.5), quantile(sharpes, 0.75), quantile(sharpes, 1),
            number(sharpes.length > 0 ? Arrays.stream(sharpes).average().orElse(Double.NaN) : Double.NaN)));
        out.append(String.format(Locale.ROOT, "probability of backtest overfitting (PBO, fraction of splits with logit <= 0): %s%n",
            number(CombinatorialPurgedCv.pbo(splits))));
        for (final CombinatorialPurgedCv.Split s : splits)
        {
            if (!s.split().ok())
            {
                out.append(String.format(Locale.ROOT, "%s split %s %d: %s%n", s.split().status().toUpperCase(Locale.ROOT),
                    s.split().window().group(), s.split().window().index(), s.split().error()));
            }
        }
        return out.toString();
    }

    /**
     * @return the q-quantile of sorted values, linear between order statistics (R's type 7), or "-" for none.
     */
    static String quantile(final double[] sorted, final double q)
    {
        if (sorted.length == 0)
        {
            return "-";
        }
        final double h = (sorted.length - 1) * q;
        final int lo = (int)Math.floor(h);
        final int hi = Math.min(sorted.length - 1, lo + 1);
        return number(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static String join(final List<?> values)
    {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Double orNull(final double value)
    {
        return Double.isNaN(value) ? null : value;
    }

    private static String number(final double value)
    {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
