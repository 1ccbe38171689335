package io.ticklane.marketmaking.strategy;

import io.ticklane.marketmaking.order.Reconciliation;

/**
 * What the strategy knows of its order entry session with the venue, from the gateway's {@code VenueSession}
 * messages, and so what it may send. Three states:
 * <ul>
 *     <li><b>UP</b>: normal (the state at start: a first logon changes nothing).</li>
 *     <li><b>DOWN</b>: after DISCONNECTED. Nothing reaches the venue, so nothing is sent: no order, replace, cancel
 *     or status request (the reconnection asks). The orders stay as {@code Orders} has them.</li>
 *     <li><b>RECONCILING</b>: CONNECTED again after a DISCONNECTED. The strategy has asked the venue for its orders;
 *     explicit cancels go out again (the session is up), the quoting path waits. It ends when a reconciliation begun
 *     in this state is complete and consistent: an answer to a request sent before the drop never ends it (its id is
 *     stale for {@link Reconciliation}, or it is ignored while DOWN).</li>
 * </ul>
 * DOWN and RECONCILING are the strategy's VENUE_DISCONNECTED halt. A checkpoint keeps only that flag (the risk gate's
 * {@code venueDisconnected}); a restore resumes in RECONCILING, so the request every daemon start sends (or the next
 * CONNECTED) ends the halt once answered, and a DISCONNECTED from the gateway puts it back DOWN.
 * Pure: primitives only, no clock, nothing allocated.
 */
final class VenueSessionGuard
{
    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int RECONCILING = 2;

    private int state = UP;
    private boolean requested;
    private long disconnects;
    private long reconnects;
    private long ignored;

    /**
     * @return true after DISCONNECTED until CONNECTED: nothing may be sent.
     */
    boolean isDown()
    {
        return DOWN == state;
    }

    /**
     * @return true while the strategy is halted for the session: DOWN, or RECONCILING.
     */
    boolean isHalting()
    {
        return UP != state;
    }

    /**
     * The session dropped (again, or while a reconciliation was under way: its answer no longer counts).
     */
    void onDisconnected()
    {
        state = DOWN;
        requested = false;
        disconnects++;
    }

    /**
     * @return true when the strategy must ask the venue for its orders: the session was not UP (a CONNECTED with no
     *         DISCONNECTED before it, the first logon, changes nothing).
     */
    boolean onConnected()
    {
        if (UP == state)
        {
            return false;
        }
        state = RECONCILING;
        requested = false;
        reconnects++;
        return true;
    }

    /**
     * An order status request went out (its reconciliation began): while RECONCILING, its answer may end the halt.
     */
    void onRequestSent()
    {
        if (RECONCILING == state)
        {
            requested = true;
        }
    }

    /**
     * @param reconciliation the strategy's reconciliation.
     * @return true, once, when a reconciliation begun while RECONCILING is complete and consistent: the session is UP.
     */
    boolean tryEnd(final Reconciliation reconciliation)
    {
        if (RECONCILING == state && requested && !reconciliation.inProgress() && reconciliation.isConsistent())
        {
            state = UP;
            requested = false;
            return true;
        }
        return false;
    }

    /**
     * After a checkpoint restore that had the session halted.
     */
    void restoreHalted()
    {
        state = RECONCILING;
        requested = false;
    }

    /**
     * A VenueSession with a state the strategy does not know (the null value passes the edge), or a STATUS report
     * or status complete that arrived while DOWN: passed over.
     */
    void onIgnored()
    {
        ignored++;
    }

    long disconnects()
    {
        return disconnects;
    }

    long reconnects()
    {
        return reconnects;
    }

    long ignored()
    {
        return ignored;
    }
}
