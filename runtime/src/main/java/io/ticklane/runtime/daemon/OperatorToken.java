package io.ticklane.runtime.daemon;

import io.ticklane.sbe.AdminCommandEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The operator's secret that authenticates admin commands, held as the 32 NUL-padded bytes of the SBE
 * {@code AdminCommand.authToken} field. It comes from a file that group and others cannot read, or from the
 * {@value #ENVIRONMENT_VARIABLE} environment variable: never from a command line ({@code ps} shows every process's
 * arguments) nor from a settings file (the daemon copies its settings into every run directory). It is 16 to 32
 * printable US-ASCII characters: the frame carries 32 bytes, and 16 random characters leave nothing to guess. Nothing
 * prints it; {@link #toString()} says only where it came from. See {@code docs/decisions/threat-model.md}.
 */
public final class OperatorToken
{
    /** Environment variable holding the token when no token file is named. */
    public static final String ENVIRONMENT_VARIABLE = "TICKLANE_ADMIN_TOKEN";
    /** Fewest characters a token may have. */
    public static final int MIN_LENGTH = 16;
    /** Most characters a token may have: the width of the SBE field. */
    public static final int MAX_LENGTH = AdminCommandEncoder.authTokenLength();

    private static final int MAX_FILE_BYTES = 1024;
    private static final String MAKE_ONE = "make one with: openssl rand -hex 16";
    private static final Set<PosixFilePermission> SHARED = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final byte[] field;
    private final String source;

    private OperatorToken(final byte[] field, final String source)
    {
        this.field = field;
        this.source = source;
    }

    /**
     * The token of a daemon or a client: from the file if one is named, else from {@link #ENVIRONMENT_VARIABLE}.
     *
     * @param file       the token file, or null.
     * @param env        the environment ({@code System.getenv()}).
     * @param fileOption how the user names the file ({@code daemon.admin_token_file}, {@code --token-file}), for errors.
     * @param create     true to create a missing file with a fresh random token (the daemon), false to refuse it.
     * @return the token.
     * @throws IOException              if the file cannot be read or made.
     * @throws IllegalArgumentException naming the file or variable and what is wrong with it.
     */
    public static OperatorToken resolve(
        final Path file, final Map<String, String> env, final String fileOption, final boolean create) throws IOException
    {
        if (null != file)
        {
            return create ? fromFileOrCreate(file) : fromFile(file);
        }
        final String value = env.get(ENVIRONMENT_VARIABLE);
        if (null == value || value.isEmpty())
        {
            throw new IllegalArgumentException("no operator token: name a file only you can read with " + fileOption +
                ", or set " + ENVIRONMENT_VARIABLE);
        }
        return parse(value, ENVIRONMENT_VARIABLE, "environment variable " + ENVIRONMENT_VARIABLE);
    }

    /**
     * @param file a token file: one line, readable and writable by its owner only.
     * @return the token.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException if it is missing, shared with group or others, or not a valid token.
     */
    public static OperatorToken fromFile(final Path file) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("admin token file " + file + " does not exist (or is not a file)");
        }
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException ex)
        {
            throw new IllegalArgumentException("cannot tell who may read admin token file " + file +
                " (no POSIX permissions on its file system): set " + ENVIRONMENT_VARIABLE + " instead", ex);
        }
        if (permissions.stream().anyMatch(SHARED::contains))
        {
            throw new IllegalArgumentException("admin token file " + file + " is readable or writable by group or others (" +
                PosixFilePermissions.toString(permissions) + "): chmod 600 " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES)
        {
            throw new IllegalArgumentException("admin token file " + file + " is larger than " + MAX_FILE_BYTES +
                " bytes: it should hold one line, the token");
        }
        return parse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), "admin token file " + file,
            "file " + file);
    }

    /**
     * The daemon's read: a missing file is created (owner read and write only) holding a fresh random token, so a
     * first start needs no manual step; the operator's client reads the same file.
     *
     * @param file the token file.
     * @return the token.
     * @throws IOException if the file cannot be read or made.
     */
    public static OperatorToken fromFileOrCreate(final Path file) throws IOException
    {
        if (Files.exists(file))
        {
            return fromFile(file);
        }
        final Path parent = file.toAbsolutePath().getParent();
        if (null != parent)
        {
            Files.createDirectories(parent);
        }
        final byte[] random = new byte[MAX_LENGTH / 2];
        new SecureRandom().nextBytes(random);
        final String token = HexFormat.of().formatHex(random);
        try (SeekableByteChannel channel = Files.newByteChannel(file,
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))))
        {
            channel.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
        catch (final FileAlreadyExistsException ex)
        {
            return fromFile(file); // another process made it first: use theirs
        }
        catch (final UnsupportedOperationException ex)
        {
            throw new IllegalArgumentException("cannot make admin token file " + file + " readable by its owner only" +
                " (no POSIX permissions on its file system): set " + ENVIRONMENT_VARIABLE + " instead", ex);
        }
        final OperatorToken created = fromFile(file);
        return new OperatorToken(created.field, created.source + " (created with a random token)");
    }

    /**
     * A token an operator typed (the cockpit's browser session), checked by the same rules as a file's or the
     * environment's: 16 to 32 printable US-ASCII characters.
     *
     * @param text   the token as typed; a trailing line end is dropped.
     * @param source where it came from, for {@link #toString()} (never the token).
     * @return the token.
     * @throws IllegalArgumentException saying what is wrong with it, never quoting it.
     */
    public static OperatorToken fromText(final String text, final String source)
    {
        return parse(null == text ? "" : text, "the operator token", source);
    }

    private static OperatorToken parse(final String text, final String name, final String source)
    {
        final String token = text.stripTrailing(); // the line end of `echo ... > file`
        if (token.length() < MIN_LENGTH || token.length() > MAX_LENGTH)
        {
            throw new IllegalArgumentException(name + " holds " + token.length() + " characters: an operator token is " +
                MIN_LENGTH + " to " + MAX_LENGTH + " (" + MAKE_ONE + ")");
        }
        for (int i = 0; i < token.length(); i++)
        {
            final char c = token.charAt(i);
            if (c < '!' || c > '~')
            {
                throw new IllegalArgumentException(name + ": character " + (i + 1) + " of the token is not printable" +
                    " US-ASCII (! to ~, no spaces; " + MAKE_ONE + ")");
            }
        }
        final byte[] field = new byte[MAX_LENGTH];
        final byte[] ascii = token.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, field, 0, ascii.length); // right-padded with NUL, as the SBE field is
        return new OperatorToken(field, source);
    }

    /**
     * Compares in place, without a copy or a String, and every byte whatever the first difference, so the time
     * taken does not tell a guesser how much of a guess was right.
     *
     * @param buffer holding an authToken field.
     * @param offset of its first byte.
     * @return true if the field's {@link #MAX_LENGTH} bytes are this token's.
     */
    public boolean matches(final DirectBuffer buffer, final int offset)
    {
        if (offset < 0 || offset > buffer.capacity() - field.length)
        {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < field.length; i++)
        {
            difference |= field[i] ^ buffer.getByte(offset + i);
        }
        return 0 == difference;
    }

    /**
     * @param buffer where an authToken field is being encoded.
     * @param offset of its first byte.
     */
    public void putField(final MutableDirectBuffer buffer, final int offset)
    {
        buffer.putBytes(offset, field);
    }

    /**
     * @return where the token came from, never the token.
     */
    public String toString()
    {
        return source;
    }
}
