package io.ticklane.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Locates the shared real market data for tests. The directory comes from the {@code ticklane.data} system
 * property (the build sets it; .ci/run passes it explicitly). A missing property or file fails the test: real
 * data tests never skip silently.
 */
public final class RealData
{
    private RealData()
    {
    }

    /**
     * @param relativePath path inside the data directory, e.g. {@code lobster/AMZN_..._message_1.csv.gz}.
     * @return the existing file.
     */
    public static Path file(final String relativePath)
    {
        final String dir = System.getProperty("ticklane.data");
        if (null == dir || dir.isBlank())
        {
            fail("system property ticklane.data is not set: run the tests with -Dticklane.data=<shared/data dir>");
        }

        final Path file = Paths.get(dir).resolve(relativePath).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file))
        {
            fail("real data file missing: " + file + " (ticklane.data=" + dir + ")");
        }
        return file;
    }
}
