package io.ticklane.cockpit;

import io.ticklane.runtime.daemon.ModeName;
import io.ticklane.runtime.daemon.OperatorClient;
import io.ticklane.runtime.daemon.OperatorToken;
import io.ticklane.sbe.AdminCommandType;

import java.io.File;
import java.util.Locale;

/**
 * The cockpit's controls (STOP, FLATTEN, CANCEL ALL, RESUME) through the same path as {@code ticklane admin}: an SBE
 * {@code AdminCommand} on the daemon's admin stream via {@link OperatorClient}, whose outcome is read back from the
 * daemon's counters. One command at a time: two operators clicking at once are serialised here, as two
 * {@code admin} invocations are by the daemon.
 */
public final class AdminControl
{
    private final String aeronDir;
    private final int streamId;
    private final long timeoutMs;

    /**
     * What became of a control, for the page.
     *
     * @param control    the control's name.
     * @param outcome    the {@link OperatorClient.Outcome} name.
     * @param applied    true if the daemon applied it.
     * @param message    one line for the operator.
     * @param mode       mode after it.
     * @param openOrders open orders after it.
     * @param position   position after it, lots.
     */
    public record Result(String control, String outcome, boolean applied, String message, String mode, long openOrders,
        long position)
    {
    }

    /**
     * @param aeronDir  the daemon's media driver directory.
     * @param streamId  its admin stream.
     * @param timeoutMs how long to wait for it at each step.
     */
    public AdminControl(final String aeronDir, final int streamId, final long timeoutMs)
    {
        this.aeronDir = aeronDir;
        this.streamId = streamId;
        this.timeoutMs = timeoutMs;
    }

    /**
     * @param control stop, flatten, cancel-all or resume.
     * @param token   the session's operator token.
     * @return what became of it.
     * @throws InterruptedException if interrupted while waiting for the daemon.
     */
    public synchronized Result send(final String control, final OperatorToken token) throws InterruptedException
    {
        final AdminCommandType type = OperatorClient.commandNamed(control);
        if (!new File(aeronDir, "cnc.dat").exists())
        {
            return new Result(control, OperatorClient.Outcome.NO_DAEMON.name(), false,
                "no media driver in " + aeronDir + ": is the daemon running?", "", -1, 0);
        }
        final OperatorClient.Result r = OperatorClient.send(aeronDir, streamId, type, 0, token, timeoutMs);
        final String name = control.toUpperCase(Locale.ROOT);
        final String mode = Long.MIN_VALUE == r.mode() ? "" : ModeName.of(r.mode(), r.modeReason());
        final String message;
        switch (r.outcome())
        {
            case APPLIED:
                message = name + " applied by the daemon";
                break;
            case REJECTED:
                message = name + " REJECTED by the daemon: wrong operator token (enter it again)";
                break;
            case THROTTLED:
                message = name + " REJECTED by the daemon: too many wrong tokens lately, it refuses every admin command" +
                    " until its lockout ends";
                break;
            case UNKNOWN_COMMAND:
                message = name + " REJECTED by the daemon: it does not know the command (an older build?)";
                break;
            case REFUSED_BREACH_ACTIVE:
                message = name + " REFUSED by the risk gate: a breach is still active; retry once it clears";
                break;
            case REFUSED_NOTHING_TO_RESUME:
                message = name + " REFUSED by the risk gate: nothing to resume";
                break;
            case NO_DAEMON:
                message = "no daemon subscribed to aeron:ipc stream " + streamId + " in " + aeronDir;
                break;
            case NOT_TAKEN:
                message = "the daemon's admin stream did not take " + name + " in time";
                break;
            default:
                message = name + " sent but the daemon did not report handling it in " + timeoutMs + " ms";
                break;
        }
        return new Result(control, r.outcome().name(), OperatorClient.Outcome.APPLIED == r.outcome(), message, mode,
            r.openOrders(), r.position());
    }
}
