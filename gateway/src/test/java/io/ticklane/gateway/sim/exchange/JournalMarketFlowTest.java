package io.ticklane.gateway.sim.exchange;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.orderbook.BookFeed;
import io.ticklane.orderbook.BookState;
import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.HeartbeatEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays a journal written from a synthetic market, with records the flow must pass over between its frames: a
 * heartbeat, an outbound order and another instrument's frames.
 */
class JournalMarketFlowTest
{
    private static final long EPOCH_NS = 1_700_000_000_000_000_000L;
    private static final long FEED_DELAY_NS = 7_000;
    private static final int FRAMES = 5_000;

    @TempDir
    Path tmp;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final List<byte[]> recorded = new ArrayList<>();
    private final List<Long> receiveTimes = new ArrayList<>();
    private final List<Long> exchangeTimes = new ArrayList<>();

    @Test
    void replaysTheInstrumentsMarketDataAtItsReceiveTimesAndPassesOverTheRest() throws IOException
    {
        final Path dir = writeJournal();
        try (JournalMarketFlow flow = JournalMarketFlow.open(dir, 1, JournalMarketFlow.Pacing.RECEIVE, 100))
        {
            for (int i = 0; i < recorded.size(); i++)
            {
                assertEquals(receiveTimes.get(i) - receiveTimes.get(0), flow.nextTimeNs(), "time of frame " + i);
                final int length = flow.writeNext(buffer, 0);
                final byte[] frame = new byte[length];
                buffer.getBytes(0, frame);
                assertArrayEquals(recorded.get(i), frame, "frame " + i);
            }
            assertTrue(flow.exhausted());
            assertEquals(MarketFlow.END_OF_FLOW, flow.nextTimeNs());
            assertEquals(0, flow.writeNext(buffer, 0));
            assertEquals(recorded.size(), flow.framesWritten());
            assertEquals(3 * (FRAMES / 1_000), flow.recordsPassedOver(), "a heartbeat, an order, another instrument");
            assertEquals(BookState.LIVE, flow.book().state());
        }
    }

    @Test
    void exchangePacingUsesTheFramesOwnTimes() throws IOException
    {
        final Path dir = writeJournal();
        try (JournalMarketFlow flow = JournalMarketFlow.open(dir, 0, JournalMarketFlow.Pacing.EXCHANGE, 100))
        {
            assertEquals(1, flow.instrumentId(), "0 picks the journal's first instrument");
            for (int i = 0; i < recorded.size(); i++)
            {
                assertEquals(exchangeTimes.get(i) - exchangeTimes.get(0), flow.nextTimeNs(), "time of frame " + i);
                flow.writeNext(buffer, 0);
            }
        }
    }

    @Test
    void aLateJoinerSyncsFromTheDefinitionAndSnapshot() throws IOException
    {
        final Path dir = writeJournal();
        try (JournalMarketFlow flow = JournalMarketFlow.open(dir, 1, JournalMarketFlow.Pacing.RECEIVE, 100))
        {
            for (int i = 0; i < recorded.size() / 2; i++)
            {
                flow.writeNext(buffer, 0);
            }
            final L2Book late = new L2Book(1);
            final BookFeed feed = new BookFeed(late);
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            int length = flow.writeDefinition(buffer, 0);
            assertTrue(length > 0);
            length = flow.writeSnapshot(buffer, 0);
            assertTrue(length > 0 && length <= flow.maxFrameLength());
            header.wrap(buffer, 0);
            feed.onMessage(header.templateId(), buffer, 0, length);
            while (!flow.exhausted())
            {
                length = flow.writeNext(buffer, 0);
                header.wrap(buffer, 0);
                feed.onMessage(header.templateId(), buffer, 0, length);
            }
            assertEquals(BookState.LIVE, late.state());
            assertEquals(flow.book().sequence(), late.sequence());
            assertEquals(flow.book().bestBidPrice(), late.bestBidPrice());
            assertEquals(flow.book().bestAskPrice(), late.bestAskPrice());
            assertEquals(flow.book().bids().levelCount(), late.bids().levelCount());
        }
    }

    @Test
    void anInstrumentTheJournalDoesNotHoldIsBadInput() throws IOException
    {
        final Path dir = writeJournal();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> JournalMarketFlow.open(dir, 9, JournalMarketFlow.Pacing.RECEIVE, 100));
        assertTrue(ex.getMessage().contains("holds instrument(s) [1,2], not 9"), ex.getMessage());
    }

    @Test
    void aFrameStampedBeforeTheOneBeforeItIsDueWithIt() throws IOException
    {
        final Path dir = tmp.resolve("backwards");
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext());
        try (JournalWriter writer = JournalWriter.create(dir, header()))
        {
            final long[] times = {100, 300, 200, 400};
            for (final long time : times)
            {
                final int length = market.writeNext(buffer, 0);
                writer.append(Direction.IN, 1001, EPOCH_NS + time, buffer, 0, length);
            }
        }
        try (JournalMarketFlow flow = JournalMarketFlow.open(dir, 1, JournalMarketFlow.Pacing.RECEIVE, 100))
        {
            final List<Long> due = new ArrayList<>();
            while (!flow.exhausted())
            {
                due.add(flow.nextTimeNs());
                flow.writeNext(buffer, 0);
            }
            assertEquals(List.of(0L, 200L, 200L, 300L), due);
        }
    }

    private static JournalHeader header()
    {
        return JournalHeader.current(List.of(new JournalInstrument(1, "SYNTH", 1, 1, (byte)-2, (byte)0),
            new JournalInstrument(2, "OTHER", 1, 1, (byte)-2, (byte)0)), "none", "test", "synthetic");
    }

    private Path writeJournal() throws IOException
    {
        final Path dir = tmp.resolve("journal");
        final SyntheticMarket market = new SyntheticMarket(new SyntheticMarketContext().seed(17).startTimeNs(EPOCH_NS));
        final SyntheticMarket other = new SyntheticMarket(new SyntheticMarketContext().seed(18).instrumentId(2));
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[8192]);
        try (JournalWriter writer = JournalWriter.create(dir, header()))
        {
            for (int i = 0; i < FRAMES; i++)
            {
                final int length = market.writeNext(buffer, 0);
                final long exchangeTimeNs = buffer.getLong(MessageHeaderEncoder.ENCODED_LENGTH, ByteOrder.LITTLE_ENDIAN);
                final long receiveTimeNs = exchangeTimeNs + FEED_DELAY_NS + (i % 3) * 1_000;
                writer.append(Direction.IN, 1001, receiveTimeNs, buffer, 0, length);
                final byte[] frame = new byte[length];
                buffer.getBytes(0, frame);
                recorded.add(frame);
                receiveTimes.add(Math.max(receiveTimeNs, receiveTimes.isEmpty() ? 0 : receiveTimes.get(receiveTimes.size() - 1)));
                exchangeTimes.add(exchangeTimeNs);
                if (0 == i % 1_000)
                {
                    final HeartbeatEncoder heartbeat = new HeartbeatEncoder().wrapAndApplyHeader(scratch, 0, headerEncoder)
                        .timestampNs(receiveTimeNs).senderId(2).sequence(i);
                    writer.append(Direction.IN, 1001, receiveTimeNs, scratch, 0,
                        MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
                    final NewOrderEncoder order = new NewOrderEncoder().wrapAndApplyHeader(scratch, 0, headerEncoder)
                        .sendingTimeNs(receiveTimeNs).clientOrderId(i).instrumentId(1);
                    writer.append(Direction.OUT, 1002, receiveTimeNs, scratch, 0,
                        MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
                    final int otherLength = other.writeNext(scratch, 0);
                    writer.append(Direction.IN, 1001, receiveTimeNs, scratch, 0, otherLength);
                }
            }
        }
        return dir;
    }
}
