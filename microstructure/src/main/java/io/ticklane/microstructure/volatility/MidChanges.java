package io.ticklane.microstructure.volatility;

import io.ticklane.microstructure.MarketEvent;
import io.ticklane.microstructure.Touch;

/**
 * Turns book events into mid-change observations for the time-normalised volatility estimators, with their shared
 * treatment of Δt = 0: all changes with one timestamp are one observation, from the last mid before that timestamp
 * (the reference) to the last mid at it. So a second change at the same timestamp REVISEs the latest observation,
 * and a return to the reference mid UNDOes it. A timestamp earlier than the last one counts as equal to it.
 * Mids are kept doubled (bid + ask) so they stay exact longs.
 */
final class MidChanges
{
    /** Nothing to record: no two-sided book, no change of mid, or the first mid. */
    static final int NONE = 0;
    /** A new observation from {@link #referenceTwiceMid()} at {@link #referenceTimeNs()} to the current mid. */
    static final int NEW = 1;
    /** The latest observation now ends at a different mid (same timestamp). */
    static final int REVISE = 2;
    /** The latest observation is gone: the mid is back at the reference within one timestamp. */
    static final int UNDO = 3;

    private final Touch touch = new Touch();
    private boolean hasMid;
    private boolean hasReference;
    private long twiceMid;
    private long timeNs;
    private long referenceTwiceMid;
    private long referenceTimeNs;

    int onEvent(final MarketEvent event)
    {
        if (MarketEvent.BOOK != event.kind())
        {
            return NONE;
        }
        if (!touch.read(event.book()))
        {
            return NONE;
        }

        final long mid = touch.twiceMid();
        final long eventTimeNs = event.timeNs();
        if (!hasMid)
        {
            hasMid = true;
            twiceMid = mid;
            timeNs = eventTimeNs;
            return NONE;
        }
        if (mid == twiceMid)
        {
            return NONE;
        }

        if (eventTimeNs > timeNs)
        {
            referenceTwiceMid = twiceMid;
            referenceTimeNs = timeNs;
            hasReference = true;
            twiceMid = mid;
            timeNs = eventTimeNs;
            return NEW;
        }
        if (!hasReference)
        {
            twiceMid = mid; // no return yet ends at this timestamp: the first sample is the last mid at it
            return NONE;
        }
        if (mid == referenceTwiceMid)
        {
            twiceMid = referenceTwiceMid;
            timeNs = referenceTimeNs;
            hasReference = false;
            return UNDO;
        }
        twiceMid = mid;
        return REVISE;
    }

    /**
     * @return the current mid, doubled.
     */
    long twiceMid()
    {
        return twiceMid;
    }

    /**
     * @return the time of the current mid.
     */
    long timeNs()
    {
        return timeNs;
    }

    /**
     * @return the mid the latest observation starts from, doubled.
     */
    long referenceTwiceMid()
    {
        return referenceTwiceMid;
    }

    /**
     * @return the time the latest observation starts at.
     */
    long referenceTimeNs()
    {
        return referenceTimeNs;
    }
}
