package io.ticklane.backtest.verify;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.journal.reader.lobster.LobsterBookReader;
import io.ticklane.orderbook.OrderBook;
import io.ticklane.orderbook.PriceLadder;
import io.ticklane.sbe.Side;

/**
 * The one comparison of a book's top levels with a LOBSTER orderbook row, strict (nothing learned): used by
 * {@link LobsterVerification} after it has brought its book in line with the row, and by anything that replays a
 * LOBSTER journal and must show the book it rebuilt is the file's. Scratch arrays are reused, so a check allocates
 * only when it describes a difference.
 */
public final class LobsterRowCheck
{
    private final long tickSize;
    private final long[] prices;
    private final long[] quantities;

    /**
     * @param fileLevels levels per side of the orderbook file (N).
     * @param tickSize   tick size in LOBSTER price units.
     */
    public LobsterRowCheck(final int fileLevels, final long tickSize)
    {
        if (fileLevels < 1 || tickSize < 1)
        {
            throw new IllegalArgumentException("fileLevels and tickSize must be positive: " + fileLevels + ", " + tickSize);
        }
        this.tickSize = tickSize;
        this.prices = new long[fileLevels];
        this.quantities = new long[fileLevels];
    }

    /**
     * @param book   the rebuilt book.
     * @param rows   positioned on the row the book should match.
     * @param levels levels per side to compare, at most the file's.
     * @return null when both sides match level by level (price and size, empty levels included), else the first
     *         difference, bids first, prices in ticks.
     */
    public String difference(final OrderBook book, final LobsterBookReader rows, final int levels)
    {
        final String bid = difference(book.bids(), rows, Side.BUY, levels);
        return null != bid ? bid : difference(book.asks(), rows, Side.SELL, levels);
    }

    /**
     * @param rows  the orderbook file, for its name and line in an error.
     * @param price LOBSTER price units.
     * @return the price in ticks.
     * @throws InputFormatException if the price is off the tick.
     */
    public long ticks(final LobsterBookReader rows, final long price)
    {
        if (0 != price % tickSize)
        {
            throw new InputFormatException(rows.source(), rows.row(),
                "price " + price + " is not a multiple of the tick size " + tickSize);
        }
        return price / tickSize;
    }

    private String difference(final PriceLadder ladder, final LobsterBookReader rows, final Side side, final int levels)
    {
        final boolean isBid = Side.BUY == side;
        final int known = ladder.levels(prices, quantities, Math.min(levels, prices.length));
        for (int level = 1; level <= levels; level++)
        {
            final boolean rowHas = isBid ? rows.hasBid(level) : rows.hasAsk(level);
            final boolean bookHas = level <= known;
            if (!rowHas && !bookHas)
            {
                continue;
            }
            final String name = (isBid ? "bid" : "ask") + " level " + level + ": expected ";
            if (!rowHas)
            {
                return name + "empty, book has " + prices[level - 1] + "x" + quantities[level - 1];
            }
            final long rowPrice = ticks(rows, isBid ? rows.bidPrice(level) : rows.askPrice(level));
            final long rowSize = isBid ? rows.bidSize(level) : rows.askSize(level);
            if (!bookHas)
            {
                return name + rowPrice + "x" + rowSize + ", book has no level there";
            }
            if (rowPrice != prices[level - 1] || rowSize != quantities[level - 1])
            {
                return name + rowPrice + "x" + rowSize + ", book has " + prices[level - 1] + "x" + quantities[level - 1];
            }
        }
        return null;
    }
}
