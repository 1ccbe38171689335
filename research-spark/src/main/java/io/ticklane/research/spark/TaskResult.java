package io.ticklane.research.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What one task gave: its inputs, whether it ran, and either its report's fields and hash or the error that stopped
 * it. A failed task is a result like any other: it is written, with its inputs, never dropped.
 *
 * @param task         the task.
 * @param configSha256 SHA-256 of the configuration text (the hash a report gives it), known even when it failed.
 * @param ok           true if the backtest ran and wrote its report.
 * @param error        why it failed, or empty; paths under the sweep's task directory start with {@code <tasks>}.
 * @param reportSha256 the report hash ({@link ReportFields}), or empty.
 * @param fields       the report's flattened fields, empty when it failed.
 * @param wallClockNs  time the task took, end to end (not written to the Parquet results, which must not vary).
 */
public record TaskResult(
    SweepTask task,
    String configSha256,
    boolean ok,
    String error,
    String reportSha256,
    LinkedHashMap<String, Object> fields,
    long wallClockNs) implements Serializable
{
}
