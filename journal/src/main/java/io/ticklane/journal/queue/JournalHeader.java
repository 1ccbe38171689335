package io.ticklane.journal.queue;

import io.ticklane.sbe.MessageHeaderEncoder;

import java.util.List;
import java.util.Objects;

/**
 * What a journal says about itself before its first record: layout and SBE schema versions, the instruments, the
 * config hash, code version and where the data came from. A backtest's result is a function of the journal, the
 * config and the code, so all three are named here.
 */
public final class JournalHeader
{
    private final int formatVersion;
    private final int schemaId;
    private final int schemaVersion;
    private final List<JournalInstrument> instruments;
    private final String configHash;
    private final String codeVersion;
    private final String source;

    /**
     * @param formatVersion journal layout version.
     * @param schemaId      SBE schema id of the frames.
     * @param schemaVersion SBE schema version of the frames.
     * @param instruments   instruments the frames refer to.
     * @param configHash    hash of the configuration the journal was written under ("none" if there was none).
     * @param codeVersion   version of the code that wrote it.
     * @param source        human description of where the records came from.
     */
    public JournalHeader(
        final int formatVersion,
        final int schemaId,
        final int schemaVersion,
        final List<JournalInstrument> instruments,
        final String configHash,
        final String codeVersion,
        final String source)
    {
        this.formatVersion = formatVersion;
        this.schemaId = schemaId;
        this.schemaVersion = schemaVersion;
        this.instruments = List.copyOf(instruments);
        this.configHash = Objects.requireNonNull(configHash, "configHash");
        this.codeVersion = Objects.requireNonNull(codeVersion, "codeVersion");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * A header for a journal written now, by this build: current format and the generated codecs' schema.
     *
     * @param instruments instruments the frames refer to.
     * @param configHash  hash of the configuration ("none" if there is none).
     * @param codeVersion version of the running code.
     * @param source      where the records come from.
     * @return the header.
     */
    public static JournalHeader current(
        final List<JournalInstrument> instruments, final String configHash, final String codeVersion, final String source)
    {
        return new JournalHeader(JournalFormat.FORMAT_VERSION, MessageHeaderEncoder.SCHEMA_ID,
            MessageHeaderEncoder.SCHEMA_VERSION, instruments, configHash, codeVersion, source);
    }

    /**
     * @return journal layout version.
     */
    public int formatVersion()
    {
        return formatVersion;
    }

    /**
     * @return SBE schema id of the frames.
     */
    public int schemaId()
    {
        return schemaId;
    }

    /**
     * @return SBE schema version of the frames.
     */
    public int schemaVersion()
    {
        return schemaVersion;
    }

    /**
     * @return instruments the frames refer to.
     */
    public List<JournalInstrument> instruments()
    {
        return instruments;
    }

    /**
     * @return hash of the configuration the journal was written under.
     */
    public String configHash()
    {
        return configHash;
    }

    /**
     * @return version of the code that wrote the journal.
     */
    public String codeVersion()
    {
        return codeVersion;
    }

    /**
     * @return where the records came from.
     */
    public String source()
    {
        return source;
    }

    @Override
    public boolean equals(final Object o)
    {
        if (!(o instanceof JournalHeader))
        {
            return false;
        }
        final JournalHeader that = (JournalHeader)o;
        return formatVersion == that.formatVersion && schemaId == that.schemaId && schemaVersion == that.schemaVersion &&
            instruments.equals(that.instruments) && configHash.equals(that.configHash) &&
            codeVersion.equals(that.codeVersion) && source.equals(that.source);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(formatVersion, schemaId, schemaVersion, instruments, configHash, codeVersion, source);
    }

    @Override
    public String toString()
    {
        return "format=" + formatVersion + " schema=" + schemaId + "/" + schemaVersion + " config=" + configHash +
            " code=" + codeVersion + " source=" + source + " instruments=" + instruments;
    }
}
