package io.ticklane.gateway.transport;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.io.File;

/**
 * One process's Aeron: an embedded media driver (default; shared threading, so it fits a 2-core host) or a client
 * of a driver already running in the directory of the {@link TransportContext}, plus the publications and
 * subscriptions of the four Ticklane streams. Closing it closes the client, then the driver it launched.
 */
public final class Transport implements AutoCloseable
{
    private static final int IPC_TERM_LENGTH = 8 * 1024 * 1024;
    private static final long DRIVER_TIMEOUT_MS = 10_000;

    private final TransportContext context;
    private final MediaDriver driver;
    private final Aeron aeron;

    private Transport(final TransportContext context, final MediaDriver driver, final Aeron aeron)
    {
        this.context = context;
        this.driver = driver;
        this.aeron = aeron;
    }

    /**
     * Starts the driver (when embedded) and connects the client.
     *
     * @param context settings; concluded here.
     * @return the running transport.
     * @throws MediaDriverDirectoryException when an external driver is expected and none is running in the directory,
     *                                       or an embedded one is asked for where a driver is already running.
     */
    public static Transport launch(final TransportContext context)
    {
        context.conclude();
        MediaDriver driver = null;
        try
        {
            if (context.embeddedDriver())
            {
                // dirDeleteOnStart would wipe the directory of a driver that is running there: refuse instead.
                if (isDriverRunning(context.aeronDirectoryName()))
                {
                    throw new MediaDriverDirectoryException("a media driver is already running in " + context.aeronDirectoryName() +
                        ": join it as an external driver, or use another directory");
                }
                driver = MediaDriver.launch(new MediaDriver.Context()
                    .aeronDirectoryName(context.aeronDirectoryName())
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .ipcTermBufferLength(IPC_TERM_LENGTH)
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true));
            }
            else if (!new File(context.aeronDirectoryName(), "cnc.dat").exists())
            {
                throw new MediaDriverDirectoryException("no media driver in " + context.aeronDirectoryName() +
                    ": start one there (or the process that embeds it) first, or use an embedded driver");
            }
            final Aeron aeron = Aeron.connect(new Aeron.Context()
                .aeronDirectoryName(context.aeronDirectoryName())
                .driverTimeoutMs(DRIVER_TIMEOUT_MS));
            return new Transport(context, driver, aeron);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    private static boolean isDriverRunning(final String directory)
    {
        return CommonContext.isDriverActive(new File(directory), DRIVER_TIMEOUT_MS, (message) ->
        {
            // the answer is enough
        });
    }

    /**
     * @return the settings this transport runs with.
     */
    public TransportContext context()
    {
        return context;
    }

    /**
     * @return the Aeron client, for counters and further streams.
     */
    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * @param channel  Aeron channel.
     * @param streamId stream id.
     * @return a publisher with the context's retry bound.
     */
    public FramePublisher publisher(final String channel, final int streamId)
    {
        final ExclusivePublication publication = aeron.addExclusivePublication(channel, streamId);
        return new FramePublisher(publication, context.offerTimeoutNs(), SystemNanoClock.INSTANCE);
    }

    /**
     * @param channel  Aeron channel.
     * @param streamId stream id.
     * @return a subscription.
     */
    public Subscription subscription(final String channel, final int streamId)
    {
        return aeron.addSubscription(channel, streamId);
    }

    /**
     * Closes the client, then the embedded driver if there is one.
     */
    public void close()
    {
        CloseHelper.closeAll(aeron, driver);
    }
}
