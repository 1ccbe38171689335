package io.ticklane.journal.queue;

/**
 * The build's version, read from the runnable jar's manifest, so that every journal header and report names the code
 * that wrote it (a backtest's result is a function of journal, configuration and code version).
 */
public final class CodeVersion
{
    private CodeVersion()
    {
    }

    /**
     * @return the build's version, or {@code (development build)} when running from class directories.
     */
    public static String current()
    {
        final String version = CodeVersion.class.getPackage().getImplementationVersion();
        return null == version ? "(development build)" : version;
    }
}
