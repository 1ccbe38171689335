package io.ticklane.research.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session research runs on. With a master given ({@code local[2]}, {@code spark://...}) it uses it;
 * without, it takes the one {@code spark-submit} set, or {@code local[*]}. The web UI is off (nobody watches a test
 * or a CLI run) and the driver binds to the loopback address in local mode, so a machine without a resolvable host
 * name still runs.
 */
public final class ResearchSpark
{
    private ResearchSpark()
    {
    }

    /**
     * @param master Spark master URL, or null for spark-submit's or {@code local[*]}.
     * @return the session (the caller stops it).
     */
    public static SparkSession start(final String master)
    {
        final SparkSession.Builder builder = SparkSession.builder().appName("ticklane-research")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // a result table is a few thousand rows: no shuffle needs more partitions than a small machine has cores
            .config("spark.sql.shuffle.partitions", "2");
        final String chosen = null != master ? master : System.getProperty("spark.master", "local[*]");
        builder.master(chosen);
        if (chosen.startsWith("local"))
        {
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        return builder.getOrCreate();
    }
}
