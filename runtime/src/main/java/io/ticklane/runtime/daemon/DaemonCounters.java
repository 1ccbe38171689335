package io.ticklane.runtime.daemon;

import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.sbe.RejectReason;
import org.agrona.CloseHelper;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator watches, as Agrona counters in the daemon's mark file ({@link DaemonCountersFile}, next to the
 * driver's CnC file), so {@code ticklane stat} (another process) reads them live without the daemon logging anything.
 * Each counter has one writer thread: the receiver (inbound counts, refusals, admin authentication, ring occupancy,
 * journal lag), the trading agent (position, PnL, mode, fills, rejects, frames that threw), the order sender (orders
 * sent, send failures) or the journal agent (records written, disk space). Writes are release stores; nothing is
 * allocated after start.
 */
public final class DaemonCounters implements AutoCloseable
{
    /** Type id of every Ticklane daemon counter; {@code ticklane stat} shows counters of this type. */
    public static final int TYPE_ID = 7301_000;
    /** Prefix of every daemon counter's label. */
    public static final String PREFIX = "ticklane: ";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String RECONCILED = "orders reconciled with the venue (1 yes, 0 waiting)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String STATUS_RETRIES = "order status asked again (answer lost or short)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String INBOUND_FRAMES = "inbound frames";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String MARKET_DATA = "market data frames";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String REPORTS = "execution reports";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_COMMANDS = "admin commands";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_REJECTED = "admin commands rejected: wrong token";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_THROTTLED = "admin commands throttled: refused uncompared after repeated wrong tokens";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_UNKNOWN = "admin commands rejected: unknown command";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_APPLIED = "admin commands applied by the strategy";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_REFUSED_BREACH = "admin RESUME refused: a breach is still active";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_REFUSED_NOTHING = "admin RESUME refused: nothing to resume";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String VENUE_HEARTBEATS = "venue heartbeats";
    /** Counter label (without the "ticklane: " prefix): inbound frames refused at the edge, every reason. */
    public static final String FRAMES_REFUSED = "inbound frames refused (every reason)";
    /** Label prefix of the per-reason refusal counters: this then a {@link FrameRefusal} name. */
    public static final String INBOUND_REFUSED = "inbound refused: ";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_NEW = "orders sent: new";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_CANCEL = "orders sent: cancel";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_REPLACE = "orders sent: replace";
    /** Counter label (without the "ticklane: " prefix): order status requests and mass cancels. */
    public static final String ORDERS_OTHER = "orders sent: other";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String SEND_FAILURES = "order frames not taken by the publication (halts)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS = "fills";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS_UNKNOWN_ORDER = "fills refused, UNKNOWN_FILL halt: unknown order";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS_OVERFILL = "fills refused, UNKNOWN_FILL halt: more than the order had open";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS_CONFLICT = "fills refused, UNKNOWN_FILL halt: side or exec id in conflict";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS_DUPLICATE = "fills ignored: duplicate exec id (venue retransmit)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS_LATE = "fills booked late: reported after a newer report of their order";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String POSITION = "position, lots";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String NET_PNL = "net PnL at mid, ticks x lots";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String MODE = "mode (0 active, 1 reduce-only, 2 halted)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String MODE_REASON = "mode reason (ModeReason ordinal)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String OPEN_ORDERS = "open orders";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String BEST_BID = "best bid, ticks";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String BEST_ASK = "best ask, ticks";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String QUOTED_BID = "quoted bid, ticks (0 none)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String QUOTED_ASK = "quoted ask, ticks (0 none)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String JOURNAL_RECORDS = "journal records";
    /** Counter label (without the "ticklane: " prefix); a gauge, updated on every timer tick. */
    public static final String INBOUND_RING_OCCUPANCY = "inbound ring occupancy, slots";
    /** Counter label (without the "ticklane: " prefix); a gauge, updated on every timer tick. */
    public static final String OUTBOUND_RING_OCCUPANCY = "outbound ring occupancy, slots";
    /** Counter label (without the "ticklane: " prefix); a gauge, updated on every timer tick. */
    public static final String JOURNAL_LAG = "journal lag, frames";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String VENUE_RESTARTS = "venue restarts seen (reconciled again, halted until RESUME)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FRAMES_TAKEN_BEFORE = "inbound frames passed over: taken in before a restart";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String TICK_TO_QUOTE_P50 = "tick-to-quote p50 last second, ns";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String TICK_TO_QUOTE_P99 = "tick-to-quote p99 last second, ns";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String HANDLER_ERRORS = "inbound frames that threw (skipped)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String HANDLER_ERROR_SEQUENCE = "last frame that threw: inbound ring sequence";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String HANDLER_ERROR_RECORD = "last frame that threw: inbound record number in its run's journal";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String RING_FULL = "inbound ring full: polls held back (back-pressure)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String JOURNAL_FREE_BYTES = "journal disk usable bytes, last check";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String JOURNAL_DISK_HALTS = "journal disk below daemon.journal_min_free_bytes (halts)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String CLOCK_STEPS_BACK = "clock steps back absorbed (time goes on from where it was)";

    private final List<AtomicCounter> all = new ArrayList<>();
    private final Map<String, AtomicCounter> byLabel = new HashMap<>();
    private final Map<String, Long> finalValues = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicCounter[] venueRejectsByCode;
    private final AtomicCounter[] riskRejectsByOrdinal;
    private final AtomicCounter[] refusedByCode = new AtomicCounter[FrameRefusal.values().length + 1];

    final AtomicCounter inboundFrames;
    final AtomicCounter marketData;
    final AtomicCounter reports;
    final AtomicCounter adminCommands;
    final AtomicCounter adminRejected;
    final AtomicCounter adminThrottled;
    final AtomicCounter adminUnknown;
    final AtomicCounter adminApplied;
    final AtomicCounter adminRefusedBreach;
    final AtomicCounter adminRefusedNothing;
    final AtomicCounter timerTicks;
    final AtomicCounter venueHeartbeats;
    final AtomicCounter framesRefused;
    final AtomicCounter ordersNew;
    final AtomicCounter ordersCancel;
    final AtomicCounter ordersReplace;
    final AtomicCounter ordersOther;
    final AtomicCounter sendFailures;
    final AtomicCounter fills;
    final AtomicCounter filledQuantity;
    final AtomicCounter fillsUnknownOrder;
    final AtomicCounter fillsOverfill;
    final AtomicCounter fillsConflict;
    final AtomicCounter fillsDuplicate;
    final AtomicCounter fillsLate;
    final AtomicCounter position;
    final AtomicCounter netPnl;
    final AtomicCounter mode;
    final AtomicCounter modeReason;
    final AtomicCounter openOrders;
    final AtomicCounter bestBid;
    final AtomicCounter bestAsk;
    final AtomicCounter quotedBid;
    final AtomicCounter quotedAsk;
    final AtomicCounter inboundRingOccupancy;
    final AtomicCounter outboundRingOccupancy;
    final AtomicCounter journalLag;
    final AtomicCounter journalRecords;
    final AtomicCounter reconciled;
    final AtomicCounter statusRetries;
    final AtomicCounter venueRestarts;
    final AtomicCounter framesTakenBefore;
    final AtomicCounter tickToQuoteP50Ns;
    final AtomicCounter tickToQuoteP99Ns;
    final AtomicCounter handlerErrors;
    final AtomicCounter handlerErrorSequence;
    final AtomicCounter handlerErrorRecord;
    final AtomicCounter ringFull;
    final AtomicCounter journalFreeBytes;
    final AtomicCounter journalDiskHalts;
    final AtomicCounter clockStepsBack;

    /**
     * @param manager the counters manager of the daemon's counters file ({@link DaemonCountersFile}).
     */
    public DaemonCounters(final CountersManager manager)
    {
        inboundFrames = add(manager, INBOUND_FRAMES);
        marketData = add(manager, MARKET_DATA);
        reports = add(manager, REPORTS);
        adminCommands = add(manager, ADMIN_COMMANDS);
        adminRejected = add(manager, ADMIN_REJECTED);
        adminThrottled = add(manager, ADMIN_THROTTLED);
        adminUnknown = add(manager, ADMIN_UNKNOWN);
        adminApplied = add(manager, ADMIN_APPLIED);
        adminRefusedBreach = add(manager, ADMIN_REFUSED_BREACH);
        adminRefusedNothing = add(manager, ADMIN_REFUSED_NOTHING);
        timerTicks = add(manager, "timer ticks");
        venueHeartbeats = add(manager, VENUE_HEARTBEATS);
        framesRefused = add(manager, FRAMES_REFUSED);
        for (final FrameRefusal refusal : FrameRefusal.values())
        {
            refusedByCode[refusal.code()] = add(manager, INBOUND_REFUSED + refusal.name());
        }
        ordersNew = add(manager, ORDERS_NEW);
        ordersCancel = add(manager, ORDERS_CANCEL);
        ordersReplace = add(manager, ORDERS_REPLACE);
        ordersOther = add(manager, ORDERS_OTHER);
        sendFailures = add(manager, SEND_FAILURES);
        fills = add(manager, FILLS);
        filledQuantity = add(manager, "filled quantity, lots");
        fillsUnknownOrder = add(manager, FILLS_UNKNOWN_ORDER);
        fillsOverfill = add(manager, FILLS_OVERFILL);
        fillsConflict = add(manager, FILLS_CONFLICT);
        fillsDuplicate = add(manager, FILLS_DUPLICATE);
        fillsLate = add(manager, FILLS_LATE);
        position = add(manager, POSITION);
        netPnl = add(manager, NET_PNL);
        mode = add(manager, MODE);
        modeReason = add(manager, MODE_REASON);
        openOrders = add(manager, OPEN_ORDERS);
        bestBid = add(manager, BEST_BID);
        bestAsk = add(manager, BEST_ASK);
        quotedBid = add(manager, QUOTED_BID);
        quotedAsk = add(manager, QUOTED_ASK);
        inboundRingOccupancy = add(manager, INBOUND_RING_OCCUPANCY);
        outboundRingOccupancy = add(manager, OUTBOUND_RING_OCCUPANCY);
        journalLag = add(manager, JOURNAL_LAG);
        journalRecords = add(manager, JOURNAL_RECORDS);
        reconciled = add(manager, RECONCILED);
        statusRetries = add(manager, STATUS_RETRIES);
        venueRestarts = add(manager, VENUE_RESTARTS);
        framesTakenBefore = add(manager, FRAMES_TAKEN_BEFORE);
        tickToQuoteP50Ns = add(manager, TICK_TO_QUOTE_P50);
        tickToQuoteP99Ns = add(manager, TICK_TO_QUOTE_P99);
        handlerErrors = add(manager, HANDLER_ERRORS);
        handlerErrorSequence = add(manager, HANDLER_ERROR_SEQUENCE);
        handlerErrorRecord = add(manager, HANDLER_ERROR_RECORD);
        ringFull = add(manager, RING_FULL);
        journalFreeBytes = add(manager, JOURNAL_FREE_BYTES);
        journalDiskHalts = add(manager, JOURNAL_DISK_HALTS);
        clockStepsBack = add(manager, CLOCK_STEPS_BACK);

        int maxCode = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            maxCode = Math.max(maxCode, isVenueReject(reason) ? reason.value() : 0);
        }
        venueRejectsByCode = new AtomicCounter[maxCode + 1];
        for (final RejectReason reason : RejectReason.values())
        {
            if (isVenueReject(reason))
            {
                venueRejectsByCode[reason.value()] = add(manager, "venue rejects: " + reason);
            }
        }
        riskRejectsByOrdinal = new AtomicCounter[RiskCheck.values().length];
        for (final RiskCheck check : RiskCheck.values())
        {
            if (RiskCheck.PASSED != check)
            {
                riskRejectsByOrdinal[check.ordinal()] = add(manager, "risk rejects: " + check);
            }
        }
    }

    private static boolean isVenueReject(final RejectReason reason)
    {
        // SBE_UNKNOWN (a newer venue's reason) shares the null value's code: neither is a reason of its own
        return RejectReason.NONE != reason && RejectReason.NULL_VAL != reason && RejectReason.SBE_UNKNOWN != reason;
    }

    private AtomicCounter add(final CountersManager manager, final String name)
    {
        final AtomicCounter counter = manager.newCounter(PREFIX + name, TYPE_ID);
        all.add(counter);
        byLabel.put(name, counter);
        return counter;
    }

    /**
     * @param label a counter label without the prefix, e.g. {@link #POSITION}.
     * @return the counter's current value (read from any thread), or its last value once the counters are closed.
     * @throws IllegalArgumentException if no counter has that label.
     */
    public long counter(final String label)
    {
        final AtomicCounter counter = byLabel.get(label);
        if (null == counter)
        {
            throw new IllegalArgumentException("no daemon counter labelled '" + label + "'");
        }
        final Long last = finalValues.get(label);
        return null != last ? last : counter.get();
    }

    /**
     * @param reason a venue reject reason.
     * @return its counter, or null for NONE / unknown.
     */
    AtomicCounter venueRejects(final RejectReason reason)
    {
        final int code = reason.value();
        return code >= 0 && code < venueRejectsByCode.length ? venueRejectsByCode[code] : null;
    }

    /**
     * @param refusal a {@link FrameRefusal} code, not {@link FrameRefusal#ACCEPTED}.
     * @return its counter.
     */
    AtomicCounter refused(final int refusal)
    {
        return refusedByCode[refusal];
    }

    /**
     * @param check a risk check outcome.
     * @return its counter, or null for PASSED.
     */
    AtomicCounter riskRejects(final RiskCheck check)
    {
        return riskRejectsByOrdinal[check.ordinal()];
    }

    /**
     * Closes every counter: {@code stat} stops showing them.
     */
    public void close()
    {
        if (finalValues.isEmpty())
        {
            // the file is unmapped next: keep the last values for whoever reports them after the stop
            byLabel.forEach((label, counter) -> finalValues.put(label, counter.get()));
        }
        all.forEach(CloseHelper::quietClose);
    }
}
