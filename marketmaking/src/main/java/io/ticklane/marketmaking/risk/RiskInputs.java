package io.ticklane.marketmaking.risk;

import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.PriceLadder;

/**
 * The facts the risk gate decides from, as the caller last reported them: position, working orders, the market's
 * reference and touch, when market data and the venue were last heard, whether the venue session is down (or back
 * but not yet reconciled), PnL and its peak, and the breaches that follow from them against the limits. Only records;
 * deciding the mode is {@link ModeControl}'s.
 */
final class RiskInputs
{
    static final long NO_TIME = Long.MIN_VALUE;

    private final long maxPosition;
    private final long maxDailyLoss;
    private final long maxDrawdown;

    long position;
    long workingBuy;
    long workingSell;
    int openOrders;
    long referencePrice = PriceLadder.NULL_PRICE;
    long bestBid = PriceLadder.NULL_PRICE;
    long bestAsk = PriceLadder.NULL_PRICE;
    long lastMarketDataNs = NO_TIME;
    long lastVenueNs = NO_TIME;
    long pnl;
    long peakPnl;

    boolean positionBreach;
    boolean lossBreach;
    boolean drawdownBreach;
    boolean bookStale;
    boolean venueDisconnected;

    RiskInputs(final long maxPosition, final long maxDailyLoss, final long maxDrawdown)
    {
        this.maxPosition = maxPosition;
        this.maxDailyLoss = maxDailyLoss;
        this.maxDrawdown = maxDrawdown;
    }

    void onMarketData(final long timeNs, final long referencePrice, final long bestBid, final long bestAsk)
    {
        if (NO_TIME == lastMarketDataNs || timeNs > lastMarketDataNs)
        {
            lastMarketDataNs = timeNs;
        }
        heardFromVenue(timeNs);
        this.referencePrice = referencePrice;
        this.bestBid = bestBid;
        this.bestAsk = bestAsk;
    }

    void onBookState(final BookState state)
    {
        bookStale = BookState.STALE == state;
    }

    void onPosition(final long position)
    {
        this.position = position;
        positionBreach = Math.abs(position) > maxPosition;
    }

    void onWorkingOrders(final long workingBuyQuantity, final long workingSellQuantity, final int openOrders)
    {
        this.workingBuy = workingBuyQuantity;
        this.workingSell = workingSellQuantity;
        this.openOrders = openOrders;
    }

    void onPnl(final long totalPnl)
    {
        pnl = totalPnl;
        peakPnl = Math.max(peakPnl, totalPnl);
        lossBreach = totalPnl < -maxDailyLoss;
        drawdownBreach = peakPnl - totalPnl > maxDrawdown;
    }

    void onNewTradingDay()
    {
        pnl = 0;
        peakPnl = 0;
        lossBreach = false;
        drawdownBreach = false;
    }

    void heardFromVenue(final long timeNs)
    {
        if (NO_TIME == lastVenueNs || timeNs > lastVenueNs)
        {
            lastVenueNs = timeNs;
        }
    }
}
