package io.ticklane.gateway.fix;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A FIX password kept where a secret belongs: in a file of its own that only its owner may read or write, never in a
 * settings file, a command line or a journal. Both ends of Ticklane's FIX sessions read their password this way (the
 * daemon's initiator, {@code fix.password_file}; the simulated venue's acceptor, {@code password_file}).
 */
public final class FixPasswordFile
{
    private static final int MAX_PASSWORD_BYTES = 1024;
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private FixPasswordFile()
    {
    }

    /**
     * Reads a password from a file only its owner may read or write; one trailing line break is dropped.
     *
     * @param file the password file.
     * @param key  the setting that named it, for the errors.
     * @return the password.
     * @throws IOException              if it cannot be read.
     * @throws IllegalArgumentException if it is missing, shared with group or others, too large or empty.
     */
    public static String read(final Path file, final String key) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException(key + ": " + file + " does not exist (or is not a file)");
        }
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException ex)
        {
            throw new IllegalArgumentException(key + ": cannot tell who may read " + file +
                " (no POSIX permissions on its file system)", ex);
        }
        if (permissions.stream().anyMatch(SHARED::contains))
        {
            throw new IllegalArgumentException(key + ": " + file + " is readable or writable by group or others (" +
                PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
        }
        if (Files.size(file) > MAX_PASSWORD_BYTES)
        {
            throw new IllegalArgumentException(key + ": " + file + " is larger than " + MAX_PASSWORD_BYTES + " bytes");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (text.endsWith("\n"))
        {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        if (text.isEmpty() || text.chars().anyMatch((c) -> c < 0x21 || c > 0x7e))
        {
            throw new IllegalArgumentException(key + ": " + file +
                " must hold one line of printable ASCII without spaces");
        }
        return text;
    }
}
