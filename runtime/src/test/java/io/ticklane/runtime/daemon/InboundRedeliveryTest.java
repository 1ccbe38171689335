package io.ticklane.runtime.daemon;

import com.lmax.disruptor.RingBuffer;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Aeron hands a restarted daemon frames its predecessor already took in, when a subscription of an earlier killed
 * process still lingers in the driver (an IPC subscription joins at the lowest position of the publication's
 * subscriptions). The kill -9 loop caught book updates journaled twice that way; a fill read twice is booked twice.
 * Here lingering subscriptions are simply ones nobody polls any more, as a dead process's are until the driver times
 * its client out.
 */
class InboundRedeliveryTest
{
    private static final int REPORTS = 1003;

    @TempDir
    Path tmp;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();

    @Test
    void aRestartedDaemonPassesOverFramesItsRunTookInBeforeTheCrash() throws Exception
    {
        final Path run = Files.createDirectories(tmp.resolve("run"));
        try (MediaDriver driver = MediaDriver.launch(new MediaDriver.Context()
                .aeronDirectoryName(tmp.resolve("aeron").toString()).threadingMode(ThreadingMode.SHARED)
                .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Publication venue = aeron.addExclusivePublication("aeron:ipc", REPORTS))
        {
            // given a subscription of a process killed two restarts ago, which had read fill 1 only
            final Subscription twoRestartsAgo = aeron.addSubscription("aeron:ipc", REPORTS);
            awaitConnected(venue);
            publishFill(venue, 1);
            publishFill(venue, 2);
            awaitPolled(twoRestartsAgo, 1);

            // and the last process, which took fills 2 to 4 in before it was killed (its subscriptions stay too)
            final Receiver killed = new Receiver(aeron, run);
            publishFill(venue, 3);
            publishFill(venue, 4);
            killed.takeIn(3);
            assertEquals(List.of(2L, 3L, 4L), killed.fillsTakenIn());
            killed.positions.close();

            // when the daemon starts again in the same run and the venue reports one more fill
            publishFill(venue, 5);
            final Receiver restarted = new Receiver(aeron, run);
            restarted.takeIn(1);
            Thread.sleep(200); // time for Aeron to hand over anything else it would

            // then Aeron handed it fills 2 to 5 (it joined where the older subscription stands), and it took only 5
            restarted.receiver.doWork();
            assertEquals(List.of(5L), restarted.fillsTakenIn());
            assertEquals(3, restarted.counters.counter(DaemonCounters.FRAMES_TAKEN_BEFORE));
            restarted.positions.close();
            CloseHelper.closeAll(twoRestartsAgo);
        }
    }

    private void publishFill(final Publication publication, final long execId)
    {
        report.wrapAndApplyHeader(frame, 0, headerEncoder)
            .venueTimeNs(execId).localTimeNs(0).clientOrderId(execId).venueOrderId(execId).execId(execId)
            .instrumentId(1).execType(ExecType.FILL).side(Side.BUY).price(100).orderQuantity(1).lastPrice(100)
            .lastQuantity(1).leavesQuantity(0).cumQuantity(1).liquidity(LiquidityFlag.MAKER).rejectReason(RejectReason.NONE);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (publication.offer(frame, 0, length) < 0)
        {
            if (System.nanoTime() > deadline)
            {
                fail("the publication did not take a frame");
            }
            Thread.onSpinWait();
        }
    }

    private static void awaitConnected(final Publication publication) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!publication.isConnected())
        {
            if (System.nanoTime() > deadline)
            {
                fail("not connected");
            }
            Thread.sleep(1);
        }
    }

    private static void awaitPolled(final Subscription subscription, final int fragments) throws InterruptedException
    {
        int polled = 0;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (polled < fragments)
        {
            polled += subscription.poll((buffer, offset, length, header) -> { }, fragments - polled);
            if (System.nanoTime() > deadline)
            {
                fail("polled " + polled + " of " + fragments);
            }
            Thread.sleep(1);
        }
    }

    /**
     * A daemon's receiver with its own subscriptions, ring and counters, over the run's positions file.
     */
    private static final class Receiver
    {
        final RingBuffer<FrameSlot> ring = FrameSlot.newRing(1024, 512);
        final DaemonCounters counters = new DaemonCounters(new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(DaemonCountersFile.MAX_COUNTERS * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(DaemonCountersFile.MAX_COUNTERS * CountersReader.COUNTER_LENGTH))));
        final InboundPositions positions;
        final ReceiverAgent receiver;

        Receiver(final Aeron aeron, final Path run) throws Exception
        {
            positions = InboundPositions.open(run);
            receiver = new ReceiverAgent(ring, aeron.addSubscription("aeron:ipc", 1001),
                aeron.addSubscription("aeron:ipc", REPORTS), aeron.addSubscription("aeron:ipc", 1004),
                System::nanoTime, TimeUnit.HOURS.toNanos(1), new AdminAuthenticator(OperatorToken.fromFileOrCreate(run.resolve("admin.token")),
                new AdminThrottle(5, TimeUnit.MINUTES.toNanos(1), TimeUnit.MINUTES.toNanos(1)), counters.adminRejected,
                counters.adminThrottled), new AtomicReference<>(), counters,
                FrameSlot.newRing(8, 256)).inboundPositions(positions);
        }

        void takeIn(final int fills) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fillsTakenIn().size() < fills)
            {
                receiver.doWork();
                if (System.nanoTime() > deadline)
                {
                    fail("took in " + fillsTakenIn() + ", expected " + fills + " fills");
                }
                Thread.sleep(1);
            }
        }

        List<Long> fillsTakenIn()
        {
            final List<Long> execIds = new ArrayList<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final ExecutionReportDecoder decoder = new ExecutionReportDecoder();
            for (long sequence = 0; sequence <= ring.getCursor(); sequence++)
            {
                final FrameSlot slot = ring.get(sequence);
                if (REPORTS == slot.stream())
                {
                    decoder.wrapAndApplyHeader(slot.buffer(), 0, header.wrap(slot.buffer(), 0));
                    execIds.add(decoder.execId());
                }
            }
            return execIds;
        }
    }
}
