package io.ticklane.journal;

import io.ticklane.cli.TicklaneVersion;

/**
 * Test fixture for the dependency rules: a journal class that imports the command line, which nothing may do.
 * Lives in the cli module's tests only.
 */
public final class ForbiddenCliImportFixture
{
    private ForbiddenCliImportFixture()
    {
    }

    /**
     * @return the CLI's version lines: a call, so the dependency is in the byte code (a constant would be inlined).
     */
    public static String[] version()
    {
        return new TicklaneVersion().getVersion();
    }
}
