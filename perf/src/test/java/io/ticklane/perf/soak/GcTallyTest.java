package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcTallyTest
{
    @Test
    void g1BeansCountCollectionsAndTheirTimeIsPause()
    {
        final GcTally tally = GcTally.NONE.plus("G1 Young Generation", 7, 120).plus("G1 Old Generation", 1, 900);

        assertEquals(new GcTally(8, 1_020), tally);
    }

    @Test
    void zgcCyclesCountCollectionsAndItsPausesBeanTimesThePauses()
    {
        final GcTally tally = GcTally.NONE.plus("ZGC Cycles", 3, 4_500).plus("ZGC Pauses", 9, 2);

        assertEquals(new GcTally(3, 2), tally);
    }

    @Test
    void concurrentWorkIsNotPauseAndUnavailableFiguresAreLeftOut()
    {
        final GcTally tally = GcTally.NONE.plus("G1 Concurrent GC", 2, 300).plus("Copy", -1, -1);

        assertEquals(new GcTally(2, 0), tally);
    }

    @Test
    void theDifferenceOfTwoTalliesIsWhatHappenedBetween()
    {
        assertEquals(new GcTally(2, 30), new GcTally(5, 100).minus(new GcTally(3, 70)));
    }

    @Test
    void thisJvmsCollectorsGiveATally()
    {
        final GcTally tally = GcTally.of(ManagementFactory.getGarbageCollectorMXBeans());

        assertTrue(tally.collections() >= 0 && tally.pauseMs() >= 0, tally.toString());
    }
}
