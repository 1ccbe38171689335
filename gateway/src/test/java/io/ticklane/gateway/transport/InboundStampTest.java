package io.ticklane.gateway.transport;

import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.VenueSessionDecoder;
import io.ticklane.sbe.VenueSessionEncoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The receive stamp of a venue session change goes into its local time, and the gateway's own time and the rest of
 * the frame stay as the gateway wrote them.
 */
class InboundStampTest
{
    @Test
    void aVenueSessionIsStampedInItsLocalTimeAndKeepsTheGatewaysTime()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        new VenueSessionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .timestampNs(1_000).localTimeNs(0).state(VenueSessionState.CONNECTED).sessionEpoch(3);

        assertTrue(InboundStamp.stamp(VenueSessionDecoder.TEMPLATE_ID, buffer, 0, 2_500));
        assertFalse(InboundStamp.isMarketData(VenueSessionDecoder.TEMPLATE_ID));

        final VenueSessionDecoder decoder = new VenueSessionDecoder().wrap(
            buffer, MessageHeaderEncoder.ENCODED_LENGTH, VenueSessionDecoder.BLOCK_LENGTH, VenueSessionDecoder.SCHEMA_VERSION);
        assertEquals(2_500, decoder.localTimeNs());
        assertEquals(1_000, decoder.timestampNs());
        assertEquals(VenueSessionState.CONNECTED, decoder.state());
        assertEquals(3, decoder.sessionEpoch());
    }
}
