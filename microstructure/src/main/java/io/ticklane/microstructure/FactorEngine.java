package io.ticklane.microstructure;

import io.ticklane.clock.PipelineStage;
import io.ticklane.clock.StageStamps;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.L3OrderEventDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.TradeDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives a book and a set of factors from one SBE market data stream: each frame is applied to the book, then every
 * factor sees the event and the {@link FactorSnapshot} is refreshed. Frames that do not concern the book or trades
 * (top of book, status) are passed over. Nothing is allocated per event.
 * <p>
 * Factors are called only while the book is LIVE: on a stale or empty book there is nothing true to compute from;
 * events in that state are counted in {@link #eventsWhileNotLive()}.
 */
public final class FactorEngine implements MessageHandler
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final L3OrderEventDecoder orderEvent = new L3OrderEventDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L2SnapshotDecoder snapshotHeader = new L2SnapshotDecoder();
    private final TradeDecoder trade = new TradeDecoder();
    private final MarketEvent event = new MarketEvent();
    private final OrderBook book;
    private final BookFeed bookFeed;
    private final boolean appliesBook;
    private final Factor[] factors;
    private final FactorSnapshot snapshot;
    private long eventsWhileNotLive;
    private MarketEventListener listener = (event) -> {};
    private StageStamps stages = StageStamps.NONE;
    private long lastTimeNs = Long.MIN_VALUE;
    private long timeRegressions;

    /**
     * An engine that applies the stream's book messages to the book, then updates the factors.
     *
     * @param book    the book the stream's book messages are applied to.
     * @param factors factors to update, in snapshot order.
     */
    public FactorEngine(final OrderBook book, final List<Factor> factors)
    {
        this(book, factors, true);
    }

    /**
     * An engine for a book someone else applies messages to (a replay driver that also seeds or verifies the
     * book): each frame must reach this engine after it was applied.
     *
     * @param book    the book, kept up to date by the caller.
     * @param factors factors to update, in snapshot order.
     * @return the engine.
     */
    public static FactorEngine observing(final OrderBook book, final List<Factor> factors)
    {
        return new FactorEngine(book, factors, false);
    }

    private FactorEngine(final OrderBook book, final List<Factor> factors, final boolean appliesBook)
    {
        this.book = book;
        this.appliesBook = appliesBook;
        this.bookFeed = new BookFeed(book);
        this.factors = factors.toArray(new Factor[0]);
        final List<String> ids = new ArrayList<>(factors.size());
        for (final Factor factor : factors)
        {
            if (ids.contains(factor.id()))
            {
                throw new IllegalArgumentException("factor '" + factor.id() + "' configured twice");
            }
            ids.add(factor.id());
        }
        this.snapshot = new FactorSnapshot(ids);
    }

    /**
     * @param stages told when the book has applied an event and when the factors have seen it (latency profiling);
     *               {@link StageStamps#NONE} by default.
     * @return this.
     */
    public FactorEngine stageStamps(final StageStamps stages)
    {
        this.stages = stages;
        return this;
    }

    /**
     * @param listener told of every event after the factors (e.g. an offline fitter).
     * @return this.
     */
    public FactorEngine listener(final MarketEventListener listener)
    {
        this.listener = listener;
        return this;
    }

    /**
     * @return the values after the latest event.
     */
    public FactorSnapshot snapshot()
    {
        return snapshot;
    }

    /**
     * @return the book.
     */
    public OrderBook book()
    {
        return book;
    }

    /**
     * @return events whose receive time was earlier than the previous event's, and were given the previous time.
     */
    public long timeRegressions()
    {
        return timeRegressions;
    }

    /**
     * @return events not given to factors because the book was not LIVE.
     */
    public long eventsWhileNotLive()
    {
        return eventsWhileNotLive;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        header.wrap(buffer, index);
        final int templateId = header.templateId();
        switch (templateId)
        {
            case L3OrderEventDecoder.TEMPLATE_ID:
            {
                applyToBook(templateId, buffer, index, length);
                orderEvent.wrapAndApplyHeader(buffer, index, header);
                event.book(orderEvent.receiveTimeNs(), orderEvent.sequence(), book)
                    .orderEvent(orderEvent.eventType(), orderEvent.side(), orderEvent.price(), orderEvent.quantity());
                dispatch();
                break;
            }
            case L2UpdateDecoder.TEMPLATE_ID:
            {
                applyToBook(templateId, buffer, index, length);
                update.wrapAndApplyHeader(buffer, index, header);
                event.book(update.receiveTimeNs(), update.sequence(), book);
                dispatch();
                break;
            }
            case L2SnapshotDecoder.TEMPLATE_ID:
            {
                applyToBook(templateId, buffer, index, length);
                snapshotHeader.wrapAndApplyHeader(buffer, index, header);
                event.book(snapshotHeader.receiveTimeNs(), snapshotHeader.sequence(), book);
                dispatch();
                break;
            }
            case TradeDecoder.TEMPLATE_ID:
            {
                trade.wrapAndApplyHeader(buffer, index, header);
                event.trade(
                    trade.receiveTimeNs(),
                    trade.sequence(),
                    book,
                    (double)trade.priceUnits() / event.tickSizeUnits,
                    trade.quantity(),
                    aggressor(trade.aggressorSide()),
                    trade.tradeType());
                dispatch();
                break;
            }
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            {
                definition.wrapAndApplyHeader(buffer, index, header);
                if (definition.instrumentId() == book.instrumentId())
                {
                    event.tickSizeUnits(definition.tickSize());
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * Updates every factor with an event the caller has set up (for drivers that apply the book themselves).
     *
     * @param marketEvent the event.
     */
    public void onEvent(final MarketEvent marketEvent)
    {
        if (BookState.LIVE != marketEvent.book().state())
        {
            eventsWhileNotLive++;
            return;
        }

        if (marketEvent.timeNs() < lastTimeNs)
        {
            // e.g. a depth update buffered before the snapshot it follows: time must not run backwards for factors.
            marketEvent.timeNs = lastTimeNs;
            timeRegressions++;
        }
        lastTimeNs = marketEvent.timeNs();

        final Factor[] factors = this.factors;
        final long timeNs = marketEvent.timeNs();
        for (int i = 0; i < factors.length; i++)
        {
            factors[i].onEvent(marketEvent);
            snapshot.update(i, factors[i].value(), timeNs);
        }
        snapshot.onEventApplied(timeNs);
        listener.onEvent(marketEvent);
    }

    private void applyToBook(final int templateId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (appliesBook)
        {
            bookFeed.onMessage(templateId, buffer, index, length);
        }
        stages.stamp(PipelineStage.BOOK_APPLIED);
    }

    private void dispatch()
    {
        onEvent(event);
        stages.stamp(PipelineStage.FACTORS_UPDATED);
    }

    private static int aggressor(final AggressorSide side)
    {
        switch (side)
        {
            case BUY:
                return 1;
            case SELL:
                return -1;
            default:
                return 0;
        }
    }
}
