package io.ticklane.runtime.daemon;

import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Authentication at the edge: the receiver hands it each {@code AdminCommand} frame from the admin stream once the
 * frame is copied into its ring slot. It compares the token with the operator's, in constant time, unless a
 * lockout of the {@link AdminThrottle} holds, and then overwrites the token in the copy with zeros whatever the
 * answer, so the journal, the strategy and every tool downstream never hold the secret. A refused command is counted
 * (wrong token, or throttled) and must not reach the strategy, which therefore checks no token itself.
 */
public final class AdminAuthenticator
{
    private static final int TOKEN_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + AdminCommandDecoder.authTokenEncodingOffset();
    private static final int TOKEN_LENGTH = AdminCommandDecoder.authTokenLength();

    private final OperatorToken token;
    private final AdminThrottle throttle;
    private final AtomicCounter rejected;
    private final AtomicCounter throttled;

    /**
     * @param token     the operator's token.
     * @param throttle  the lockout after repeated wrong tokens.
     * @param rejected  counts commands with a wrong (or no) token.
     * @param throttled counts commands refused uncompared during a lockout.
     */
    public AdminAuthenticator(
        final OperatorToken token, final AdminThrottle throttle, final AtomicCounter rejected, final AtomicCounter throttled)
    {
        this.token = token;
        this.throttle = throttle;
        this.rejected = rejected;
        this.throttled = throttled;
    }

    /**
     * @param frame  an AdminCommand frame, message header first, in memory this agent may write (the ring slot).
     * @param offset of the message header.
     * @param length of the frame.
     * @param nowNs  the receiver's time.
     * @return true to let the command in; false when refused (counted). Either way its token bytes are now zero.
     */
    public boolean authenticate(final MutableDirectBuffer frame, final int offset, final int length, final long nowNs)
    {
        final int tokenOffset = offset + TOKEN_OFFSET;
        final int tokenBytes = Math.max(0, Math.min(TOKEN_LENGTH, length - TOKEN_OFFSET)); // a short frame: less
        if (throttle.isLockedOut(nowNs))
        {
            frame.setMemory(tokenOffset, tokenBytes, (byte)0);
            throttled.incrementRelease();
            return false;
        }
        final boolean matches = TOKEN_LENGTH == tokenBytes && token.matches(frame, tokenOffset);
        frame.setMemory(tokenOffset, tokenBytes, (byte)0);
        if (!matches)
        {
            rejected.incrementRelease();
            throttle.onWrongToken(nowNs);
        }
        return matches;
    }
}
