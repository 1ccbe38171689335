package io.ticklane.gateway.fix.session;

import io.aeron.Publication;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.ticklane.fix44.decoder.BusinessMessageRejectDecoder;
import io.ticklane.fix44.decoder.ExecutionReportDecoder;
import io.ticklane.fix44.decoder.HeaderDecoder;
import io.ticklane.fix44.decoder.OrderCancelRejectDecoder;
import io.ticklane.fix44.decoder.RejectDecoder;
import io.ticklane.gateway.fix.FixReportDecoding;
import io.ticklane.gateway.fix.FixReportRefusal;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.VenueSessionEncoder;
import io.ticklane.sbe.VenueSessionState;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import uk.co.real_logic.artio.library.OnMessageInfo;
import uk.co.real_logic.artio.library.SessionHandler;
import uk.co.real_logic.artio.messages.DisconnectReason;
import uk.co.real_logic.artio.session.Session;
import uk.co.real_logic.artio.util.MutableAsciiBuffer;

/**
 * The inbound half of the FIX session: every FIX message the venue sends, after Artio's session layer, becomes the
 * SBE frame the strategy already handles ({@link FixReportDecoding}) and is offered to the daemon's report stream,
 * where the daemon validates, stamps and journals it like any venue frame. Also: the answer to an
 * OrderMassStatusRequest ends with an {@code OrderStatusComplete}; a PossDupFlag=Y message whose sequence number was
 * already processed is dropped (counted); BusinessMessageReject and session Reject are counted per reason; and the
 * session's logon and loss reach the strategy as {@code VenueSession} frames. A frame the stream will not take is
 * held (the message is handed again by Artio, or the state change retried on the next duty cycle), never dropped.
 * Runs on the session's thread only; allocation-free.
 */
final class FixReportPublisher implements SessionHandler
{
    private static final int FRAME_CAPACITY = 512;

    private final Publication reports;
    private final FixReportDecoding decoding;
    private final FixSessionCounters counters;
    private final EpochNanoClock clock;
    private final long instrumentId;
    private final ProcessedSequenceNumbers processed;
    private final MutableAsciiBuffer ascii = new MutableAsciiBuffer();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final OrderCancelRejectDecoder cancelReject = new OrderCancelRejectDecoder();
    private final BusinessMessageRejectDecoder businessReject = new BusinessMessageRejectDecoder();
    private final RejectDecoder sessionReject = new RejectDecoder();
    private final HeaderDecoder header = new HeaderDecoder();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[FRAME_CAPACITY]);
    private final UnsafeBuffer pending = new UnsafeBuffer(new byte[FRAME_CAPACITY]);
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final VenueSessionEncoder venueSession = new VenueSessionEncoder();
    private final long[] reportRefusals = new long[FixSessionCounters.reportRefusals().length];
    private int pendingLength;
    private int statusReportsSeen;
    private int sessionEpoch;
    private boolean disconnected;

    FixReportPublisher(
        final Publication reports,
        final FixReportDecoding decoding,
        final FixSessionCounters counters,
        final EpochNanoClock clock,
        final long instrumentId,
        final ProcessedSequenceNumbers processed)
    {
        this.processed = processed;
        this.reports = reports;
        this.decoding = decoding;
        this.counters = counters;
        this.clock = clock;
        this.instrumentId = instrumentId;
    }

    /**
     * Offers a frame held back earlier, if any.
     *
     * @return true when nothing is held back any more.
     */
    boolean flushPending()
    {
        if (0 == pendingLength)
        {
            return true;
        }
        if (reports.offer(pending, 0, pendingLength) > 0)
        {
            pendingLength = 0;
            return true;
        }
        return false;
    }

    /**
     * The session logged on: tell the strategy (held until the stream takes it; nothing else goes ahead of it).
     *
     * @return false when an earlier frame is still held back: call again on the next duty cycle.
     */
    boolean onLogon()
    {
        if (!flushPending())
        {
            return false;
        }
        counters.logons.incrementRelease();
        counters.loggedOn.setRelease(1);
        sessionEpoch++;
        disconnected = false;
        holdVenueSession(VenueSessionState.CONNECTED);
        return true;
    }

    /**
     * A new logon attempt begins: a loss from now on is this attempt's.
     */
    void onInitiate()
    {
        disconnected = false;
    }

    /**
     * @return true once the session was lost (or the attempt's connection dropped) and no new attempt began.
     */
    boolean isDisconnected()
    {
        return disconnected;
    }

    /**
     * {@inheritDoc}
     */
    public Action onMessage(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final int libraryId,
        final Session session,
        final int sequenceIndex,
        final long messageType,
        final long timestampInNs,
        final long position,
        final OnMessageInfo messageInfo)
    {
        if (!flushPending())
        {
            return Action.ABORT;
        }
        final boolean valid = messageInfo.isValid();
        if (!valid && !isLoggedOut(session))
        {
            counters.invalid.incrementRelease();
            return Action.CONTINUE;
        }
        ascii.wrap(buffer, offset, length);
        header.reset();
        header.decode(ascii, 0, length);
        processed.sequenceIndex(sequenceIndex); // a sequence reset starts numbering again
        final int seqNum = header.msgSeqNum();
        if (!valid && !processed.isNext(seqNum))
        {
            counters.invalid.incrementRelease();
            return Action.CONTINUE;
        }
        if (header.hasPossDupFlag() && header.possDupFlag() && processed.contains(seqNum))
        {
            counters.duplicates.incrementRelease();
            return Action.CONTINUE;
        }
        final long nowNs = clock.nanoTime();
        final Action action;
        if (ExecutionReportDecoder.MESSAGE_TYPE == messageType)
        {
            action = onExecutionReport(length, nowNs);
        }
        else if (OrderCancelRejectDecoder.MESSAGE_TYPE == messageType)
        {
            cancelReject.reset();
            cancelReject.decode(ascii, 0, length);
            action = publish(decoding.orderCancelReject(cancelReject, instrumentId, nowNs, frame, 0));
        }
        else if (BusinessMessageRejectDecoder.MESSAGE_TYPE == messageType)
        {
            businessReject.reset();
            businessReject.decode(ascii, 0, length);
            decoding.businessMessageReject(businessReject);
            counters.businessReject(businessReject.businessRejectReason());
            syncRefusals();
            action = Action.CONTINUE;
        }
        else if (RejectDecoder.MESSAGE_TYPE == messageType)
        {
            sessionReject.reset();
            sessionReject.decode(ascii, 0, length);
            decoding.sessionReject(sessionReject);
            counters.sessionReject(sessionReject.hasSessionRejectReason() ? sessionReject.sessionRejectReason() : -1);
            syncRefusals();
            action = Action.CONTINUE;
        }
        else
        {
            action = Action.CONTINUE; // session-level (heartbeat, test request, logon, resend): Artio's business
        }
        if (Action.CONTINUE == action)
        {
            processed.add(seqNum);
        }
        return action;
    }

    /**
     * Artio marks invalid, and never asks again for, a message the venue sent after its own Logout (Artio is then
     * DISCONNECTED), yet its engine counts the number as received: dropped here, an execution report the venue sent
     * while logging out (an exchange fill racing the logout) would be lost for good. Such a message is taken when it
     * is the next number after the last processed, so nothing is taken out of order or twice.
     */
    private static boolean isLoggedOut(final Session session)
    {
        // Under back pressure Artio answers the venue's Logout from LOGGING_OUT_AND_DISCONNECTING or DISCONNECTING
        // rather than DISCONNECTED (CI: the report after the Logout was then lost): every state of a session on its
        // way out counts. Taking such a message is safe either way: it must be the next number, and if Artio did not
        // count it received and asks for it again, the resent copy is a duplicate of a processed number.
        switch (session.state())
        {
            case LOGGING_OUT:
            case LOGGING_OUT_AND_DISCONNECTING:
            case AWAITING_LOGOUT:
            case AWAITING_ASYNC_PROXY_LOGOUT:
            case DISCONNECTING:
            case DISCONNECTED:
            case DISABLED:
                return true;
            default:
                return false;
        }
    }

    private Action onExecutionReport(final int length, final long nowNs)
    {
        executionReport.reset();
        executionReport.decode(ascii, 0, length);
        final boolean statusAnswer = 'I' == executionReport.execType() && executionReport.hasMassStatusReqID();
        final boolean last = statusAnswer && executionReport.hasLastRptRequested() && executionReport.lastRptRequested();
        int reportLength = FixReportDecoding.IGNORED;
        if (!FixReportDecoding.isEmptyStatusAnswer(executionReport))
        {
            reportLength = decoding.executionReport(executionReport, nowNs, frame, 0);
            if (FixReportDecoding.IGNORED == reportLength)
            {
                counters.ignored.incrementRelease();
            }
        }
        if (reportLength > 0 && reports.offer(frame, 0, reportLength) <= 0)
        {
            return Action.ABORT; // Artio hands the message again: nothing of it went out
        }
        if (FixReportDecoding.REFUSED == reportLength)
        {
            syncRefusals();
        }
        if (statusAnswer && reportLength > 0)
        {
            statusReportsSeen++;
        }
        if (last)
        {
            final int completeLength =
                decoding.orderStatusComplete(executionReport, statusReportsSeen, instrumentId, nowNs, pending, 0);
            statusReportsSeen = 0;
            if (FixReportDecoding.REFUSED == completeLength)
            {
                syncRefusals();
            }
            if (completeLength > 0)
            {
                pendingLength = completeLength; // after the report it ends; offered now or before anything else
                flushPending();
            }
        }
        return Action.CONTINUE;
    }

    private Action publish(final int length)
    {
        if (length > 0 && reports.offer(frame, 0, length) <= 0)
        {
            return Action.ABORT;
        }
        if (FixReportDecoding.REFUSED == length)
        {
            syncRefusals();
        }
        return Action.CONTINUE;
    }

    /**
     * Copies the mapping's refusal counts that moved into the daemon's counters: after a refusal only, so a report
     * that maps costs nothing here.
     */
    private void syncRefusals()
    {
        for (final FixReportRefusal refusal : FixSessionCounters.reportRefusals())
        {
            final long total = decoding.refusals(refusal);
            if (total != reportRefusals[refusal.ordinal()])
            {
                reportRefusals[refusal.ordinal()] = total;
                counters.reportRefused(refusal, total);
            }
        }
    }

    private void holdVenueSession(final VenueSessionState state)
    {
        final long nowNs = clock.nanoTime();
        venueSession.wrapAndApplyHeader(pending, 0, headerEncoder)
            .timestampNs(nowNs)
            .localTimeNs(nowNs)
            .state(state)
            .sessionEpoch(sessionEpoch);
        pendingLength = MessageHeaderEncoder.ENCODED_LENGTH + venueSession.encodedLength();
        flushPending();
    }

    /**
     * {@inheritDoc}
     */
    public void onTimeout(final int libraryId, final Session session)
    {
        // the engine took the session back from this library: treated as lost below when it disconnects
    }

    /**
     * {@inheritDoc}
     */
    public void onSlowStatus(final int libraryId, final Session session, final boolean hasBecomeSlow)
    {
    }

    /**
     * {@inheritDoc}
     */
    public Action onDisconnect(final int libraryId, final Session session, final DisconnectReason reason)
    {
        // nothing more if already reported lost (its library lost the engine): one DISCONNECTED per loss
        return onSessionLost() ? Action.CONTINUE : Action.ABORT;
    }

    /**
     * The session is lost, also when Artio cannot say so (its library lost the engine): DISCONNECTED goes to the
     * strategy after every frame before it, and a later disconnect of the same session adds nothing.
     *
     * @return false when an earlier frame is still held back: call again on the next duty cycle.
     */
    boolean onSessionLost()
    {
        if (disconnected)
        {
            return true;
        }
        if (!flushPending())
        {
            return false;
        }
        counters.disconnects.incrementRelease();
        counters.loggedOn.setRelease(0);
        disconnected = true;
        statusReportsSeen = 0; // an answer cut short never completes; the next logon asks again
        holdVenueSession(VenueSessionState.DISCONNECTED);
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionStart(final Session session)
    {
    }
}
