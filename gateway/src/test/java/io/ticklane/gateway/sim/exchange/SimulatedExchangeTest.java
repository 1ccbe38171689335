package io.ticklane.gateway.sim.exchange;

import io.ticklane.gateway.transport.TransportContext;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedExchangeTest
{
    @TempDir
    Path tmp;

    @Test
    void anExchangeNeedsATransportAndAMarket()
    {
        assertThrows(IllegalArgumentException.class, () -> new SimulatedExchangeContext().conclude());
        assertThrows(IllegalArgumentException.class, () -> SimulatedExchange.launch(new SimulatedExchangeContext()
            .transportContext(new TransportContext().aeronDirectoryName(tmp.resolve("a").toString()))
            .syntheticMarket(null)));
    }

    @Test
    void aBadQueueModelIsRefusedBeforeADriverStarts()
    {
        final Path aeronDir = tmp.resolve("aeron");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> SimulatedExchange.launch(
            new SimulatedExchangeContext()
                .transportContext(new TransportContext().aeronDirectoryName(aeronDir.toString()))
                .queueModel("fantasy")));

        assertTrue(ex.getMessage().contains("fantasy"), ex.getMessage());
        assertFalse(Files.exists(aeronDir), "no driver was started");
    }

    @Test
    void aSyntheticExchangePublishesOnItsOwnDriverUntilClosed() throws IOException, InterruptedException
    {
        // given
        final SimulatedExchange exchange = SimulatedExchange.launch(new SimulatedExchangeContext()
            .transportContext(new TransportContext().aeronDirectoryName(tmp.resolve("aeron").toString()))
            .idleStrategy(new SleepingMillisIdleStrategy(1)));
        try
        {
            // when
            exchange.start();
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (exchange.counters().framesWithoutSubscriber() + exchange.counters().framesPublished() == 0 &&
                System.nanoTime() < deadlineNs)
            {
                Thread.sleep(10);
            }

            // then
            assertTrue(exchange.counters().framesWithoutSubscriber() > 0, "the market moves with nobody listening");
            assertFalse(exchange.hasStopped());
            assertFalse(exchange.hasReplayedJournal(), "a synthetic market never ends");
            assertNull(exchange.journalInstrument());
        }
        finally
        {
            exchange.close();
        }
        assertTrue(exchange.hasStopped());
        exchange.close();
    }
}
