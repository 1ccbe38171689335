package io.ticklane.orderbook;

import io.ticklane.gateway.transport.Transport;

/**
 * Test fixture for the dependency rules: an order book class that reaches into the Aeron transport, which both the
 * module-layer rule and the decision-core rule must refuse. Lives in the cli module's tests only.
 */
public final class ForbiddenTransportImportFixture
{
    private ForbiddenTransportImportFixture()
    {
    }

    /**
     * @param transport anything.
     * @return whether the transport is present: a real use, so the dependency is in the byte code.
     */
    public static boolean touches(final Transport transport)
    {
        return null != transport;
    }
}
