package io.ticklane.backtest.replay;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalRecordHandler;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.ReplaceOrderEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Drives a strategy with a journal's inbound records, time only from the records, and hashes the order frames it
 * sends; and hashes a journal's own outbound records. The two hashes are equal when a replay reproduces the run that
 * wrote the journal, which is how {@code ticklane replay} and {@code ticklane demo} prove determinism. Feed it a
 * journal's inbound frames with {@code JournalReader.readInbound} or {@code pollInbound}; nothing is allocated per
 * frame.
 */
public final class JournalReplay implements MessageHandler
{
    private final FrameHash outbound = new FrameHash();
    private final QuotingStrategy strategy;
    private long replayed;

    /**
     * @param config the strategy to build (a fresh one, which sends its frames into the hash).
     */
    public JournalReplay(final StrategyConfig config)
    {
        this.strategy = config.newStrategy(outbound);
    }

    /**
     * Replays one inbound frame; the reader passes over OUT records, which are what the replay reproduces.
     * {@inheritDoc}
     */
    public void onMessage(final int templateId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        strategy.onMessage(templateId, buffer, index, length);
        replayed++;
    }

    /**
     * @return the replayed strategy.
     */
    public QuotingStrategy strategy()
    {
        return strategy;
    }

    /**
     * @return inbound records replayed.
     */
    public long replayed()
    {
        return replayed;
    }

    /**
     * @return the hash of what the strategy sent.
     */
    public FrameHash outbound()
    {
        return outbound;
    }

    /**
     * A handler that hashes only a journal's OUT records: the live run's outbound frames.
     *
     * @param into where the frames' bytes go.
     * @return the handler.
     */
    public static JournalRecordHandler journaledOutbound(final FrameHash into)
    {
        return (direction, stream, receiveTimeNs, buffer, offset, length) ->
        {
            if (Direction.OUT == direction)
            {
                into.add(buffer, offset, length);
            }
        };
    }

    /**
     * SHA-256 over frames' bytes in order, with counts of order frames by kind; copies through one scratch array.
     */
    public static final class FrameHash implements MessageHandler
    {
        private final MessageDigest digest;
        private final byte[] scratch = new byte[4096];
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private long news;
        private long cancels;
        private long replaces;
        private long frames;

        /**
         * A new, empty hash.
         */
        public FrameHash()
        {
            try
            {
                digest = MessageDigest.getInstance("SHA-256");
            }
            catch (final NoSuchAlgorithmException ex)
            {
                throw new IllegalStateException("this JVM has no SHA-256", ex);
            }
        }

        /**
         * {@inheritDoc}
         */
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            add(buffer, index, length);
        }

        void add(final DirectBuffer buffer, final int offset, final int length)
        {
            buffer.getBytes(offset, scratch, 0, length);
            digest.update(scratch, 0, length);
            frames++;
            switch (header.wrap(buffer, offset).templateId())
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

        /**
         * @return the hex SHA-256 of the frames so far (the hash is then reset).
         */
        public String sha256()
        {
            return HexFormat.of().formatHex(digest.digest());
        }

        /**
         * @return frames hashed.
         */
        public long frames()
        {
            return frames;
        }

        /**
         * @return NewOrder frames.
         */
        public long news()
        {
            return news;
        }

        /**
         * @return CancelOrder frames.
         */
        public long cancels()
        {
            return cancels;
        }

        /**
         * @return ReplaceOrder frames.
         */
        public long replaces()
        {
            return replaces;
        }
    }
}
