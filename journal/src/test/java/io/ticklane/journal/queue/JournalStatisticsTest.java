package io.ticklane.journal.queue;

import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JournalStatisticsTest
{
    private static final int MARKET_DATA = 1001;
    private static final int OTHER_MARKET_DATA = 1005;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final JournalStatistics statistics = new JournalStatistics();

    @Test
    void anUpdateThatDoesNotFollowTheLastSequenceIsAGapOfItsStream()
    {
        // given a snapshot at 10, updates 11 and 12 in order, then 14 after 13 went missing
        snapshot(MARKET_DATA, 1_000, 10);
        update(MARKET_DATA, 2_000, 10, 11);
        update(MARKET_DATA, 3_000, 11, 12);
        update(MARKET_DATA, 4_000, 13, 14);
        // and another stream in order
        snapshot(OTHER_MARKET_DATA, 5_000, 100);
        update(OTHER_MARKET_DATA, 6_000, 100, 101);

        // then
        assertEquals(1, statistics.gaps());
        assertEquals(Map.of(MARKET_DATA, 1L, OTHER_MARKET_DATA, 0L), statistics.gapsByStream());
        assertEquals(6, statistics.records());
        assertEquals(1_000, statistics.firstReceiveNs());
        assertEquals(6_000, statistics.lastReceiveNs());
    }

    @Test
    void theFirstUpdateOfAStreamStartsItsSequenceWithoutASnapshot()
    {
        update(MARKET_DATA, 1_000, 5, 6);
        update(MARKET_DATA, 2_000, 8, 9);

        assertEquals(1, statistics.gaps(), "the first update sets the sequence, the second does not follow it");
    }

    @Test
    void recordsAreCountedPerDirectionAndTypeInTemplateOrderWithTemplatesBeyondTheTableLast()
    {
        // given
        update(MARKET_DATA, 1, 0, 1);
        snapshot(MARKET_DATA, 2, 1);
        update(MARKET_DATA, 3, 1, 2);
        new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, header);
        statistics.onRecord(Direction.OUT, 2, 4, buffer, 0, 64);
        header.wrap(buffer, 0).templateId(63);
        statistics.onRecord(Direction.OUT, 2, 5, buffer, 0, 64);
        header.wrap(buffer, 0).templateId(200);
        statistics.onRecord(Direction.OUT, 2, 6, buffer, 0, 64);

        // then
        assertEquals(Map.of("L2Snapshot", 1L, "L2Update", 2L), statistics.countsByType(Direction.IN));
        assertEquals("L2Snapshot,L2Update", String.join(",", statistics.countsByType(Direction.IN).keySet()));
        assertEquals("{NewOrder=1, template-63=1, other=1}", statistics.countsByType(Direction.OUT).toString());
    }

    private void snapshot(final int stream, final long timeNs, final long sequence)
    {
        new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header).receiveTimeNs(timeNs).sequence(sequence);
        statistics.onRecord(Direction.IN, stream, timeNs, buffer, 0, 128);
    }

    private void update(final int stream, final long timeNs, final long prevSequence, final long sequence)
    {
        new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header).receiveTimeNs(timeNs)
            .prevSequence(prevSequence).sequence(sequence);
        statistics.onRecord(Direction.IN, stream, timeNs, buffer, 0, 128);
    }
}
