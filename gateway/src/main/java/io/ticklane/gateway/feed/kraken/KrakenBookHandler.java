package io.ticklane.gateway.feed.kraken;

import io.ticklane.orderbook.BookState;
import io.ticklane.sbe.L2Action;
import org.agrona.concurrent.MessageHandler;

/**
 * The Kraken v1 {@code book} channel as a state machine: fed one WebSocket text message at a time with its receive
 * time, it keeps the depth-limited book by Kraken's documented rules, checks every update's CRC32 checksum, and
 * publishes Ticklane's SBE market-data frames to a sink. It owns no socket, so the same code serves the live
 * connection, {@code feed serve} and {@code --verify} over a file.
 * <p>
 * States are the daemon's ({@link BookState}): EMPTY until the first snapshot, LIVE while every update checks out,
 * STALE from a checksum mismatch or an unreadable message until a fresh snapshot. Losing trust asks the transport,
 * once, to resubscribe ({@link KrakenResubscriber}), which makes Kraken send a new snapshot.
 * <p>
 * Kraken v1 has no sequence numbers, so the frames carry the handler's own: every book message of the channel takes
 * the next number. An update that fails its checksum is withheld (its number is skipped) and an empty L2Update
 * follows it whose previous sequence is the withheld one; a receiver's book, which holds the number before, sees a
 * sequence gap and goes STALE exactly as on a lost message, until the next L2Snapshot. Levels the depth truncation
 * drops are published as deletes, so a receiver's book never keeps a level this one no longer vouches for.
 * <p>
 * One file on purpose (just over 500 lines): it is one state machine whose states, sequence numbering and resubscribe
 * decision read and write the same fields; parsing, book sides, checksum and encoding already live in their own classes.
 * <p>
 * Single-threaded; nothing here throws on bad input. Messages are parsed by one long-lived Jackson non-blocking
 * parser fed message by message, so the steady-state update path makes no parser per message.
 */
public final class KrakenBookHandler
{
    private final KrakenBookContext context;
    private final KrakenResubscriber resubscriber;
    private final KrakenMessageParser parser;
    private final KrakenBookSide bids;
    private final KrakenBookSide asks;
    private final KrakenChecksum checksum = new KrakenChecksum();
    private final KrakenFrameEncoder encoder;
    private final KrakenBookCounters counters = new KrakenBookCounters();
    private final KrakenDecimal decimal = new KrakenDecimal();
    private final long[] gridPrice;
    private final long[] gridVolume;
    private final char[] textScratch;
    private final byte[] bytesScratch;
    private BookState state = BookState.EMPTY;
    private int priceDecimals;
    private int lotDecimals;
    private long sequence;
    private long subscribedChannelId = -1;
    private boolean resubscribePending;
    private long lastComputedChecksum;
    private String lastProblem;

    /**
     * @param context settings; concluded here.
     * @param sink receives every SBE frame (message header first); the buffer is reused after the call returns.
     * @param resubscriber asked to resubscribe when the book can no longer be trusted.
     */
    public KrakenBookHandler(final KrakenBookContext context, final MessageHandler sink, final KrakenResubscriber resubscriber)
    {
        this.context = context.conclude();
        this.resubscriber = resubscriber;
        final int maxLevels = context.maxLevelsPerMessage();
        parser = new KrakenMessageParser(context.pair(), context.depth(), maxLevels);
        bids = new KrakenBookSide(false, context.depth());
        asks = new KrakenBookSide(true, context.depth());
        encoder = new KrakenFrameEncoder(sink, context.instrumentId(), 2 * maxLevels);
        gridPrice = new long[maxLevels];
        gridVolume = new long[maxLevels];
        textScratch = new char[context.maxMessageBytes()];
        bytesScratch = new byte[context.maxMessageBytes()];
        priceDecimals = context.priceDecimals();
        lotDecimals = context.lotDecimals();
    }

    /**
     * Handles one text message as received (a CharSequence from the JDK WebSocket listener, for instance). Kraken's
     * messages are ASCII, which takes the byte path; text with other characters is parsed as characters.
     *
     * @param text one complete message.
     * @param receiveTimeNs when it arrived, epoch nanoseconds.
     */
    public void onMessage(final CharSequence text, final long receiveTimeNs)
    {
        counters.messages++;
        final int length = text.length();
        if (length > textScratch.length)
        {
            oversized(length);
            return;
        }
        boolean ascii = true;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            textScratch[i] = c;
            bytesScratch[i] = (byte)c;
            ascii &= c < 0x80;
        }
        dispatch(ascii ? parser.parse(bytesScratch, 0, length) : parser.parse(textScratch, 0, length), receiveTimeNs);
    }

    /**
     * Handles one message given as UTF-8 bytes.
     *
     * @param utf8 holds the message.
     * @param offset where it starts.
     * @param length its length in bytes.
     * @param receiveTimeNs when it arrived, epoch nanoseconds.
     */
    public void onMessage(final byte[] utf8, final int offset, final int length, final long receiveTimeNs)
    {
        counters.messages++;
        if (length > context.maxMessageBytes())
        {
            oversized(length);
            return;
        }
        dispatch(parser.parse(utf8, offset, length), receiveTimeNs);
    }

    /**
     * The connection dropped: nothing more can be trusted. The book goes STALE (receivers see the gap) and stays so
     * until the transport has reconnected, subscribed and the snapshot arrived; no resubscribe is asked for, the
     * reconnect subscribes anyway.
     *
     * @param timeNs when the loss was noticed.
     */
    public void onConnectionLost(final long timeNs)
    {
        goStale(timeNs, "connection lost");
        resubscribePending = true;
        subscribedChannelId = -1;
    }

    /**
     * The transport discarded a message longer than the bound before it got here: counted as oversized and malformed
     * like one handed in whole, and a LIVE book can no longer be trusted (it may have been one of its updates).
     *
     * @param timeNs when the loss was noticed.
     */
    public void onDiscardedMessage(final long timeNs)
    {
        counters.messages++;
        counters.oversized++;
        counters.malformed++;
        lastProblem = "a message over the maximum of " + context.maxMessageBytes() + " bytes, discarded by the transport";
        distrust(timeNs, false);
    }

    private void oversized(final int length)
    {
        counters.oversized++;
        counters.malformed++;
        lastProblem = "message of " + length + " characters, more than the maximum of " + context.maxMessageBytes();
        distrust(0, false);
    }

    private void dispatch(final KrakenMessageKind kind, final long receiveTimeNs)
    {
        switch (kind)
        {
            case BOOK_UPDATE:
                onUpdate(receiveTimeNs);
                break;
            case BOOK_SNAPSHOT:
                onSnapshot(receiveTimeNs);
                break;
            case HEARTBEAT:
                counters.heartbeats++;
                break;
            case SUBSCRIPTION_STATUS:
                onSubscriptionStatus();
                break;
            case NOT_OUR_CHANNEL:
                counters.notOurChannel++;
                break;
            case MALFORMED:
                counters.malformed++;
                lastProblem = parser.reason();
                distrust(receiveTimeNs, parser.sawSnapshotKeys());
                break;
            case SYSTEM_STATUS:
            case PONG:
            case OTHER_EVENT:
            default:
                break;
        }
    }

    private void onSubscriptionStatus()
    {
        if ("subscribed".equals(parser.status))
        {
            subscribedChannelId = parser.channelId;
        }
        else if ("error".equals(parser.status))
        {
            counters.subscriptionErrors++;
            lastProblem = "subscription error: " + parser.errorMessage;
        }
    }

    private void onSnapshot(final long receiveTimeNs)
    {
        final KrakenBookLevels levels = parser.levels;
        if (KrakenBookContext.DERIVE_FROM_SNAPSHOT == priceDecimals || KrakenBookContext.DERIVE_FROM_SNAPSHOT == lotDecimals)
        {
            deriveDecimals(levels);
        }
        if (!toGrid(levels, true))
        {
            counters.malformed++;
            distrust(receiveTimeNs, true);
            return;
        }
        bids.clear();
        asks.clear();
        long exchangeTimeNs = 0;
        for (int i = 0; i < levels.count; i++)
        {
            final KrakenBookSide side = levels.isBid[i] ? bids : asks;
            final int outcome = side.apply(gridPrice[i], gridVolume[i], levels.priceDigits[i], levels.volumeDigits[i]);
            if (KrakenBookSide.CHANGED == outcome)
            {
                counters.malformed++;
                lastProblem = "a snapshot lists one price twice";
                distrust(receiveTimeNs, true);
                bids.clear();
                asks.clear();
                return;
            }
            countTruncation(side, outcome);
            exchangeTimeNs = Math.max(exchangeTimeNs, levels.timeNs[i]);
        }
        if (!encoder.definitionSent())
        {
            encoder.definition(context.pair(), priceDecimals, lotDecimals, receiveTimeNs);
        }
        if (BookState.STALE == state)
        {
            counters.resyncs++;
        }
        state = BookState.LIVE;
        resubscribePending = false;
        counters.snapshots++;
        encoder.snapshot(bids, asks, ++sequence, exchangeTimeNs, receiveTimeNs);
        checkCrossed();
    }

    private void onUpdate(final long receiveTimeNs)
    {
        counters.updates++;
        if (BookState.LIVE != state)
        {
            counters.ignoredWhileNotLive++;
            return;
        }
        final KrakenBookLevels levels = parser.levels;
        if (!parser.hasChecksum)
        {
            counters.malformed++;
            lastProblem = "an update without its checksum 'c'";
            distrust(receiveTimeNs, false);
            return;
        }
        if (!toGrid(levels, false))
        {
            counters.malformed++;
            distrust(receiveTimeNs, false);
            return;
        }
        encoder.beginUpdate();
        long exchangeTimeNs = 0;
        for (int i = 0; i < levels.count; i++)
        {
            final boolean isBid = levels.isBid[i];
            final KrakenBookSide side = isBid ? bids : asks;
            final long price = gridPrice[i];
            final long volume = gridVolume[i];
            final int outcome = side.apply(price, volume, levels.priceDigits[i], levels.volumeDigits[i]);
            switch (outcome)
            {
                case KrakenBookSide.INSERTED:
                    encoder.addLevel(isBid, L2Action.NEW, price, volume);
                    if (KrakenBookSide.NO_PRICE != side.truncatedPrice())
                    {
                        encoder.addLevel(isBid, L2Action.DELETE, side.truncatedPrice(), 0);
                    }
                    break;
                case KrakenBookSide.CHANGED:
                    encoder.addLevel(isBid, L2Action.CHANGE, price, volume);
                    break;
                case KrakenBookSide.DELETED:
                    encoder.addLevel(isBid, L2Action.DELETE, price, 0);
                    break;
                default:
                    break;
            }
            countTruncation(side, outcome);
            if (levels.republished[i])
            {
                counters.republishedLevels++;
            }
            exchangeTimeNs = Math.max(exchangeTimeNs, levels.timeNs[i]);
        }
        lastComputedChecksum = checksum.compute(asks, bids);
        final long previous = sequence;
        if (lastComputedChecksum != parser.checksum)
        {
            counters.checksumsFailed++;
            lastProblem = "checksum mismatch";
            goStale(receiveTimeNs, null);
            requestResubscribe(false);
            return;
        }
        counters.checksumsOk++;
        encoder.publishUpdate(++sequence, previous, exchangeTimeNs, receiveTimeNs);
        checkCrossed();
    }

    private void countTruncation(final KrakenBookSide side, final int outcome)
    {
        if (KrakenBookSide.INSERTED == outcome && KrakenBookSide.NO_PRICE != side.truncatedPrice())
        {
            counters.truncatedLevels++;
        }
        else if (KrakenBookSide.DELETE_OF_ABSENT_LEVEL == outcome)
        {
            counters.deletesOfAbsentLevels++;
        }
        else if (KrakenBookSide.BEYOND_DEPTH == outcome)
        {
            counters.levelsBeyondDepth++;
        }
    }

    /**
     * Puts every level on the grids; a value off the grid, too large, or (in a snapshot) a volume of 0 fails.
     */
    private boolean toGrid(final KrakenBookLevels levels, final boolean isSnapshot)
    {
        for (int i = 0; i < levels.count; i++)
        {
            final long price = onGrid(levels.priceDigits[i], levels.priceScale[i], priceDecimals);
            final long volume = onGrid(levels.volumeDigits[i], levels.volumeScale[i], lotDecimals);
            if (price < 0 || volume < 0)
            {
                lastProblem = "a price or volume off the configured decimals, or too large";
                return false;
            }
            if (isSnapshot && 0 == volume)
            {
                lastProblem = "a snapshot level with volume 0";
                return false;
            }
            gridPrice[i] = price;
            gridVolume[i] = volume;
        }
        return true;
    }

    private long onGrid(final long digits, final int scale, final int decimals)
    {
        decimal.set(digits, scale);
        return decimal.onGrid(decimals);
    }

    /**
     * Grids not configured are taken from the first snapshot: the most fraction digits any of its prices (volumes)
     * has. Kraken v1 prints every price of a pair with the same number of decimals, so this is the pair's grid.
     */
    private void deriveDecimals(final KrakenBookLevels levels)
    {
        int maxPriceScale = 0;
        int maxVolumeScale = 0;
        for (int i = 0; i < levels.count; i++)
        {
            maxPriceScale = Math.max(maxPriceScale, levels.priceScale[i]);
            maxVolumeScale = Math.max(maxVolumeScale, levels.volumeScale[i]);
        }
        if (KrakenBookContext.DERIVE_FROM_SNAPSHOT == priceDecimals)
        {
            priceDecimals = maxPriceScale;
        }
        if (KrakenBookContext.DERIVE_FROM_SNAPSHOT == lotDecimals)
        {
            lotDecimals = maxVolumeScale;
        }
    }

    private void checkCrossed()
    {
        if (bids.size() > 0 && asks.size() > 0 && bids.price(0) >= asks.price(0))
        {
            counters.crossed++;
        }
    }

    /**
     * Something unreadable arrived: a LIVE book can no longer be trusted (the unreadable message is the withheld one).
     * A broken snapshot asks for a new one even while a resubscribe is already pending (that request's snapshot was
     * the broken one).
     */
    private void distrust(final long timeNs, final boolean brokenSnapshot)
    {
        if (BookState.LIVE == state)
        {
            goStale(timeNs, null);
            requestResubscribe(brokenSnapshot);
        }
        else if (brokenSnapshot)
        {
            requestResubscribe(true);
        }
    }

    /**
     * LIVE to STALE: the message that broke trust takes the next sequence number and is withheld; an empty L2Update
     * whose previous sequence is that withheld number tells receivers about the gap.
     */
    private void goStale(final long timeNs, final String problem)
    {
        if (null != problem)
        {
            lastProblem = problem;
        }
        if (BookState.LIVE == state)
        {
            state = BookState.STALE;
            final long withheld = ++sequence;
            encoder.beginUpdate();
            encoder.publishUpdate(++sequence, withheld, 0, timeNs);
        }
    }

    private void requestResubscribe(final boolean evenIfPending)
    {
        if (!resubscribePending || evenIfPending)
        {
            resubscribePending = true;
            counters.resubscribeRequests++;
            resubscriber.resubscribe();
        }
    }

    /**
     * @return EMPTY before the first snapshot, LIVE while every update checked out, STALE until the next snapshot.
     */
    public BookState state()
    {
        return state;
    }

    /**
     * @return the tallies.
     */
    public KrakenBookCounters counters()
    {
        return counters;
    }

    /**
     * @return why the book last lost trust or the last malformed message, or null.
     */
    public String lastProblem()
    {
        return lastProblem;
    }

    /**
     * @return price decimals in use (configured or derived from the first snapshot; -1 before it if derived).
     */
    public int priceDecimals()
    {
        return priceDecimals;
    }

    /**
     * @return lot decimals in use (configured or derived from the first snapshot; -1 before it if derived).
     */
    public int lotDecimals()
    {
        return lotDecimals;
    }

    /**
     * @return channel id Kraken gave the subscription, or -1 before its subscriptionStatus.
     */
    public long channelId()
    {
        return subscribedChannelId;
    }

    /**
     * @return the checksum this book computed after the last update applied.
     */
    public long lastComputedChecksum()
    {
        return lastComputedChecksum;
    }

    /**
     * @return the sequence number of the last frame published or withheld.
     */
    public long sequence()
    {
        return sequence;
    }

    KrakenBookSide bids()
    {
        return bids;
    }

    KrakenBookSide asks()
    {
        return asks;
    }
}
