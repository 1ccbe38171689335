package io.ticklane.feedserve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of one {@link FeedServer}, validated by {@link #conclude()}: what to serve (Binance captures, or a file of
 * one JSON message per line), where, how fast, and which faults to inject.
 */
public final class ServeContext
{
    private final List<Path> captures = new ArrayList<>();
    private Path lines;
    private String host = "127.0.0.1";
    private int port;
    private Pace pace = Pace.RECORDED;
    private Faults faults = Faults.NONE;
    private long snapshotRendezvousMs = 5_000;

    /**
     * @param files Binance capture files ({@code <local_ns> <json>}, gzipped or not), served as one stream in order.
     * @return this.
     */
    public ServeContext captures(final List<Path> files)
    {
        captures.clear();
        captures.addAll(files);
        return this;
    }

    /**
     * @return the capture files.
     */
    public List<Path> captures()
    {
        return List.copyOf(captures);
    }

    /**
     * @param file a file of one JSON message per line, served as a WebSocket stream on any path.
     * @return this.
     */
    public ServeContext lines(final Path file)
    {
        this.lines = file;
        return this;
    }

    /**
     * @return the lines file, or null.
     */
    public Path lines()
    {
        return lines;
    }

    /**
     * @param host address to listen on; default 127.0.0.1.
     * @return this.
     */
    public ServeContext host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @return address to listen on.
     */
    public String host()
    {
        return host;
    }

    /**
     * @param port port to listen on; 0 (default) picks a free one.
     * @return this.
     */
    public ServeContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /**
     * @return port to listen on, 0 for any free one.
     */
    public int port()
    {
        return port;
    }

    /**
     * @param pace how fast to replay.
     * @return this.
     */
    public ServeContext pace(final Pace pace)
    {
        this.pace = pace;
        return this;
    }

    /**
     * @return how fast to replay.
     */
    public Pace pace()
    {
        return pace;
    }

    /**
     * @param faults faults to inject.
     * @return this.
     */
    public ServeContext faults(final Faults faults)
    {
        this.faults = faults;
        return this;
    }

    /**
     * @return faults to inject.
     */
    public Faults faults()
    {
        return faults;
    }

    /**
     * @param ms longest time the stream waits at the capture's first snapshot line for a client's REST request (the
     *           point where the recording client got its snapshot), and at a lines file's reply line for the client's
     *           request it answers; default 5000.
     * @return this.
     */
    public ServeContext snapshotRendezvousMs(final long ms)
    {
        this.snapshotRendezvousMs = ms;
        return this;
    }

    /**
     * @return longest wait at the first snapshot line or at a reply line.
     */
    public long snapshotRendezvousMs()
    {
        return snapshotRendezvousMs;
    }

    /**
     * Check the settings.
     *
     * @return this.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public ServeContext conclude()
    {
        if (captures.isEmpty() == (null == lines))
        {
            throw new IllegalArgumentException("give either capture files or one lines file");
        }
        for (final Path file : null == lines ? captures : List.of(lines))
        {
            if (!Files.isRegularFile(file))
            {
                throw new IllegalArgumentException("no such file: " + file);
            }
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (null != lines && !pace.isMax())
        {
            throw new IllegalArgumentException("a lines file carries no receive times: only --pace max can replay it");
        }
        if (snapshotRendezvousMs < 0)
        {
            throw new IllegalArgumentException("snapshotRendezvousMs must not be negative: " + snapshotRendezvousMs);
        }
        return this;
    }
}
