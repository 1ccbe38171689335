package io.ticklane.journal.reader;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the fuzz tests accept as a reader's answer to bad input: an {@link InputFormatException} whose one-line
 * message names the file and, when it is about one line or record, that line, within the input read.
 */
public final class BadInput
{
    private BadInput()
    {
    }

    /**
     * @param ex      what the reader threw.
     * @param source  the file (or directory) read.
     * @param maxLine the highest line or record number the input could name.
     */
    public static void assertClear(final InputFormatException ex, final String source, final long maxLine)
    {
        assertClear(ex, List.of(source), maxLine);
    }

    /**
     * @param ex      what the reader threw.
     * @param sources the files read (an error about all of them names them comma-separated).
     * @param maxLine the highest line or record number the input could name.
     */
    public static void assertClear(final InputFormatException ex, final List<String> sources, final long maxLine)
    {
        final String message = ex.getMessage();
        final String source = ex.source();
        assertTrue(sources.contains(source) || String.join(", ", sources).equals(source),
            () -> "the error must name a file read, not '" + source + "': " + message);
        assertTrue(message.startsWith(source + ":"), () -> "the error must name the file first: " + message);
        assertTrue(ex.line() >= 0 && ex.line() <= maxLine, () -> "line " + ex.line() + " is outside 0.." + maxLine + ": " + message);
        assertTrue(0 == ex.line() || message.startsWith(source + ":" + ex.line() + ": "),
            () -> "the error must name its line: " + message);
        assertFalse(message.substring(source.length() + 1).isBlank(), () -> "the error must say what is wrong: " + message);
    }
}
