package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.ticklane.perf.soak.SampleBuilder.MIB;
import static io.ticklane.perf.soak.SampleBuilder.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakMinutesTest
{
    @Test
    void eachMinuteIsWhatHappenedBetweenTheLastReadingsOfTwoMinutes()
    {
        final List<SoakSample> samples = List.of(
            at(0, -30).updates(0).build(),                                                 // warm-up starts
            at(0, 0).updates(3_000_000).flow(1_000_000, 1_000, 4_000_000).gc(2, 40).build(), // warm-up ends
            at(1, 30).updates(6_000_000).peaks(5, 1, 3, 900).build(),
            at(1, 60).updates(9_000_000).flow(2_300_000, 2_300, 8_500_000).gc(2, 40).peaks(2, 4, 1, 100)
                .allocated(0, 4 * MIB).rss(810 * MIB).cpu(54_000_000_000L).build(),
            at(2, 120).updates(15_000_000).flow(3_500_000, 3_500, 13_000_000).gc(3, 52).peaks(1, 1, 1, 10)
                .allocated(1_000, 8 * MIB).build());

        final List<SoakMinute> minutes = SoakMinutes.of(samples);

        assertEquals(2, minutes.size());
        final SoakMinute first = minutes.get(0);
        assertEquals(1, first.minute());
        assertEquals(60.0, first.seconds(), 1e-9);
        assertEquals(6_000_000, first.flow().updatesSent());
        assertEquals(100_000.0, first.perSecond(first.flow().updatesSent()), 1e-9);
        assertEquals(1_300_000, first.flow().ordersSent());
        assertEquals(1_300, first.flow().fills());
        assertEquals(4_500_000, first.flow().journalRecords());
        assertEquals(new GcTally(0, 0), first.jvm().gc(), "warm-up's collections are not the first minute's");
        assertEquals(new SoakSample.Peaks(5, 4, 3, 900), first.peaks(), "the larger of each over the minute");
        assertEquals(810 * MIB, first.memory().rss(), "levels at the minute's end");
        assertEquals(90.0, first.cpuPercent(), 1e-9);
        final SoakMinute second = minutes.get(1);
        assertEquals(new GcTally(1, 12), second.jvm().gc());
        assertEquals(1_000, second.jvm().daemonAllocated());
        assertEquals(4 * MIB, second.jvm().allAllocated());
        assertEquals(new SoakSample.Peaks(1, 1, 1, 10), second.peaks());
    }

    @Test
    void aShortLastMinuteHasItsOwnLengthAndIsNotFull()
    {
        final List<SoakMinute> minutes = SoakMinutes.of(List.of(
            at(0, 0).build(), at(1, 60).updates(60).build(), at(2, 70).updates(100).build()));

        assertEquals(10.0, minutes.get(1).seconds(), 1e-9);
        assertEquals(4.0, minutes.get(1).perSecond(minutes.get(1).flow().updatesSent()), 1e-9);
        assertTrue(minutes.get(0).full());
        assertTrue(!minutes.get(1).full());
    }

    @Test
    void updatesNotReceivedAtAMinutesEndAreSentLessReceived()
    {
        final SampleBuilder end = at(1, 60).updates(6_000_000);
        end.marketData = 5_999_600;

        final SoakMinute minute = SoakMinutes.of(List.of(at(0, 0).build(), end.build())).get(0);

        assertEquals(400, minute.notReceivedAtEnd());
    }

    @Test
    void readingsMustStartAtTheEndOfWarmUpAndGoForward()
    {
        assertThrows(IllegalArgumentException.class, () -> SoakMinutes.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SoakMinutes.of(List.of(at(1, 60).build())));
        assertThrows(IllegalArgumentException.class, () -> SoakMinutes.of(List.of(
            at(0, 0).build(), at(2, 120).build(), at(1, 130).build())));
    }

    @Test
    void aLevelsSlopeIsPerMinuteOverTheMeasuredReadingsOnly()
    {
        final List<SoakSample> samples = List.of(
            at(0, -60).rss(100 * MIB).build(),       // warm-up: left out
            at(0, 0).rss(500 * MIB).build(),
            at(1, 30).rss(501 * MIB).build(),
            at(1, 60).rss(502 * MIB).build(),
            at(2, 90).rss(503 * MIB).build(),
            at(2, 120).rss(504 * MIB).build());

        assertEquals(2.0 * MIB, SoakMinutes.slopePerMinute(samples, (s) -> s.memory().rss()), 1e-3);
        assertEquals(0.0, SoakMinutes.slopePerMinute(samples, (s) -> s.memory().direct()), 1e-9);
        assertTrue(Double.isNaN(SoakMinutes.slopePerMinute(samples.subList(0, 2), (s) -> s.memory().rss())),
            "one measured reading has no slope");
        assertTrue(Double.isNaN(SoakMinutes.slopePerMinute(samples, (s) -> -1L)), "not available is not zero");
    }

    @Test
    void aRatesSpreadIsOverTheFullMinutes()
    {
        final List<SoakMinute> minutes = SoakMinutes.of(List.of(at(0, 0).build(),
            at(1, 60).updates(6_000).build(), at(2, 120).updates(12_600).build(), at(3, 130).updates(13_100).build()));

        final SoakMinutes.Spread spread = SoakMinutes.spread(minutes, SoakSample.Flow::updatesSent);

        assertEquals(100.0, spread.minPerSecond(), 1e-9);
        assertEquals(110.0, spread.maxPerSecond(), 1e-9);
        assertEquals(105.0, spread.meanPerSecond(), 1e-9);
        assertEquals(100.0 * 10 / 105, spread.spreadPercent(), 1e-9);
        assertNull(SoakMinutes.spread(List.of(), SoakSample.Flow::updatesSent));
    }
}
