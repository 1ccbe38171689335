package io.ticklane.gateway.fix.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessedSequenceNumbersTest
{
    private final ProcessedSequenceNumbers processed = new ProcessedSequenceNumbers();

    @Test
    void aGapResentAfterAHigherNumberIsNotTakenForDuplicates()
    {
        for (int n = 1; n <= 5; n++)
        {
            processed.add(n);
        }
        processed.add(9); // the venue's Logon, ahead of the gap 6..8
        assertFalse(processed.contains(6));
        assertFalse(processed.contains(7));
        assertFalse(processed.contains(8));
        assertTrue(processed.contains(5));
        assertTrue(processed.contains(9));
        processed.add(6);
        assertTrue(processed.contains(6), "resent once: a second copy is a duplicate");
        assertFalse(processed.contains(10), "not yet received");
    }

    @Test
    void numbersOutsideTheWindowAndAfterAResetAreNotKnown()
    {
        processed.add(3);
        processed.add(3 + ProcessedSequenceNumbers.WINDOW); // same slot, one window later: the old mark is gone
        assertFalse(processed.contains(3));
        assertTrue(processed.contains(3 + ProcessedSequenceNumbers.WINDOW));
        processed.clear();
        assertFalse(processed.contains(3 + ProcessedSequenceNumbers.WINDOW));
        assertFalse(processed.contains(0));
    }
}
