package io.ticklane.journal.queue;

import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportEncoder;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.VenueSessionEncoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the journal tools print for a frame: its fields, an enum value from a newer schema as such, and for a frame
 * that cannot be decoded an error saying why, never a read past the frame into whatever the buffer held before.
 */
class FrameTypesTest
{
    private static final int HEADER = MessageHeaderEncoder.ENCODED_LENGTH;

    private final FrameTypes types = new FrameTypes();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void anExecTypeFromANewerSchemaPrintsAsUnknownInsteadOfThrowing()
    {
        final int length = HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, header)
            .clientOrderId(42).execType(ExecType.FILL).side(Side.BUY).encodedLength();
        buffer.putByte(HEADER + ExecutionReportEncoder.execTypeEncodingOffset(), (byte)77);

        final String text = types.describe(buffer, 0, length);

        assertTrue(text.contains("execType=SBE_UNKNOWN") && text.contains("clientOrderId=42"), text);
    }

    @Test
    void aVenueSessionHasANameAndPrintsItsState()
    {
        final int length = HEADER + new VenueSessionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .timestampNs(7).localTimeNs(9).state(VenueSessionState.DISCONNECTED).sessionEpoch(3).encodedLength();

        final String text = types.describe(buffer, 0, length);

        assertEquals("VenueSession", FrameTypes.name(42));
        assertEquals(42, FrameTypes.templateId("venuesession"));
        assertTrue(text.contains("state=DISCONNECTED") && text.contains("sessionEpoch=3") &&
            text.contains("localTimeNs=9"), text);
    }

    @Test
    void aGroupCountBeyondTheFrameIsUndecodableEvenIfTheBufferGoesOn()
    {
        final L2UpdateEncoder update = new L2UpdateEncoder().wrapAndApplyHeader(buffer, 0, header).sequence(2).prevSequence(1);
        update.levelsCount(1).next().side(Side.BUY).action(L2Action.NEW).price(100).quantity(1);
        final int length = HEADER + update.encodedLength();
        buffer.putShort(HEADER + L2UpdateEncoder.BLOCK_LENGTH + 2, (short)5000, ByteOrder.LITTLE_ENDIAN);

        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> types.describe(buffer, 0, length));
        assertTrue(ex.getMessage().contains("end before the block and groups it declares"), ex.getMessage());
    }

    @Test
    void aShortBlockAForeignSchemaOrLessThanAHeaderIsUndecodable()
    {
        final int length = HEADER + new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, header).encodedLength();
        buffer.putShort(0, (short)10, ByteOrder.LITTLE_ENDIAN);
        assertEquals("a 10 byte block, ExecutionReport's is " + ExecutionReportEncoder.BLOCK_LENGTH,
            assertThrows(IllegalArgumentException.class, () -> types.describe(buffer, 0, length)).getMessage());

        buffer.putShort(4, (short)1234, ByteOrder.LITTLE_ENDIAN);
        assertEquals("schema id 1234, not Ticklane's " + MessageHeaderEncoder.SCHEMA_ID,
            assertThrows(IllegalArgumentException.class, () -> types.describe(buffer, 0, length)).getMessage());

        assertEquals("5 bytes, shorter than a message header",
            assertThrows(IllegalArgumentException.class, () -> types.describe(buffer, 0, 5)).getMessage());
    }

    @Test
    void theOperatorTokenIsNeverPrinted()
    {
        final int length = HEADER + new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, header)
            .command(AdminCommandType.STOP).authToken("s3cret-token").encodedLength();

        final String text = types.describe(buffer, 0, length);

        assertTrue(text.contains("authToken=(hidden)") && text.contains("command=STOP"), text);
        assertFalse(text.contains("s3cret"), text);
    }
}
