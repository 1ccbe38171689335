package io.ticklane.backtest.replay;

import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;

import java.nio.file.Path;

/**
 * Finds the instrument a strategy configuration trades in a journal's header, refusing a journal that does not hold
 * it with a message naming both files: a strategy replayed over another instrument's data would run without error
 * and mean nothing.
 */
public final class ConfiguredInstrument
{
    private ConfiguredInstrument()
    {
    }

    /**
     * @param header       the journal's header.
     * @param instrumentId the configuration's {@code instrument.id}.
     * @param config       the configuration file, for the message.
     * @param journal      the journal directory, for the message.
     * @return the instrument as the journal records it.
     * @throws IllegalArgumentException if the journal does not hold it.
     */
    public static JournalInstrument require(
        final JournalHeader header, final int instrumentId, final Path config, final Path journal)
    {
        final StringBuilder held = new StringBuilder();
        for (final JournalInstrument instrument : header.instruments())
        {
            if (instrument.id() == instrumentId)
            {
                return instrument;
            }
            held.append(held.length() > 0 ? "," : "").append(instrument.id());
        }
        throw new IllegalArgumentException(
            config + ": instrument.id=" + instrumentId + " but journal " + journal + " holds instrument(s) [" + held + "]");
    }
}
