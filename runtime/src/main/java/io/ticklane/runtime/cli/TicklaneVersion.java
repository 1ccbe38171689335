package io.ticklane.runtime.cli;

import picocli.CommandLine;

/**
 * Reports the version from the jar manifest so {@code ticklane --version} names the build that is running.
 */
public final class TicklaneVersion implements CommandLine.IVersionProvider
{
    public String[] getVersion()
    {
        return new String[]{ "ticklane " + codeVersion() };
    }

    /**
     * @return the build's version, as recorded in journals and reports.
     */
    public static String codeVersion()
    {
        final String version = TicklaneVersion.class.getPackage().getImplementationVersion();
        return null == version ? "(development build)" : version;
    }
}
