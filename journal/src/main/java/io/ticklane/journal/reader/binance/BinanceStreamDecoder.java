package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;
import org.agrona.concurrent.MessageHandler;

import java.math.BigDecimal;

/**
 * Turns Binance JSON messages, one at a time, into the SBE market data a gateway delivers: combined-stream depth
 * diffs, bookTickers and trades, and REST depth snapshots, with depth kept in sync by Binance's update-id rules.
 * It is the one decoder behind both the capture reader (messages come from file lines) and the live feed handler
 * (messages come from a WebSocket and the REST endpoint), so the two can never disagree on a rule.
 *
 * <p>Single-threaded: frames are encoded into one reused buffer, valid only during the handler's callback.
 */
public final class BinanceStreamDecoder
{
    private static final int ANY = 0;
    private static final int STREAM = 1;
    private static final int REST = 2;

    private final BinanceReaderCounters counters;
    private final CaptureLineParser parser;
    private final MarketDataEncoder encoder;
    private final DepthSynchroniser synchroniser;

    /**
     * @param market       whose synchronisation rules and required fields apply.
     * @param instrumentId put in every emitted message.
     * @param sizes        tick and lot the prices and quantities are converted with.
     */
    public BinanceStreamDecoder(final BinanceMarket market, final int instrumentId, final TickLotSizes sizes)
    {
        this(market, instrumentId, DecimalGrid.of(sizes.tickSize()), DecimalGrid.of(sizes.lotSize()), new BinanceReaderCounters());
    }

    BinanceStreamDecoder(
        final BinanceMarket market,
        final int instrumentId,
        final DecimalGrid tick,
        final DecimalGrid lot,
        final BinanceReaderCounters counters)
    {
        this.counters = counters;
        parser = new CaptureLineParser(market, tick, lot);
        encoder = new MarketDataEncoder(instrumentId, tick, lot);
        synchroniser = new DepthSynchroniser(market, encoder, counters);
    }

    /**
     * Tick and lot sizes from a REST depth snapshot, for a live handler that was not given them: the same inference
     * the capture reader makes from a capture's first snapshot.
     *
     * @param buffer holding the snapshot's JSON.
     * @param offset of the JSON.
     * @param length of the JSON.
     * @param source named in errors (where the snapshot came from).
     * @param tick   tick given by the caller, or null to infer it.
     * @param lot    lot given by the caller, or null to infer it.
     * @return the sizes.
     * @throws InputFormatException when the JSON is not a usable snapshot.
     */
    public static TickLotSizes inferSizes(
        final byte[] buffer, final int offset, final int length, final String source, final BigDecimal tick, final BigDecimal lot)
    {
        final TickLotSizes sizes = new GridInference().inferFromSnapshot(buffer, offset, length, source, tick, lot);
        try
        {
            DecimalGrid.of(sizes.tickSize());
            DecimalGrid.of(sizes.lotSize());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new InputFormatException(source, 1, "the sizes inferred from the snapshot cannot be used: " + ex.getMessage(), ex);
        }
        return sizes;
    }

    /**
     * Sizes given by the caller, checked.
     *
     * @param tick price step such as {@code 0.01}.
     * @param lot  quantity step such as {@code 0.00001}.
     * @return the sizes, trailing zeros stripped.
     * @throws IllegalArgumentException when a step is not a positive decimal a grid can use.
     */
    public static TickLotSizes givenSizes(final BigDecimal tick, final BigDecimal lot)
    {
        DecimalGrid.of(tick);
        DecimalGrid.of(lot);
        return new TickLotSizes(tick.stripTrailingZeros(), false, lot.stripTrailingZeros(), false, null, 0);
    }

    /**
     * @param handler receives each SBE frame (message header first); the buffer is reused after it returns.
     */
    public void handler(final MessageHandler handler)
    {
        encoder.handler(handler);
    }

    /**
     * Decode one message of either kind (a capture line: a stream message or a REST snapshot) and emit what it
     * produces to the {@link #handler(MessageHandler) handler}.
     *
     * @param buffer        holding the JSON.
     * @param offset        of the JSON.
     * @param length        of the JSON.
     * @param receiveTimeNs local receive time, stamped on every frame the message produces.
     * @param source        named in errors (a file, a URL).
     * @param line          named in errors (a line or message number).
     * @throws InputFormatException naming source and line for anything malformed; nothing was emitted for it and the
     *                              decoder stays usable.
     */
    public void onMessage(
        final byte[] buffer, final int offset, final int length, final long receiveTimeNs, final String source, final long line)
    {
        decode(buffer, offset, length, receiveTimeNs, source, line, ANY);
    }

    /**
     * Decode one message of a WebSocket stream: a REST snapshot arriving there is refused, so a stream cannot
     * replace the book.
     *
     * @param buffer        holding the JSON.
     * @param offset        of the JSON.
     * @param length        of the JSON.
     * @param receiveTimeNs local receive time.
     * @param source        named in errors.
     * @param line          named in errors.
     * @throws InputFormatException for anything malformed, or a snapshot.
     */
    public void onStreamMessage(
        final byte[] buffer, final int offset, final int length, final long receiveTimeNs, final String source, final long line)
    {
        decode(buffer, offset, length, receiveTimeNs, source, line, STREAM);
    }

    /**
     * Decode the body of a REST depth snapshot: anything else is refused.
     *
     * @param buffer        holding the JSON.
     * @param offset        of the JSON.
     * @param length        of the JSON.
     * @param receiveTimeNs local receive time.
     * @param source        named in errors.
     * @param line          named in errors.
     * @throws InputFormatException for anything malformed, or a stream message.
     */
    public void onSnapshot(
        final byte[] buffer, final int offset, final int length, final long receiveTimeNs, final String source, final long line)
    {
        decode(buffer, offset, length, receiveTimeNs, source, line, REST);
    }

    private void decode(
        final byte[] buffer,
        final int offset,
        final int length,
        final long receiveTimeNs,
        final String source,
        final long line,
        final int from)
    {
        parser.parse(buffer, offset, length, receiveTimeNs, source, line);
        if (ANY != from && (REST == from) != (parser.kind == LineKind.SNAPSHOT))
        {
            throw new InputFormatException(source, line, REST == from ?
                "not a depth snapshot: a stream message where the REST snapshot was expected" :
                "a depth snapshot on the stream: snapshots are only taken from the REST endpoint");
        }
        if (!encoder.hasSymbol() && null != parser.symbol)
        {
            encoder.symbol(parser.symbol);
        }
        switch (parser.kind)
        {
            case DEPTH_UPDATE:
                synchroniser.onUpdate(parser.update);
                break;
            case SNAPSHOT:
                synchroniser.onSnapshot(parser.snapshot);
                break;
            case BOOK_TICKER:
                counters.bookTickers++;
                encoder.bestBidOffer(
                    parser.exchangeTimeNs(),
                    receiveTimeNs,
                    parser.sequence,
                    parser.bidPrice,
                    parser.bidQuantity,
                    parser.askPrice,
                    parser.askQuantity);
                break;
            case TRADE:
                counters.trades++;
                encoder.trade(
                    parser.exchangeTimeNs(),
                    receiveTimeNs,
                    parser.tradeId,
                    parser.price,
                    parser.quantity,
                    parser.buyerIsMaker);
                break;
            default:
                throw new InputFormatException(source, line, "unrecognised line");
        }
    }

    /**
     * @return true while depth updates are only buffered and a fresh REST snapshot is needed to synchronise.
     */
    public boolean awaitingSnapshot()
    {
        return synchroniser.awaitingSnapshot();
    }

    /**
     * The message stream was interrupted: a synchronised receiver is marked stale at once (an empty L2Update whose
     * prevSequence no book holds) and a fresh snapshot is needed.
     *
     * @param receiveTimeNs when the interruption was noticed.
     */
    public void connectionLost(final long receiveTimeNs)
    {
        synchroniser.connectionLost(receiveTimeNs);
    }

    /**
     * @return what has been decoded, dropped and emitted, and how synchronisation went.
     */
    public BinanceReaderCounters counters()
    {
        return counters;
    }
}
