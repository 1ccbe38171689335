package io.ticklane.microstructure.toxicity;

import io.ticklane.microstructure.Factor;
import io.ticklane.microstructure.MarketEvent;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.TradeType;

/**
 * Feeds trades to factors directly, as the engine would, reusing one event and one book.
 */
final class Trades
{
    private final MarketEvent event = new MarketEvent();
    private final L2Book book = new L2Book(1, 64);
    private long sequence;

    void trade(final Factor factor, final double priceTicks, final long quantity)
    {
        trade(factor, priceTicks, quantity, 0);
    }

    void trade(final Factor factor, final double priceTicks, final long quantity, final int aggressor)
    {
        sequence++;
        factor.onEvent(event.trade(sequence * 1_000, sequence, book, priceTicks, quantity, aggressor, TradeType.REGULAR));
    }

    void bookChange(final Factor factor)
    {
        sequence++;
        factor.onEvent(event.book(sequence * 1_000, sequence, book));
    }
}
