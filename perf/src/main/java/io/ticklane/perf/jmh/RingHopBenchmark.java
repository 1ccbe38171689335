package io.ticklane.perf.jmh;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import io.ticklane.runtime.daemon.FrameSlot;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's inbound hop on one thread, as the one-thread layout runs it: a 102-byte SBE frame
 * ({@link L2UpdateFrame}) copied from an off-heap buffer (standing in for Aeron's) into the next preallocated slot of a
 * {@link FrameSlot#newRing} ring, published, then taken off by an {@link EventPoller} whose handler reads the frame's
 * length and receive time. One operation is one frame through the ring. The ring has the daemon's default 8,192 slots;
 * {@code slotBytes} is the daemon's default 4,096 (each frame lands on a new page of a 32 MiB ring) or the smallest it
 * accepts, 256 (a 2 MiB ring).
 * <p>
 * Reference ({@code arrayBlockingQueue}): the same frame as a fresh {@code byte[]} copy offered to and polled from an
 * {@link ArrayBlockingQueue} of the same capacity, the receive time read through a wrapping {@link ByteBuffer}.
 * Receiver stamping and the clock reads of the real receiver are not included in either.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RingHopBenchmark
{
    static final int SLOTS = 8192;
    private static final int STREAM = 1001;

    private final byte[] heapFrame = new byte[L2UpdateFrame.LENGTH];
    private ArrayBlockingQueue<byte[]> queue;

    /**
     * The Ticklane ring and its poller, in their own state so that only the Ticklane benchmark varies with the slot
     * size.
     */
    @State(Scope.Thread)
    public static class Ring implements EventPoller.Handler<FrameSlot>
    {
        /** Bytes per slot: the daemon's default, or its minimum. */
        @Param({"4096", "256"})
        public int slotBytes;

        private final UnsafeBuffer frame =
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(L2UpdateFrame.LENGTH + 64, 64));
        private RingBuffer<FrameSlot> ring;
        private EventPoller<FrameSlot> poller;
        private long timeNs = 1_700_000_000_000_000_000L;
        private long consumed;
        private long sum;

        /**
         * Builds the ring with one poller gating it, as the daemon's trading agent does.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            L2UpdateFrame.encode(frame, 0);
            ring = FrameSlot.newRing(SLOTS, slotBytes);
            poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
        }

        /**
         * Fails the run if a frame was lost or read twice.
         */
        @TearDown(Level.Trial)
        public void check()
        {
            if (consumed != ring.getCursor() + 1)
            {
                throw new IllegalStateException("published " + (ring.getCursor() + 1) + ", consumed " + consumed);
            }
        }

        /**
         * {@inheritDoc}
         */
        public boolean onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch)
        {
            sum += slot.length() + slot.buffer().getLong(L2UpdateFrame.RECEIVE_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
            consumed++;
            return true;
        }
    }

    /**
     * Builds the reference queue and its source frame.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        L2UpdateFrame.encode(new UnsafeBuffer(heapFrame), 0);
        queue = new ArrayBlockingQueue<>(SLOTS);
    }

    /**
     * @param ring the ring.
     * @return running sum of what the consumer read.
     * @throws Exception if the poller's handler does (it does not).
     */
    @Benchmark
    public long ticklane(final Ring ring) throws Exception
    {
        final RingBuffer<FrameSlot> buffer = ring.ring;
        final long sequence = buffer.next();
        final FrameSlot slot = buffer.get(sequence);
        slot.buffer().putBytes(0, ring.frame, 0, L2UpdateFrame.LENGTH);
        final long timeNs = ++ring.timeNs;
        slot.set(L2UpdateFrame.LENGTH, STREAM, timeNs, timeNs);
        buffer.publish(sequence);
        ring.poller.poll(ring);
        return ring.sum;
    }

    /**
     * @return what the consumer read.
     */
    @Benchmark
    public long arrayBlockingQueue()
    {
        if (!queue.offer(Arrays.copyOf(heapFrame, heapFrame.length)))
        {
            throw new IllegalStateException("queue full");
        }
        final byte[] taken = queue.poll();
        return taken.length + ByteBuffer.wrap(taken).order(ByteOrder.LITTLE_ENDIAN).getLong(L2UpdateFrame.RECEIVE_TIME_OFFSET);
    }
}
