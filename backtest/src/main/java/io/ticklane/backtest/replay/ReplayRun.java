package io.ticklane.backtest.replay;

import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Drives the trading pipeline of a configuration from a journal's inbound records, time taken only from the records,
 * after checking the journal holds the configuration's instrument: the entry point of {@code ticklane replay}. The
 * same journal and configuration give the same outbound hash on every run and machine.
 */
public final class ReplayRun
{
    private static final int PROGRESS_INTERVAL = 1_000_000;

    private ReplayRun()
    {
    }

    /**
     * @param journal    journal directory.
     * @param config     the strategy configuration.
     * @param configFile its file, for messages.
     * @param progress   told the records replayed so far, every million records.
     * @return the finished replay: outbound hash and counts, the strategy's end state.
     * @throws IOException              if the journal cannot be read.
     * @throws IllegalArgumentException if the journal does not hold the configuration's instrument.
     */
    public static JournalReplay run(
        final Path journal, final StrategyConfig config, final Path configFile, final LongConsumer progress)
        throws IOException
    {
        final JournalReplay replay = new JournalReplay(config);
        try (JournalReader reader = JournalReader.open(journal))
        {
            ConfiguredInstrument.require(reader.header(), config.instrumentId(), configFile, journal);
            long records = 0;
            int read;
            while ((read = reader.pollInbound(replay, PROGRESS_INTERVAL)) > 0)
            {
                records += read;
                if (read == PROGRESS_INTERVAL)
                {
                    progress.accept(records);
                }
            }
        }
        return replay;
    }
}
