package io.ticklane.runtime.cli;

import picocli.CommandLine;

/**
 * Reports the version from the jar manifest so {@code ticklane --version} names the build that is running.
 */
public final class TicklaneVersion implements CommandLine.IVersionProvider
{
    public String[] getVersion()
    {
        final String version = TicklaneVersion.class.getPackage().getImplementationVersion();
        return new String[]{ "ticklane " + (null == version ? "(development build)" : version) };
    }
}
