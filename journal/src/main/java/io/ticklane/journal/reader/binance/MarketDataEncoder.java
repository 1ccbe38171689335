package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.BestBidOfferEncoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.MessageHandler;

/**
 * Encodes the SBE frames (message header first) the reader emits, into one reused buffer with reused encoders,
 * and hands each to the {@link MessageHandler}. It sends the InstrumentDefinition before the first market data
 * message, so a receiver always knows the grid before it sees a price.
 */
final class MarketDataEncoder
{
    private static final int MAX_GROUP = 65_535;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(64 * 1024);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final L2SnapshotEncoder snapshot = new L2SnapshotEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final BestBidOfferEncoder bbo = new BestBidOfferEncoder();
    private final TradeEncoder trade = new TradeEncoder();
    private final int instrumentId;
    private final DecimalGrid tick;
    private final DecimalGrid lot;
    private MessageHandler handler;
    private String symbol;
    private boolean definitionSent;

    MarketDataEncoder(final int instrumentId, final DecimalGrid tick, final DecimalGrid lot)
    {
        this.instrumentId = instrumentId;
        this.tick = tick;
        this.lot = lot;
    }

    void handler(final MessageHandler handler)
    {
        this.handler = handler;
    }

    boolean hasSymbol()
    {
        return null != symbol;
    }

    void symbol(final String symbol)
    {
        this.symbol = symbol;
    }

    void snapshot(final DepthSnapshot book)
    {
        ensureDefinition(book.receiveTimeNs);
        final int count = book.bids.countPositive() + book.asks.countPositive();
        checkGroup(count, book.source, book.line);
        snapshot.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(book.exchangeTimeNs)
            .receiveTimeNs(book.receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(book.lastUpdateId);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(count);
        putSnapshotSide(levels, book.bids, Side.BUY);
        putSnapshotSide(levels, book.asks, Side.SELL);
        send(snapshot.sbeTemplateId(), snapshot.encodedLength());
    }

    void update(final DepthUpdate diff, final long prevSequence)
    {
        ensureDefinition(diff.receiveTimeNs);
        final int count = diff.bids.size() + diff.asks.size();
        checkGroup(count, diff.source, diff.line);
        update.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(diff.exchangeTimeNs)
            .receiveTimeNs(diff.receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(diff.lastId)
            .prevSequence(prevSequence);
        final L2UpdateEncoder.LevelsEncoder levels = update.levelsCount(count);
        putUpdateSide(levels, diff.bids, Side.BUY);
        putUpdateSide(levels, diff.asks, Side.SELL);
        send(update.sbeTemplateId(), update.encodedLength());
    }

    void bestBidOffer(
        final long exchangeTimeNs,
        final long receiveTimeNs,
        final long sequence,
        final long bidPrice,
        final long bidQuantity,
        final long askPrice,
        final long askQuantity)
    {
        ensureDefinition(receiveTimeNs);
        bbo.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(exchangeTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(sequence)
            .bidPrice(bidPrice)
            .bidQuantity(bidQuantity)
            .askPrice(askPrice)
            .askQuantity(askQuantity);
        send(bbo.sbeTemplateId(), bbo.encodedLength());
    }

    void trade(
        final long exchangeTimeNs,
        final long receiveTimeNs,
        final long tradeId,
        final long priceTicks,
        final long quantity,
        final boolean buyerIsMaker)
    {
        ensureDefinition(receiveTimeNs);
        trade.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(exchangeTimeNs)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(tradeId)
            .tradeId(tradeId)
            .priceUnits(Math.multiplyExact(priceTicks, tick.stepUnits()))
            .quantity(quantity)
            .aggressorSide(buyerIsMaker ? AggressorSide.SELL : AggressorSide.BUY)
            .tradeType(TradeType.REGULAR);
        send(trade.sbeTemplateId(), trade.encodedLength());
    }

    private void ensureDefinition(final long receiveTimeNs)
    {
        if (definitionSent)
        {
            return;
        }
        definition.wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(0)
            .receiveTimeNs(receiveTimeNs)
            .instrumentId(instrumentId)
            .sequence(0)
            .symbol(symbol)
            .priceExponent(tick.exponent())
            .tickSize(tick.stepUnits())
            .quantityExponent(lot.exponent())
            .lotSize(lot.stepUnits());
        send(definition.sbeTemplateId(), definition.encodedLength());
        definitionSent = true;
    }

    private static void putSnapshotSide(final L2SnapshotEncoder.LevelsEncoder levels, final Levels side, final Side sbeSide)
    {
        for (int i = 0; i < side.size(); i++)
        {
            if (side.quantity(i) > 0)
            {
                levels.next().side(sbeSide).price(side.price(i)).quantity(side.quantity(i));
            }
        }
    }

    private static void putUpdateSide(final L2UpdateEncoder.LevelsEncoder levels, final Levels side, final Side sbeSide)
    {
        for (int i = 0; i < side.size(); i++)
        {
            final long quantity = side.quantity(i);
            levels.next()
                .side(sbeSide)
                .action(quantity == 0 ? L2Action.DELETE : L2Action.CHANGE)
                .price(side.price(i))
                .quantity(quantity);
        }
    }

    private static void checkGroup(final int count, final String source, final long line)
    {
        if (count > MAX_GROUP)
        {
            throw new InputFormatException(source, line, count + " levels: more than one SBE group can carry (" + MAX_GROUP + ")");
        }
    }

    private void send(final int templateId, final int bodyLength)
    {
        handler.onMessage(templateId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
