package io.ticklane.cli;

import io.ticklane.gateway.transport.TransportContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code docs/cli.md} is the usage help of every command, generated, so the written reference cannot drift from the
 * code: when a command's options or descriptions change, this test fails until the file is regenerated (run it with
 * {@code -Dticklane.cli.docs.update=true}, which rewrites the file keeping its hand-written preamble).
 */
class CliReferenceTest
{
    private static final String UPDATE = "ticklane.cli.docs.update";

    @Test
    void docsCliMdIsTheUsageHelpOfEveryCommand() throws IOException
    {
        final Path file = ExampleFiles.root().resolve("docs/cli.md");
        final String current = Files.exists(file) ? CliReference.normalise(Files.readString(file, StandardCharsets.UTF_8)) : null;
        final String expected = CliReference.render(current);

        if (Boolean.getBoolean(UPDATE))
        {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        if (!expected.equals(current))
        {
            fail(file + " differs from the commands' usage help" + firstDifference(current, expected) +
                "\nRegenerate it: ./mvnw -B -o -pl cli -am verify -Dtest=CliReferenceTest " +
                "-Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE + "=true (the preamble above the marker is kept)");
        }
    }

    @Test
    void theReferenceCoversNestedSubcommandsAndIsTheSameOnEveryHost()
    {
        final String text = CliReference.render(null);

        assertTrue(text.contains("\n## ticklane perf tick-to-quote\n"), "nested sub-commands are walked");
        assertTrue(text.contains("\n## ticklane import lobster\n"));
        assertFalse(text.contains("\u001B["), "no ANSI colour codes");
        // nothing of this host in the help (a default computed from the environment would make the file differ from
        // machine to machine): its Aeron directory, home or temporary directory
        assertFalse(text.contains(TransportContext.DEFAULT_AERON_DIR), "this host's Aeron directory in the reference");
        assertFalse(text.contains(System.getProperty("user.home") + "/"), "home directory in the reference");
        assertFalse(text.contains(System.getProperty("java.io.tmpdir") + "/"), "temporary directory in the reference");
    }

    private static String firstDifference(final String current, final String expected)
    {
        if (null == current)
        {
            return ": the file does not exist";
        }
        final String[] a = current.split("\n", -1);
        final String[] b = expected.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++)
        {
            if (!a[i].equals(b[i]))
            {
                return " first at line " + (i + 1) + ":\n  file:      " + a[i] + "\n  generated: " + b[i];
            }
        }
        return ": the file has " + a.length + " lines, the generated reference " + b.length;
    }
}
