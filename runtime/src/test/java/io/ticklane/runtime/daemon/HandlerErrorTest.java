package io.ticklane.runtime.daemon;

import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.journal.state.StateStore;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.ticklane.runtime.daemon.VenueFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No exception escapes the handler of one inbound frame, live or in the replay of a journal tail at start, with the
 * real driver, the simulated exchange and a Chronicle journal. The fault is a well-formed frame the strategy throws on
 * (see {@link PoisonedFrame}), which no validation of the frame could have caught. Before,
 * the trading agent's poller retried the frame on every duty cycle: the STOP queued behind it, quotes stayed live,
 * shutdown timed out, and a restart threw on the same frame in the journal's tail.
 */
class HandlerErrorTest
{
    @TempDir
    Path tmp;

    @Test
    void aFrameThatThrowsIsSkippedAndTheHaltCancelsEveryOrderAtTheVenue() throws Exception
    {
        try (VenueFixture venue = new VenueFixture(tmp))
        {
            final PoisonedFrame fault = new PoisonedFrame(false);
            final Daemon daemon = Daemon.start(venue.config(), venue.transport, new OffsetEpochNanoClock(), fault);
            final long journaled;
            try
            {
                final DaemonCounters counters = daemon.counters();
                awaitQuoting(venue, counters);

                fault.arm();
                await("a frame threw", 30_000, () -> fault.thrown() >= 1);
                await("halted and every order cancelled at the venue", 30_000, () ->
                    2 == counters.counter(DaemonCounters.MODE) && 0 == counters.counter(DaemonCounters.OPEN_ORDERS) &&
                    0 == venue.exchange.counters().liveOrders());
                assertEquals(TradingAgent.HANDLER_ERROR_HALT, daemon.haltReason());
                assertTrue(counters.counter(DaemonCounters.HANDLER_ERROR_RECORD) > 1, "the frame's record in the journal");
                assertTrue(counters.counter(DaemonCounters.HANDLER_ERROR_SEQUENCE) > 0, "the frame's ring sequence");
                journaled = counters.counter(DaemonCounters.JOURNAL_RECORDS);
                assertTrue(daemon.shutdown(), "shutdown confirms every cancel");
            }
            finally
            {
                daemon.close();
            }
            assertNull(daemon.firstError(), "nothing escaped an agent");
            assertEquals(1, daemon.handlerErrors(), "skipped once, never retried");
            assertEquals(1, fault.thrown());
            assertTrue(daemon.lastHandlerError().getMessage().startsWith("injected fault"), daemon.lastHandlerError()::toString);
            assertCompleteWithStops(daemon.journalDirectory(), journaled, 1);
        }
    }

    @Test
    void withContinueAFrameThatThrowsIsSkippedAndQuotingGoesOn() throws Exception
    {
        try (VenueFixture venue = new VenueFixture(tmp))
        {
            final PoisonedFrame fault = new PoisonedFrame(true);
            final Daemon daemon = Daemon.start(venue.config("daemon.on_handler_error=continue"), venue.transport,
                new OffsetEpochNanoClock(), fault);
            try
            {
                final DaemonCounters counters = daemon.counters();
                awaitQuoting(venue, counters);

                fault.arm();
                await("a frame threw", 30_000, () -> 1 == fault.thrown());
                final long sent = ordersSent(counters);
                await("quoting goes on", 30_000, () -> ordersSent(counters) >= sent + 5);
                assertEquals(1, counters.counter(DaemonCounters.HANDLER_ERRORS));
                assertEquals(0, counters.counter(DaemonCounters.MODE), "still ACTIVE");
                assertNull(daemon.haltReason());
                assertTrue(daemon.shutdown(), "shutdown confirms every cancel");
            }
            finally
            {
                daemon.close();
            }
            assertEquals(1, daemon.handlerErrors());
            assertNull(daemon.firstError());
        }
    }

    @Test
    void aFrameThatThrowsInTheJournalTailNeverPreventsAStart() throws Exception
    {
        try (VenueFixture venue = new VenueFixture(tmp))
        {
            final DaemonConfig config = venue.config();
            crashedRunWithASnapshotInItsTail(config);

            // the snapshot in the tail throws: counted, skipped, and the start halts, as configured
            final Daemon daemon = Daemon.start(config, venue.transport, new OffsetEpochNanoClock(),
                PoisonedFrame.armedFromStart());
            try
            {
                assertTrue(daemon.recoveryDescription().contains("replayed 2 inbound records after it") &&
                    daemon.recoveryDescription().contains("1 threw and were skipped, the last inbound record 2: " +
                    "java.lang.IllegalStateException: injected fault on the market data frame") &&
                    daemon.recoveryDescription().contains("the run crashed: its journal continues"),
                    daemon.recoveryDescription());
                final DaemonCounters counters = daemon.counters();
                assertEquals(1, counters.counter(DaemonCounters.HANDLER_ERRORS));
                assertEquals(2, counters.counter(DaemonCounters.HANDLER_ERROR_RECORD));
                assertEquals(TradingAgent.HANDLER_ERROR_HALT, daemon.haltReason());
                await("halted and reconciled with the venue", 30_000, () ->
                    2 == counters.counter(DaemonCounters.MODE) && 1 == counters.counter(DaemonCounters.RECONCILED));
                assertTrue(daemon.shutdown());
            }
            finally
            {
                daemon.close();
            }
            assertNull(daemon.firstError());
            assertEquals(0, venue.exchange.counters().liveOrders());
            assertCompleteWithStops(daemon.journalDirectory(), 2, 1);
        }
    }

    /**
     * A checkpoint at the start of run 1, and run 1's journal (no trailer: it crashed) holding the instrument's
     * definition and a snapshot after it.
     */
    private static void crashedRunWithASnapshotInItsTail(final DaemonConfig config) throws Exception
    {
        final QuotingStrategy strategy = config.strategy().newStrategy((type, buffer, index, length) -> { });
        Files.createDirectories(config.stateFile().getParent());
        try (DaemonState state = new DaemonState(StateStore.open(config.stateFile(), 1, strategy.maxCheckpointLength()),
            config.strategy().instrumentId(), strategy.maxCheckpointLength()))
        {
            state.save(strategy, JournalPosition.of(1, 0));
        }
        final Path run = Files.createDirectories(config.runDir().resolve("000001-20250101-000000-000"));
        final JournalWriter writer = JournalWriter.create(run.resolve("journal"), JournalHeader.current(
            List.of(config.instrument()), config.strategy().sha256(), CodeVersion.current(), "test: a crashed run"));
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long timeNs = System.currentTimeMillis() * 1_000_000L;
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder().wrapAndApplyHeader(frame, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(config.strategy().instrumentId()).sequence(0)
            .symbol("SYNTH").priceExponent((byte)-2).tickSize(1).quantityExponent((byte)0).lotSize(1);
        writer.append(Direction.IN, 1001, timeNs, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(frame, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(config.strategy().instrumentId()).sequence(1);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(2);
        levels.next().side(Side.BUY).price(9_999).quantity(10);
        levels.next().side(Side.SELL).price(10_001).quantity(10);
        writer.append(Direction.IN, 1001, timeNs, frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength());
        writer.abort();
    }

    private static void awaitQuoting(final VenueFixture venue, final DaemonCounters counters) throws InterruptedException
    {
        await("reconciled and quoting at the venue", 60_000, () ->
            1 == counters.counter(DaemonCounters.RECONCILED) && counters.counter(DaemonCounters.OPEN_ORDERS) >= 1 &&
            venue.exchange.counters().liveOrders() >= 1);
    }

    private static long ordersSent(final DaemonCounters counters)
    {
        return counters.counter(DaemonCounters.ORDERS_NEW) + counters.counter(DaemonCounters.ORDERS_REPLACE);
    }

    /**
     * The journal is complete, holds at least what was counted before the stop, and the STOPs the daemon applied.
     */
    static void assertCompleteWithStops(final Path journal, final long journaledBefore, final long stops) throws Exception
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        final long[] seen = new long[1];
        try (JournalReader reader = JournalReader.open(journal))
        {
            assertTrue(reader.isComplete(), "the trailer was written");
            final long records = reader.readAll((direction, stream, time, buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (Direction.IN == direction && AdminCommandDecoder.TEMPLATE_ID == header.templateId() &&
                    AdminCommandType.STOP == admin.wrapAndApplyHeader(buffer, offset, header).command())
                {
                    seen[0]++;
                }
            });
            assertEquals(reader.trailerRecordCount(), records);
            assertTrue(records >= journaledBefore, "journaled before the stop: " + journaledBefore + ", after: " + records);
        }
        assertEquals(stops, seen[0], "STOPs journaled");
    }
}
