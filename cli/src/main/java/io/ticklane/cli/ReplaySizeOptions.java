package io.ticklane.cli;

import io.ticklane.backtest.replay.ReplaySource;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --tick-size} and {@code --lot-size} of the commands that replay real data through a book ({@code factors},
 * {@code fit intensity}, {@code fit microprice}): the sizes a source may not say, with the source's defaults.
 */
final class ReplaySizeOptions
{
    @Option(names = "--tick-size", paramLabel = "PRICE", description = "Tick size in currency (default per source).")
    private BigDecimal tickSize;

    @Option(names = "--lot-size", paramLabel = "QTY", description = "Lot size (Binance; default inferred).")
    private BigDecimal lotSize;

    ReplaySource resolve(final List<Path> inputs)
    {
        return ReplaySource.resolve(inputs, tickSize, lotSize);
    }
}
