package io.ticklane.cli;

import io.ticklane.journal.queue.CodeVersion;
import picocli.CommandLine;

/**
 * Reports the version from the jar manifest so {@code ticklane --version} names the build that is running.
 */
public final class TicklaneVersion implements CommandLine.IVersionProvider
{
    public String[] getVersion()
    {
        return new String[]{ "ticklane " + CodeVersion.current() };
    }
}
