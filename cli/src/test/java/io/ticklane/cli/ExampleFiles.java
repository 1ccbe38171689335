package io.ticklane.cli;

import io.ticklane.journal.RealData;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The files of {@code examples/} as a test runs them. An argument file is expanded by picocli itself, exactly as
 * {@code ./ticklane <command> @file} does; only locations are then moved, since a test runs in the module directory:
 * {@code ../shared/data/X} becomes the real data file X (missing: the test fails), {@code examples/X} the repository's
 * file, and {@code runs/X} a temporary directory. Every other option and value is the example's own.
 */
final class ExampleFiles
{
    static final String DATA_PREFIX = "../shared/data/";

    private ExampleFiles()
    {
    }

    /**
     * @return the repository root: the nearest directory above the working directory holding {@code examples/}.
     */
    static Path root()
    {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (null != dir)
        {
            if (Files.isRegularFile(dir.resolve("examples/README.md")) && Files.isRegularFile(dir.resolve("mvnw")))
            {
                return dir;
            }
            dir = dir.getParent();
        }
        return fail("no examples/README.md above " + System.getProperty("user.dir"));
    }

    /**
     * @param relative path under {@code examples/}.
     * @return the existing file.
     */
    static Path file(final String relative)
    {
        final Path file = root().resolve("examples").resolve(relative);
        assertTrue(Files.isRegularFile(file), "example missing: " + file);
        return file;
    }

    /**
     * @param tmp      where {@code runs/} goes.
     * @param argsFile the argument file under {@code examples/}.
     * @param command  the command it belongs to, e.g. {@code backtest} or {@code import binance}.
     * @return the full command line to run.
     */
    static String[] commandLine(final Path tmp, final String argsFile, final String... command)
    {
        final List<String> args = new ArrayList<>(List.of(command));
        args.add("@" + file(argsFile));
        final List<String> expanded = TicklaneCli.newCommandLine().parseArgs(args.toArray(String[]::new)).expandedArgs();
        final List<String> located = new ArrayList<>();
        for (final String arg : expanded)
        {
            located.add(locate(tmp, arg));
        }
        return located.toArray(String[]::new);
    }

    /**
     * @param tmp where {@code runs/} goes.
     * @param arg an argument or a setting's value.
     * @return it with its location moved for the test.
     */
    static String locate(final Path tmp, final String arg)
    {
        if (arg.startsWith(DATA_PREFIX))
        {
            return RealData.file(arg.substring(DATA_PREFIX.length())).toString();
        }
        if (arg.startsWith("examples/"))
        {
            final Path file = root().resolve(arg);
            assertTrue(Files.exists(file), "the example names a file that does not exist: " + arg);
            return file.toString();
        }
        if (arg.startsWith("runs/"))
        {
            return tmp.resolve(arg).toString();
        }
        return arg;
    }

    /**
     * @param args     a command line.
     * @param option   an option with one value.
     * @return its value.
     */
    static String value(final String[] args, final String option)
    {
        for (int i = 0; i < args.length - 1; i++)
        {
            if (option.equals(args[i]))
            {
                return args[i + 1];
            }
        }
        return fail(option + " not in " + String.join(" ", args));
    }

    /**
     * @param relative a properties file under {@code examples/}.
     * @return its settings.
     * @throws IOException if it cannot be read.
     */
    static Properties properties(final String relative) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file(relative), StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        return properties;
    }

    /**
     * @param relative a file under {@code examples/}.
     * @return SHA-256 of its bytes, hex, as reports record a configuration.
     * @throws IOException if it cannot be read.
     */
    static String sha256(final String relative) throws IOException
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file(relative))));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
