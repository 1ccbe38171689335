package io.ticklane.gateway.transport;

import io.aeron.Publication;
import io.aeron.Subscription;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A frame the publication will not take is retried for the bound, then given up with Aeron's reason: never dropped
 * without the caller knowing. On a real media driver in a temp directory.
 */
class FramePublisherTest
{
    @TempDir
    Path tmp;

    @Test
    void aFrameNobodyCanReceiveIsRetriedForTheBoundThenReportedNotConnected()
    {
        final TransportContext context = new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString())
            .offerTimeoutNs(TimeUnit.MILLISECONDS.toNanos(20));
        try (Transport transport = Transport.launch(context);
            FramePublisher publisher = transport.publisher("aeron:ipc", 4242))
        {
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
            final long startNs = System.nanoTime();
            assertFalse(publisher.offer(frame, 0, 64), "no subscriber: not taken");
            final long elapsedNs = System.nanoTime() - startNs;
            assertTrue(elapsedNs >= TimeUnit.MILLISECONDS.toNanos(20), "retried for the bound: " + elapsedNs + " ns");
            assertEquals(Publication.NOT_CONNECTED, publisher.lastFailure());
            assertEquals("NOT_CONNECTED", FramePublisher.failureName(publisher.lastFailure()));
            assertEquals(1, publisher.failures());
            assertTrue(publisher.retries() > 0);
            assertFalse(publisher.offerOnce(frame, 0, 64), "a heartbeat is tried once");
            assertEquals(1, publisher.failures(), "and not counted as a failure");
        }
    }

    @Test
    void aConnectedPublicationTakesTheFrameAtOnce() throws InterruptedException
    {
        final TransportContext context = new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString());
        try (Transport transport = Transport.launch(context);
            Subscription subscription = transport.subscription("aeron:ipc", 4243);
            FramePublisher publisher = transport.publisher("aeron:ipc", 4243))
        {
            while (!publisher.isConnected())
            {
                Thread.sleep(1);
            }
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
            frame.putLong(0, 42);
            assertTrue(publisher.offer(frame, 0, 64));
            assertEquals(1, publisher.framesSent());
            final long[] received = new long[1];
            while (0 == subscription.poll((buffer, offset, length, header) -> received[0] = buffer.getLong(offset), 1))
            {
                Thread.onSpinWait();
            }
            assertEquals(42, received[0]);
            assertEquals(0, publisher.failures());
        }
    }
}
