package io.ticklane.runtime.daemon;

import io.aeron.Aeron;
import io.aeron.Publication;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Sends one operator command (STOP, FLATTEN, CANCEL ALL, RESUME) to a running daemon as an SBE {@code AdminCommand}
 * over Aeron IPC on the daemon's media driver, then watches the daemon's counters to learn what became of it: the
 * daemon's receiver checks the token (and refuses everything for a while after repeated wrong ones), its risk gate
 * decides the rest, so the counters, not the send, say whether it was applied. Nothing here throws for a daemon that
 * is absent or slow: the outcome says so.
 */
public final class OperatorClient
{
    /** What became of a command. */
    public enum Outcome
    {
        /** The daemon applied it. */
        APPLIED,
        /** The daemon rejected it: wrong token. */
        REJECTED,
        /** The daemon refused it without looking at the token: too many wrong tokens lately, a lockout holds. */
        THROTTLED,
        /** The daemon's risk gate does not know the command (a daemon older than this client). */
        UNKNOWN_COMMAND,
        /** A RESUME the risk gate refused: a breach (loss, drawdown, position, stale data or book) still holds. */
        REFUSED_BREACH_ACTIVE,
        /** A RESUME the risk gate refused: nothing was stopped, flattening or latched. */
        REFUSED_NOTHING_TO_RESUME,
        /** No daemon subscribed to the admin stream in time. */
        NO_DAEMON,
        /** The admin stream did not take the command in time (back pressure). */
        NOT_TAKEN,
        /** Sent, but the daemon did not report handling it in time. */
        NOT_APPLIED
    }

    /**
     * The operator's names for the commands, as {@code ticklane admin} and the cockpit take them.
     *
     * @param name stop, flatten, cancel-all or resume.
     * @return its command type.
     * @throws IllegalArgumentException naming the four for any other name.
     */
    public static AdminCommandType commandNamed(final String name)
    {
        switch (name)
        {
            case "stop":
                return AdminCommandType.STOP;
            case "flatten":
                return AdminCommandType.FLATTEN;
            case "cancel-all":
                return AdminCommandType.CANCEL_ALL;
            case "resume":
                return AdminCommandType.RESUME;
            default:
                throw new IllegalArgumentException("unknown admin command '" + name +
                    "': expected stop, flatten, cancel-all or resume");
        }
    }

    /**
     * @param outcome    what became of the command.
     * @param mode       the daemon's mode counter after it (see {@link ModeName}); meaningful once the daemon handled it.
     * @param modeReason the daemon's mode reason counter after it (a {@code ModeReason} ordinal).
     * @param openOrders the daemon's open orders after it.
     * @param position   the daemon's position after it, lots.
     */
    public record Result(Outcome outcome, long mode, long modeReason, long openOrders, long position)
    {
    }

    private OperatorClient()
    {
    }

    /**
     * @param aeronDir     the daemon's media driver directory (a driver must be running there).
     * @param streamId     the daemon's admin stream on {@code aeron:ipc}.
     * @param command      what to ask.
     * @param instrumentId instrument, 0 for all.
     * @param token        the operator token.
     * @param timeoutMs    how long to wait for the daemon at each step.
     * @return what became of the command.
     * @throws InterruptedException if interrupted while waiting.
     */
    public static Result send(
        final String aeronDir,
        final int streamId,
        final AdminCommandType command,
        final int instrumentId,
        final OperatorToken token,
        final long timeoutMs) throws InterruptedException
    {
        try (Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(aeronDir));
            Publication publication = aeron.addPublication("aeron:ipc", streamId))
        {
            final DaemonCountersReader counters = new DaemonCountersReader(Path.of(aeronDir));
            final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000L;
            while (!publication.isConnected())
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    return result(Outcome.NO_DAEMON, counters);
                }
                Thread.sleep(10);
            }
            final long appliedBefore = counters.value(DaemonCounters.ADMIN_APPLIED);
            final long rejectedBefore = counters.value(DaemonCounters.ADMIN_REJECTED);
            final long throttledBefore = counters.value(DaemonCounters.ADMIN_THROTTLED);
            final long unknownBefore = counters.value(DaemonCounters.ADMIN_UNKNOWN);
            final long refusedBreachBefore = counters.value(DaemonCounters.ADMIN_REFUSED_BREACH);
            final long refusedNothingBefore = counters.value(DaemonCounters.ADMIN_REFUSED_NOTHING);

            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
            final AdminCommandEncoder encoder = new AdminCommandEncoder()
                .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .timestampNs(System.currentTimeMillis() * 1_000_000L)
                .requestId(System.nanoTime())
                .command(command)
                .instrumentId(instrumentId);
            token.putField(buffer, MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.authTokenEncodingOffset());
            final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
            while (publication.offer(buffer, 0, length) < 0)
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    return result(Outcome.NOT_TAKEN, counters);
                }
                Thread.sleep(1);
            }
            // the receiver counts a command it refuses (wrong token, lockout); the applied counter counts every command
            // that reached the strategy, one its risk gate refused included
            while (counters.value(DaemonCounters.ADMIN_APPLIED) <= appliedBefore &&
                counters.value(DaemonCounters.ADMIN_REJECTED) <= rejectedBefore &&
                counters.value(DaemonCounters.ADMIN_THROTTLED) <= throttledBefore)
            {
                if (System.nanoTime() - deadlineNs > 0)
                {
                    return result(Outcome.NOT_APPLIED, counters);
                }
                Thread.sleep(5);
            }
            if (counters.value(DaemonCounters.ADMIN_THROTTLED) > throttledBefore)
            {
                return result(Outcome.THROTTLED, counters);
            }
            if (counters.value(DaemonCounters.ADMIN_REJECTED) > rejectedBefore)
            {
                return result(Outcome.REJECTED, counters);
            }
            // the outcome counters are published before the applied count moves (TradingAgent)
            if (counters.value(DaemonCounters.ADMIN_UNKNOWN) > unknownBefore)
            {
                return result(Outcome.UNKNOWN_COMMAND, counters);
            }
            if (counters.value(DaemonCounters.ADMIN_REFUSED_BREACH) > refusedBreachBefore)
            {
                return result(Outcome.REFUSED_BREACH_ACTIVE, counters);
            }
            if (counters.value(DaemonCounters.ADMIN_REFUSED_NOTHING) > refusedNothingBefore)
            {
                return result(Outcome.REFUSED_NOTHING_TO_RESUME, counters);
            }
            return result(Outcome.APPLIED, counters);
        }
    }

    private static Result result(final Outcome outcome, final DaemonCountersReader counters)
    {
        return new Result(outcome, counters.value(DaemonCounters.MODE), counters.value(DaemonCounters.MODE_REASON),
            counters.value(DaemonCounters.OPEN_ORDERS),
            counters.value(DaemonCounters.POSITION));
    }
}
