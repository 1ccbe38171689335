package io.ticklane.gateway.transport;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;

import java.util.concurrent.TimeUnit;

/**
 * Settings of one {@link Transport}, in the Aeron {@code Context} style: fluent setters with defaults and a
 * {@link #conclude()} that checks everything before any driver starts, so a bad channel fails at start with a message
 * naming the setting.
 * <p>
 * Four streams connect a daemon and a venue: market data and heartbeats from the venue, orders and heartbeats to it,
 * execution reports from it, and operator commands to the daemon. IPC by default (one host, one driver); a venue on
 * another host uses {@code aeron:udp?endpoint=...} channels for the first three, while the operator stream stays IPC
 * on the daemon's driver.
 */
public final class TransportContext
{
    /** Default Aeron directory: Aeron's default with a Ticklane suffix, so a stray Aeron app does not share it. */
    public static final String DEFAULT_AERON_DIR = CommonContext.getAeronDirectoryName() + "-ticklane";
    /** Default channel of every stream: IPC through one media driver. */
    public static final String DEFAULT_CHANNEL = "aeron:ipc";
    /** Stream of market data frames and venue heartbeats, venue to daemon. */
    public static final int DEFAULT_MARKET_DATA_STREAM_ID = 1001;
    /** Stream of order entry frames and daemon heartbeats, daemon to venue. */
    public static final int DEFAULT_ORDER_STREAM_ID = 1002;
    /** Stream of execution reports, venue to daemon. */
    public static final int DEFAULT_REPORT_STREAM_ID = 1003;
    /** Stream of operator commands, {@code ticklane admin} to daemon. */
    public static final int DEFAULT_ADMIN_STREAM_ID = 1004;
    /** Default bound on retrying one frame the publication will not take: 50 ms. */
    public static final long DEFAULT_OFFER_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(50);

    private String aeronDirectoryName = DEFAULT_AERON_DIR;
    private boolean embeddedDriver = true;
    private String marketDataChannel = DEFAULT_CHANNEL;
    private int marketDataStreamId = DEFAULT_MARKET_DATA_STREAM_ID;
    private String orderChannel = DEFAULT_CHANNEL;
    private int orderStreamId = DEFAULT_ORDER_STREAM_ID;
    private String reportChannel = DEFAULT_CHANNEL;
    private int reportStreamId = DEFAULT_REPORT_STREAM_ID;
    private String adminChannel = DEFAULT_CHANNEL;
    private int adminStreamId = DEFAULT_ADMIN_STREAM_ID;
    private long offerTimeoutNs = DEFAULT_OFFER_TIMEOUT_NS;

    /**
     * Checks every setting.
     *
     * @return this.
     * @throws IllegalArgumentException naming the first bad setting.
     */
    public TransportContext conclude()
    {
        require(null != aeronDirectoryName && !aeronDirectoryName.isBlank(), "aeron directory must be set");
        checkChannel("market data channel", marketDataChannel);
        checkChannel("order channel", orderChannel);
        checkChannel("report channel", reportChannel);
        checkChannel("admin channel", adminChannel);
        require(adminChannel.startsWith("aeron:ipc"), "admin channel must be IPC (operators run on the daemon's host): " +
            adminChannel);
        final int[] ids = {marketDataStreamId, orderStreamId, reportStreamId, adminStreamId};
        for (int i = 0; i < ids.length; i++)
        {
            for (int j = i + 1; j < ids.length; j++)
            {
                require(ids[i] != ids[j], "stream ids must differ: " + ids[i] + " is used twice");
            }
        }
        require(offerTimeoutNs > 0, "offer timeout must be > 0 ns: " + offerTimeoutNs);
        return this;
    }

    private static void checkChannel(final String name, final String channel)
    {
        require(null != channel, name + " must be set");
        try
        {
            ChannelUri.parse(channel);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(name + " is not an Aeron channel: " + channel + " (" + ex.getMessage() + ")",
                ex);
        }
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @param name directory of the media driver (created by an embedded driver, joined otherwise).
     * @return this.
     */
    public TransportContext aeronDirectoryName(final String name)
    {
        this.aeronDirectoryName = name;
        return this;
    }

    /**
     * @return directory of the media driver.
     */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
    }

    /**
     * @param embedded true to launch a media driver in this process, false to join one already running.
     * @return this.
     */
    public TransportContext embeddedDriver(final boolean embedded)
    {
        this.embeddedDriver = embedded;
        return this;
    }

    /**
     * @return whether this process launches its own media driver.
     */
    public boolean embeddedDriver()
    {
        return embeddedDriver;
    }

    /**
     * @param channel Aeron channel of market data and venue heartbeats.
     * @return this.
     */
    public TransportContext marketDataChannel(final String channel)
    {
        this.marketDataChannel = channel;
        return this;
    }

    /**
     * @return Aeron channel of market data and venue heartbeats.
     */
    public String marketDataChannel()
    {
        return marketDataChannel;
    }

    /**
     * @param streamId stream of market data and venue heartbeats.
     * @return this.
     */
    public TransportContext marketDataStreamId(final int streamId)
    {
        this.marketDataStreamId = streamId;
        return this;
    }

    /**
     * @return stream of market data and venue heartbeats.
     */
    public int marketDataStreamId()
    {
        return marketDataStreamId;
    }

    /**
     * @param channel Aeron channel of orders and daemon heartbeats.
     * @return this.
     */
    public TransportContext orderChannel(final String channel)
    {
        this.orderChannel = channel;
        return this;
    }

    /**
     * @return Aeron channel of orders and daemon heartbeats.
     */
    public String orderChannel()
    {
        return orderChannel;
    }

    /**
     * @param streamId stream of orders and daemon heartbeats.
     * @return this.
     */
    public TransportContext orderStreamId(final int streamId)
    {
        this.orderStreamId = streamId;
        return this;
    }

    /**
     * @return stream of orders and daemon heartbeats.
     */
    public int orderStreamId()
    {
        return orderStreamId;
    }

    /**
     * @param channel Aeron channel of execution reports.
     * @return this.
     */
    public TransportContext reportChannel(final String channel)
    {
        this.reportChannel = channel;
        return this;
    }

    /**
     * @return Aeron channel of execution reports.
     */
    public String reportChannel()
    {
        return reportChannel;
    }

    /**
     * @param streamId stream of execution reports.
     * @return this.
     */
    public TransportContext reportStreamId(final int streamId)
    {
        this.reportStreamId = streamId;
        return this;
    }

    /**
     * @return stream of execution reports.
     */
    public int reportStreamId()
    {
        return reportStreamId;
    }

    /**
     * @param channel Aeron channel of operator commands; IPC.
     * @return this.
     */
    public TransportContext adminChannel(final String channel)
    {
        this.adminChannel = channel;
        return this;
    }

    /**
     * @return Aeron channel of operator commands.
     */
    public String adminChannel()
    {
        return adminChannel;
    }

    /**
     * @param streamId stream of operator commands.
     * @return this.
     */
    public TransportContext adminStreamId(final int streamId)
    {
        this.adminStreamId = streamId;
        return this;
    }

    /**
     * @return stream of operator commands.
     */
    public int adminStreamId()
    {
        return adminStreamId;
    }

    /**
     * @param timeoutNs how long one frame is retried while the publication is back-pressured or not connected.
     * @return this.
     */
    public TransportContext offerTimeoutNs(final long timeoutNs)
    {
        this.offerTimeoutNs = timeoutNs;
        return this;
    }

    /**
     * @return how long one frame is retried before the publisher gives up and reports why.
     */
    public long offerTimeoutNs()
    {
        return offerTimeoutNs;
    }
}
