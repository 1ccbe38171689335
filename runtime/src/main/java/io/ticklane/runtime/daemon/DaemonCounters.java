package io.ticklane.runtime.daemon;

import io.aeron.Aeron;
import io.aeron.Counter;
import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.sbe.RejectReason;
import org.agrona.CloseHelper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator watches, as Aeron counters in the media driver's CnC file, so {@code ticklane stat} (another
 * process) reads them live without the daemon logging anything. Each counter has one writer thread: the receiver
 * (inbound counts, ring occupancy, journal lag), the trading agent (position, PnL, mode, fills, rejects), the order
 * sender (orders sent, send failures) or the journal agent (records written). Writes are release stores; nothing is
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
    public static final String INBOUND_FRAMES = "inbound frames";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String MARKET_DATA = "market data frames";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String REPORTS = "execution reports";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_COMMANDS = "admin commands";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_REJECTED = "admin commands rejected";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ADMIN_APPLIED = "admin commands applied by the strategy";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String VENUE_HEARTBEATS = "venue heartbeats";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_NEW = "orders sent: new";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_CANCEL = "orders sent: cancel";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String ORDERS_REPLACE = "orders sent: replace";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String SEND_FAILURES = "order frames not taken by the publication (halts)";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String FILLS = "fills";
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
    /** Counter label (without the "ticklane: " prefix). */
    public static final String TICK_TO_QUOTE_P50 = "tick-to-quote p50 last second, ns";
    /** Counter label (without the "ticklane: " prefix). */
    public static final String TICK_TO_QUOTE_P99 = "tick-to-quote p99 last second, ns";

    private final List<Counter> all = new ArrayList<>();
    private final Map<String, Counter> byLabel = new HashMap<>();
    private final Counter[] venueRejectsByCode;
    private final Counter[] riskRejectsByOrdinal;

    final Counter inboundFrames;
    final Counter marketData;
    final Counter reports;
    final Counter adminCommands;
    final Counter adminRejected;
    final Counter adminApplied;
    final Counter timerTicks;
    final Counter venueHeartbeats;
    final Counter framesRefused;
    final Counter ordersNew;
    final Counter ordersCancel;
    final Counter ordersReplace;
    final Counter ordersOther;
    final Counter sendFailures;
    final Counter fills;
    final Counter filledQuantity;
    final Counter position;
    final Counter netPnl;
    final Counter mode;
    final Counter modeReason;
    final Counter openOrders;
    final Counter bestBid;
    final Counter bestAsk;
    final Counter quotedBid;
    final Counter quotedAsk;
    final Counter inboundRingOccupancy;
    final Counter outboundRingOccupancy;
    final Counter journalLag;
    final Counter journalRecords;
    final Counter reconciled;
    final Counter tickToQuoteP50Ns;
    final Counter tickToQuoteP99Ns;

    /**
     * @param aeron client of the driver whose CnC file holds the counters.
     */
    public DaemonCounters(final Aeron aeron)
    {
        inboundFrames = add(aeron, INBOUND_FRAMES);
        marketData = add(aeron, MARKET_DATA);
        reports = add(aeron, REPORTS);
        adminCommands = add(aeron, ADMIN_COMMANDS);
        adminRejected = add(aeron, ADMIN_REJECTED);
        adminApplied = add(aeron, ADMIN_APPLIED);
        timerTicks = add(aeron, "timer ticks");
        venueHeartbeats = add(aeron, VENUE_HEARTBEATS);
        framesRefused = add(aeron, "inbound frames refused (foreign schema, unknown template, oversize)");
        ordersNew = add(aeron, ORDERS_NEW);
        ordersCancel = add(aeron, ORDERS_CANCEL);
        ordersReplace = add(aeron, ORDERS_REPLACE);
        ordersOther = add(aeron, "orders sent: other");
        sendFailures = add(aeron, SEND_FAILURES);
        fills = add(aeron, FILLS);
        filledQuantity = add(aeron, "filled quantity, lots");
        position = add(aeron, POSITION);
        netPnl = add(aeron, NET_PNL);
        mode = add(aeron, MODE);
        modeReason = add(aeron, MODE_REASON);
        openOrders = add(aeron, OPEN_ORDERS);
        bestBid = add(aeron, BEST_BID);
        bestAsk = add(aeron, BEST_ASK);
        quotedBid = add(aeron, QUOTED_BID);
        quotedAsk = add(aeron, QUOTED_ASK);
        inboundRingOccupancy = add(aeron, "inbound ring occupancy, slots");
        outboundRingOccupancy = add(aeron, "outbound ring occupancy, slots");
        journalLag = add(aeron, "journal lag, frames");
        journalRecords = add(aeron, JOURNAL_RECORDS);
        reconciled = add(aeron, RECONCILED);
        tickToQuoteP50Ns = add(aeron, TICK_TO_QUOTE_P50);
        tickToQuoteP99Ns = add(aeron, TICK_TO_QUOTE_P99);

        int maxCode = 0;
        for (final RejectReason reason : RejectReason.values())
        {
            maxCode = Math.max(maxCode, RejectReason.NULL_VAL == reason ? 0 : reason.value());
        }
        venueRejectsByCode = new Counter[maxCode + 1];
        for (final RejectReason reason : RejectReason.values())
        {
            if (RejectReason.NONE != reason && RejectReason.NULL_VAL != reason)
            {
                venueRejectsByCode[reason.value()] = add(aeron, "venue rejects: " + reason);
            }
        }
        riskRejectsByOrdinal = new Counter[RiskCheck.values().length];
        for (final RiskCheck check : RiskCheck.values())
        {
            if (RiskCheck.PASSED != check)
            {
                riskRejectsByOrdinal[check.ordinal()] = add(aeron, "risk rejects: " + check);
            }
        }
    }

    private Counter add(final Aeron aeron, final String name)
    {
        final Counter counter = aeron.addCounter(TYPE_ID, PREFIX + name);
        all.add(counter);
        byLabel.put(name, counter);
        return counter;
    }

    /**
     * @param label a counter label without the prefix, e.g. {@link #POSITION}.
     * @return the counter's current value (read from any thread).
     * @throws IllegalArgumentException if no counter has that label.
     */
    public long counter(final String label)
    {
        final Counter counter = byLabel.get(label);
        if (null == counter)
        {
            throw new IllegalArgumentException("no daemon counter labelled '" + label + "'");
        }
        return counter.get();
    }

    /**
     * @param reason a venue reject reason.
     * @return its counter, or null for NONE / unknown.
     */
    Counter venueRejects(final RejectReason reason)
    {
        final int code = reason.value();
        return code >= 0 && code < venueRejectsByCode.length ? venueRejectsByCode[code] : null;
    }

    /**
     * @param check a risk check outcome.
     * @return its counter, or null for PASSED.
     */
    Counter riskRejects(final RiskCheck check)
    {
        return riskRejectsByOrdinal[check.ordinal()];
    }

    /**
     * Closes every counter: {@code stat} stops showing them.
     */
    public void close()
    {
        all.forEach(CloseHelper::quietClose);
    }
}
