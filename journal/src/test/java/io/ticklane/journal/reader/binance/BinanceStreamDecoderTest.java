package io.ticklane.journal.reader.binance;

import io.ticklane.journal.reader.InputFormatException;
import io.ticklane.sbe.InstrumentDefinitionDecoder;
import io.ticklane.sbe.L2SnapshotDecoder;
import io.ticklane.sbe.L2UpdateDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder a live handler drives one message at a time: a REST snapshot that arrives after the first update
 * bridges it, a lost connection marks a synchronised receiver stale at once, and a malformed message is refused
 * without disturbing the state.
 */
class BinanceStreamDecoderTest
{
    private static final String SNAPSHOT_100 = "{\"lastUpdateId\":100,\"bids\":[[\"10.00\",\"1.0\"]],\"asks\":[[\"10.10\",\"2.0\"]]}";

    private final List<String> frames = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final L2UpdateDecoder update = new L2UpdateDecoder();
    private final L2SnapshotDecoder snapshot = new L2SnapshotDecoder();
    private final BinanceStreamDecoder decoder = new BinanceStreamDecoder(
        BinanceMarket.SPOT, 7, BinanceStreamDecoder.givenSizes(new BigDecimal("0.01"), new BigDecimal("0.1")));

    BinanceStreamDecoderTest()
    {
        decoder.handler((msgTypeId, buffer, index, length) ->
        {
            header.wrap(buffer, index);
            switch (msgTypeId)
            {
                case InstrumentDefinitionDecoder.TEMPLATE_ID:
                    frames.add("definition");
                    break;
                case L2SnapshotDecoder.TEMPLATE_ID:
                    snapshot.wrapAndApplyHeader(buffer, index, header);
                    frames.add("snapshot " + snapshot.sequence() + " levels=" + snapshot.levels().count());
                    break;
                case L2UpdateDecoder.TEMPLATE_ID:
                    update.wrapAndApplyHeader(buffer, index, header);
                    frames.add("update " + update.sequence() + " prev=" + update.prevSequence() + " levels=" + update.levels().count() +
                        " at=" + update.receiveTimeNs());
                    break;
                default:
                    frames.add("template " + msgTypeId);
                    break;
            }
        });
    }

    @Test
    void aSnapshotFetchedAfterTheFirstUpdateIsBridgedByIt()
    {
        assertTrue(decoder.awaitingSnapshot(), "nothing synchronised yet");
        decode(depth(99, 101, "10.01", "0.5"), 5);
        assertTrue(frames.isEmpty(), "an update before any snapshot is only buffered: " + frames);
        assertEquals(1, decoder.counters().pendingUpdates());

        decode(SNAPSHOT_100, 6);

        assertEquals(List.of("definition", "snapshot 100 levels=2", "update 101 prev=100 levels=1 at=5"), frames);
        assertFalse(decoder.awaitingSnapshot());
    }

    @Test
    void aLostConnectionPublishesAnEmptyUpdateNoBookCanChainThenWaitsForASnapshot()
    {
        decode(depth(99, 101, "10.01", "0.5"), 5);
        decode(SNAPSHOT_100, 6);
        frames.clear();

        decoder.connectionLost(42);

        assertEquals(List.of("update 101 prev=-1 levels=0 at=42"), frames);
        assertTrue(decoder.awaitingSnapshot());
        assertEquals(0, decoder.counters().pendingUpdates());
        assertEquals(1, decoder.counters().gaps());

        frames.clear();
        decoder.connectionLost(43);
        assertTrue(frames.isEmpty(), "a receiver already told is not told twice: " + frames);
    }

    @Test
    void aMalformedMessageIsRefusedAndTheNextOneStillChains()
    {
        decode(depth(99, 101, "10.01", "0.5"), 5);
        decode(SNAPSHOT_100, 6);
        frames.clear();

        assertThrows(InputFormatException.class, () -> decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"dep", 7));
        assertThrows(InputFormatException.class, () -> decode(depth(102, 102, "10.015", "1.0"), 8), "off the 0.01 grid");
        decode(depth(102, 102, "10.02", "1.0"), 9);

        assertEquals(List.of("update 102 prev=101 levels=1 at=9"), frames);
        assertFalse(decoder.awaitingSnapshot());
    }

    @Test
    void aSnapshotOnTheStreamOrAStreamMessageAsTheSnapshotIsRefused()
    {
        final byte[] snapshotBytes = SNAPSHOT_100.getBytes(StandardCharsets.UTF_8);
        final byte[] depthBytes = depth(99, 101, "10.01", "0.5").getBytes(StandardCharsets.UTF_8);

        assertThrows(InputFormatException.class, () -> decoder.onStreamMessage(snapshotBytes, 0, snapshotBytes.length, 1, "ws", 1));
        assertThrows(InputFormatException.class, () -> decoder.onSnapshot(depthBytes, 0, depthBytes.length, 2, "rest", 1));
        decoder.onStreamMessage(depthBytes, 0, depthBytes.length, 3, "ws", 2);
        decoder.onSnapshot(snapshotBytes, 0, snapshotBytes.length, 4, "rest", 2);

        assertEquals(List.of("definition", "snapshot 100 levels=2", "update 101 prev=100 levels=1 at=3"), frames);
    }

    private void decode(final String json, final long receiveTimeNs)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        decoder.onMessage(bytes, 0, bytes.length, receiveTimeNs, "test", 1);
    }

    private static String depth(final long first, final long last, final String price, final String quantity)
    {
        return "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1000,\"s\":\"BTCUSDT\",\"U\":" + first +
            ",\"u\":" + last + ",\"b\":[[\"" + price + "\",\"" + quantity + "\"]],\"a\":[]}}";
    }
}
