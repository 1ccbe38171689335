package io.ticklane.tuning.jvm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts this JDK with the required flags file plus each profile, so no profile can carry a flag this JDK rejects
 * or ignores, and checks that every flag in a profile has its reason on the line above.
 */
class JvmProfilesTest
{
    private static final Path REQUIRED = Path.of("jvm", "ticklane.jvmopts");
    private static final Path PROFILES = Path.of("jvm", "profiles");

    @Test
    void theDefaultAndLowLatencyProfilesExist()
    {
        assertTrue(Files.isRegularFile(PROFILES.resolve("default.jvmopts")));
        assertTrue(Files.isRegularFile(PROFILES.resolve("low-latency.jvmopts")));
    }

    @Test
    void everyProfileStartsThisJdkWithoutAWarning() throws Exception
    {
        final String java = ProcessHandle.current().info().command().orElseThrow();
        for (final Path profile : profiles())
        {
            final Process process = new ProcessBuilder(
                java, "@" + REQUIRED.toAbsolutePath(), "@" + profile.toAbsolutePath(), "-version")
                .redirectErrorStream(true)
                .start();
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), profile + " did not finish");
            assertEquals(0, process.exitValue(), profile + ":\n" + output);
            final String lower = output.toLowerCase(Locale.ROOT);
            for (final String complaint : List.of("unrecognized", "ignoring option", "warning", "deprecated", "obsolete"))
            {
                assertFalse(lower.contains(complaint), profile + " makes the JVM complain:\n" + output);
            }
        }
    }

    @Test
    void everyFlagInAProfileHasItsReasonOnTheLineAbove() throws Exception
    {
        for (final Path profile : profiles())
        {
            final List<String> lines = Files.readAllLines(profile, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i).strip();
                if (!line.isEmpty() && !line.startsWith("#"))
                {
                    assertTrue(i > 0 && lines.get(i - 1).strip().startsWith("#") && lines.get(i - 1).strip().length() > 2,
                        profile + ":" + (i + 1) + ": flag without a reason above it: " + line);
                }
            }
        }
    }

    private static List<Path> profiles() throws IOException
    {
        try (Stream<Path> files = Files.list(PROFILES))
        {
            final List<Path> profiles = files.filter(file -> file.toString().endsWith(".jvmopts")).sorted().toList();
            assertFalse(profiles.isEmpty(), "no profiles in " + PROFILES.toAbsolutePath());
            return profiles;
        }
    }
}
