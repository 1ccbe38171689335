package io.ticklane.gateway.fix.session;

import io.ticklane.gateway.fix.FixOrderRefusal;
import io.ticklane.gateway.fix.FixReportRefusal;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The FIX session's counters, in the daemon's counters file so {@code ticklane stat} shows them with the rest: the
 * session's state and history, and every FIX-level refusal and reject per reason. One writer, the session's thread,
 * except {@link #NOT_SENT}, which the order sender's thread counts too (atomically); all made at start, nothing
 * allocated after.
 */
public final class FixSessionCounters
{
    /** Label (after the daemon's prefix) of the logged-on gauge. */
    public static final String LOGGED_ON = "fix session logged on (1 yes, 0 no)";
    /** Label (after the daemon's prefix). */
    public static final String LOGONS = "fix session logons";
    /** Label (after the daemon's prefix). */
    public static final String DISCONNECTS = "fix session disconnects";
    /** Label (after the daemon's prefix). */
    public static final String LOGON_FAILURES = "fix session logon attempts failed (retried with backoff)";
    /**
     * Label start (after the daemon's prefix) of the gauge of logon failures in a row (0 once logged on); the label
     * goes on with the last failure's reason, so {@code ticklane stat} says why the session is not up.
     */
    public static final String LAST_LOGON_FAILURE = "fix session logon failures in a row, last: ";
    /** Label (after the daemon's prefix). */
    public static final String REPLACES_WITHOUT_TIF =
        "fix replaces sent without the order's time in force (not known: older than memory, or not in a status answer)";
    /** Label (after the daemon's prefix). */
    public static final String NOT_SENT = "fix order frames not sent: session down (reconciled after logon)";
    /** Label (after the daemon's prefix). */
    public static final String GIVEN_UP =
        "fix order frames given up on: not sent within transport.offer_timeout_ms of hand-over (each halts)";
    /** Label (after the daemon's prefix). */
    public static final String DUPLICATES = "fix messages dropped: PossDupFlag=Y already processed";
    /** Label (after the daemon's prefix). */
    public static final String INVALID = "fix messages Artio marked invalid (not processed)";
    /** Label (after the daemon's prefix). */
    public static final String IGNORED = "fix execution reports needing no report (pending states, restated)";
    /** Label prefix (after the daemon's prefix) of the per-reason report refusals. */
    public static final String REPORTS_REFUSED = "fix reports refused: ";
    /** Label prefix (after the daemon's prefix) of the per-reason order refusals. */
    public static final String ORDERS_REFUSED = "fix orders refused (halts): ";
    /** Label prefix (after the daemon's prefix) of BusinessMessageRejects per BusinessRejectReason(380). */
    public static final String BUSINESS_REJECTS = "fix business rejects: reason ";
    /** Label prefix (after the daemon's prefix) of session Rejects per SessionRejectReason(373). */
    public static final String SESSION_REJECTS = "fix session rejects: reason ";
    /** BusinessRejectReason codes FIX 4.4 defines (0-7) have a counter each; others share "other". */
    static final int BUSINESS_REASONS = 8;
    /** SessionRejectReason codes FIX 4.4 defines (0-17) have a counter each; others (99 too) share "other". */
    static final int SESSION_REASONS = 18;
    private static final int MAX_REASON_LENGTH = 200;
    private static final FixReportRefusal[] REPORT_REFUSALS = FixReportRefusal.values();
    private static final FixOrderRefusal[] ORDER_REFUSALS = FixOrderRefusal.values();

    final AtomicCounter loggedOn;
    final AtomicCounter logons;
    final AtomicCounter disconnects;
    final AtomicCounter logonFailures;
    private final AtomicCounter logonFailuresInARow;
    private final String labelPrefix;
    private String lastLogonFailure = "none";
    final AtomicCounter notSent;
    final AtomicCounter givenUp;
    final AtomicCounter replacesWithoutTimeInForce;
    final AtomicCounter duplicates;
    final AtomicCounter invalid;
    final AtomicCounter ignored;
    private final AtomicCounter[] reportRefusals = new AtomicCounter[REPORT_REFUSALS.length];
    private final AtomicCounter[] orderRefusals = new AtomicCounter[ORDER_REFUSALS.length];
    private final AtomicCounter[] businessRejects = new AtomicCounter[BUSINESS_REASONS + 1];
    private final AtomicCounter[] sessionRejects = new AtomicCounter[SESSION_REASONS + 1];

    /**
     * @param manager the daemon's counters.
     * @param typeId  the daemon's counter type, so {@code ticklane stat} shows these.
     * @param prefix  the daemon's label prefix.
     */
    public FixSessionCounters(final CountersManager manager, final int typeId, final String prefix)
    {
        loggedOn = manager.newCounter(prefix + LOGGED_ON, typeId);
        logons = manager.newCounter(prefix + LOGONS, typeId);
        disconnects = manager.newCounter(prefix + DISCONNECTS, typeId);
        logonFailures = manager.newCounter(prefix + LOGON_FAILURES, typeId);
        logonFailuresInARow = manager.newCounter(prefix + LAST_LOGON_FAILURE + lastLogonFailure, typeId);
        labelPrefix = prefix;
        notSent = manager.newCounter(prefix + NOT_SENT, typeId);
        givenUp = manager.newCounter(prefix + GIVEN_UP, typeId);
        replacesWithoutTimeInForce = manager.newCounter(prefix + REPLACES_WITHOUT_TIF, typeId);
        duplicates = manager.newCounter(prefix + DUPLICATES, typeId);
        invalid = manager.newCounter(prefix + INVALID, typeId);
        ignored = manager.newCounter(prefix + IGNORED, typeId);
        for (final FixReportRefusal refusal : REPORT_REFUSALS)
        {
            reportRefusals[refusal.ordinal()] = manager.newCounter(prefix + REPORTS_REFUSED + refusal, typeId);
        }
        for (final FixOrderRefusal refusal : ORDER_REFUSALS)
        {
            orderRefusals[refusal.ordinal()] = manager.newCounter(prefix + ORDERS_REFUSED + refusal, typeId);
        }
        for (int i = 0; i <= BUSINESS_REASONS; i++)
        {
            businessRejects[i] = manager.newCounter(prefix + BUSINESS_REJECTS + (i < BUSINESS_REASONS ? i : "other"), typeId);
        }
        for (int i = 0; i <= SESSION_REASONS; i++)
        {
            sessionRejects[i] = manager.newCounter(prefix + SESSION_REJECTS + (i < SESSION_REASONS ? i : "other"), typeId);
        }
    }

    /**
     * A logon attempt failed: counted in total and in a row, and the reason goes into the gauge's label (cold path:
     * the label is rewritten only when the reason changes).
     */
    void logonFailed(final String reason)
    {
        logonFailures.incrementRelease();
        logonFailuresInARow.incrementRelease();
        final String text = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        if (!text.equals(lastLogonFailure))
        {
            lastLogonFailure = text;
            logonFailuresInARow.updateLabel(labelPrefix + LAST_LOGON_FAILURE + text);
        }
    }

    /**
     * The session is active: the failures in a row end (the label keeps the last reason, for the record).
     */
    void loggedOnAfterFailures()
    {
        logonFailuresInARow.setRelease(0);
    }

    void reportRefused(final FixReportRefusal refusal, final long total)
    {
        reportRefusals[refusal.ordinal()].setRelease(total);
    }

    void orderRefused(final FixOrderRefusal refusal, final long total)
    {
        orderRefusals[refusal.ordinal()].setRelease(total);
    }

    void businessReject(final int reason)
    {
        businessRejects[reason >= 0 && reason < BUSINESS_REASONS ? reason : BUSINESS_REASONS].incrementRelease();
    }

    void sessionReject(final int reason)
    {
        sessionRejects[reason >= 0 && reason < SESSION_REASONS ? reason : SESSION_REASONS].incrementRelease();
    }

    static FixReportRefusal[] reportRefusals()
    {
        return REPORT_REFUSALS;
    }

    static FixOrderRefusal[] orderRefusals()
    {
        return ORDER_REFUSALS;
    }

    /**
     * @return 1 while the session is logged on.
     */
    public long loggedOn()
    {
        return loggedOn.get();
    }

    /**
     * @return logons completed.
     */
    public long logons()
    {
        return logons.get();
    }

    /**
     * @return sessions lost or ended.
     */
    public long disconnects()
    {
        return disconnects.get();
    }

    /**
     * @return logon attempts that failed (refused, timed out or cut off before the session was active).
     */
    public long logonFailures()
    {
        return logonFailures.get();
    }

    /**
     * @return logon attempts failed since the session was last active.
     */
    public long logonFailuresInARow()
    {
        return logonFailuresInARow.get();
    }

    /**
     * @return why the last logon attempt failed ("none" if none did).
     */
    public String lastLogonFailure()
    {
        return lastLogonFailure;
    }

    /**
     * @return replaces sent without TimeInForce/ExecInst because the order's time in force was not known.
     */
    public long replacesWithoutTimeInForce()
    {
        return replacesWithoutTimeInForce.get();
    }

    /**
     * @return PossDup messages dropped as already processed.
     */
    public long duplicates()
    {
        return duplicates.get();
    }

    /**
     * @return messages Artio marked invalid.
     */
    public long invalid()
    {
        return invalid.get();
    }

    /**
     * @return execution reports that needed no SBE report.
     */
    public long ignored()
    {
        return ignored.get();
    }

    /**
     * @param refusal a reason.
     * @return venue messages refused for it.
     */
    public long reportsRefused(final FixReportRefusal refusal)
    {
        return reportRefusals[refusal.ordinal()].get();
    }

    /**
     * @return order frames not sent because the session was down.
     */
    public long notSent()
    {
        return notSent.get();
    }

    /**
     * @return order frames the session gave up on (each halted the daemon).
     */
    public long givenUp()
    {
        return givenUp.get();
    }

    /**
     * Closes every counter (frees its slot).
     */
    void close()
    {
        CloseHelper.closeAll(loggedOn, logons, disconnects, logonFailures, logonFailuresInARow, notSent, replacesWithoutTimeInForce);
        CloseHelper.closeAll(givenUp, duplicates, invalid, ignored);
        CloseHelper.closeAll(reportRefusals);
        CloseHelper.closeAll(orderRefusals);
        CloseHelper.closeAll(businessRejects);
        CloseHelper.closeAll(sessionRejects);
    }
}
