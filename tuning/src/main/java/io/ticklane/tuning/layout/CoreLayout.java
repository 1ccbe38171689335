package io.ticklane.tuning.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A core layout: the thread roles to start, in file order, each with the core it is pinned to or none. Cores and
 * idle strategies are configuration, not code; this is the configuration of the first. The file is
 * {@code role=core} per line ({@code none} for unpinned), {@code #} comments; a role or a core given twice is an
 * error, because two busy-spinning threads on one core starve each other.
 */
public final class CoreLayout
{
    /** Literal for a role that is not pinned. */
    public static final String UNPINNED = "none";

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]*");

    private final String name;
    private final Map<String, OptionalInt> cores;

    private CoreLayout(final String name, final Map<String, OptionalInt> cores)
    {
        this.name = name;
        this.cores = Collections.unmodifiableMap(cores);
    }

    /**
     * Reads a layout file.
     *
     * @param file e.g. {@code tuning/layouts/pinned.properties}; its name without extension is the layout's name.
     * @return the layout.
     * @throws IOException              when the file cannot be read.
     * @throws IllegalArgumentException naming the file and line when it is malformed.
     */
    public static CoreLayout load(final Path file) throws IOException
    {
        final Path namePath = file.getFileName();
        final String fileName = null == namePath ? file.toString() : namePath.toString();
        final String name = fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - 11) : fileName;
        return read(name, file.toString(), Files.readAllBytes(file));
    }

    /**
     * Parses a layout file's bytes.
     *
     * @param name   the layout's name.
     * @param source the file, for error messages.
     * @param bytes  its content, UTF-8.
     * @return the layout.
     * @throws IllegalArgumentException naming the source and line when it is not UTF-8 or is malformed.
     */
    static CoreLayout read(final String name, final String source, final byte[] bytes)
    {
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        final String text;
        try
        {
            text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in)
                .toString();
        }
        catch (final CharacterCodingException ex)
        {
            int line = 1;
            for (int i = 0; i < in.position(); i++)
            {
                line += '\n' == bytes[i] ? 1 : 0;
            }
            throw new IllegalArgumentException(source + ":" + line + ": not UTF-8 text", ex);
        }
        return parse(name, source, new BufferedReader(new StringReader(text)).lines().toList());
    }

    /**
     * Parses layout lines.
     *
     * @param name   the layout's name.
     * @param source where the lines come from, for error messages.
     * @param lines  the lines.
     * @return the layout.
     * @throws IllegalArgumentException naming the source and line when malformed.
     */
    public static CoreLayout parse(final String name, final String source, final List<String> lines)
    {
        final Map<String, OptionalInt> cores = new LinkedHashMap<>();
        final List<Integer> usedCores = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String where = source + ":" + (i + 1) + ": ";
            final int equals = line.indexOf('=');
            if (equals < 0)
            {
                throw new IllegalArgumentException(where + "expected role=core, got '" + line + "'");
            }
            final String role = line.substring(0, equals).strip();
            final String value = line.substring(equals + 1).strip();
            if (!ROLE.matcher(role).matches())
            {
                throw new IllegalArgumentException(where + "bad role name '" + role + "' (lower case, digits, '-')");
            }
            if (cores.containsKey(role))
            {
                throw new IllegalArgumentException(where + "role '" + role + "' given twice");
            }
            cores.put(role, core(where, role, value, usedCores));
        }
        if (cores.isEmpty())
        {
            throw new IllegalArgumentException(source + ": no roles");
        }
        return new CoreLayout(name, cores);
    }

    private static OptionalInt core(final String where, final String role, final String value, final List<Integer> usedCores)
    {
        if (value.equals(UNPINNED))
        {
            return OptionalInt.empty();
        }
        final int core;
        try
        {
            core = Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where + "core of '" + role + "' must be a core id or none, got '" + value + "'");
        }
        if (core < 0)
        {
            throw new IllegalArgumentException(where + "core of '" + role + "' must not be negative: " + core);
        }
        if (usedCores.contains(core))
        {
            throw new IllegalArgumentException(where + "core " + core + " given to two roles");
        }
        usedCores.add(core);
        return OptionalInt.of(core);
    }

    /**
     * @return the layout's name (file name without {@code .properties}).
     */
    public String name()
    {
        return name;
    }

    /**
     * @return the roles, in file order: the threads to start.
     */
    public List<String> roles()
    {
        return List.copyOf(cores.keySet());
    }

    /**
     * @param role a role name, e.g. {@code trading}.
     * @return its core, or empty when the role is unpinned or not in this layout (see {@link #hasRole}).
     */
    public OptionalInt core(final String role)
    {
        return cores.getOrDefault(role, OptionalInt.empty());
    }

    /**
     * @param role a role name.
     * @return whether this layout starts a thread for it.
     */
    public boolean hasRole(final String role)
    {
        return cores.containsKey(role);
    }

    @Override
    public String toString()
    {
        return name + cores;
    }
}
