package io.ticklane.gateway.fix.session;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveMarkFile;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.ArchivingMediaDriver;
import io.aeron.archive.client.AeronArchive;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import uk.co.real_logic.artio.MonitoringAgentFactory;
import uk.co.real_logic.artio.engine.EngineConfiguration;
import uk.co.real_logic.artio.engine.FixEngine;
import uk.co.real_logic.artio.engine.LowResourceEngineScheduler;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Artio's engine for the daemon's FIX session, on its own Aeron media driver with an archive, all under the session
 * store directory: {@code aeron/} (wiped each start), {@code archive/} (every FIX message in and out, kept: what a
 * ResendRequest is answered from, and the raw record of the session) and {@code log/} (sequence numbers, kept). Its own
 * driver, so Artio's streams and back pressure never touch the daemon's; one engine thread
 * ({@link LowResourceEngineScheduler}) plus the shared driver and archive threads, so it fits a small host.
 * <p>
 * The archive holds every message as sent, the Logon's Password(554) included, so the store directory is its
 * owner's alone (mode 700, made so when new; an existing one others may enter is refused), as the password file is.
 * <p>
 * One engine per store directory, guarded by an OS lock on {@code store.lock} held while the engine runs: two
 * engines on one store would interleave sequence numbers. Artio's own guard (a heartbeat time in the log directory,
 * refused if under {@code duplicateEngineTimeoutInMs}, 10 s, old) is off: it cannot tell a crashed engine from a live
 * one, so it refused every restart within 10 s of a {@code kill -9}, the case a restart exists for, while the OS
 * releases the lock the moment the process dies.
 */
public final class FixSessionEngine implements AutoCloseable
{
    private static final String LOCK_FILE = "store.lock";
    /**
     * Order-entry MsgTypes the daemon sends: NewOrderSingle, OrderCancelRequest, OrderCancelReplaceRequest,
     * OrderMassCancelRequest, OrderMassStatusRequest. A venue's ResendRequest for them gets a gap fill: by default Artio
     * replays them (PossDupFlag=Y), so an order the venue missed when the session dropped would reach it minutes late,
     * at a price the strategy no longer wants. Not resent, such an order is settled by the reconciliation after the
     * logon (a new order the venue never saw ended unfilled, a replace or cancel it never saw left the order as it
     * was), as for any order lost with a session.
     */
    private static final Set<String> ORDER_ENTRY_TYPES = Set.of("D", "F", "G", "q", "AF");
    /**
     * How long the private driver keeps a client that stopped heartbeating (Aeron's default is 10 s). The engine and
     * library are this process's own, so a silent client is a starved one, not a dead one: at 10 s an engine starved
     * just past Artio's reply timeout was timed out by its own driver and could never serve the library again.
     */
    private static final long ENGINE_LIVENESS_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path storeDir;
    private final FileChannel lockChannel;
    private final ArchivingMediaDriver driver;
    private final FixEngine engine;

    private FixSessionEngine(
        final Path storeDir, final FileChannel lockChannel, final ArchivingMediaDriver driver, final FixEngine engine)
    {
        this.storeDir = storeDir;
        this.lockChannel = lockChannel;
        this.driver = driver;
        this.engine = engine;
    }

    /**
     * Launches the driver, the archive and the engine.
     *
     * @param storeDir the session store directory (made if missing).
     * @return the running engine.
     * @throws IOException              if the store directory cannot be made.
     * @throws IllegalArgumentException if the store directory is open to group or others.
     * @throws IllegalStateException    if another engine (this process or another) holds the store directory, or
     *                                  Artio refuses to start.
     */
    public static FixSessionEngine launch(final Path storeDir) throws IOException
    {
        ownerOnly(storeDir);
        final FileChannel lockChannel = lock(storeDir);
        // Held: no live process uses this store, so a mark file left by one killed (kill -9) is stale. The archive
        // would refuse it as "active" for its driver timeout after the crash, failing the restart the crash asks for.
        Files.deleteIfExists(storeDir.resolve("archive").resolve(ArchiveMarkFile.FILENAME));
        final String aeronDir = storeDir.resolve("aeron").toString();
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .threadingMode(ThreadingMode.SHARED)
            .clientLivenessTimeoutNs(ENGINE_LIVENESS_TIMEOUT_NS)
            .publicationUnblockTimeoutNs(ENGINE_LIVENESS_TIMEOUT_NS + TimeUnit.SECONDS.toNanos(15)) // Aeron: above it
            .ipcTermBufferLength(4 * 1024 * 1024)
            .publicationTermBufferLength(4 * 1024 * 1024);
        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDirectoryName(storeDir.resolve("archive").toString())
            .deleteArchiveOnStart(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .controlChannelEnabled(false)
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=localhost:0"))
            .replicationChannel("aeron:udp?endpoint=localhost:0");
        ArchivingMediaDriver driver = null;
        try
        {
            driver = ArchivingMediaDriver.launch(driverContext, archiveContext);
            final EngineConfiguration configuration = new EngineConfiguration()
                .libraryAeronChannel("aeron:ipc")
                .logFileDir(storeDir.resolve("log").toString())
                .deleteLogFileDirOnStart(false)
                .errorIfDuplicateEngineDetected(false) // the store lock above: see the class comment
                .gapfillOnReplayMessageTypes(gapFilledOnResend())
                .lookupDefaultAcceptorfixDictionary(false)
                .scheduler(new LowResourceEngineScheduler())
                .monitoringFile(storeDir.resolve("engine-monitoring").toString());
            configuration.monitoringAgentFactory(MonitoringAgentFactory.none());
            configuration.aeronContext().aeronDirectoryName(aeronDir);
            configuration.aeronArchiveContext()
                .controlRequestChannel(AeronArchive.Configuration.localControlChannel())
                .controlRequestStreamId(AeronArchive.Configuration.localControlStreamId())
                .controlResponseChannel("aeron:ipc");
            return new FixSessionEngine(storeDir, lockChannel, driver, FixEngine.launch(configuration));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(driver, lockChannel);
            throw new IllegalStateException("FIX engine in " + storeDir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * @return the MsgTypes answered with a gap fill, not sent again, when the venue asks for a resend: Artio's
     *         session-level ones and every order-entry message the daemon sends.
     */
    static Set<String> gapFilledOnResend()
    {
        final Set<String> types = new HashSet<>(EngineConfiguration.DEFAULT_GAPFILL_ON_REPLAY_MESSAGE_TYPES);
        types.addAll(ORDER_ENTRY_TYPES);
        return types;
    }

    private static void ownerOnly(final Path storeDir) throws IOException
    {
        if (!Files.exists(storeDir))
        {
            if (null != storeDir.toAbsolutePath().getParent())
            {
                Files.createDirectories(storeDir.toAbsolutePath().getParent());
            }
            Files.createDirectory(storeDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.setPosixFilePermissions(storeDir, PosixFilePermissions.fromString("rwx------")); // whatever the umask
            return;
        }
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(storeDir);
        if (permissions.stream().anyMatch(SHARED::contains))
        {
            throw new IllegalArgumentException("fix.store_dir " + storeDir + " is open to group or others (" +
                PosixFilePermissions.toString(permissions) + "), and its archive holds the Logon's password: chmod 700 " +
                storeDir);
        }
    }

    private static FileChannel lock(final Path storeDir) throws IOException
    {
        final FileChannel channel = FileChannel.open(
            storeDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = null;
        try
        {
            lock = channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            lock = null; // held by this process
        }
        if (null == lock)
        {
            channel.close();
            throw new IllegalStateException("FIX store " + storeDir + " is in use by another running FIX engine " +
                "(another daemon with the same fix.store_dir?)");
        }
        return channel;
    }

    /**
     * @return the Aeron directory a {@code FixLibrary} connects to.
     */
    public String aeronDirectoryName()
    {
        return storeDir.resolve("aeron").toString();
    }

    /**
     * @return the session store directory.
     */
    public Path storeDir()
    {
        return storeDir;
    }

    /**
     * Closes the engine, then the driver and archive, then releases the store.
     */
    public void close()
    {
        CloseHelper.closeAll(engine, driver, lockChannel);
    }
}
