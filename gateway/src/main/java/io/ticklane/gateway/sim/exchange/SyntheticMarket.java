package io.ticklane.gateway.sim.exchange;

import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
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
 */
public final class SyntheticMarket implements MarketFlow
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;
    private static final int PHASE_DEFINITION = 0;
    private static final int PHASE_SNAPSHOT = 1;
    private static final int PHASE_EVENTS = 2;
    private static final double NS_PER_SECOND = 1e9;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

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
    private final int mask;
    private final long startTimeNs;
    private final double fairFloor;

    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final L2UpdateEncoder updateEncoder = new L2UpdateEncoder();
    private final L2SnapshotEncoder snapshotEncoder = new L2SnapshotEncoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final UnsafeBuffer definition;
    private final int definitionLength;

    // One side each: quantity per price slot (price & mask), the highest and lowest non-empty price, levels, lots.
    private final long[] bidQuantity;
    private final long[] askQuantity;
    private long bidHigh;
    private long bidLow;
    private int bidLevels;
    private long bidDepth;
    private long askHigh;
    private long askLow;
    private int askLevels;
    private long askDepth;

    // Level changes of the current event, encoded as one L2Update.
    private final boolean[] stagedBid;
    private final long[] stagedPrice;
    private final long[] stagedQuantity;
    private final L2Action[] stagedAction;
    private int stagedCount;

    private long randomState;
    private double spareGaussian;
    private boolean hasSpareGaussian;

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
        mask = window - 1;
        startTimeNs = context.startTimeNs();
        fairFloor = 2.0 * window;
        randomState = context.seed();

        bidQuantity = new long[window];
        askQuantity = new long[window];
        stagedBid = new boolean[window + 1];
        stagedPrice = new long[window + 1];
        stagedQuantity = new long[window + 1];
        stagedAction = new L2Action[window + 1];

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
            addLevel(true, context.initialMidTicks() - d, 1 + uniform(maxOrderLots));
            addLevel(false, context.initialMidTicks() + d, 1 + uniform(maxOrderLots));
        }
        stagedCount = 0;
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
        final L2SnapshotEncoder.LevelsEncoder levels = snapshotEncoder.levelsCount(bidLevels + askLevels);
        for (long price = bidHigh, left = bidLevels; left > 0; price--)
        {
            final long quantity = bidQuantity[slot(price)];
            if (0 != quantity)
            {
                levels.next().side(Side.BUY).price(price).quantity(quantity);
                left--;
            }
        }
        for (long price = askLow, left = askLevels; left > 0; price++)
        {
            final long quantity = askQuantity[slot(price)];
            if (0 != quantity)
            {
                levels.next().side(Side.SELL).price(price).quantity(quantity);
                left--;
            }
        }
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
        return bidHigh;
    }

    /**
     * @return best ask, ticks.
     */
    public long bestAskPrice()
    {
        return askLow;
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @param price ticks.
     * @return resting lots at that price.
     */
    public long quantity(final Side side, final long price)
    {
        if (Side.BUY == side)
        {
            return bidLevels > 0 && price >= bidLow && price <= bidHigh ? bidQuantity[slot(price)] : 0;
        }
        return askLevels > 0 && price >= askLow && price <= askHigh ? askQuantity[slot(price)] : 0;
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @return non-empty levels of that side.
     */
    public int levels(final Side side)
    {
        return Side.BUY == side ? bidLevels : askLevels;
    }

    /**
     * @param side BUY for bids, SELL for asks.
     * @return resting lots of that side.
     */
    public long depth(final Side side)
    {
        return Side.BUY == side ? bidDepth : askDepth;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events

    private void scheduleNextEvent()
    {
        final long stepNs = nextInterArrivalNs();
        if (sigma > 0 && stepNs > 0)
        {
            fairMid += sigma * StrictMath.sqrt(stepNs / NS_PER_SECOND) * gaussian();
            if (fairMid < fairFloor)
            {
                fairMid = 2 * fairFloor - fairMid; // reflect: prices stay positive
            }
        }
        eventTimeNs += stepNs;
    }

    private long nextInterArrivalNs()
    {
        return (long)(exponential() / eventsPerSecond * NS_PER_SECOND + 0.5);
    }

    private void onEvent()
    {
        stagedCount = 0;
        if (bidLevels < minLevels)
        {
            limitOrder(true);
            return;
        }
        if (askLevels < minLevels)
        {
            limitOrder(false);
            return;
        }
        final double u = uniform();
        if (u < marketProbability)
        {
            marketOrder();
            return;
        }
        final double depth = bidDepth + askDepth;
        final double cancelProbability = (1.0 - marketProbability) * depth / (depth + targetDepthLots);
        if (u < marketProbability + cancelProbability)
        {
            cancel();
        }
        else
        {
            limitOrder(coin());
        }
    }

    private void limitOrder(final boolean bid)
    {
        final long distance = 1 + (long)(-StrictMath.log(1.0 - uniform() * distanceMass) / decay);
        final long delta = Math.min(distance, maxDistance);
        final long lots = 1 + uniform(maxOrderLots);
        if (bid)
        {
            long price = (long)Math.ceil(fairMid) - delta;
            if (askLevels > 0)
            {
                price = Math.min(price, askLow - 1);
            }
            addLevel(true, price, lots);
        }
        else
        {
            long price = (long)Math.floor(fairMid) + delta;
            if (bidLevels > 0)
            {
                price = Math.max(price, bidHigh + 1);
            }
            addLevel(false, price, lots);
        }
    }

    private void cancel()
    {
        final boolean bid = uniform(bidDepth + askDepth) < bidDepth;
        final long[] quantities = bid ? bidQuantity : askQuantity;
        long lot = uniform(bid ? bidDepth : askDepth);
        long price = bid ? bidHigh : askLow;
        final long step = bid ? -1 : 1;
        while (true)
        {
            final long quantity = quantities[slot(price)];
            if (lot < quantity)
            {
                break;
            }
            lot -= quantity;
            price += step;
        }
        final long quantity = quantities[slot(price)];
        long cancelled = 1 + uniform(Math.min(quantity, maxOrderLots));
        if (cancelled == quantity && (bid ? bidLevels : askLevels) <= minLevels)
        {
            cancelled = quantity - 1;
        }
        if (0 == cancelled)
        {
            limitOrder(bid);
            return;
        }
        setLevel(bid, price, quantity - cancelled);
    }

    private void marketOrder()
    {
        final boolean buy;
        if (askLow < fairMid)
        {
            buy = true;
        }
        else if (bidHigh > fairMid)
        {
            buy = false;
        }
        else
        {
            buy = coin();
        }
        final boolean fromBids = !buy;
        final long price = fromBids ? bidHigh : askLow;
        final long quantity = (fromBids ? bidQuantity : askQuantity)[slot(price)];
        long taken = Math.min(1 + uniform(maxOrderLots), quantity);
        if (taken == quantity && (fromBids ? bidLevels : askLevels) <= minLevels)
        {
            taken = quantity - 1;
        }
        if (0 == taken)
        {
            limitOrder(fromBids);
            return;
        }
        setLevel(fromBids, price, quantity - taken);
        tradePending = true;
        tradePrice = price;
        tradeQuantity = taken;
        tradeAggressor = buy ? AggressorSide.BUY : AggressorSide.SELL;
        trades++;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Book

    private int slot(final long price)
    {
        return (int)(price & mask);
    }

    private void addLevel(final boolean bid, final long price, final long lots)
    {
        if (bid ? bidLevels > 0 : askLevels > 0)
        {
            // Keep the side's span below the window: delete from the end farther from the new price.
            while (bid ? bidLevels > 0 : askLevels > 0)
            {
                final long high = bid ? bidHigh : askHigh;
                final long low = bid ? bidLow : askLow;
                if (Math.max(high, price) - Math.min(low, price) < window)
                {
                    break;
                }
                setLevel(bid, price > high ? low : high, 0);
            }
        }
        final long[] quantities = bid ? bidQuantity : askQuantity;
        final long before = (bid ? bidLevels : askLevels) > 0 && inRange(bid, price) ? quantities[slot(price)] : 0;
        setLevel(bid, price, before + lots);
    }

    private boolean inRange(final boolean bid, final long price)
    {
        return bid ? price >= bidLow && price <= bidHigh : price >= askLow && price <= askHigh;
    }

    /**
     * Sets a level's absolute quantity, keeps the side's range, levels and depth, and stages the change.
     */
    private void setLevel(final boolean bid, final long price, final long quantity)
    {
        final long[] quantities = bid ? bidQuantity : askQuantity;
        final int levels = bid ? bidLevels : askLevels;
        final boolean known = levels > 0 && inRange(bid, price);
        final long before = known ? quantities[slot(price)] : 0;
        quantities[slot(price)] = quantity;

        int newLevels = levels;
        long high = bid ? bidHigh : askHigh;
        long low = bid ? bidLow : askLow;
        final L2Action action;
        if (0 == before)
        {
            action = L2Action.NEW;
            newLevels++;
            if (0 == levels)
            {
                high = price;
                low = price;
            }
            else
            {
                high = Math.max(high, price);
                low = Math.min(low, price);
            }
        }
        else if (0 == quantity)
        {
            action = L2Action.DELETE;
            newLevels--;
            if (0 == newLevels)
            {
                high = price;
                low = price;
            }
            else if (price == high)
            {
                do
                {
                    high--;
                }
                while (0 == quantities[slot(high)]);
            }
            else if (price == low)
            {
                do
                {
                    low++;
                }
                while (0 == quantities[slot(low)]);
            }
        }
        else
        {
            action = L2Action.CHANGE;
        }

        if (bid)
        {
            bidLevels = newLevels;
            bidHigh = high;
            bidLow = low;
            bidDepth += quantity - before;
        }
        else
        {
            askLevels = newLevels;
            askHigh = high;
            askLow = low;
            askDepth += quantity - before;
        }

        final int at = stagedCount++;
        stagedBid[at] = bid;
        stagedPrice[at] = price;
        stagedQuantity[at] = quantity;
        stagedAction[at] = action;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Frames

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
        final L2UpdateEncoder.LevelsEncoder levels = updateEncoder.levelsCount(stagedCount);
        for (int i = 0; i < stagedCount; i++)
        {
            levels.next()
                .side(stagedBid[i] ? Side.BUY : Side.SELL)
                .action(stagedAction[i])
                .price(stagedPrice[i])
                .quantity(stagedQuantity[i]);
        }
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

    // ---------------------------------------------------------------------------------------------------------
    // Random numbers: SplitMix64, allocation-free and the same on every JVM.

    private long nextLong()
    {
        long z = (randomState += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private boolean coin()
    {
        return nextLong() < 0;
    }

    /**
     * @return uniform in [0, 1).
     */
    private double uniform()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @return uniform in [0, bound), bound > 0.
     */
    private long uniform(final long bound)
    {
        return (long)(uniform() * bound);
    }

    /**
     * @return exponential with mean 1.
     */
    private double exponential()
    {
        return -StrictMath.log(1.0 - uniform());
    }

    /**
     * @return standard normal (Marsaglia's polar method, the second of each pair kept for the next call).
     */
    private double gaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double x;
        double y;
        double s;
        do
        {
            x = 2 * uniform() - 1;
            y = 2 * uniform() - 1;
            s = x * x + y * y;
        }
        while (s >= 1 || 0 == s);
        final double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = y * factor;
        hasSpareGaussian = true;
        return x * factor;
    }
}
