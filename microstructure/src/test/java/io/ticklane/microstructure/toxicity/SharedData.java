package io.ticklane.microstructure.toxicity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Locates the shared real data ({@code ../shared/data}, see its README) through the {@code ticklane.data} system
 * property, which the build sets. A missing property or file fails the test: data tests never skip silently.
 */
final class SharedData
{
    private SharedData()
    {
    }

    static Path file(final String relativePath)
    {
        final String dir = System.getProperty("ticklane.data");
        if (null == dir || dir.isBlank())
        {
            fail("system property ticklane.data is not set: run the tests with -Dticklane.data=<shared/data dir>");
        }
        final Path file = Paths.get(dir).resolve(relativePath).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file))
        {
            fail("shared data file missing: " + file + " (ticklane.data=" + dir + ")");
        }
        return file;
    }
}
