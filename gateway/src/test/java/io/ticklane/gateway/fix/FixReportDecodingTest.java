package io.ticklane.gateway.fix;

import java.util.List;

import io.ticklane.fix44.decoder.BusinessMessageRejectDecoder;
import io.ticklane.fix44.decoder.OrderCancelRejectDecoder;
import io.ticklane.fix44.decoder.RejectDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.TimeInForce;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.LiquidityFlag;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.OrderStatusCompleteDecoder;
import io.ticklane.sbe.RejectReason;
import io.ticklane.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FIX 4.4 answers, written as a venue sends them, become the SBE reports the simulated venue would have sent; the
 * expected ticks and lots are computed by hand for BTCUSD (tick 0.5, lot 0.001): 60000.5 is 120001 ticks, 60000 is
 * 120000, 0.25 is 250 lots, 0.1 is 100; TransactTime 20231114-22:13:20.123 is 1_700_000_000_123_000_000 ns.
 */
class FixReportDecodingTest
{
    private static final long LOCAL_NS = 1_700_000_000_500_000_000L;
    private static final String ORDER = "55=BTCUSD|54=1|38=0.25|40=2|44=60000.5|60=20231114-22:13:20.123|";

    private final OrderTimeInForceMemory timesInForce = new OrderTimeInForceMemory();
    private final FixReportDecoding decoding = new FixReportDecoding(
        new FixInstruments(List.of(FixOrderEncodingTest.BTCUSD, new FixInstrument(9, "ETHUSD", 1, 2, 1, 2))), timesInForce);
    private final io.ticklane.fix44.decoder.ExecutionReportDecoder fixReport =
        new io.ticklane.fix44.decoder.ExecutionReportDecoder();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();

    @Test
    void newOrderAckKeepsPriceAndQuantityExact()
    {
        decode("35=8|37=900|11=42|17=1|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");

        assertEquals(ExecType.ACK, report.execType());
        assertEquals(1_700_000_000_123_000_000L, report.venueTimeNs());
        assertEquals(LOCAL_NS, report.localTimeNs());
        assertEquals(42, report.clientOrderId());
        assertEquals(900, report.venueOrderId());
        assertEquals(1, report.execId());
        assertEquals(7, report.instrumentId());
        assertEquals(Side.BUY, report.side());
        assertEquals(120_001, report.price());
        assertEquals(250, report.orderQuantity());
        assertEquals(250, report.leavesQuantity());
        assertEquals(0, report.cumQuantity());
        assertEquals(0, report.lastQuantity());
        assertEquals(LiquidityFlag.NONE, report.liquidity());
        assertEquals(RejectReason.NONE, report.rejectReason());
    }

    @Test
    void tradeWithOrdStatusPartiallyFilledIsAPartialFill()
    {
        decode("35=8|37=900|11=42|17=2|150=F|39=1|" + ORDER + "32=0.1|31=60000|151=0.15|14=0.1|6=60000|851=1|");

        assertEquals(ExecType.PARTIAL_FILL, report.execType());
        assertEquals(120_000, report.lastPrice());
        assertEquals(100, report.lastQuantity());
        assertEquals(150, report.leavesQuantity());
        assertEquals(100, report.cumQuantity());
        assertEquals(LiquidityFlag.MAKER, report.liquidity());
    }

    @Test
    void tradeWithOrdStatusFilledIsAFill()
    {
        decode("35=8|37=900|11=42|17=3|150=F|39=2|" + ORDER + "32=0.15|31=60000.5|151=0|14=0.25|6=60000.3|851=2|");

        assertEquals(ExecType.FILL, report.execType());
        assertEquals(120_001, report.lastPrice());
        assertEquals(150, report.lastQuantity());
        assertEquals(0, report.leavesQuantity());
        assertEquals(250, report.cumQuantity());
        assertEquals(LiquidityFlag.TAKER, report.liquidity());
    }

    @Test
    void cancelledReportsTheOrderIdNotTheCancelRequestId()
    {
        decode("35=8|37=900|11=43|41=42|17=4|150=4|39=4|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(ExecType.CANCELLED, report.execType());
        assertEquals(42, report.clientOrderId());

        decode("35=8|37=900|11=42|17=5|150=C|39=C|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(ExecType.CANCELLED, report.execType(), "expired (IOC remainder, end of day) is cancelled");
        assertEquals(42, report.clientOrderId());
    }

    @Test
    void replacedReportsTheNewId()
    {
        decode("35=8|37=900|11=44|41=42|17=6|150=5|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertEquals(ExecType.REPLACED, report.execType());
        assertEquals(44, report.clientOrderId());
    }

    @Test
    void rejectedNewOrderMapsOrdRejReasonAndOrderIdNone()
    {
        decode("35=8|37=NONE|11=42|17=7|150=8|39=8|103=6|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(ExecType.REJECTED, report.execType());
        assertEquals(RejectReason.DUPLICATE_CLIENT_ORDER_ID, report.rejectReason());
        assertEquals(0, report.venueOrderId());

        decode("35=8|37=NONE|11=42|17=8|150=8|39=8|103=1|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, report.rejectReason());
        decode("35=8|37=NONE|11=42|17=9|150=8|39=8|103=99|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(RejectReason.OTHER, report.rejectReason());
    }

    @Test
    void aRejectFixHasNoCodeForTakesTheReasonItsTextNamesExactly()
    {
        // Ticklane's FIX venue sends its matching engine's reason as OrdRejReason 99 + Text (docs/decisions/fix-venue.md)
        decode("35=8|37=NONE|11=42|17=9|150=8|39=8|103=99|58=POST_ONLY_WOULD_TAKE|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(RejectReason.POST_ONLY_WOULD_TAKE, report.rejectReason());
        decode("35=8|37=NONE|11=42|17=9|150=8|39=8|103=99|58=POST_ONLY_WOULD_TAKE_NOT|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(RejectReason.OTHER, report.rejectReason(), "only an exact name");
        decode("35=8|37=NONE|11=42|17=9|150=8|39=8|103=6|58=THROTTLED|" + ORDER + "151=0|14=0|6=0|");
        assertEquals(RejectReason.DUPLICATE_CLIENT_ORDER_ID, report.rejectReason(), "a FIX code wins over Text");

        final OrderCancelRejectDecoder reject = new OrderCancelRejectDecoder();
        final MutableAsciiBuffer message = FixTestMessages.message("35=9|37=900|11=44|41=42|39=0|434=2|102=99|58=PRICE_NOT_ON_TICK|");
        reject.decode(message, 0, message.capacity());
        assertSbe(decoding.orderCancelReject(reject, 7, LOCAL_NS, out, 0));
        assertEquals(RejectReason.PRICE_NOT_ON_TICK, report.rejectReason());
    }

    @Test
    void orderStatusIsStatus()
    {
        decode("35=8|37=900|11=42|17=10|150=I|39=1|" + ORDER + "151=0.15|14=0.1|6=60000|");
        assertEquals(ExecType.STATUS, report.execType());
        assertEquals(150, report.leavesQuantity());
    }

    @Test
    void pendingStatesAreIgnoredAndTradeBustsRefused()
    {
        assertEquals(FixReportDecoding.IGNORED,
            decodeRaw("35=8|37=900|11=42|17=11|150=A|39=A|" + ORDER + "151=0.25|14=0|6=0|"));
        assertEquals(FixReportDecoding.IGNORED,
            decodeRaw("35=8|37=900|11=43|41=42|17=12|150=6|39=6|" + ORDER + "151=0.25|14=0|6=0|"));
        assertEquals(2, decoding.ignored());

        assertEquals(FixReportDecoding.REFUSED,
            decodeRaw("35=8|37=900|11=42|17=13|150=H|39=1|" + ORDER + "151=0.25|14=0|6=0|"));
        assertEquals(1, decoding.refusals(FixReportRefusal.UNSUPPORTED_EXEC_TYPE));
    }

    @Test
    void offTickOffLotUnknownSymbolAndBadIdsAreRefusedNeverRounded()
    {
        final String tail = "151=0.25|14=0|6=0|";
        assertEquals(FixReportDecoding.REFUSED, decodeRaw(
            "35=8|37=900|11=42|17=14|150=0|39=0|55=BTCUSD|54=1|38=0.25|40=2|44=60000.3|" + tail));
        assertEquals(1, decoding.refusals(FixReportRefusal.PRICE_NOT_ON_TICK));

        assertEquals(FixReportDecoding.REFUSED, decodeRaw(
            "35=8|37=900|11=42|17=15|150=0|39=0|55=BTCUSD|54=1|38=0.2505|40=2|44=60000.5|" + tail));
        assertEquals(1, decoding.refusals(FixReportRefusal.QUANTITY_NOT_ON_LOT));

        assertEquals(FixReportDecoding.REFUSED, decodeRaw(
            "35=8|37=900|11=42|17=16|150=0|39=0|55=XRPUSD|54=1|38=0.25|40=2|44=60000.5|" + tail));
        assertEquals(1, decoding.refusals(FixReportRefusal.UNKNOWN_SYMBOL));

        // our own ClOrdID must be our decimal; the venue's OrderID and ExecID must be there, printable, not NONE
        assertEquals(FixReportDecoding.REFUSED, decodeRaw("35=8|37=900|11=A42|17=17|150=0|39=0|" + ORDER + tail));
        assertEquals(FixReportDecoding.REFUSED, decodeRaw("35=8|37=NONE|11=42|17=18|150=0|39=0|" + ORDER + tail));
        assertEquals(FixReportDecoding.REFUSED, decodeRaw("35=8|37=900|11=42|17=NONE|150=0|39=0|" + ORDER + tail));
        assertEquals(FixReportDecoding.REFUSED, decodeRaw("35=8|37=900|11=42|17=" + "E".repeat(65) + "|150=0|39=0|" +
            ORDER + tail));
        assertEquals(4, decoding.refusals(FixReportRefusal.BAD_ID));

        // Another instrument's increments: ETHUSD tick 0.01, lot 0.01; 3000.07 is 300007 ticks, 1.5 is 150 lots.
        decode("35=8|37=901|11=45|17=19|150=0|39=0|55=ETHUSD|54=2|38=1.5|40=2|44=3000.07|151=1.5|14=0|6=0|");
        assertEquals(9, report.instrumentId());
        assertEquals(Side.SELL, report.side());
        assertEquals(300_007, report.price());
        assertEquals(150, report.orderQuantity());
    }

    @Test
    void theVenuesOwnIdsMayTakeAnyPrintableForm()
    {
        // decimal: its own value, as before
        decode("35=8|37=4611686018427387903|11=42|17=17|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertEquals(4_611_686_018_427_387_903L, report.venueOrderId()); // 2^62 - 1, the largest kept as it is
        assertEquals(17, report.execId());

        // anything else: the FNV-1a 64 hash of its text, in [2^62, 2^63), beyond every decimal kept as it is.
        // Reference values: FNV-1a 64 test vectors, "a" -> 0xaf63dc4c8601ec8c, "foobar" -> 0x85944171f73967e8.
        decode("35=8|37=foobar|11=42|17=a|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertEquals((1L << 62) | (0x85944171f73967e8L >>> 2), report.venueOrderId());
        assertEquals((1L << 62) | (0xaf63dc4c8601ec8cL >>> 2), report.execId());

        // the same text is the same id (a resent fill is known by its ExecID); a leading zero makes a different text
        decode("35=8|37=O-7f3a|11=42|17=E-2024-000017|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        final long orderId = report.venueOrderId();
        final long execId = report.execId();
        decode("35=8|37=O-7f3a|11=42|17=E-2024-000017|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertEquals(orderId, report.venueOrderId());
        assertEquals(execId, report.execId());
        decode("35=8|37=0900|11=42|17=017|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertTrue(report.venueOrderId() >= 1L << 62 && report.execId() >= 1L << 62, "0900 is not 900, 017 not 17");
        decode("35=8|37=9223372036854775807|11=42|17=4611686018427387904|150=0|39=0|" + ORDER + "151=0.25|14=0|6=0|");
        assertTrue(report.venueOrderId() >= 1L << 62 && report.execId() >= 1L << 62, "decimals from 2^62 are hashed");
        assertEquals(0, decoding.refusals(FixReportRefusal.BAD_ID));
    }

    @Test
    void orderCancelRejectIsARejectOfTheOrderWithTheCancelReason()
    {
        final OrderCancelRejectDecoder reject = new OrderCancelRejectDecoder();
        final MutableAsciiBuffer message =
            FixTestMessages.message("35=9|37=NONE|11=43|41=42|39=8|434=1|102=0|60=20231114-22:13:20.123|");
        reject.decode(message, 0, message.capacity());
        assertSbe(decoding.orderCancelReject(reject, 7, LOCAL_NS, out, 0));
        assertEquals(ExecType.REJECTED, report.execType());
        assertEquals(RejectReason.TOO_LATE_TO_CANCEL, report.rejectReason());
        assertEquals(42, report.clientOrderId());
        assertEquals(0, report.venueOrderId());
        assertEquals(7, report.instrumentId());
        assertEquals(1_700_000_000_123_000_000L, report.venueTimeNs());

        final MutableAsciiBuffer unknown = FixTestMessages.message("35=9|37=900|11=44|41=42|39=0|434=2|102=1|");
        reject.reset();
        reject.decode(unknown, 0, unknown.capacity());
        assertSbe(decoding.orderCancelReject(reject, 7, LOCAL_NS, out, 0));
        assertEquals(RejectReason.UNKNOWN_ORDER, report.rejectReason());
        assertEquals(900, report.venueOrderId());
        assertEquals(0, report.venueTimeNs(), "no TransactTime: not known");
    }

    @Test
    void businessAndSessionRejectsAreCountedPerReason()
    {
        final BusinessMessageRejectDecoder business = new BusinessMessageRejectDecoder();
        final MutableAsciiBuffer j = FixTestMessages.message("35=j|45=3|372=AF|380=3|");
        business.decode(j, 0, j.capacity());
        assertEquals(FixReportDecoding.REFUSED, decoding.businessMessageReject(business));
        assertEquals(1, decoding.businessRejects(3));
        assertEquals(0, decoding.businessRejects(0));

        final RejectDecoder session = new RejectDecoder();
        final MutableAsciiBuffer r = FixTestMessages.message("35=3|45=4|371=44|372=D|373=5|");
        session.decode(r, 0, r.capacity());
        assertEquals(FixReportDecoding.REFUSED, decoding.sessionReject(session));
        assertEquals(1, decoding.sessionRejects(5));
        assertEquals(1, decoding.refusals(FixReportRefusal.BUSINESS_REJECT));
        assertEquals(1, decoding.refusals(FixReportRefusal.SESSION_REJECT));
    }

    @Test
    void aStatusReportRecordsTheOrdersTimeInForceForItsReplaces()
    {
        // after a restart the orders come back through the status answer: a replace of one must repeat its TIF
        decode("35=8|37=900|11=42|17=4|150=I|39=0|" + ORDER + "59=1|18=6|151=0.25|14=0|6=0|");
        assertEquals(TimeInForce.POST_ONLY, timesInForce.timeInForce(42));
        decode("35=8|37=901|11=43|17=5|150=I|39=0|" + ORDER + "59=0|151=0.25|14=0|6=0|");
        assertEquals(TimeInForce.DAY, timesInForce.timeInForce(43));
        decode("35=8|37=902|11=44|17=6|150=0|39=0|" + ORDER + "59=1|18=6|151=0.25|14=0|6=0|");
        assertEquals(null, timesInForce.timeInForce(44), "only STATUS reports record: an ACK answers an order sent here");
    }

    @Test
    void theLastStatusReportOfAMassStatusAnswerEndsItWithTheVenuesCount()
    {
        // the request id is the daemon's: epoch ns, 19 digits
        decode("35=8|37=900|11=42|17=4|150=I|39=0|" + ORDER + "151=0.25|14=0|6=0|584=1700000000500000000|911=3|912=Y|");
        assertEquals(ExecType.STATUS, report.execType());
        assertEquals(42, report.clientOrderId());

        final int length = decoding.orderStatusComplete(fixReport, 2, 7, LOCAL_NS, out, 0);
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + new OrderStatusCompleteDecoder().sbeBlockLength(), length);
        final OrderStatusCompleteDecoder complete = new OrderStatusCompleteDecoder()
            .wrapAndApplyHeader(out, 0, new MessageHeaderDecoder());
        assertEquals(1_700_000_000_500_000_000L, complete.requestId());
        assertEquals(3, complete.orderCount(), "TotNumReports: one refused STATUS report leaves the answer short");
        assertEquals(7, complete.instrumentId());
        assertEquals(LOCAL_NS, complete.localTimeNs());
        assertEquals(1_700_000_000_123_000_000L, complete.venueTimeNs());
    }

    @Test
    void theNoOrdersAnswerMapsToNoReportAndCountsWhatWasSeenWithoutTotNumReports()
    {
        final MutableAsciiBuffer message = FixTestMessages.message(
            "35=8|37=NONE|17=5|150=I|39=8|55=BTCUSD|54=1|151=0|14=0|6=0|584=77|912=Y|58=no live orders|");
        fixReport.reset();
        fixReport.decode(message, 0, message.capacity());
        assertTrue(FixReportDecoding.isEmptyStatusAnswer(fixReport));

        assertTrue(decoding.orderStatusComplete(fixReport, 0, 7, LOCAL_NS, out, 0) > 0);
        final OrderStatusCompleteDecoder complete = new OrderStatusCompleteDecoder()
            .wrapAndApplyHeader(out, 0, new MessageHeaderDecoder());
        assertEquals(77, complete.requestId());
        assertEquals(0, complete.orderCount());
    }

    @Test
    void aMassStatusIdThatIsNoNumberOrBeyondALongIsRefused()
    {
        for (final String id : new String[]{"ABC", "9223372036854775808", "12345678901234567890"})
        {
            final MutableAsciiBuffer message = FixTestMessages.message(
                "35=8|37=NONE|17=5|150=I|39=8|55=BTCUSD|54=1|151=0|14=0|6=0|584=" + id + "|912=Y|");
            fixReport.reset();
            fixReport.decode(message, 0, message.capacity());
            assertEquals(FixReportDecoding.REFUSED, decoding.orderStatusComplete(fixReport, 0, 7, LOCAL_NS, out, 0), id);
        }
        assertEquals(3, decoding.refusals(FixReportRefusal.BAD_ID));
        final MutableAsciiBuffer longest = FixTestMessages.message(
            "35=8|37=NONE|17=5|150=I|39=8|55=BTCUSD|54=1|151=0|14=0|6=0|584=9223372036854775807|912=Y|");
        fixReport.reset();
        fixReport.decode(longest, 0, longest.capacity());
        assertTrue(decoding.orderStatusComplete(fixReport, 0, 7, LOCAL_NS, out, 0) > 0, "Long.MAX_VALUE is a long");
    }

    private void decode(final String typeAndBody)
    {
        assertSbe(decodeRaw(typeAndBody));
    }

    private int decodeRaw(final String typeAndBody)
    {
        final MutableAsciiBuffer message = FixTestMessages.message(typeAndBody);
        fixReport.reset();
        fixReport.decode(message, 0, message.capacity());
        return decoding.executionReport(fixReport, LOCAL_NS, out, 0);
    }

    private void assertSbe(final int length)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(out, 0);
        assertEquals(MessageHeaderDecoder.ENCODED_LENGTH + ExecutionReportDecoder.BLOCK_LENGTH, length);
        assertEquals(ExecutionReportDecoder.TEMPLATE_ID, header.templateId());
        report.wrapAndApplyHeader(out, 0, header);
    }
}
