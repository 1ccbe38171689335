package io.ticklane.research.spark;

/**
 * How a failure is written into a result row: the exception's class and message, and its causes', on one line, so a
 * failed task or journal says why without a stack trace.
 */
final class TaskError
{
    private static final int MAX_CAUSES = 4;

    private TaskError()
    {
    }

    static String describe(final Throwable error)
    {
        final StringBuilder text = new StringBuilder();
        Throwable t = error;
        for (int i = 0; null != t && i < MAX_CAUSES; i++)
        {
            if (i > 0)
            {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.toString().replace('\n', ' ');
    }
}
