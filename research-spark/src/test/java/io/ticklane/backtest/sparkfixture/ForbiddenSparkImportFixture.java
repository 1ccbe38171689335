package io.ticklane.backtest.sparkfixture;

import org.apache.spark.sql.SparkSession;

/**
 * A backtest class that uses Spark: what {@code SparkConfinementTest}'s rule must catch. A test class, never imported
 * with the production classes.
 */
public final class ForbiddenSparkImportFixture
{
    private ForbiddenSparkImportFixture()
    {
    }

    static String master(final SparkSession spark)
    {
        return spark.sparkContext().master();
    }
}
