package io.ticklane.runtime.daemon;

import io.ticklane.journal.queue.CodeVersion;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.journal.queue.JournalSource;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.marketmaking.strategy.CheckpointCheck;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.marketmaking.strategy.StrategyCheckpoint;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a starting daemon's state and journal come from. With no checkpoint in the state store it starts flat in a
 * new numbered run directory. With one, it restores the strategy from it, rebuilds the market state (book, factors)
 * from the market data its run's journal holds before the checkpoint's position, replays the inbound records after
 * it (order frames muted: that run sent them, or not; reconciliation settles it), and then either continues that
 * run's journal if the run crashed (no trailer) or opens the next run if it stopped cleanly. Nothing journaled is
 * lost or applied twice: the restore starts from the saved record, never from state in memory. A replayed frame
 * that throws is counted and skipped, as live ({@link TradingAgent}): a poisoned journal tail never prevents a start
 * (the daemon then halts if {@code daemon.on_handler_error=halt}).
 */
final class RunRecovery
{
    private static final Pattern RUN_NAME = Pattern.compile("^(\\d{6})-.*");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    final Path runDirectory;
    final int run;
    final JournalWriter writer;
    final long inboundRecords;
    final String description;
    long replayErrors;
    long lastReplayErrorRecord;

    private RunRecovery(
        final Path runDirectory, final int run, final JournalWriter writer, final long inboundRecords,
        final String description)
    {
        this.runDirectory = runDirectory;
        this.run = run;
        this.writer = writer;
        this.inboundRecords = inboundRecords;
        this.description = description;
    }

    static RunRecovery prepare(
        final DaemonConfig config,
        final QuotingStrategy strategy,
        final TradingAgent trading,
        final DaemonState state,
        final EpochNanoClock clock) throws IOException
    {
        final Path runs = config.runDir();
        Files.createDirectories(runs);
        final int instrumentId = config.strategy().instrumentId();
        final UnsafeBuffer buffer = state.buffer();
        final int length = state.store().load(instrumentId, buffer);
        if (length < 0)
        {
            return newRun(config, runs, nextRun(runs), clock, "fresh start: no checkpoint for instrument " + instrumentId);
        }

        final CheckpointCheck check = strategy.restore(buffer, 0, length);
        if (CheckpointCheck.VALID != check)
        {
            throw new IllegalArgumentException(config.stateFile() + ": the saved checkpoint cannot be restored (" + check +
                "): it was written for another instrument or order capacity (restart with the configuration that " +
                "wrote it), or it is damaged or not a checkpoint (then move the file away to start flat; checkpoints " +
                "of the previous build, v1, are upgraded, not refused)");
        }
        final long position = StrategyCheckpoint.lastJournalIndex(buffer, 0);
        final int savedRun = JournalPosition.run(position);
        final long applied = JournalPosition.inboundRecords(position);
        final Path savedDirectory = findRun(runs, savedRun);
        final Path journal = savedDirectory.resolve("journal");

        final TailReplay replay = new TailReplay(trading.handler(), strategy, applied);
        final boolean complete;
        trading.muted(true);
        try (JournalReader reader = JournalReader.open(journal, true))
        {
            if (!reader.header().configHash().equals(config.strategy().sha256()))
            {
                throw new IllegalArgumentException("run " + savedDirectory + " was journaled under strategy configuration " +
                    reader.header().configHash() + ", this start has " + config.strategy().sha256() +
                    ": restart with the run's own settings (" + savedDirectory.resolve("strategy.properties") + ")");
            }
            reader.readInbound(replay);
            complete = reader.isComplete();
        }
        finally
        {
            trading.muted(false);
        }
        final String restored = "restored run " + savedRun + " at inbound record " + applied +
            (strategy.upgradedV1Checkpoint() ? " (upgraded a v1 checkpoint: the next one is saved as SBE)" : "") +
            (0 == replay.warmUpSkipped ? "" : ", " + replay.warmUpSkipped + " market data records the book could not take") +
            ", replayed " +
            replay.replayed + " inbound records after it (" + trading.mutedFrames() + " order frames muted" +
            (0 == replay.threw ? "" : "; " + replay.threw + " threw and were skipped, the last inbound record " +
            replay.lastThrewRecord + ": " + replay.lastError) + "); position " +
            strategy.position().position() + ", mode " + strategy.risk().mode() + " (" + strategy.risk().modeReason() + ")" +
            (StrategyMode.HALTED == strategy.risk().mode() ?
            " - a STOP (an operator's, or the one every clean shutdown sends) holds until `ticklane admin resume`" : "");
        final RunRecovery recovery = complete ?
            newRun(config, runs, nextRun(runs), clock, restored + "; the run had stopped cleanly: a new run begins") :
            new RunRecovery(savedDirectory, savedRun, JournalWriter.reopen(journal), replay.inbound,
                restored + "; the run crashed: its journal continues");
        recovery.replayErrors = replay.threw;
        recovery.lastReplayErrorRecord = replay.lastThrewRecord;
        return recovery;
    }

    private static RunRecovery newRun(
        final DaemonConfig config, final Path runs, final int run, final EpochNanoClock clock, final String description)
        throws IOException
    {
        final Path directory = runs.resolve(String.format("%06d-%s", run, UTC.format(Instant.ofEpochSecond(0,
            clock.nanoTime()))));
        Files.createDirectory(directory);
        Files.writeString(directory.resolve("strategy.properties"), config.strategyProperties(), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("daemon.properties"), config.describe(), StandardCharsets.UTF_8);
        final JournalWriter writer = JournalWriter.create(directory.resolve("journal"), JournalHeader.current(
            List.of(config.instrument()), config.strategy().sha256(), CodeVersion.current(),
            JournalSource.daemonRun(directory.getFileName().toString())));
        return new RunRecovery(directory, run, writer, 0, description);
    }

    private static int nextRun(final Path runs) throws IOException
    {
        int max = 0;
        try (Stream<Path> entries = Files.list(runs))
        {
            for (final Path entry : (Iterable<Path>)entries::iterator)
            {
                final Matcher matcher = RUN_NAME.matcher(entry.getFileName().toString());
                if (Files.isDirectory(entry) && matcher.matches())
                {
                    max = Math.max(max, Integer.parseInt(matcher.group(1)));
                }
            }
        }
        if (max + 1 >= (1 << (Long.SIZE - 1 - JournalPosition.COUNT_BITS)))
        {
            throw new IllegalStateException(runs + ": run numbers exhausted");
        }
        return max + 1;
    }

    private static Path findRun(final Path runs, final int run) throws IOException
    {
        final String prefix = String.format("%06d-", run);
        try (Stream<Path> entries = Files.list(runs))
        {
            return entries.filter((entry) -> entry.getFileName().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the state file's checkpoint stands in run " + run +
                    ", but " + runs + " has no directory " + prefix + "*: its journal is needed to recover"));
        }
    }

    /**
     * Feeds the strategy the inbound records after the checkpoint's count, and the market data before it to the
     * strategy's book and factors only ({@link QuotingStrategy#applyMarketState}): a checkpoint holds no market
     * state, and the tail must meet the book the journaling process had, or it quotes differently (or not at all).
     */
    private static final class TailReplay implements MessageHandler
    {
        private final MessageHandler strategy;
        private final QuotingStrategy marketState;
        private final long applied;
        private long inbound;
        private long replayed;
        private long threw;
        private long lastThrewRecord;
        private Throwable lastError;
        private long warmUpSkipped;

        TailReplay(final MessageHandler strategy, final QuotingStrategy marketState, final long applied)
        {
            this.strategy = strategy;
            this.marketState = marketState;
            this.applied = applied;
        }

        public void onMessage(final int templateId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            inbound++;
            if (inbound > applied)
            {
                replayed++;
                try
                {
                    strategy.onMessage(templateId, buffer, index, length);
                }
                catch (final Throwable error)
                {
                    // the live rule: a frame that threw is counted and skipped, and never stops a start
                    threw++;
                    lastThrewRecord = inbound;
                    lastError = error;
                }
            }
            else
            {
                try
                {
                    marketState.applyMarketState(templateId, buffer, index, length);
                }
                catch (final RuntimeException ex)
                {
                    // a frame the book cannot take was passed over live too (or halted the run): never stop a start
                    warmUpSkipped++;
                }
            }
        }
    }
}
