package io.ticklane.marketmaking.risk;

import org.agrona.DirectBuffer;

/**
 * The configured operator token, preloaded as the 32 NUL-padded bytes the SBE AdminCommand carries, compared in
 * place against a received frame: no String, no copy, and every byte is compared whatever the first difference, so
 * the time taken does not say how much of a guess was right.
 */
final class AdminToken
{
    private final byte[] expected;

    AdminToken(final byte[] expected)
    {
        this.expected = expected.clone();
    }

    /**
     * @param buffer holding the token field.
     * @param offset of the first token byte.
     * @return true if the 32 bytes equal the configured token.
     */
    boolean matches(final DirectBuffer buffer, final int offset)
    {
        if (offset < 0 || offset + expected.length > buffer.capacity())
        {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length; i++)
        {
            difference |= expected[i] ^ buffer.getByte(offset + i);
        }
        return 0 == difference;
    }
}
