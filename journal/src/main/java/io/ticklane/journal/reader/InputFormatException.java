package io.ticklane.journal.reader;

/**
 * Bad input data: names the file, the line (or record) and what is wrong, in one line a user can act on.
 * Readers throw it instead of guessing, so nothing malformed silently reaches a book.
 */
public final class InputFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * @param source file name (or other source description).
     * @param line   1-based line or record number, 0 when the problem is not tied to one line.
     * @param detail what is wrong.
     */
    public InputFormatException(final String source, final long line, final String detail)
    {
        super(line > 0 ? source + ":" + line + ": " + detail : source + ": " + detail);
        this.source = source;
        this.line = line;
    }

    /**
     * @param source file name (or other source description).
     * @param line   1-based line or record number, 0 when the problem is not tied to one line.
     * @param detail what is wrong.
     * @param cause  underlying failure.
     */
    public InputFormatException(final String source, final long line, final String detail, final Throwable cause)
    {
        super(line > 0 ? source + ":" + line + ": " + detail : source + ": " + detail, cause);
        this.source = source;
        this.line = line;
    }

    /**
     * @return the file or source the bad input came from.
     */
    public String source()
    {
        return source;
    }

    /**
     * @return 1-based line or record number, 0 when not tied to one line.
     */
    public long line()
    {
        return line;
    }
}
