package io.ticklane.marketmaking.strategy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.StrategyCheckpointDecoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzzed bytes as a checkpoint record given to {@link QuotingStrategy#restore}: the answer is a {@link CheckpointCheck}
 * and never an exception. A refusal leaves the strategy exactly as it was; a VALID restore leaves a strategy whose own
 * checkpoint restores VALID into a fresh strategy and comes out byte for byte the same.
 * <p>
 * Input: a mode byte, then the record. Mode bit 0 seals the record first (an SBE record's CRC32C over its stated
 * length, or a v1 record's over {@code [16, stated)}), so the fuzzer gets past the checksum to the checks of every
 * field; bit 1 places the record at offset 8 of its buffer rather than 0. The buffer ends where the record does, so a
 * read past the record's bytes fails loudly.
 * Corpus: src/test/resources/io/ticklane/marketmaking/strategy/CheckpointRestoreFuzzTestInputs/&lt;method&gt;/.
 */
class CheckpointRestoreFuzzTest
{
    private static final String QUOTER = CheckpointFixtureWriter.QUOTER;
    private static final int SEAL = 1;
    private static final int AT_OFFSET = 2;
    private static final int OFFSET = 8;
    private static final int SBE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + StrategyCheckpointDecoder.messageLengthEncodingOffset();
    private static final int V1_LENGTH = 8;
    private static final int V1_CHECKSUM = 12;
    private static final int V1_CHECKSUMMED_FROM = 16;

    private static StrategyHarness fresh = new StrategyHarness(QUOTER);
    private static byte[] freshState = state(fresh.strategy);

    @FuzzTest
    void anyBytesRestoreOrAreRefusedWithAReason(final byte[] data)
    {
        final int mode = data.length > 0 ? data[0] : 0;
        final int offset = 0 != (mode & AT_OFFSET) ? OFFSET : 0;
        final int length = Math.max(0, data.length - 1);
        final byte[] bytes = new byte[offset + length];
        System.arraycopy(data, Math.min(1, data.length), bytes, offset, length);
        final UnsafeBuffer record = new UnsafeBuffer(bytes);
        if (0 != (mode & SEAL))
        {
            seal(record, offset, length);
        }

        final CheckpointCheck check = fresh.strategy.restore(record, offset, length);

        if (CheckpointCheck.VALID != check)
        {
            assertArrayEquals(freshState, state(fresh.strategy), () -> "a refused record (" + check + ") changed the strategy");
            return;
        }
        StrategyCheckpoint.lastJournalIndex(record, offset);
        final byte[] restored = state(fresh.strategy);
        final StrategyHarness again = new StrategyHarness(QUOTER);
        assertEquals(CheckpointCheck.VALID, again.strategy.restore(new UnsafeBuffer(restored), 0, restored.length),
            "the restored strategy's own checkpoint restores");
        assertArrayEquals(restored, state(again.strategy), "and comes out the same");
        fresh = new StrategyHarness(QUOTER);
        freshState = state(fresh.strategy);
    }

    private static byte[] state(final QuotingStrategy strategy)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[strategy.maxCheckpointLength()]);
        final int length = strategy.checkpoint(buffer, 0, 42);
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    private static void seal(final UnsafeBuffer record, final int offset, final int length)
    {
        if (LegacyCheckpointV1.isV1(record, offset, length))
        {
            if (length >= V1_CHECKSUMMED_FROM)
            {
                final int stated = record.getInt(offset + V1_LENGTH, ByteOrder.LITTLE_ENDIAN);
                if (stated >= V1_CHECKSUMMED_FROM && stated <= length)
                {
                    final CRC32C crc = new CRC32C();
                    crc.update(record.byteArray(), offset + V1_CHECKSUMMED_FROM, stated - V1_CHECKSUMMED_FROM);
                    record.putInt(offset + V1_CHECKSUM, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
                }
            }
        }
        else if (length >= SBE_LENGTH + Integer.BYTES)
        {
            final long stated = record.getInt(offset + SBE_LENGTH, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            if (stated >= SBE_LENGTH + Integer.BYTES && stated <= length)
            {
                final QuotingStrategy s = fresh.strategy;
                new StrategyCheckpoint(s.orders(), s.position(), s.quoteManager(), s.risk()).seal(record, offset, (int)stated);
            }
        }
    }
}
