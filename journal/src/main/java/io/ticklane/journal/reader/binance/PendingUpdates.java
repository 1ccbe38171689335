package io.ticklane.journal.reader.binance;

/**
 * First-in first-out queue of depth updates read while not synchronised. Slots are pooled: an update is copied
 * in, and a slot taken off the head is reused by a later add.
 */
final class PendingUpdates
{
    private DepthUpdate[] slots = new DepthUpdate[16];
    private int head;
    private int size;

    PendingUpdates()
    {
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new DepthUpdate();
        }
    }

    void add(final DepthUpdate update)
    {
        if (size == slots.length)
        {
            grow();
        }
        slots[(head + size) % slots.length].copyFrom(update);
        size++;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int size()
    {
        return size;
    }

    void clear()
    {
        head = 0;
        size = 0;
    }

    DepthUpdate peek()
    {
        return slots[head];
    }

    void removeHead()
    {
        head = (head + 1) % slots.length;
        size--;
    }

    private void grow()
    {
        final DepthUpdate[] bigger = new DepthUpdate[slots.length * 2];
        for (int i = 0; i < bigger.length; i++)
        {
            bigger[i] = i < size ? slots[(head + i) % slots.length] : new DepthUpdate();
        }
        slots = bigger;
        head = 0;
    }
}
