package io.ticklane.journal.queue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each source this build writes names its market, and a source it did not write names none.
 */
class JournalSourceTest
{
    @Test
    void eachSourceMadeHereNamesItsMarket()
    {
        assertEquals("binance-spot", JournalSource.market(JournalSource.binanceCapture("SPOT", " btcusdt_20240808.gz; ...")));
        assertEquals("binance-usdm_futures",
            JournalSource.market(JournalSource.binanceCapture("USDM_FUTURES", " btcusdt_20240718.gz; ...")));
        assertEquals("lobster", JournalSource.market(JournalSource.lobster("AAPL_..._message_10.csv orderbook ...")));
        assertEquals("ticklane-daemon", JournalSource.market(JournalSource.daemonRun("000001-20261207-101500")));
    }

    @Test
    void theTextIsTheOneImportsHaveAlwaysWritten()
    {
        // journals imported before this class existed carry the same text, so they name their market too
        assertEquals("Binance SPOT capture a.gz b.gz; how", JournalSource.binanceCapture("SPOT", " a.gz b.gz; how"));
        assertEquals("LOBSTER message m.csv orderbook o.csv", JournalSource.lobster("m.csv orderbook o.csv"));
        assertEquals("ticklane daemon run 000001-x", JournalSource.daemonRun("000001-x"));
    }

    @Test
    void aSourceNotMadeHereHasNoMarket()
    {
        assertEquals(JournalSource.UNKNOWN_MARKET, JournalSource.market("test"));
        assertEquals(JournalSource.UNKNOWN_MARKET, JournalSource.market("Binance capture"));
        assertEquals(JournalSource.UNKNOWN_MARKET, JournalSource.market(""));
    }
}
