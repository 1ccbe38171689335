package io.ticklane.research.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The catalogue as a Parquet table (one file, rows in path order) and back. The schema is the columns of
 * {@link CatalogEntry}, snake_case; times are epoch nanoseconds.
 */
public final class CatalogTable
{
    /**
     * The catalogue's columns.
     */
    public static final StructType SCHEMA = new StructType()
        .add("path", DataTypes.StringType, false)
        .add("journal_sha256", DataTypes.StringType, false)
        .add("instruments", DataTypes.StringType, false)
        .add("market", DataTypes.StringType, false)
        .add("source", DataTypes.StringType, false)
        .add("first_receive_ns", DataTypes.LongType, false)
        .add("last_receive_ns", DataTypes.LongType, false)
        .add("records", DataTypes.LongType, false)
        .add("gaps", DataTypes.LongType, false)
        .add("refused", DataTypes.LongType, false)
        .add("error", DataTypes.StringType, false);

    private CatalogTable()
    {
    }

    /**
     * @param spark   session.
     * @param entries the catalogue.
     * @param path    Parquet directory to write (replaced).
     */
    public static void write(final SparkSession spark, final List<CatalogEntry> entries, final String path)
    {
        final List<Row> rows = new ArrayList<>();
        for (final CatalogEntry e : entries)
        {
            rows.add(RowFactory.create(e.path(), e.journalSha256(), e.instruments(), e.market(), e.source(), e.firstReceiveNs(),
                e.lastReceiveNs(), e.records(), e.gaps(), e.refused(), e.error()));
        }
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /**
     * @param spark session.
     * @param path  a catalogue written by {@link #write}.
     * @return its entries, in path order.
     */
    public static List<CatalogEntry> read(final SparkSession spark, final String path)
    {
        final Dataset<Row> table = spark.read().schema(SCHEMA).parquet(path);
        final List<CatalogEntry> entries = new ArrayList<>();
        for (final Row r : table.collectAsList())
        {
            // column 3, the market, is derived from the source (column 4) and not read back
            entries.add(new CatalogEntry(r.getString(0), r.getString(1), r.getString(2), r.getString(4), r.getLong(5),
                r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9), r.getString(10)));
        }
        entries.sort(Comparator.comparing(CatalogEntry::path));
        return entries;
    }
}
