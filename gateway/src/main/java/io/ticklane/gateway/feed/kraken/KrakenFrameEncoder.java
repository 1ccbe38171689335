package io.ticklane.gateway.feed.kraken;

import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the Kraken book as Ticklane's market-data frames (message header first) into one preallocated buffer with
 * reused encoders and hands each to the sink: the InstrumentDefinition once, before the first price; L2Snapshot for
 * each snapshot; L2Update for each checked update. Prices and volumes are whole units of the pair's grid
 * (10^-decimals), with tick and lot size 1 unit: Kraken's book channel does not say the pair's real tick.
 */
final class KrakenFrameEncoder
{
    private static final int LEVEL_BYTES = L2UpdateEncoder.LevelsEncoder.sbeBlockLength();
    private static final int FIXED_BYTES = 256;

    private final UnsafeBuffer buffer;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final L2SnapshotEncoder snapshot = new L2SnapshotEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final MessageHandler sink;
    private final int instrumentId;
    private final boolean[] outIsBid;
    private final L2Action[] outAction;
    private final long[] outPrice;
    private final long[] outQuantity;
    private int outCount;
    private boolean definitionSent;

    KrakenFrameEncoder(final MessageHandler sink, final int instrumentId, final int maxLevels)
    {
        this.sink = sink;
        this.instrumentId = instrumentId;
        buffer = new UnsafeBuffer(new byte[FIXED_BYTES + (LEVEL_BYTES + 1) * maxLevels]);
        outIsBid = new boolean[maxLevels];
        outAction = new L2Action[maxLevels];
        outPrice = new long[maxLevels];
        outQuantity = new long[maxLevels];
    }

    boolean definitionSent()
    {
        return definitionSent;
    }

    void definition(final String symbol, final int priceDecimals, final int lotDecimals, final long receiveTimeNs)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(0)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(0)
            .symbol(symbol)
            .priceExponent((byte)-priceDecimals)
            .tickSize(1)
            .quantityExponent((byte)-lotDecimals)
            .lotSize(1);
        send(definition.sbeTemplateId(), definition.encodedLength());
        definitionSent = true;
    }

    void snapshot(
        final KrakenBookSide bids, final KrakenBookSide asks, final long sequence, final long exchangeTimeNs, final long receiveTimeNs)
    {
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(exchangeTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(bids.size() + asks.size());
        for (int i = 0; i < bids.size(); i++)
        {
            levels.next().side(Side.BUY).price(bids.price(i)).quantity(bids.volume(i));
        }
        for (int i = 0; i < asks.size(); i++)
        {
            levels.next().side(Side.SELL).price(asks.price(i)).quantity(asks.volume(i));
        }
        send(snapshot.sbeTemplateId(), snapshot.encodedLength());
    }

    void beginUpdate()
    {
        outCount = 0;
    }

    /**
     * Adds one level change to the update being built; the caller bounds the count by the capacity it configured.
     */
    void addLevel(final boolean isBid, final L2Action action, final long price, final long quantity)
    {
        final int index = outCount++;
        outIsBid[index] = isBid;
        outAction[index] = action;
        outPrice[index] = price;
        outQuantity[index] = quantity;
    }

    /**
     * Publishes the levels added since {@link #beginUpdate()}; none makes an empty update, which is how the feed
     * tells receivers that the message at {@code prevSequence} was withheld.
     */
    void publishUpdate(final long sequence, final long prevSequence, final long exchangeTimeNs, final long receiveTimeNs)
    {
        update.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(exchangeTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .prevSequence(prevSequence);
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(outCount);
        for (int i = 0; i < outCount; i++)
        {
            levels.next()
                .side(outIsBid[i] ? Side.BUY : Side.SELL)
                .action(outAction[i])
                .price(outPrice[i])
                .quantity(outQuantity[i]);
        }
        send(update.sbeTemplateId(), update.encodedLength());
    }

    private void send(final int templateId, final int bodyLength)
    {
        sink.onMessage(templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
