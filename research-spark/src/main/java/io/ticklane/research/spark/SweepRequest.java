package io.ticklane.research.spark;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code research sweep} was asked to do.
 *
 * @param catalog  the catalogue's Parquet path ({@code research catalog}'s output).
 * @param config   base configuration file.
 * @param grid     {@code key=v1,v2} specs, the syntax of {@code backtest --sweep}.
 * @param engine   where tasks run.
 * @param threads  pool size of the local engine.
 * @param out      output directory: results.parquet, summary.txt, summary.html and tasks/.
 * @param options  settings every task shares; its task root is {@code out/tasks}.
 */
public record SweepRequest(
    String catalog, Path config, List<String> grid, SweepJob.Engine engine, int threads, Path out, SweepOptions options)
{
}
