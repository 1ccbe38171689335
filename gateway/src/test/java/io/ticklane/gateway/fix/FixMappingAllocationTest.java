package io.ticklane.gateway.fix;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import com.sun.management.ThreadMXBean;
import io.ticklane.fix44.builder.NewOrderSingleEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.NewOrderEncoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mapping is on the order path: once warm, an order out (SBE to FIX, encoded to bytes) and a fill in (FIX bytes
 * decoded, mapped to an SBE report) allocate nothing.
 */
class FixMappingAllocationTest
{
    @Test
    void orderOutAndFillInAllocateNothingOnceWarm()
    {
        final FixInstruments instruments = new FixInstruments(List.of(FixOrderEncodingTest.BTCUSD));
        final FixOrderEncoding encoding = new FixOrderEncoding(instruments);
        final FixReportDecoding decoding = new FixReportDecoding(instruments);
        final UnsafeBuffer sbe = new UnsafeBuffer(new byte[256]);
        final NewOrderEncoder orderEncoder = new NewOrderEncoder();
        final NewOrderDecoder orderDecoder = new NewOrderDecoder();
        final NewOrderSingleEncoder nos = new NewOrderSingleEncoder();
        final byte[] sender = "TICKLANE".getBytes(StandardCharsets.US_ASCII);
        final byte[] target = "VENUE".getBytes(StandardCharsets.US_ASCII);
        final byte[] sendingTime = FixOrderEncodingTest.TRANSACT_TIME.getBytes(StandardCharsets.US_ASCII);
        final MutableAsciiBuffer wire = new MutableAsciiBuffer(new byte[1024]);
        final MutableAsciiBuffer fill = FixTestMessages.message("35=8|37=900|11=42|17=3|150=F|39=2|55=BTCUSD|54=1|" +
            "38=0.25|40=2|44=60000.5|60=20231114-22:13:20.123|32=0.25|31=60000.5|151=0|14=0.25|6=60000.5|851=1|");
        final io.ticklane.fix44.decoder.ExecutionReportDecoder report = new io.ticklane.fix44.decoder.ExecutionReportDecoder();
        final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
        final Runnable roundTrip = () ->
        {
            orderEncoder.wrap(sbe, 0).sendingTimeNs(FixOrderEncodingTest.SENDING_TIME_NS).clientOrderId(1_000_000_042L)
                .instrumentId(7).side(Side.BUY).orderType(OrderType.LIMIT).timeInForce(TimeInForce.POST_ONLY)
                .price(120_001).quantity(250);
            orderDecoder.wrap(sbe, 0, NewOrderEncoder.BLOCK_LENGTH, NewOrderEncoder.SCHEMA_VERSION);
            if (!encoding.newOrderSingle(orderDecoder, nos))
            {
                throw new AssertionError("refused");
            }
            // The mapping resets the whole encoder; Artio's session.trySend fills the header in production.
            nos.header().senderCompID(sender).targetCompID(target).msgSeqNum(1).sendingTime(sendingTime);
            nos.encode(wire, 0);
            report.reset();
            report.decode(fill, 0, fill.capacity());
            if (decoding.executionReport(report, 1, out, 0) <= 0)
            {
                throw new AssertionError("no report");
            }
        };

        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) // until C2 has compiled the round trip: 20,000 was not always enough in CI
        {
            roundTrip.run();
        }
        final long[] windows = new long[5];
        Arrays.fill(windows, -1);
        for (int w = 0; w < windows.length && (0 == w || windows[w - 1] != 0); w++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 1_000; i++)
            {
                roundTrip.run();
            }
            windows[w] = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        assertTrue(Arrays.stream(windows).anyMatch((bytes) -> 0 == bytes),
            "bytes allocated per 1,000 round trips (a JIT deoptimisation may allocate once): " + Arrays.toString(windows));
    }
}
