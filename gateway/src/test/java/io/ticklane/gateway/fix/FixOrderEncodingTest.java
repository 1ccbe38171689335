package io.ticklane.gateway.fix;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.fix44.builder.OrderCancelReplaceRequestEncoder;
import io.ticklane.fix44.builder.OrderCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassCancelRequestEncoder;
import io.ticklane.fix44.builder.OrderMassStatusRequestEncoder;
import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.CancelOrderEncoder;
import io.ticklane.sbe.MassCancelDecoder;
import io.ticklane.sbe.MassCancelEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderStatusRequestDecoder;
import io.ticklane.sbe.OrderStatusRequestEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.ReplaceOrderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each SBE order becomes the FIX 4.4 message the spec prescribes, with values computed by hand: BTCUSD has a tick of
 * 0.5 and a lot of 0.001, so 120001 ticks are 60000.5 and 250 lots are 0.25; 1_700_000_000_123_456_789 ns is
 * 2023-11-14 22:13:20.123 UTC.
 */
class FixOrderEncodingTest
{
    static final FixInstrument BTCUSD = new FixInstrument(7, "BTCUSD", 5, 1, 1, 3);
    static final long SENDING_TIME_NS = 1_700_000_000_123_456_789L;
    static final String TRANSACT_TIME = "20231114-22:13:20.123";

    private final FixOrderEncoding encoding = new FixOrderEncoding(new FixInstruments(List.of(BTCUSD)));
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    @Test
    void limitGtcBuyBecomesANewOrderSingle()
    {
        final NewOrderSingleEncoder out = new NewOrderSingleEncoder();
        assertTrue(encoding.newOrderSingle(newOrder(42, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 120_001, 250), out));

        final Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("D", fields.get(35));
        assertEquals("42", fields.get(11));
        assertEquals("BTCUSD", fields.get(55));
        assertEquals("1", fields.get(54));
        assertEquals("2", fields.get(40));
        assertDecimal("60000.5", fields.get(44));
        assertDecimal("0.25", fields.get(38));
        assertEquals("1", fields.get(59));
        assertEquals(TRANSACT_TIME, fields.get(60));
        assertFalse(fields.containsKey(18), "no ExecInst unless post-only");
    }

    @Test
    void postOnlyIsGtcWithExecInstParticipateDoNotInitiate()
    {
        final NewOrderSingleEncoder out = new NewOrderSingleEncoder();
        assertTrue(encoding.newOrderSingle(newOrder(43, 7, Side.SELL, OrderType.LIMIT, TimeInForce.POST_ONLY, 2, 1), out));

        final Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("2", fields.get(54));
        assertEquals("1", fields.get(59));
        assertEquals("6", fields.get(18));
        assertDecimal("1", fields.get(44));
        assertDecimal("0.001", fields.get(38));
    }

    @Test
    void timeInForceMapsToFix()
    {
        final NewOrderSingleEncoder out = new NewOrderSingleEncoder();
        final TimeInForce[] ours = { TimeInForce.DAY, TimeInForce.IOC, TimeInForce.FOK };
        final String[] fix = { "0", "3", "4" };
        for (int i = 0; i < ours.length; i++)
        {
            assertTrue(encoding.newOrderSingle(newOrder(44 + i, 7, Side.BUY, OrderType.LIMIT, ours[i], 10, 10), out));
            final Map<Integer, String> fields = FixTestMessages.fields(out);
            assertEquals(fix[i], fields.get(59), ours[i].name());
            assertFalse(fields.containsKey(18), "the encoder was reset: no post-only left over");
        }
    }

    @Test
    void marketOrderCarriesNoPrice()
    {
        final NewOrderSingleEncoder out = new NewOrderSingleEncoder();
        assertTrue(encoding.newOrderSingle(newOrder(50, 7, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 3), out));

        final Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("1", fields.get(40));
        assertFalse(fields.containsKey(44));
        assertDecimal("0.003", fields.get(38));
    }

    @Test
    void unknownInstrumentAndOverflowAreRefusedAndCounted()
    {
        final NewOrderSingleEncoder out = new NewOrderSingleEncoder();
        assertFalse(encoding.newOrderSingle(newOrder(51, 8, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 10), out));
        assertEquals(1, encoding.refusals(FixOrderRefusal.UNKNOWN_INSTRUMENT));

        assertFalse(encoding.newOrderSingle(
            newOrder(52, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, Long.MAX_VALUE / 2, 10), out));
        assertEquals(1, encoding.refusals(FixOrderRefusal.OUT_OF_RANGE));

        assertFalse(encoding.newOrderSingle(newOrder(53, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 0), out));
        assertEquals(2, encoding.refusals(FixOrderRefusal.OUT_OF_RANGE), "a zero quantity is no order");
        assertEquals(0, encoding.refusals(FixOrderRefusal.UNSUPPORTED_VALUE));
    }

    @Test
    void cancelBecomesAnOrderCancelRequest()
    {
        final CancelOrderEncoder sbe = new CancelOrderEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).clientOrderId(43).origClientOrderId(42).instrumentId(7).side(Side.SELL);
        final OrderCancelRequestEncoder out = new OrderCancelRequestEncoder();
        assertTrue(encoding.orderCancelRequest(
            new CancelOrderDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion()), out));

        final Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("F", fields.get(35));
        assertEquals("42", fields.get(41));
        assertEquals("43", fields.get(11));
        assertEquals("2", fields.get(54));
        assertEquals("BTCUSD", fields.get(55));
        assertEquals(TRANSACT_TIME, fields.get(60));
    }

    @Test
    void replaceBecomesAnOrderCancelReplaceRequest()
    {
        final ReplaceOrderEncoder sbe = new ReplaceOrderEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).clientOrderId(44).origClientOrderId(42).instrumentId(7).side(Side.BUY)
            .price(119_999).quantity(1_000);
        final OrderCancelReplaceRequestEncoder out = new OrderCancelReplaceRequestEncoder();
        assertTrue(encoding.orderCancelReplaceRequest(
            new ReplaceOrderDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion()), out));

        final Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("G", fields.get(35));
        assertEquals("42", fields.get(41));
        assertEquals("44", fields.get(11));
        assertEquals("1", fields.get(54));
        assertEquals("2", fields.get(40));
        assertDecimal("59999.5", fields.get(44));
        assertDecimal("1", fields.get(38));
        assertEquals(TRANSACT_TIME, fields.get(60));
        assertFalse(fields.containsKey(59), "order 42 was never sent here: its time in force is not known");
        assertFalse(fields.containsKey(18));
        assertEquals(1, encoding.replacesWithoutTimeInForce(), "counted");
    }

    @Test
    void aReplaceRepeatsTheOrdersTimeInForceThroughAChainOfReplaces()
    {
        // FIX 4.4 lets a venue default a field left off a replace: a post-only quote must stay post-only
        final NewOrderSingleEncoder order = new NewOrderSingleEncoder();
        assertTrue(encoding.newOrderSingle(newOrder(60, 7, Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, 10, 10), order));
        final Map<Integer, String> first = FixTestMessages.fields(replace(61, 60));
        assertEquals("1", first.get(59));
        assertEquals("6", first.get(18));
        final Map<Integer, String> second = FixTestMessages.fields(replace(62, 61));
        assertEquals("1", second.get(59), "the new id inherits the order's time in force");
        assertEquals("6", second.get(18));

        assertTrue(encoding.newOrderSingle(newOrder(63, 7, Side.SELL, OrderType.LIMIT, TimeInForce.DAY, 10, 10), order));
        final Map<Integer, String> day = FixTestMessages.fields(replace(64, 63));
        assertEquals("0", day.get(59));
        assertFalse(day.containsKey(18), "the encoder was reset: no post-only left over");
        assertEquals(0, encoding.replacesWithoutTimeInForce());
    }

    @Test
    void anOrderOlderThanTheMemoryIsUnknownNeverAnotherOrdersTimeInForce()
    {
        final NewOrderSingleEncoder order = new NewOrderSingleEncoder();
        assertTrue(encoding.newOrderSingle(newOrder(70, 7, Side.BUY, OrderType.LIMIT, TimeInForce.POST_ONLY, 10, 10), order));
        final long sameSlot = 70 + OrderTimeInForceMemory.CAPACITY;
        assertTrue(encoding.newOrderSingle(
            newOrder(sameSlot, 7, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 10, 10), order));

        final Map<Integer, String> fields = FixTestMessages.fields(replace(sameSlot + 1, 70));
        assertFalse(fields.containsKey(59), "the slot now holds a newer order: 70 is unknown");
        assertEquals(1, encoding.replacesWithoutTimeInForce());
    }

    private OrderCancelReplaceRequestEncoder replace(final long clientOrderId, final long origClientOrderId)
    {
        final ReplaceOrderEncoder sbe = new ReplaceOrderEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).clientOrderId(clientOrderId).origClientOrderId(origClientOrderId)
            .instrumentId(7).side(Side.BUY).price(10).quantity(10);
        final OrderCancelReplaceRequestEncoder out = new OrderCancelReplaceRequestEncoder();
        assertTrue(encoding.orderCancelReplaceRequest(
            new ReplaceOrderDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion()), out));
        return out;
    }

    @Test
    void orderStatusRequestBecomesAnOrderMassStatusRequest()
    {
        final OrderStatusRequestEncoder sbe = new OrderStatusRequestEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).requestId(9).instrumentId(0);
        final OrderMassStatusRequestEncoder out = new OrderMassStatusRequestEncoder();
        final OrderStatusRequestDecoder decoder =
            new OrderStatusRequestDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion());
        assertTrue(encoding.orderMassStatusRequest(decoder, out));

        Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("AF", fields.get(35));
        assertEquals("9", fields.get(584));
        assertEquals("7", fields.get(585));
        assertFalse(fields.containsKey(55));

        sbe.instrumentId(7);
        assertTrue(encoding.orderMassStatusRequest(decoder, out));
        fields = FixTestMessages.fields(out);
        assertEquals("1", fields.get(585));
        assertEquals("BTCUSD", fields.get(55));
    }

    @Test
    void massCancelBecomesAnOrderMassCancelRequest()
    {
        final MassCancelEncoder sbe = new MassCancelEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).requestId(77).instrumentId(7).side(Side.NULL_VAL);
        final MassCancelDecoder decoder = new MassCancelDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion());
        final OrderMassCancelRequestEncoder out = new OrderMassCancelRequestEncoder();
        assertTrue(encoding.orderMassCancelRequest(decoder, out));

        Map<Integer, String> fields = FixTestMessages.fields(out);
        assertEquals("q", fields.get(35));
        assertEquals("77", fields.get(11));
        assertEquals("1", fields.get(530));
        assertEquals("BTCUSD", fields.get(55));
        assertFalse(fields.containsKey(54), "both sides");
        assertEquals(TRANSACT_TIME, fields.get(60));

        sbe.instrumentId(0).side(Side.SELL);
        assertTrue(encoding.orderMassCancelRequest(decoder, out));
        fields = FixTestMessages.fields(out);
        assertEquals("7", fields.get(530));
        assertEquals("2", fields.get(54));
        assertFalse(fields.containsKey(55));
    }

    private NewOrderDecoder newOrder(
        final long id,
        final long instrumentId,
        final Side side,
        final OrderType type,
        final TimeInForce tif,
        final long price,
        final long quantity)
    {
        final NewOrderEncoder sbe = new NewOrderEncoder().wrap(buffer, 0)
            .sendingTimeNs(SENDING_TIME_NS).clientOrderId(id).instrumentId(instrumentId).side(side).orderType(type)
            .timeInForce(tif).price(price).quantity(quantity);
        return new NewOrderDecoder().wrap(buffer, 0, sbe.sbeBlockLength(), sbe.sbeSchemaVersion());
    }

    private static void assertDecimal(final String expected, final String actual)
    {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)), expected + " vs " + actual);
    }
}
