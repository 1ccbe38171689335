package io.ticklane.gateway.transport;

/**
 * The transport's settings do not fit the media driver directory as found: no driver where one should be joined, or
 * one already running where ours would be embedded (embedding would delete its files). A setting the operator must
 * change, not a fault of the process, so it is an {@link IllegalArgumentException}: the command line reports it in
 * one line with exit code 2.
 */
public final class MediaDriverDirectoryException extends IllegalArgumentException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what was found in which directory, and what to change.
     */
    public MediaDriverDirectoryException(final String message)
    {
        super(message);
    }
}
