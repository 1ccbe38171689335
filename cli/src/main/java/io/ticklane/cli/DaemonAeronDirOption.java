package io.ticklane.cli;

import io.ticklane.gateway.transport.TransportContext;
import picocli.CommandLine.Option;

/**
 * {@code --aeron-dir} of the commands that talk to a running daemon ({@code admin}, {@code stat}): the daemon's media
 * driver directory, where its counters and admin stream are, with the default every Ticklane process uses.
 */
final class DaemonAeronDirOption
{
    @Option(names = "--aeron-dir", paramLabel = "DIR", description = "The daemon's media driver directory.")
    private String aeronDir = TransportContext.DEFAULT_AERON_DIR;

    String aeronDir()
    {
        return aeronDir;
    }
}
