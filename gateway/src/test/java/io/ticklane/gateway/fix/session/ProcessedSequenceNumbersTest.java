package io.ticklane.gateway.fix.session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessedSequenceNumbersTest
{
    @TempDir
    Path dir;

    private Path file;
    private ProcessedSequenceNumbers processed;

    @BeforeEach
    void open()
    {
        file = dir.resolve("processed-seqnums.dat");
        processed = ProcessedSequenceNumbers.open(file);
        processed.sequenceIndex(0);
    }

    @AfterEach
    void close()
    {
        processed.close();
    }

    @Test
    void aGapResentAfterAHigherNumberIsNotTakenForDuplicates()
    {
        for (int n = 1; n <= 5; n++)
        {
            processed.add(n);
        }
        processed.add(9); // the venue's ResendRequest, numbered after the gap 6..8
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
    void numbersOutsideTheWindowAndAfterASequenceResetAreNotKnown()
    {
        processed.add(3);
        processed.add(3 + ProcessedSequenceNumbers.WINDOW); // same slot, one window later: the old mark is gone
        assertFalse(processed.contains(3));
        assertTrue(processed.contains(3 + ProcessedSequenceNumbers.WINDOW));
        processed.sequenceIndex(0);
        assertTrue(processed.contains(3 + ProcessedSequenceNumbers.WINDOW), "the same sequence index keeps them");
        processed.sequenceIndex(1);
        assertFalse(processed.contains(3 + ProcessedSequenceNumbers.WINDOW), "a new sequence index forgets them");
        assertFalse(processed.contains(0));
    }

    @Test
    void theNumbersOutliveTheProcessThatProcessedThem()
    {
        processed.add(1);
        processed.add(2);
        processed.add(4);
        processed.close(); // as a kill -9 leaves it: the mapped writes are in the file

        processed = ProcessedSequenceNumbers.open(file);
        assertEquals(0, processed.sequenceIndex());
        assertTrue(processed.contains(1));
        assertTrue(processed.contains(2));
        assertFalse(processed.contains(3), "never processed: a resend of it is new");
        assertTrue(processed.contains(4));
    }

    @Test
    void aFileThatIsNotOneOfOursIsRefusedNamingIt() throws IOException
    {
        processed.close();
        Files.write(file, new byte[ProcessedSequenceNumbers.FILE_LENGTH]); // right length, no magic
        final IllegalStateException notOurs = assertThrows(IllegalStateException.class,
            () -> ProcessedSequenceNumbers.open(file));
        assertTrue(notOurs.getMessage().contains(file.toString()), notOurs.getMessage());

        Files.write(file, new byte[100]);
        final IllegalStateException wrongLength = assertThrows(IllegalStateException.class,
            () -> ProcessedSequenceNumbers.open(file));
        assertTrue(wrongLength.getMessage().contains("100 bytes"), wrongLength.getMessage());

        Files.delete(file);
        processed = ProcessedSequenceNumbers.open(file); // deleted: afresh
        assertEquals(ProcessedSequenceNumbers.NO_SEQUENCE_INDEX, processed.sequenceIndex());
        assertFalse(processed.contains(1));
    }
}
