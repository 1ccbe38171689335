package io.ticklane.journal.reader.binance;

/**
 * The kinds of capture line the reader understands; anything else is an error, never skipped.
 */
enum LineKind
{
    DEPTH_UPDATE, BOOK_TICKER, TRADE, SNAPSHOT
}
