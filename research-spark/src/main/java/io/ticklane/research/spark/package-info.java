/**
 * Research at scale on Apache Spark: the catalogue of imported journals and sweeps of journal x configuration
 * backtests, each run with the backtest module's own code, written as Parquet. The only Ticklane code that may use
 * Spark; it runs in a JVM of its own (the cli starts it), never inside the daemon or a plain backtest. See
 * docs/decisions/research-spark.md.
 */
package io.ticklane.research.spark;
