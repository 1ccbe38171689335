package io.ticklane.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --journal} and {@code --config} of the commands that run a strategy over a journal ({@code replay},
 * {@code backtest}): both required, spelled and described alike everywhere.
 */
final class JournalConfigOptions
{
    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory.")
    private Path journal;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Strategy configuration (.properties).")
    private Path config;

    Path journal()
    {
        return journal;
    }

    Path config()
    {
        return config;
    }
}
