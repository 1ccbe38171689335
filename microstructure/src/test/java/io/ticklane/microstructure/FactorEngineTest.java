package io.ticklane.microstructure;

import io.ticklane.orderbook.L2Book;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FactorEngineTest
{
    private static final int INSTRUMENT = 3;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final L2Book book = new L2Book(INSTRUMENT, 1024);
    private final Recorder recorder = new Recorder();
    private final FactorEngine engine = new FactorEngine(book, List.of(recorder, new io.ticklane.microstructure.price.MidPrice("mid")));

    @Test
    void factorsSeeEveryEventWithItsReceiveTimeOnceTheBookIsLive()
    {
        update(1_000, 5, 4, 100, 3); // before any snapshot: the book is EMPTY
        snapshot(2_000, 10);
        update(3_000, 11, 10, 101, 0);
        trade(4_000, 12, 10_150, 7, AggressorSide.SELL);

        assertEquals(1, engine.eventsWhileNotLive());
        assertEquals(List.of("B2000", "B3000", "T4000:101.5x7/-1"), recorder.seen);
        final FactorSnapshot snapshot = engine.snapshot();
        assertEquals(3, snapshot.events());
        assertEquals(4_000, snapshot.eventTimeNs());
        final int mid = snapshot.indexOf("mid");
        assertEquals(101.0, snapshot.value(mid), "bid 100, ask 102 after the update removed 101");
        assertEquals(3_000, snapshot.updatedAtNs(mid), "the trade did not change the mid");
    }

    @Test
    void duplicateIdsAreAConfigurationError()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new FactorEngine(book, List.of(new Recorder(), new Recorder())));
    }

    @Test
    void unknownFactorInSnapshotIsAConfigurationError()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> engine.snapshot().indexOf("vpni"));
        assertTrue(ex.getMessage().contains("recorder,mid"), ex.getMessage());
    }

    private void snapshot(final long timeNs, final long sequence)
    {
        final L2SnapshotEncoder encoder = new L2SnapshotEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(sequence);
        final L2SnapshotEncoder.LevelsEncoder levels = encoder.levelsCount(3);
        levels.next().side(Side.BUY).price(100).quantity(5);
        levels.next().side(Side.SELL).price(101).quantity(2);
        levels.next().side(Side.SELL).price(102).quantity(9);
        engine.onMessage(L2SnapshotEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void update(final long timeNs, final long sequence, final long prev, final long price, final long qty)
    {
        final L2UpdateEncoder encoder = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(sequence).prevSequence(prev);
        encoder.levelsCount(1).next().side(Side.SELL).action(0 == qty ? L2Action.DELETE : L2Action.CHANGE)
            .price(price).quantity(qty);
        engine.onMessage(L2UpdateEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private void trade(final long timeNs, final long sequence, final long priceUnits, final long qty, final AggressorSide side)
    {
        // 100 price units per tick (LOBSTER-like): a print at 10150 units is 101.5 ticks.
        final io.ticklane.sbe.InstrumentDefinitionEncoder definition = new io.ticklane.sbe.InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(buffer, 0, header).instrumentId(INSTRUMENT).tickSize(100).lotSize(1);
        engine.onMessage(io.ticklane.sbe.InstrumentDefinitionEncoder.TEMPLATE_ID, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        final TradeEncoder encoder = new TradeEncoder().wrapAndApplyHeader(buffer, 0, header)
            .exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(INSTRUMENT).sequence(sequence)
            .tradeId(sequence).priceUnits(priceUnits).quantity(qty).aggressorSide(side).tradeType(TradeType.REGULAR);
        engine.onMessage(TradeEncoder.TEMPLATE_ID, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private static final class Recorder extends Factor
    {
        final List<String> seen = new ArrayList<>();

        Recorder()
        {
            super("recorder");
        }

        public void onEvent(final MarketEvent event)
        {
            seen.add(MarketEvent.BOOK == event.kind() ? "B" + event.timeNs() :
                "T" + event.timeNs() + ":" + event.tradePrice() + "x" + event.tradeQuantity() + "/" + event.aggressor());
        }

        public double value()
        {
            return seen.size();
        }
    }
}
