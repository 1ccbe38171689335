package io.ticklane.journal.reader.lobster;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads a LOBSTER orderbook file row by row: row {@code n} is the top-N book after message row {@code n}. It exists so
 * {@code ticklane book verify} can compare a rebuilt book against every row, and so a rebuild can seed or learn the
 * levels that enter the top-N window without a message announcing them.
 * <p>
 * Each row holds, for levels k = 1..N, {@code askPrice k, askSize k, bidPrice k, bidSize k}. N is taken from the first
 * row and enforced on every row. Levels are numbered from 1 (best) as in LOBSTER's documentation; prices are raw
 * LOBSTER price units (dollars x 10^4), sizes are shares. Empty levels are LOBSTER's placeholders
 * ({@link #EMPTY_ASK_PRICE} / {@link #EMPTY_BID_PRICE}, size 0): see {@link #hasAsk(int)} and {@link #hasBid(int)}.
 * Rows are read into a reused array, so {@link #next()} allocates nothing. Each row is validated (numbers, column count,
 * positive sizes at occupied levels, asks rising and bids falling with depth, placeholders only below occupied levels);
 * a bad row throws {@link io.ticklane.journal.reader.InputFormatException} naming the file and line.
 */
public final class LobsterBookReader implements AutoCloseable
{
    /** Ask price LOBSTER writes for an unoccupied level. */
    public static final long EMPTY_ASK_PRICE = 9_999_999_999L;
    /** Bid price LOBSTER writes for an unoccupied level. */
    public static final long EMPTY_BID_PRICE = -9_999_999_999L;

    private static final int COLUMNS_PER_LEVEL = 4;
    private static final int ASK_PRICE = 0;
    private static final int ASK_SIZE = 1;
    private static final int BID_PRICE = 2;
    private static final int BID_SIZE = 3;

    private final CsvRowReader rows;
    private long[] values;
    private int levels;
    private long rowCount;
    private boolean done;

    /**
     * Open an orderbook file (plain or gzip, detected from its first bytes).
     *
     * @param file LOBSTER orderbook file.
     */
    public LobsterBookReader(final Path file)
    {
        rows = CsvRowReader.open(file, LobsterBookReader::columnName);
    }

    /**
     * Read an orderbook file's bytes from a stream (tests and fuzzing feed bytes without writing a file).
     *
     * @param file    the file the bytes are, as errors name it.
     * @param content the file's bytes (plain or gzip); closed with the reader.
     */
    LobsterBookReader(final Path file, final InputStream content)
    {
        rows = CsvRowReader.read(file.toString(), LobsterBookReader::columnName, content);
    }

    /**
     * Advance to the next row.
     *
     * @return false at the end of the file.
     * @throws io.ticklane.journal.reader.InputFormatException on a malformed row or a file with no rows.
     */
    public boolean next()
    {
        if (done)
        {
            return false;
        }
        if (!rows.next())
        {
            done = true;
            if (0 == rowCount)
            {
                throw rows.fileError("no rows");
            }
            return false;
        }

        final int columns = rows.fieldCount();
        if (null == values)
        {
            if (0 != columns % COLUMNS_PER_LEVEL)
            {
                throw rows.error(columns + " columns is not a multiple of 4 (askPrice,askSize,bidPrice,bidSize per level)");
            }
            levels = columns / COLUMNS_PER_LEVEL;
            values = new long[columns];
        }
        else if (columns != values.length)
        {
            throw rows.error("expected " + values.length + " columns (" + levels + " levels, from line 1), found " + columns);
        }

        for (int i = 0; i < columns; i++)
        {
            values[i] = rows.longField(i);
        }
        validateSide(ASK_PRICE, ASK_SIZE, EMPTY_ASK_PRICE, "ask");
        validateSide(BID_PRICE, BID_SIZE, EMPTY_BID_PRICE, "bid");
        rowCount++;
        return true;
    }

    /**
     * @return 1-based number of the current row: the message row it follows. 0 before the first.
     */
    public long row()
    {
        return rowCount;
    }

    /**
     * @return N, the number of levels per side in every row; 0 before the first row.
     */
    public int levels()
    {
        return levels;
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return ask price in LOBSTER price units, {@link #EMPTY_ASK_PRICE} when the level is empty.
     */
    public long askPrice(final int level)
    {
        return values[index(level, ASK_PRICE)];
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return ask size in shares, 0 when the level is empty.
     */
    public long askSize(final int level)
    {
        return values[index(level, ASK_SIZE)];
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return bid price in LOBSTER price units, {@link #EMPTY_BID_PRICE} when the level is empty.
     */
    public long bidPrice(final int level)
    {
        return values[index(level, BID_PRICE)];
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return bid size in shares, 0 when the level is empty.
     */
    public long bidSize(final int level)
    {
        return values[index(level, BID_SIZE)];
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return true when the ask level is occupied, false for LOBSTER's empty-level placeholder.
     */
    public boolean hasAsk(final int level)
    {
        return EMPTY_ASK_PRICE != askPrice(level);
    }

    /**
     * @param level 1 (best) .. {@link #levels()}.
     * @return true when the bid level is occupied, false for LOBSTER's empty-level placeholder.
     */
    public boolean hasBid(final int level)
    {
        return EMPTY_BID_PRICE != bidPrice(level);
    }

    /**
     * @return the file being read, as named in error messages.
     */
    public String source()
    {
        return rows.source();
    }

    @Override
    public void close()
    {
        rows.close();
    }

    private int index(final int level, final int column)
    {
        if (level < 1 || level > levels)
        {
            throw new IndexOutOfBoundsException("level " + level + " outside 1.." + levels);
        }
        return (level - 1) * COLUMNS_PER_LEVEL + column;
    }

    private void validateSide(final int priceColumn, final int sizeColumn, final long emptyPrice, final String side)
    {
        final boolean ask = ASK_PRICE == priceColumn;
        boolean emptySeen = false;
        long previousPrice = 0;
        for (int level = 1; level <= levels; level++)
        {
            final int base = (level - 1) * COLUMNS_PER_LEVEL;
            final long price = values[base + priceColumn];
            final long size = values[base + sizeColumn];
            if (emptyPrice == price)
            {
                if (0 != size)
                {
                    throw rows.error(side + " level " + level + " is the empty placeholder but has size " + size);
                }
                emptySeen = true;
                continue;
            }
            if (emptySeen)
            {
                throw rows.error(side + " level " + level + " is occupied below an empty level");
            }
            if (price <= 0)
            {
                throw rows.error(side + " level " + level + " price " + price + " is not positive");
            }
            if (size <= 0)
            {
                throw rows.error(side + " level " + level + " size " + size + " is not positive at price " + price);
            }
            if (level > 1 && (ask ? price <= previousPrice : price >= previousPrice))
            {
                throw rows.error(side + " level " + level + " price " + price + " is not " + (ask ? "above" : "below") +
                    " level " + (level - 1) + " price " + previousPrice);
            }
            previousPrice = price;
        }
    }

    private static String columnName(final int column)
    {
        final int level = column / COLUMNS_PER_LEVEL + 1;
        switch (column % COLUMNS_PER_LEVEL)
        {
            case ASK_PRICE:
                return "askPrice" + level;
            case ASK_SIZE:
                return "askSize" + level;
            case BID_PRICE:
                return "bidPrice" + level;
            default:
                return "bidSize" + level;
        }
    }
}
