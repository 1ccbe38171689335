package io.ticklane.cockpit.alert;

/**
 * One notification: a condition that started ({@code firing}) or cleared, with a sentence a person on call can act
 * on. Made only on a change of state, so a condition that holds for an hour is one alert and one resolution.
 *
 * @param condition what it is about.
 * @param firing    true when the condition started, false for its resolution.
 * @param message   what happened, with the values that matter.
 * @param timeMs    when the cockpit saw it, epoch milliseconds.
 * @param daemon    which daemon: its counters file's owner, e.g. "pid 1234".
 */
public record Alert(AlertCondition condition, boolean firing, String message, long timeMs, String daemon)
{
    /**
     * @return "FIRING" or "RESOLVED".
     */
    public String state()
    {
        return firing ? "FIRING" : "RESOLVED";
    }

    /**
     * @return one line for the log and for a chat tool's {@code text} field.
     */
    public String text()
    {
        return "[ticklane " + state() + "] " + condition.id() + ": " + message + " (" + daemon + ")";
    }
}
