package io.ticklane.backtest;

import io.ticklane.gateway.sim.venue.LatencyModel;
import io.ticklane.gateway.sim.venue.SimulatedVenue;
import io.ticklane.gateway.sim.venue.VenueContext;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.risk.RiskCheck;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.TimerTickEncoder;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a strategy against the {@link SimulatedVenue} over a journal's inbound market data, in one merged,
 * time-ordered loop (the driver contract of {@code docs/decisions/simulated-venue.md}): the venue gets each market
 * frame at its exchange time, the strategy gets it at its feed arrival and each execution report at its
 * {@code localTimeNs}; every order the strategy emits goes to the venue at once. Time comes only from the records,
 * so a run is a function of the journal, the configuration and the models.
 * <p>
 * Before a market frame at time {@code t} is applied, everything due earlier happens in time order: requests
 * arriving at the venue strictly before {@code t} (ties go to the market, as in the venue) and deliveries to the
 * strategy at or before {@code t}. On a tie between a venue arrival and a delivery the venue acts first; between a
 * report and a market frame the report is delivered first. Market frames whose feed arrival is later than their
 * exchange time, and reports, wait in preallocated FIFO rings (both are produced in non-decreasing due time). At the
 * end of the data, what is still in flight is played out until nothing is left, bounded by {@link #MAX_DRAIN_STEPS}.
 * <p>
 * Only market data records (template ids below the order entry range) are used; recorded reports, orders, admin
 * commands and timer ticks of a live run are skipped, since the venue answers instead. Timer ticks are off by
 * default; with {@link #timerTicks(long)} the strategy gets a TimerTick frame at every multiple of the interval in
 * event time (epoch-aligned) from the first market event to the last, delivered in time order like a report: after
 * venue arrivals strictly earlier, and after reports and delayed market frames due at the same time, before the market
 * frame at that time. One instance runs once.
 */
public final class BacktestDriver
{
    /**
     * Bound on the steps played out after the last record, so a strategy that answers every report with a new
     * request cannot loop for ever.
     */
    public static final int MAX_DRAIN_STEPS = 1_000_000;

    /**
     * Market data records between two progress calls.
     */
    public static final long PROGRESS_INTERVAL = 1_000_000;

    private static final int FIRST_ORDER_ENTRY_TEMPLATE_ID = NewOrderEncoder.TEMPLATE_ID;
    private static final int RECEIVE_TIME_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + 8;
    private static final long NO_CAUSE = RealisedLatency.NO_CAUSE;
    private static final int RESTAMP_BUFFER_BYTES = 1 << 16;
    private static final int MARKET_RING_CAPACITY = 1 << 14;
    private static final int REPORT_RING_CAPACITY = 1 << 12;

    /**
     * Told how far a run has got, every {@link #PROGRESS_INTERVAL} market records; for display only.
     */
    @FunctionalInterface
    public interface Progress
    {
        /**
         * @param marketEvents market records so far.
         * @param elapsedNs    wall-clock time since the run started, ns.
         */
        void onProgress(long marketEvents, long elapsedNs);
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final UnsafeBuffer timerFrame = new UnsafeBuffer(new byte[64]);
    private final MessageHeaderEncoder timerHeader = new MessageHeaderEncoder();
    private final TimerTickEncoder timerTick = new TimerTickEncoder();
    private final FrameRing marketRing = new FrameRing("market frame", MARKET_RING_CAPACITY);
    private final FrameRing reportRing = new FrameRing("report", REPORT_RING_CAPACITY);
    /**
     * Where a frame delivered at once gets its arrival stamp: sized up front for the largest frames of real captures
     * (the USD-M 2024-07-18 snapshot frame is over 30 KiB), so a run does not grow it.
     */
    private final ExpandableArrayBuffer restamped = new ExpandableArrayBuffer(RESTAMP_BUFFER_BYTES);
    private final RealisedLatency realisedLatency = new RealisedLatency();
    private long causeExchangeNs = NO_CAUSE;
    private final L2UpdateDecoder l2Update = new L2UpdateDecoder();
    private final L2SnapshotDecoder l2Snapshot = new L2SnapshotDecoder();
    private long bookLevelChanges;
    private final SimulatedVenue venue;
    private final LatencyModel latency;
    private final QuotingStrategy strategy;
    private final BacktestRecorder recorder;
    private long marketEvents;
    private long reportsDelivered;
    private long firstEventNs;
    private long lastEventNs;
    private long lastMid = Long.MIN_VALUE;
    private long lastMid2 = BacktestRecorder.NO_MID;
    private long newOrders;
    private long cancels;
    private long replaces;
    private long timerIntervalNs;
    private long nextTimerNs = Long.MAX_VALUE;
    private long timerTicks;
    private boolean ran;

    /**
     * @param venueContext    the venue's instrument and models; concluded by the venue.
     * @param strategyFactory builds the strategy around the handler its order frames must go to.
     */
    public BacktestDriver(final VenueContext venueContext, final Function<MessageHandler, QuotingStrategy> strategyFactory)
    {
        this(venueContext, strategyFactory, MetricSettings.defaults());
    }

    /**
     * @param venueContext    the venue's instrument and models; concluded by the venue.
     * @param strategyFactory builds the strategy around the handler its order frames must go to.
     * @param metricSettings  sampling grids and markout horizons of the run's metrics.
     */
    public BacktestDriver(
        final VenueContext venueContext,
        final Function<MessageHandler, QuotingStrategy> strategyFactory,
        final MetricSettings metricSettings)
    {
        this.recorder = new BacktestRecorder(metricSettings);
        this.venue = new SimulatedVenue(venueContext, this::onReport);
        this.latency = venue.latencyModel();
        this.strategy = strategyFactory.apply(this::onOrder);
    }

    /**
     * Turns on timer ticks in event time: a TimerTick frame to the strategy at every multiple of the interval (epoch
     * nanoseconds) after the first market event, up to the last one. Off by default, since a tick can change what the
     * strategy does (its risk gate checks staleness and venue silence on timers).
     *
     * @param intervalNs interval, ns; 0 turns timers off.
     * @return this.
     */
    public BacktestDriver timerTicks(final long intervalNs)
    {
        if (intervalNs < 0)
        {
            throw new IllegalArgumentException("timer interval must not be negative: " + intervalNs);
        }
        if (ran)
        {
            throw new IllegalStateException("timer ticks are set before the run");
        }
        this.timerIntervalNs = intervalNs;
        return this;
    }

    /**
     * @return timer ticks delivered to the strategy.
     */
    public long timerTicksDelivered()
    {
        return timerTicks;
    }

    /**
     * Runs every record of the journal, then plays out what is in flight.
     *
     * @param reader   an open journal; read to its end.
     * @param progress told of progress (display only), or null.
     * @return the run's outcome.
     */
    public BacktestResult run(final JournalReader reader, final Progress progress)
    {
        if (ran)
        {
            throw new IllegalStateException("a driver runs once: build another for another run");
        }
        ran = true;
        final long startNs = System.nanoTime();
        final MessageHandler handler = this::onFrame;
        long nextProgress = PROGRESS_INTERVAL;
        while (reader.pollInbound(handler, 4096) > 0)
        {
            if (null != progress && marketEvents >= nextProgress)
            {
                progress.onProgress(marketEvents, System.nanoTime() - startNs);
                nextProgress += PROGRESS_INTERVAL;
            }
        }
        if (marketEvents > 0)
        {
            recorder.endOfData(lastEventNs);
        }
        nextTimerNs = Long.MAX_VALUE; // timers run from the first to the last market event only
        drain();
        final long wallClockNs = System.nanoTime() - startNs;
        return result(wallClockNs);
    }

    /**
     * @return the strategy under test (its state after a run).
     */
    public QuotingStrategy strategy()
    {
        return strategy;
    }

    /**
     * @return the run's metrics; after {@link #run}.
     */
    public BacktestMetrics metrics()
    {
        if (!ran)
        {
            throw new IllegalStateException("metrics exist only after the run");
        }
        return recorder.metrics();
    }

    /**
     * @return the venue (its state after a run).
     */
    public SimulatedVenue venue()
    {
        return venue;
    }

    private void onFrame(final int templateId, final MutableDirectBuffer frame, final int offset, final int length)
    {
        if (templateId >= FIRST_ORDER_ENTRY_TEMPLATE_ID)
        {
            return;
        }
        // Every market data message starts with exchangeTimeNs, receiveTimeNs (sbe-schemas/SCHEMA.md).
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final long exchangeTimeNs = frame.getLong(body, ByteOrder.LITTLE_ENDIAN);
        final long frameReceiveNs = frame.getLong(body + 8, ByteOrder.LITTLE_ENDIAN);
        final long eventTimeNs = 0 != exchangeTimeNs ? exchangeTimeNs : frameReceiveNs;
        if (0 == marketEvents)
        {
            firstEventNs = eventTimeNs;
            recorder.start(eventTimeNs);
            if (timerIntervalNs > 0)
            {
                nextTimerNs = Math.floorDiv(eventTimeNs, timerIntervalNs) * timerIntervalNs + timerIntervalNs;
            }
        }
        marketEvents++;
        lastEventNs = eventTimeNs;
        bookLevelChanges += levelChanges(templateId, frame, offset);

        runUntil(eventTimeNs);
        recorder.onTime(eventTimeNs);
        venue.onMarketData(frame, offset, length);
        markMid();
        recorder.onMid(lastMid2);
        final long arrivalNs = Math.max(eventTimeNs, latency.feedArrivalNs(exchangeTimeNs, frameReceiveNs));
        if (arrivalNs == eventTimeNs && marketRing.isEmpty())
        {
            runUntil(eventTimeNs);
            causeExchangeNs = eventTimeNs;
            if (frameReceiveNs == arrivalNs)
            {
                strategy.onMessage(templateId, frame, offset, length);
            }
            else
            {
                // the strategy's clock is the frame's receive time: it sees the frame at its local arrival, so
                // the frame says so (a copy: the journal's own bytes are never written)
                restamped.putBytes(0, frame, offset, length);
                restamped.putLong(RECEIVE_TIME_OFFSET, arrivalNs, ByteOrder.LITTLE_ENDIAN);
                strategy.onMessage(templateId, restamped, 0, length);
            }
            causeExchangeNs = NO_CAUSE;
        }
        else
        {
            marketRing.add(arrivalNs, templateId, frame, offset, length);
            marketRing.stampTail(RECEIVE_TIME_OFFSET, arrivalNs);
        }
    }

    /**
     * @return price-level changes a market frame carries: its levels for an L2 snapshot or update, else one (an
     *         order-by-order event, a trade; other frames count nothing).
     */
    private int levelChanges(final int templateId, final MutableDirectBuffer frame, final int offset)
    {
        switch (templateId)
        {
            case L2UpdateDecoder.TEMPLATE_ID:
                return l2Update.wrapAndApplyHeader(frame, offset, header.wrap(frame, offset)).levels().count();
            case L2SnapshotDecoder.TEMPLATE_ID:
                return l2Snapshot.wrapAndApplyHeader(frame, offset, header.wrap(frame, offset)).levels().count();
            case L3OrderEventDecoder.TEMPLATE_ID:
            case TradeDecoder.TEMPLATE_ID:
                return 1;
            default:
                return 0;
        }
    }

    /**
     * Everything due before a market frame at {@code timeNs}: venue arrivals strictly earlier, deliveries at or
     * before it, in time order.
     */
    private void runUntil(final long timeNs)
    {
        while (true)
        {
            final long arrivalNs = venue.nextArrivalNs();
            final long deliveryNs = Math.min(Math.min(reportRing.headDueNs(), marketRing.headDueNs()), nextTimerNs);
            if (arrivalNs < timeNs && arrivalNs <= deliveryNs)
            {
                venue.advanceTo(arrivalNs);
            }
            else if (deliveryNs <= timeNs)
            {
                deliverNext();
            }
            else
            {
                return;
            }
        }
    }

    private void drain()
    {
        for (int step = 0; step < MAX_DRAIN_STEPS; step++)
        {
            final long arrivalNs = venue.nextArrivalNs();
            final long deliveryNs = Math.min(reportRing.headDueNs(), marketRing.headDueNs());
            if (Long.MAX_VALUE == arrivalNs && Long.MAX_VALUE == deliveryNs)
            {
                return;
            }
            if (arrivalNs <= deliveryNs)
            {
                venue.advanceTo(arrivalNs);
                markMid();
            }
            else
            {
                deliverNext();
            }
        }
    }

    private void deliverNext()
    {
        if (nextTimerNs < reportRing.headDueNs() && nextTimerNs < marketRing.headDueNs())
        {
            deliverTimer();
            return;
        }
        final FrameRing ring = reportRing.headDueNs() <= marketRing.headDueNs() ? reportRing : marketRing;
        if (ring == reportRing)
        {
            reportsDelivered++;
        }
        else
        {
            // every market data message starts with exchangeTimeNs, receiveTimeNs (sbe-schemas/SCHEMA.md)
            final long exchangeNs = ring.headBuffer().getLong(MessageHeaderDecoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
            causeExchangeNs = 0 != exchangeNs ? exchangeNs : ring.headDueNs();
        }
        strategy.onMessage(ring.headTemplateId(), ring.headBuffer(), 0, ring.headLength());
        causeExchangeNs = NO_CAUSE;
        ring.pop();
    }

    private void deliverTimer()
    {
        final long timeNs = nextTimerNs;
        nextTimerNs += timerIntervalNs;
        timerTicks++;
        timerTick.wrapAndApplyHeader(timerFrame, 0, timerHeader).timestampNs(timeNs).timerId(timerTicks);
        strategy.onMessage(TimerTickEncoder.TEMPLATE_ID, timerFrame, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + timerTick.encodedLength());
    }

    private void markMid()
    {
        final OrderBook book = venue.book();
        final long bid = book.bestBidPrice();
        final long ask = book.bestAskPrice();
        if (PriceLadder.NULL_PRICE != bid && PriceLadder.NULL_PRICE != ask)
        {
            lastMid = (bid + ask) >> 1;
            lastMid2 = bid + ask;
        }
    }

    private void onReport(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        report.wrapAndApplyHeader(buffer, index, header.wrap(buffer, index));
        recorder.onReport(report, venue.lastFee());
        realisedLatency.onReport(report);
        reportRing.add(report.localTimeNs(), msgTypeId, buffer, index, length);
    }

    private void onOrder(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        switch (msgTypeId)
        {
            case NewOrderEncoder.TEMPLATE_ID:
                newOrders++;
                break;
            case CancelOrderEncoder.TEMPLATE_ID:
                cancels++;
                break;
            case ReplaceOrderEncoder.TEMPLATE_ID:
                replaces++;
                break;
            default:
                break;
        }
        if (!venue.onOrder(msgTypeId, buffer, index, length))
        {
            return;
        }
        realisedLatency.onOrder(msgTypeId, buffer, index, venue.lastRequestArrivalNs(), causeExchangeNs);
    }

    /**
     * @return the latency the run realised: market event to venue arrival, and new order to its answer; after
     *         {@link #run}.
     */
    public RealisedLatency.Figures realisedLatency()
    {
        return realisedLatency.figures();
    }

    private BacktestResult result(final long wallClockNs)
    {
        final Position position = strategy.position();
        final double realised = position.realisedPnlTicksLots();
        // the exact mid, half ticks kept: (bid + ask) / 2
        final double unrealised = Long.MIN_VALUE == lastMid || 0 == position.position() ? 0 :
            (lastMid2 * 0.5 - position.averagePrice()) * position.position();
        final double fees = venue.totalFees();
        return new BacktestResult(
            marketEvents, reportsDelivered, firstEventNs, lastEventNs, position.position(), lastMid,
            realised, unrealised, fees, realised + unrealised - fees,
            newOrders, cancels, replaces, venue.fills(), venue.makerQuantity(), venue.takerQuantity(), venue.rejects(),
            strategy.riskRejections(), venueRejectsByReason(), riskRejectsByCheck(), strategy.risk().mode().name(),
            strategy.risk().modeReason().name(), strategy.risk().modeSinceNs(), strategy.risk().modeChanges(),
            venue.bookFramesWhileStale(), bookLevelChanges, wallClockNs);
    }

    private Map<String, Long> venueRejectsByReason()
    {
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (final RejectReason reason : RejectReason.values())
        {
            if (RejectReason.NONE != reason && RejectReason.NULL_VAL != reason && RejectReason.SBE_UNKNOWN != reason)
            {
                counts.put(reason.name(), venue.rejects(reason));
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private Map<String, Long> riskRejectsByCheck()
    {
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (final RiskCheck check : RiskCheck.values())
        {
            if (RiskCheck.PASSED != check)
            {
                counts.put(check.name(), strategy.risk().rejections(check));
            }
        }
        return Collections.unmodifiableMap(counts);
    }
}
