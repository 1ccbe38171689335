package io.ticklane.tuning.host;

import java.util.Objects;

/**
 * One line of the host check's answer: what was checked, how it came out, what was read (path and value, so a user
 * can verify it) and the one-line fix a user would apply, empty when there is nothing to fix.
 *
 * @param check    short stable name of the item, e.g. {@code clocksource}.
 * @param status   how it came out.
 * @param observed what was read, with the file it came from.
 * @param fix      the command, kernel parameter or sysctl that fixes it; empty when nothing needs fixing.
 */
public record Finding(String check, Status status, String observed, String fix)
{
    /**
     * Validates the fields.
     *
     * @param check    short stable name.
     * @param status   outcome.
     * @param observed what was read.
     * @param fix      the fix, or empty.
     */
    public Finding
    {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(fix, "fix");
    }

    static Finding ok(final String check, final String observed)
    {
        return new Finding(check, Status.OK, observed, "");
    }

    static Finding info(final String check, final String observed)
    {
        return new Finding(check, Status.INFO, observed, "");
    }

    static Finding warn(final String check, final String observed, final String fix)
    {
        return new Finding(check, Status.WARN, observed, fix);
    }

    static Finding fail(final String check, final String observed, final String fix)
    {
        return new Finding(check, Status.FAIL, observed, fix);
    }

    static Finding unknown(final String check, final String path)
    {
        return new Finding(check, Status.UNKNOWN, path + ": unreadable", "");
    }
}
