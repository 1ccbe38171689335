package io.ticklane.orderbook;

import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.L3EventType;
import io.ticklane.sbe.L3OrderEventEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves the apply path allocates nothing once warm: a million SBE updates through {@link BookFeed}, measured with
 * the thread's allocated-bytes counter.
 */
class BookAllocationTest
{
    private static final int UPDATES = 1_000_000;
    private static final int WARM_UP = 500_000;
    private static final int ATTEMPTS = 3;
    private static final int DISTINCT_FRAMES = 1024;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void applyingAMillionL2UpdatesAllocatesNothing()
    {
        final L2Book book = new L2Book(Frames.INSTRUMENT);
        final Frames frames = new Frames(book);
        frames.snapshot(0, 1, 10_000, 5, 2, 10_001, 5);
        final BookFeed feed = new BookFeed(book);

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[DISTINCT_FRAMES * 128]);
        final int frameLength = encodeL2Frames(buffer);

        runL2(feed, buffer, frameLength, 0, WARM_UP); // warm up: JIT compilation, first touches of memory
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            runL2(feed, buffer, frameLength, end, end + UPDATES);
            windows[i] = allocatedBytes() - before - overhead;
            end += UPDATES;
        }

        assertEquals(BookState.LIVE, book.state(), "the updates must apply, not be ignored");
        assertEquals(end + 1, book.messagesApplied());
        assertSteadyStateAllocatesNothing(windows);
    }

    @Test
    void applyingAMillionL3EventsAllocatesNothing()
    {
        final L3Book book = new L3Book(Frames.INSTRUMENT);
        final Frames frames = new Frames(book);
        frames.snapshot(0, 1, 10_000, 5, 2, 10_010, 5);
        final BookFeed feed = new BookFeed(book);

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final L3OrderEventEncoder event = new L3OrderEventEncoder();

        runL3(feed, buffer, header, event, 0, WARM_UP);
        final long[] windows = new long[ATTEMPTS];
        long end = WARM_UP;
        for (int i = 0; i < ATTEMPTS && (0 == i || windows[i - 1] != 0); i++)
        {
            final long overhead = measurementOverhead();
            final long before = allocatedBytes();
            runL3(feed, buffer, header, event, end, end + UPDATES);
            windows[i] = allocatedBytes() - before - overhead;
            end += UPDATES;
        }

        assertEquals(BookState.LIVE, book.state(), "the events must apply, not be ignored");
        assertEquals(end + 1, book.messagesApplied());
        assertSteadyStateAllocatesNothing(windows);
    }

    private static int encodeL2Frames(final UnsafeBuffer buffer)
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final L2UpdateEncoder update = new L2UpdateEncoder();
        int frameLength = 0;
        for (int i = 0; i < DISTINCT_FRAMES; i++)
        {
            update.wrapAndApplyHeader(buffer, i * 128, header)
                .instrumentId(Frames.INSTRUMENT);
            final boolean bid = (i & 1) == 0;
            final long price = bid ? 10_000 - (i % 7) : 10_001 + (i % 7);
            update.levelsCount(1).next()
                .side(bid ? Side.BUY : Side.SELL)
                .action((i % 5) == 0 ? L2Action.DELETE : L2Action.CHANGE)
                .price(price)
                .quantity((i % 5) == 0 ? 0 : 1 + (i % 13));
            frameLength = MessageHeaderEncoder.ENCODED_LENGTH + update.encodedLength();
        }
        return frameLength;
    }

    private static void runL2(
        final BookFeed feed, final UnsafeBuffer buffer, final int frameLength, final long from, final long to)
    {
        for (long seq = from + 1; seq <= to; seq++)
        {
            final int offset = (int)(seq % DISTINCT_FRAMES) * 128;
            // sequence numbers are stamped in place: the frame bytes are rewritten, no new objects.
            buffer.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.sequenceEncodingOffset(), seq);
            buffer.putLong(offset + MessageHeaderEncoder.ENCODED_LENGTH + L2UpdateEncoder.prevSequenceEncodingOffset(), seq - 1);
            feed.onMessage(L2UpdateEncoder.TEMPLATE_ID, buffer, offset, frameLength);
        }
    }

    private static void runL3(
        final BookFeed feed,
        final UnsafeBuffer buffer,
        final MessageHeaderEncoder header,
        final L3OrderEventEncoder event,
        final long from,
        final long to)
    {
        // Odd steps add an order near the touch; even steps delete the order added 129 steps earlier (or, in the
        // first steps, add one more). The book holds ~64 orders over a few levels on both sides, and every
        // operation on the path (index, link, unlink, free list, best-price scan) runs.
        for (long seq = from + 1; seq <= to; seq++)
        {
            final boolean add = (seq & 1) == 1 || seq <= 129;
            final long orderId = add ? seq : seq - 129;
            final boolean bid = (orderId & 2) == 0;
            final long price = bid ? 10_000 - (orderId % 5) : 10_010 + (orderId % 5);
            event.wrapAndApplyHeader(buffer, 0, header)
                .instrumentId(Frames.INSTRUMENT)
                .sequence(seq)
                .prevSequence(seq - 1)
                .orderId(orderId)
                .eventType(add ? L3EventType.ADD : L3EventType.DELETE)
                .side(bid ? Side.BUY : Side.SELL)
                .price(price)
                .quantity(3);
            feed.onMessage(L3OrderEventEncoder.TEMPLATE_ID, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + event.encodedLength());
        }
    }

    /**
     * A window of a million events must allocate nothing. On a busy machine the JIT may still be finishing a compile
     * or deoptimise once during the first window (a few hundred bytes, once, never per event), so up to
     * {@link #ATTEMPTS} consecutive windows are measured and one of them must be exactly zero. An allocation on the
     * path itself shows in every window, at least a million bytes each.
     */
    private static void assertSteadyStateAllocatesNothing(final long[] windows)
    {
        for (final long window : windows)
        {
            if (0 == window)
            {
                return;
            }
        }
        fail("bytes allocated per window of " + UPDATES + " events: " + Arrays.toString(windows));
    }

    private long allocatedBytes()
    {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private long measurementOverhead()
    {
        allocatedBytes();
        final long first = allocatedBytes();
        return allocatedBytes() - first;
    }
}
