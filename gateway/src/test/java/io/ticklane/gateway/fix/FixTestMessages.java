package io.ticklane.gateway.fix;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.co.real_logic.artio.builder.Encoder;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * Builds FIX text the way a venue would send it and reads back what an encoder wrote, so tests state FIX fields as
 * the spec spells them ('|' stands for SOH).
 */
final class FixTestMessages
{
    static final char SOH = '\u0001';

    private FixTestMessages()
    {
    }

    /**
     * @param typeAndBody "35=8|...|" without BeginString, BodyLength and CheckSum.
     * @return a complete message with a correct BodyLength and CheckSum.
     */
    static MutableAsciiBuffer message(final String typeAndBody)
    {
        final String body = (typeAndBody + "49=VENUE|56=TICKLANE|34=2|52=20231114-22:13:20.200|").replace('|', SOH);
        final String head = "8=FIX.4.4" + SOH + "9=" + body.length() + SOH;
        int sum = 0;
        for (final byte b : (head + body).getBytes(StandardCharsets.US_ASCII))
        {
            sum += b;
        }
        final String text = head + body + "10=" + String.format("%03d", sum % 256) + SOH;
        return new MutableAsciiBuffer(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * @return the fields an encoder writes (header filled in here), first value of each tag, in wire order.
     */
    static Map<Integer, String> fields(final Encoder encoder)
    {
        encoder.header().senderCompID("TICKLANE").targetCompID("VENUE").msgSeqNum(1)
            .sendingTime("20231114-22:13:20.123".getBytes(StandardCharsets.US_ASCII));
        final MutableAsciiBuffer buffer = new MutableAsciiBuffer(new byte[1024]);
        final long result = encoder.encode(buffer, 0);
        final String text = buffer.getAscii(Encoder.offset(result), Encoder.length(result));
        final Map<Integer, String> fields = new LinkedHashMap<>();
        for (final String field : text.split(String.valueOf(SOH)))
        {
            final int equals = field.indexOf('=');
            fields.putIfAbsent(Integer.parseInt(field.substring(0, equals)), field.substring(equals + 1));
        }
        return fields;
    }
}
