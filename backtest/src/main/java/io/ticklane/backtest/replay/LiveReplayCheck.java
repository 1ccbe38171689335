package io.ticklane.backtest.replay;

import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.config.StrategyConfig;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The determinism check of a live run: the SHA-256 of the outbound frames its journal recorded, next to the SHA-256
 * of what a fresh strategy sends when the journal's inbound records are replayed into it. Equal hashes prove the
 * live run and the replay ran the same code on the same inputs to the same bytes.
 *
 * @param journaledSha256 SHA-256 of the journal's outbound records, in order.
 * @param replayedSha256  SHA-256 of the replay's outbound frames, in order.
 */
public record LiveReplayCheck(String journaledSha256, String replayedSha256)
{
    /**
     * @param journal the live run's journal (complete).
     * @param config  the strategy configuration the live run used.
     * @return both hashes.
     * @throws IOException if the journal cannot be read.
     */
    public static LiveReplayCheck of(final Path journal, final StrategyConfig config) throws IOException
    {
        final JournalReplay.FrameHash journaled = new JournalReplay.FrameHash();
        final JournalReplay replay = new JournalReplay(config);
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readAll(JournalReplay.journaledOutbound(journaled));
        }
        try (JournalReader reader = JournalReader.open(journal))
        {
            reader.readInbound(replay);
        }
        return new LiveReplayCheck(journaled.sha256(), replay.outbound().sha256());
    }

    /**
     * @return true when the replay reproduced the live outbound frames.
     */
    public boolean reproduced()
    {
        return journaledSha256.equals(replayedSha256);
    }
}
