package io.ticklane.journal.queue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link JournalReader#follow}: a reader beside a writer that is still appending (the cockpit's recent fills) sees each
 * record once, in order, as it is appended, and is done only at the trailer; a reader that opens the same journal
 * without following still refuses it as incomplete until then.
 */
class JournalFollowTest
{
    @TempDir
    Path tmp;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[16]);

    @Test
    void followerSeesRecordsAsTheyAreAppendedAndEndsAtTheTrailer() throws IOException
    {
        final Path dir = tmp.resolve("live");
        final List<Long> seen = new ArrayList<>();
        final JournalRecordHandler handler = (direction, stream, receiveTimeNs, buffer, offset, length) -> seen.add(receiveTimeNs);
        try (JournalWriter writer = JournalWriter.create(dir, JournalRoundTripTest.HEADER))
        {
            writer.append(Direction.IN, 1001, 1, frame, 0, 16);
            writer.append(Direction.OUT, 1002, 2, frame, 0, 16);
            try (JournalReader follower = JournalReader.follow(dir))
            {
                assertFalse(follower.isComplete());
                assertEquals(2, follower.poll(handler, 100));
                assertEquals(0, follower.poll(handler, 100), "nothing new yet");
                assertFalse(follower.isDone(), "a follower waits for more");

                writer.append(Direction.IN, 1001, 3, frame, 0, 16);
                assertEquals(1, follower.poll(handler, 100));
                writer.append(Direction.IN, 1001, 4, frame, 0, 16);
                writer.append(Direction.IN, 1001, 5, frame, 0, 16);
                assertEquals(1, follower.poll(handler, 1), "the limit holds");
                assertEquals(1, follower.poll(handler, 100));

                writer.close(); // the trailer
                assertEquals(0, follower.poll(handler, 100));
                assertTrue(follower.isDone(), "the trailer ends it");
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
    }
}
