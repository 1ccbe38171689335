package io.ticklane.runtime.daemon;

import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.AdminCommandEncoder;
import io.ticklane.sbe.AdminCommandType;
import io.ticklane.sbe.MessageHeaderEncoder;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication of admin frames at the edge, on a clock driven by hand: the right token lets a command in, a wrong
 * one is refused and counted, repeated wrong ones lock every command out for a while (counted apart), and the token
 * bytes of the copy are zero afterwards whatever the answer.
 */
class AdminAuthenticatorTest
{
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 1_700_000_000L * SECOND;
    private static final int TOKEN_OFFSET = MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandDecoder.authTokenEncodingOffset();

    @TempDir
    Path tmp;

    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(64 * 1024, 64)),
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(16 * 1024, 64)));
    private final AtomicCounter rejected = manager.newCounter("rejected");
    private final AtomicCounter throttled = manager.newCounter("throttled");
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private AdminAuthenticator authenticator;

    private AdminAuthenticator authenticator(final int limit) throws Exception
    {
        final OperatorToken token = OperatorToken.resolve(null, Map.of(OperatorToken.ENVIRONMENT_VARIABLE, TOKEN), "file", false);
        return new AdminAuthenticator(token, new AdminThrottle(limit, 10 * SECOND, 60 * SECOND), rejected, throttled);
    }

    @Test
    void theRightTokenLetsTheCommandInWithItsTokenZeroed() throws Exception
    {
        authenticator = authenticator(3);
        final int length = encode(TOKEN);

        assertTrue(authenticator.authenticate(frame, 0, length, T0));

        assertTokenZeroed();
        assertEquals(0, rejected.get());
        assertEquals(AdminCommandType.STOP, new AdminCommandDecoder().wrap(frame, MessageHeaderEncoder.ENCODED_LENGTH,
            AdminCommandEncoder.BLOCK_LENGTH, AdminCommandEncoder.SCHEMA_VERSION).command(), "the rest of the frame intact");
    }

    @Test
    void aWrongTokenIsRefusedCountedAndZeroed() throws Exception
    {
        authenticator = authenticator(3);
        for (final String guess : new String[]{"0123456789abcdef0123456789abcdeF", "0123456789abcdef0123456789abcde",
            "", "0123456789ABCDEF0123456789abcdef"})
        {
            final int length = encode(guess);
            assertFalse(authenticator.authenticate(frame, 0, length, T0 + SECOND * rejected.get() * 11), guess);
            assertTokenZeroed();
        }
        assertEquals(4, rejected.get());
        assertEquals(0, throttled.get(), "11 s apart: no lockout");
    }

    @Test
    void repeatedWrongTokensRefuseEvenTheRightOneUncomparedUntilTheLockoutEnds() throws Exception
    {
        authenticator = authenticator(3);
        for (int i = 0; i < 3; i++)
        {
            assertFalse(authenticator.authenticate(frame, 0, encode("guess-guess-guess-" + i), T0 + i * SECOND));
        }
        assertEquals(3, rejected.get());

        final int length = encode(TOKEN);
        assertFalse(authenticator.authenticate(frame, 0, length, T0 + 30 * SECOND), "locked out: refused uncompared");
        assertTokenZeroed();
        assertEquals(1, throttled.get());
        assertEquals(3, rejected.get(), "a throttled command is counted apart from the wrong tokens");

        assertTrue(authenticator.authenticate(frame, 0, encode(TOKEN), T0 + 62 * SECOND), "a minute after the third");
        assertEquals(1, throttled.get());
    }

    @Test
    void aFrameTooShortToHoldATokenIsRefusedNotThrown() throws Exception
    {
        authenticator = authenticator(3);
        final int length = encode(TOKEN);

        assertFalse(authenticator.authenticate(frame, 0, length - 1, T0));
        assertFalse(authenticator.authenticate(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH, T0));

        assertEquals(2, rejected.get());
        for (int i = TOKEN_OFFSET; i < length - 1; i++)
        {
            assertEquals(0, frame.getByte(i), "byte " + i);
        }
    }

    @Test
    void authenticatingAllocatesNothing() throws Exception
    {
        authenticator = authenticator(3);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final byte[] right = TOKEN.getBytes(StandardCharsets.US_ASCII);
        final byte[] wrong = "guess-guess-guess-guess".getBytes(StandardCharsets.US_ASCII);
        final int length = encode(TOKEN);
        long allocated = -1;
        for (int attempt = 0; attempt < 3 && 0 != allocated; attempt++)
        {
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 200_000; i++)
            {
                frame.putBytes(TOKEN_OFFSET, 0 == (i & 1) ? wrong : right);
                authenticator.authenticate(frame, 0, length, T0 + (long)i * SECOND);
            }
            allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        }
        assertEquals(0, allocated, "bytes allocated authenticating 200,000 frames");
        assertTrue(rejected.get() > 0 && throttled.get() > 0, "both refusals exercised");
    }

    @Test
    void aTokenReadFromAFileMatchesTheFrameTheClientEncodes() throws Exception
    {
        final Path file = Files.writeString(tmp.resolve("admin.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        final OperatorToken token = OperatorToken.fromFile(file);
        authenticator = new AdminAuthenticator(token, new AdminThrottle(1, SECOND, SECOND), rejected, throttled);
        final int length = encode("");

        token.putField(frame, TOKEN_OFFSET); // as OperatorClient does

        assertTrue(authenticator.authenticate(frame, 0, length, T0));
    }

    private int encode(final String token)
    {
        final byte[] field = new byte[AdminCommandEncoder.authTokenLength()];
        final byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, field, 0, Math.min(ascii.length, field.length));
        final AdminCommandEncoder encoder = new AdminCommandEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .timestampNs(T0).requestId(1).command(AdminCommandType.STOP).instrumentId(0).putAuthToken(field, 0);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private void assertTokenZeroed()
    {
        for (int i = 0; i < AdminCommandEncoder.authTokenLength(); i++)
        {
            assertEquals(0, frame.getByte(TOKEN_OFFSET + i), "token byte " + i);
        }
    }
}
