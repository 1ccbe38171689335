package io.ticklane.gateway.sim.exchange;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * A seeded, deterministic L2 market of one instrument, for a live exchange that has no recorded data to replay and for
 * tests that need an endless, realistic book: zero-intelligence order flow anchored to a Brownian fair mid.
 * <p>
 * <b>Model.</b> Events arrive at {@code eventsPerSecond} with exponential inter-arrival times. Between events the
 * fair mid {@code m} takes a Gaussian step of variance σ²·Δt (σ in ticks/√s). Each event is one of:
 * <ul>
 *   <li>a <i>market order</i>, with probability {@code marketOrdersPerSecond / eventsPerSecond}: it takes part or all
 *   of the best level of the other side, never more (a Trade with its aggressor side, then the L2Update). Its side
 *   picks off a stale quote (buy when the best ask is below {@code m}, sell when the best bid is above it), otherwise
 *   is a fair coin;</li>
 *   <li>a <i>cancel</i>, with probability (1 − p<sub>market</sub>)·D/(D + {@code targetDepthLots}) for resting depth
 *   D: a resting lot chosen uniformly (so a level is chosen in proportion to its quantity) loses between 1 and
 *   {@code maxOrderLots} lots of its level;</li>
 *   <li>otherwise a <i>limit order</i> on a fair-coin side at distance δ ≥ 1 tick, P(δ) ∝ e^(−kδ) up to
 *   {@code maxDistanceTicks}: a bid at {@code ceil(m) − δ}, an ask at {@code floor(m) + δ}, but never through the
 *   opposite touch (a bid is at most the best ask − 1, an ask at least the best bid + 1).</li>
 * </ul>
 * So the book cannot cross or hold a negative level. A side with fewer than {@code minLevels} levels gets the next
 * limit order; a cancel or market order never removes a level from a side at {@code minLevels} (it leaves one lot,
 * or becomes a limit order on that side). One side spans less than {@code windowTicks} ticks: adding a level beyond
 * that first deletes the levels at the far end (in the same update), so a snapshot is bounded and a consumer's
 * ladder of that many ticks holds every level.
 * <p>
 * <b>Frames.</b> The flow starts with an InstrumentDefinition and an L2Snapshot at time 0, then one L2Update per
 * event (a market order writes its Trade first, then the update, at the same time). Updates chain {@code sequence}
 * / {@code prevSequence}; a Trade carries the sequence of the update that removes its lots and {@code priceUnits}
 * = price × {@code priceUnitsPerTick}. {@code exchangeTimeNs} = {@code startTimeNs} + simulated time,
 * {@code receiveTimeNs} = 0. One seed gives the same bytes on every JVM: the random stream is SplitMix64 and the
 * transcendental functions are {@link StrictMath}'s. Nothing is allocated per event.
 * <p>
 * The book is a {@link SyntheticBook} and the random stream a {@link DeterministicRandom}; this class is the order
 * flow model and the frames.
 */
public final class SyntheticMarket implements MarketFlow
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int PHASE_DEFINITION = 0;
    private static final int PHASE_SNAPSHOT = 1;
    private static final int PHASE_EVENTS = 2;
    private static final double NS_PER_SECOND = 1e9;

    private final long instrumentId;
    private final long priceUnitsPerTick;
    private final double eventsPerSecond;
    private final double marketProbability;
    private final double sigma;
    private final double decay;
    private final double distanceMass;
    private final int maxDistance;
    private final long maxOrderLots;
    private final long targetDepthLots;
    private final int minLevels;
    private final int window;
    private final long startTimeNs;
    private final double fairFloor;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final L2UpdateEncoder updateEncoder = new L2UpdateEncoder();
    private final L2SnapshotEncoder snapshotEncoder = new L2SnapshotEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final UnsafeBuffer definition;
    private final int definitionLength;
    private final SyntheticBook book;
    private final DeterministicRandom random;

    private int phase = PHASE_DEFINITION;
    private double fairMid;
    private long eventTimeNs;
    private long lastFrameTimeNs;
    private long sequence = 1;
    private long tradeId;
    private long events;
    private long trades;
    private boolean tradePending;
    private boolean updatePending;
    private long tradePrice;
    private long tradeQuantity;
    private AggressorSide tradeAggressor;

    /**
     * Builds the initial book ({@code minLevels} levels a side around the initial mid) and draws the first event's
     * time.
     *
     * @param context settings; concluded here.
     */
    public SyntheticMarket(final SyntheticMarketContext context)
    {
        context.conclude();
        instrumentId = context.instrumentId();
        priceUnitsPerTick = context.priceUnitsPerTick();
        eventsPerSecond = context.eventsPerSecond();
        marketProbability = context.marketOrdersPerSecond() / context.eventsPerSecond();
        sigma = context.sigmaTicksPerSqrtSecond();
        decay = context.decayPerTick();
        maxDistance = context.maxDistanceTicks();
        distanceMass = 1.0 - StrictMath.exp(-decay * maxDistance);
        maxOrderLots = context.maxOrderLots();
        targetDepthLots = context.targetDepthLots();
        minLevels = context.minLevels();
        window = context.windowTicks();
        startTimeNs = context.startTimeNs();
        fairFloor = 2.0 * window;
        random = new DeterministicRandom(context.seed());
        book = new SyntheticBook(window);

        definition = new UnsafeBuffer(new byte[HEADER + InstrumentDefinitionEncoder.BLOCK_LENGTH]);
        final InstrumentDefinitionEncoder encoder = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(definition, 0, headerEncoder)
            .exchangeTimeNs(startTimeNs)
            .receiveTimeNs(0)
            .instrumentId(instrumentId)
            .sequence(0)
            .symbol(context.symbol())
            .priceExponent(context.priceExponent())
            .tickSize(priceUnitsPerTick)
            .quantityExponent(context.quantityExponent())
            .lotSize(context.lotSize());
        definitionLength = HEADER + encoder.encodedLength();

        fairMid = context.initialMidTicks();
        for (int d = 1; d <= minLevels; d++)
        {
            book.addLevel(true, context.initialMidTicks() - d, 1 + random.uniform(maxOrderLots));
            book.addLevel(false, context.initialMidTicks() + d, 1 + random.uniform(maxOrderLots));
        }
        book.clearStaged();
        scheduleNextEvent();
    }

    public long instrumentId()
    {
        return instrumentId;
    }

    public long nextTimeNs()
    {
        return PHASE_EVENTS == phase ? eventTimeNs : 0;
    }

    public int writeNext(final MutableDirectBuffer buffer, final int offset)
    {
        if (PHASE_DEFINITION == phase)
        {
            phase = PHASE_SNAPSHOT;
            return writeDefinition(buffer, offset);
        }
        if (PHASE_SNAPSHOT == phase)
        {
            phase = PHASE_EVENTS;
            return writeSnapshot(buffer, offset);
        }
        if (updatePending)
        {
            updatePending = false;
            final int length = encodeUpdate(buffer, offset);
            scheduleNextEvent();
            return length;
        }

        lastFrameTimeNs = eventTimeNs;
        onEvent();
        events++;
        if (tradePending)
        {
            tradePending = false;
            updatePending = true;
            return encodeTrade(buffer, offset);
        }
        final int length = encodeUpdate(buffer, offset);
        scheduleNextEvent();
        return length;
    }

    public int writeDefinition(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putBytes(offset, definition, 0, definitionLength);
        buffer.putLong(offset + HEADER + InstrumentDefinitionEncoder.exchangeTimeNsEncodingOffset(),
            startTimeNs + lastFrameTimeNs, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + HEADER + InstrumentDefinitionEncoder.sequenceEncodingOffset(), sequence,
            ByteOrder.LITTLE_ENDIAN);
        return definitionLength;
    }

    public int writeSnapshot(final MutableDirectBuffer buffer, final int offset)
    {
        snapshotEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .exchangeTimeNs(startTimeNs + lastFrameTimeNs)
            .receiveTimeNs(0)
            .instrumentId(instrumentId)
            .sequence(sequence);
        book.writeLevels(snapshotEncoder);
        return HEADER + snapshotEncoder.encodedLength();
    }

    public int maxFrameLength()
    {
        final int snapshot = HEADER + L2SnapshotEncoder.BLOCK_LENGTH + L2SnapshotEncoder.LevelsEncoder.sbeHeaderSize() +
            2 * window * L2SnapshotEncoder.LevelsEncoder.sbeBlockLength();
        final int update = HEADER + L2UpdateEncoder.BLOCK_LENGTH + L2UpdateEncoder.LevelsEncoder.sbeHeaderSize() +
            (window + 1) * L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
        return Math.max(Math.max(snapshot, update), Math.max(definitionLength, HEADER + TradeEncoder.BLOCK_LENGTH));
    }

    /**
     * @return events generated so far (a market order is one event of two frames).
     */
    public long events()
    {
        return events;
    }

    /**
     * @return market orders generated so far.
     */
    public long trades()
    {
        return trades;
    }

    /**
     * @return the fair mid, ticks (not published: the book follows it).
     */
    public double fairMidTicks()
    {
        return fairMid;
    }

    /**
     * @return simulated time of the latest frame written, ns after the start.
     */
    public long timeNs()
    {
        return lastFrameTimeNs;
    }

    /**
     * @return sequence of the book as the frames written so far left it.
     */
    public long sequence()
    {
        return sequence;
    }

    /**
     * @return best bid, ticks.
     */
    public long bestBidPrice()
    {
        return book.bestBid();
    }

    /**
     * @return best ask, ticks.
     */
    public long bestAskPrice()
    {
        return book.bestAsk();
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @param price ticks.
     * @return resting lots at that price.
     */
    public long quantity(final Side side, final long price)
    {
        return book.quantity(Side.BUY == side, price);
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @return non-empty levels of that side.
     */
    public int levels(final Side side)
    {
        return book.levels(Side.BUY == side);
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @return resting lots of that side.
     */
    public long depth(final Side side)
    {
        return book.depth(Side.BUY == side);
    }

    private void scheduleNextEvent()
    {
        final long stepNs = nextInterArrivalNs();
        if (sigma > 0 && stepNs > 0)
        {
            fairMid += sigma * StrictMath.sqrt(stepNs / NS_PER_SECOND) * random.gaussian();
            if (fairMid < fairFloor)
            {
                fairMid = 2 * fairFloor - fairMid; // reflect: prices stay positive
            }
        }
        eventTimeNs += stepNs;
    }

    private long nextInterArrivalNs()
    {
        return (long)(random.exponential() / eventsPerSecond * NS_PER_SECOND + 0.5);
    }

    private void onEvent()
    {
        book.clearStaged();
        if (book.levels(true) < minLevels)
        {
            limitOrder(true);
            return;
        }
        if (book.levels(false) < minLevels)
        {
            limitOrder(false);
            return;
        }
        final double u = random.uniform();
        if (u < marketProbability)
        {
            marketOrder();
            return;
        }
        final double depth = book.depth(true) + book.depth(false);
        final double cancelProbability = (1.0 - marketProbability) * depth / (depth + targetDepthLots);
        if (u < marketProbability + cancelProbability)
        {
            cancel();
        }
        else
        {
            limitOrder(random.coin());
        }
    }

    private void limitOrder(final boolean bid)
    {
        final long distance = 1 + (long)(-StrictMath.log(1.0 - random.uniform() * distanceMass) / decay);
        final long delta = Math.min(distance, maxDistance);
        final long lots = 1 + random.uniform(maxOrderLots);
        if (bid)
        {
            long price = (long)Math.ceil(fairMid) - delta;
            if (book.levels(false) > 0)
            {
                price = Math.min(price, book.bestAsk() - 1);
            }
            book.addLevel(true, price, lots);
        }
        else
        {
            long price = (long)Math.floor(fairMid) + delta;
            if (book.levels(true) > 0)
            {
                price = Math.max(price, book.bestBid() + 1);
            }
            book.addLevel(false, price, lots);
        }
    }

    private void cancel()
    {
        final long bidDepth = book.depth(true);
        final boolean bid = random.uniform(bidDepth + book.depth(false)) < bidDepth;
        final long price = book.priceOfLot(bid, random.uniform(book.depth(bid)));
        final long quantity = book.quantityInRange(bid, price);
        long cancelled = 1 + random.uniform(Math.min(quantity, maxOrderLots));
        if (cancelled == quantity && book.levels(bid) <= minLevels)
        {
            cancelled = quantity - 1;
        }
        if (0 == cancelled)
        {
            limitOrder(bid);
            return;
        }
        book.setLevel(bid, price, quantity - cancelled);
    }

    private void marketOrder()
    {
        final boolean buy;
        if (book.bestAsk() < fairMid)
        {
            buy = true;
        }
        else if (book.bestBid() > fairMid)
        {
            buy = false;
        }
        else
        {
            buy = random.coin();
        }
        final boolean fromBids = !buy;
        final long price = fromBids ? book.bestBid() : book.bestAsk();
        final long quantity = book.quantityInRange(fromBids, price);
        long taken = Math.min(1 + random.uniform(maxOrderLots), quantity);
        if (taken == quantity && book.levels(fromBids) <= minLevels)
        {
            taken = quantity - 1;
        }
        if (0 == taken)
        {
            limitOrder(fromBids);
            return;
        }
        book.setLevel(fromBids, price, quantity - taken);
        tradePending = true;
        tradePrice = price;
        tradeQuantity = taken;
        tradeAggressor = buy ? AggressorSide.BUY : AggressorSide.SELL;
        trades++;
    }

    private int encodeUpdate(final MutableDirectBuffer buffer, final int offset)
    {
        final long previous = sequence;
        sequence++;
        updateEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .exchangeTimeNs(startTimeNs + lastFrameTimeNs)
            .receiveTimeNs(0)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .prevSequence(previous);
        book.writeStaged(updateEncoder);
        return HEADER + updateEncoder.encodedLength();
    }

    private int encodeTrade(final MutableDirectBuffer buffer, final int offset)
    {
        tradeEncoder.wrapAndApplyHeader(buffer, offset, headerEncoder)
            .exchangeTimeNs(startTimeNs + lastFrameTimeNs)
            .receiveTimeNs(0)
            .instrumentId(instrumentId)
            .sequence(sequence + 1)
            .tradeId(++tradeId)
            .priceUnits(tradePrice * priceUnitsPerTick)
            .quantity(tradeQuantity)
            .aggressorSide(tradeAggressor)
            .tradeType(TradeType.REGULAR);
        return HEADER + tradeEncoder.encodedLength();
    }
}
