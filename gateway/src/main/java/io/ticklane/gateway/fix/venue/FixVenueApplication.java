package io.ticklane.gateway.fix.venue;

import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Username;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Queue;

/**
 * The QuickFIX/J callbacks of the FIX venue. They run on QuickFIX/J's thread, so they do as little as possible:
 * authenticate a Logon, refuse a message type the venue does not take, and hand every order message to the
 * {@link FixOrderBridge}'s queue; the bridge's own thread does the rest, so the bridge's state has one writer.
 */
final class FixVenueApplication implements Application
{
    private final byte[] username;
    private final byte[] password;
    private final Queue<FixOrderBridge.Inbound> inbound;
    private final FixVenueCounters counters;

    FixVenueApplication(
        final String username,
        final String password,
        final Queue<FixOrderBridge.Inbound> inbound,
        final FixVenueCounters counters)
    {
        this.username = username.getBytes(StandardCharsets.US_ASCII);
        this.password = password.getBytes(StandardCharsets.US_ASCII);
        this.inbound = inbound;
        this.counters = counters;
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        counters.logons.incrementAndGet();
    }

    public void onLogout(final SessionID sessionId)
    {
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * Refuses a Logon without the configured Username(553) and Password(554); QuickFIX/J then answers with a Logout
     * and disconnects. Both are compared in constant time.
     */
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
    {
        if (!MsgType.LOGON.equals(message.getHeader().getString(MsgType.FIELD)))
        {
            return;
        }
        final boolean userMatches = matches(message, Username.FIELD, username);
        final boolean passwordMatches = matches(message, Password.FIELD, password);
        if (!(userMatches && passwordMatches))
        {
            counters.logonsRefused.incrementAndGet();
            throw new RejectLogon("bad credentials");
        }
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId) throws FieldNotFound, UnsupportedMessageType
    {
        final String type = message.getHeader().getString(MsgType.FIELD);
        if (!FixOrderBridge.takes(type))
        {
            throw new UnsupportedMessageType(); // QuickFIX/J answers with a BusinessMessageReject
        }
        counters.requests.incrementAndGet();
        inbound.add(new FixOrderBridge.Inbound(message, sessionId));
    }

    private static boolean matches(final Message message, final int tag, final byte[] expected) throws FieldNotFound
    {
        final byte[] given = message.isSetField(tag) ?
            message.getString(tag).getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return MessageDigest.isEqual(given, expected);
    }
}
