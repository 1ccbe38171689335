package io.ticklane.gateway.sim.venue;

import io.ticklane.sbe.CancelOrderDecoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.OrderType;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TimeInForce;
import org.agrona.MutableDirectBuffer;

/**
 * The strategy's requests in flight to the venue: a preallocated ring of decoded NewOrder, CancelOrder and
 * ReplaceOrder requests, each held until its arrival time. Arrival is {@code sendingTimeNs + entry latency}, never
 * before an earlier request's (one ordered session, like TCP) nor before venue time, so the ring is always in
 * arrival order and the venue only ever looks at its head.
 */
final class PendingRequests
{
    /** Not an order frame. */
    static final int NONE = 0;
    /** A NewOrder. */
    static final int NEW = 1;
    /** A CancelOrder. */
    static final int CANCEL = 2;
    /** A ReplaceOrder. */
    static final int REPLACE = 3;

    private final LatencyModel latencyModel;
    private final VenueClock clock;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrderDecoder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelDecoder = new CancelOrderDecoder();
    private final ReplaceOrderDecoder replaceDecoder = new ReplaceOrderDecoder();

    private final int mask;
    private final int[] kind;
    private final long[] arrival;
    private final long[] clientId;
    private final long[] origId;
    private final long[] instrument;
    private final long[] price;
    private final long[] quantity;
    private final Side[] side;
    private final TimeInForce[] tif;
    private final OrderType[] type;
    private long head;
    private long tail;
    private long lastArrivalNs;

    /**
     * @param capacity     requests held at once, a power of two.
     * @param latencyModel gives the entry latency of each request.
     * @param clock        venue time, which no arrival precedes.
     */
    PendingRequests(final int capacity, final LatencyModel latencyModel, final VenueClock clock)
    {
        this.latencyModel = latencyModel;
        this.clock = clock;
        mask = capacity - 1;
        kind = new int[capacity];
        arrival = new long[capacity];
        clientId = new long[capacity];
        origId = new long[capacity];
        instrument = new long[capacity];
        price = new long[capacity];
        quantity = new long[capacity];
        side = new Side[capacity];
        tif = new TimeInForce[capacity];
        type = new OrderType[capacity];
    }

    /**
     * @return true when no request can be added until one is taken.
     */
    boolean isFull()
    {
        return tail - head > mask;
    }

    /**
     * Decodes an order frame into the ring and gives it its arrival time. The ring must not be full.
     *
     * @param buffer holding the frame.
     * @param index  offset of its message header.
     * @return false, and nothing added, when the frame is not a NewOrder, CancelOrder or ReplaceOrder.
     */
    boolean add(final MutableDirectBuffer buffer, final int index)
    {
        headerDecoder.wrap(buffer, index);
        final int body = index + MessageHeaderDecoder.ENCODED_LENGTH;
        final int at = (int)(tail & mask);
        final long sendTimeNs;
        switch (headerDecoder.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID:
                newOrderDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = newOrderDecoder.sendingTimeNs();
                kind[at] = NEW;
                clientId[at] = newOrderDecoder.clientOrderId();
                origId[at] = 0;
                instrument[at] = newOrderDecoder.instrumentId();
                side[at] = newOrderDecoder.side();
                type[at] = newOrderDecoder.orderType();
                tif[at] = newOrderDecoder.timeInForce();
                price[at] = newOrderDecoder.price();
                quantity[at] = newOrderDecoder.quantity();
                break;
            case CancelOrderDecoder.TEMPLATE_ID:
                cancelDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = cancelDecoder.sendingTimeNs();
                kind[at] = CANCEL;
                clientId[at] = cancelDecoder.clientOrderId();
                origId[at] = cancelDecoder.origClientOrderId();
                instrument[at] = cancelDecoder.instrumentId();
                side[at] = cancelDecoder.side();
                break;
            case ReplaceOrderDecoder.TEMPLATE_ID:
                replaceDecoder.wrap(buffer, body, headerDecoder.blockLength(), headerDecoder.version());
                sendTimeNs = replaceDecoder.sendingTimeNs();
                kind[at] = REPLACE;
                clientId[at] = replaceDecoder.clientOrderId();
                origId[at] = replaceDecoder.origClientOrderId();
                instrument[at] = replaceDecoder.instrumentId();
                side[at] = replaceDecoder.side();
                price[at] = replaceDecoder.price();
                quantity[at] = replaceDecoder.quantity();
                break;
            default:
                return false;
        }
        final long arrivalNs = Math.max(
            Math.max(sendTimeNs + latencyModel.entryLatencyNs(sendTimeNs), lastArrivalNs), clock.nowNs());
        arrival[at] = arrivalNs;
        lastArrivalNs = arrivalNs;
        tail++;
        return true;
    }

    /**
     * @return arrival time of the request added last, epoch ns (0 before the first).
     */
    long lastArrivalNs()
    {
        return lastArrivalNs;
    }

    /**
     * @return arrival time of the next request, or {@link Long#MAX_VALUE} when none is held.
     */
    long nextArrivalNs()
    {
        return head == tail ? Long.MAX_VALUE : arrival[(int)(head & mask)];
    }

    /**
     * Takes the next request if it arrives strictly before {@code timeNs}. Its fields stay readable by index until
     * {@link #add} reuses the place (at the earliest the next add, when the ring was full).
     *
     * @param timeNs epoch ns.
     * @return index of the request taken, or -1 when the next one (if any) arrives at or after {@code timeNs}.
     */
    int takeBefore(final long timeNs)
    {
        if (head == tail)
        {
            return -1;
        }
        final int at = (int)(head & mask);
        if (arrival[at] >= timeNs)
        {
            return -1;
        }
        head++;
        return at;
    }

    int kind(final int at)
    {
        return kind[at];
    }

    long arrivalNs(final int at)
    {
        return arrival[at];
    }

    long clientOrderId(final int at)
    {
        return clientId[at];
    }

    /**
     * @return the id of the order a cancel or replace asks for (0 for a new order).
     */
    long origClientOrderId(final int at)
    {
        return origId[at];
    }

    long instrumentId(final int at)
    {
        return instrument[at];
    }

    long price(final int at)
    {
        return price[at];
    }

    long quantity(final int at)
    {
        return quantity[at];
    }

    Side side(final int at)
    {
        return side[at];
    }

    TimeInForce timeInForce(final int at)
    {
        return tif[at];
    }

    OrderType orderType(final int at)
    {
        return type[at];
    }
}
