package io.ticklane.runtime.cli;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.runtime.config.StrategyConfig;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.ReplaceOrderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/**
 * {@code ticklane replay}: drives the trading pipeline from a journal's inbound records, with time taken only from
 * the records, and prints the SHA-256 of the outbound order frames. The same journal and configuration give the same
 * hash on every run and every machine: the proof that live and replay run the same deterministic code.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay a journal's inbound records through the strategy of --config and hash what it sends.",
        "Prints records replayed, orders sent by kind and sha256=<hex> of the outbound SBE frames, in order.",
        "Without a venue nothing answers the orders: an imported market data journal shows the first decisions;",
        "a journal of a live run (reports included) reproduces the run."
    })
public final class ReplayCommand implements Callable<Integer>
{
    private static final int PROGRESS_INTERVAL = 1_000_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory.")
    private Path journal;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Strategy configuration (.properties).")
    private Path config;

    public Integer call() throws IOException, NoSuchAlgorithmException
    {
        final StrategyConfig strategyConfig = StrategyConfig.load(config);
        final PrintWriter err = spec.commandLine().getErr();
        final OutboundHash outbound = new OutboundHash();
        final QuotingStrategy strategy = strategyConfig.newStrategy(outbound);
        final long replayed;
        try (JournalReader reader = JournalReader.open(journal))
        {
            requireInstrument(reader, strategyConfig.instrumentId());
            final Inbound inbound = new Inbound(strategy);
            long records = 0;
            int read;
            while ((read = reader.poll(inbound, PROGRESS_INTERVAL)) > 0)
            {
                records += read;
                if (read == PROGRESS_INTERVAL)
                {
                    err.printf("replay: %,d records...%n", records);
                }
            }
            replayed = inbound.replayed;
        }

        final PrintWriter out = spec.commandLine().getOut();
        out.println("journal=" + journal + " config=" + config + " config_sha256=" + strategyConfig.sha256());
        out.println("inbound=" + replayed + " new=" + outbound.news + " cancel=" + outbound.cancels +
            " replace=" + outbound.replaces + " risk_rejections=" + strategy.riskRejections() +
            " position=" + strategy.position().position());
        out.println("sha256=" + HexFormat.of().formatHex(outbound.digest.digest()));
        out.flush();
        return ExitCodes.OK;
    }

    private void requireInstrument(final JournalReader reader, final int instrumentId)
    {
        final StringBuilder held = new StringBuilder();
        for (final JournalInstrument instrument : reader.header().instruments())
        {
            if (instrument.id() == instrumentId)
            {
                return;
            }
            held.append(held.length() > 0 ? "," : "").append(instrument.id());
        }
        throw new IllegalArgumentException(
            config + ": instrument.id=" + instrumentId + " but journal " + journal + " holds instrument(s) [" + held + "]");
    }

    /**
     * Feeds the inbound records to the strategy; outbound records of a live run's journal are not replayed, they are
     * what the replay reproduces.
     */
    private static final class Inbound implements io.ticklane.journal.queue.JournalRecordHandler
    {
        private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final QuotingStrategy strategy;
        private long replayed;

        Inbound(final QuotingStrategy strategy)
        {
            this.strategy = strategy;
        }

        public void onRecord(
            final Direction direction,
            final int stream,
            final long receiveTimeNs,
            final DirectBuffer buffer,
            final int offset,
            final int length)
        {
            if (Direction.IN != direction)
            {
                return;
            }
            frame.wrap(buffer, offset, length);
            header.wrap(frame, 0);
            strategy.onMessage(header.templateId(), frame, 0, length);
            replayed++;
        }
    }

    /**
     * SHA-256 over every outbound frame's bytes, in order, without allocating per frame.
     */
    private static final class OutboundHash implements org.agrona.concurrent.MessageHandler
    {
        private final MessageDigest digest;
        private final byte[] scratch = new byte[4096];
        private long news;
        private long cancels;
        private long replaces;

        OutboundHash() throws NoSuchAlgorithmException
        {
            digest = MessageDigest.getInstance("SHA-256");
        }

        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            buffer.getBytes(index, scratch, 0, length);
            digest.update(scratch, 0, length);
            switch (msgTypeId)
            {
                case NewOrderEncoder.TEMPLATE_ID:
                    news++;
                    break;
                case CancelOrderEncoder.TEMPLATE_ID:
                    cancels++;
                    break;
                case ReplaceOrderEncoder.TEMPLATE_ID:
                    replaces++;
                    break;
                default:
                    break;
            }
        }
    }
}
