package io.ticklane.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Operator token files for tests, made as an operator should: readable and writable by the owner only.
 */
final class OperatorTokens
{
    private OperatorTokens()
    {
    }

    /**
     * @param file  where.
     * @param token the token, one line.
     * @return the file.
     * @throws IOException if it cannot be written.
     */
    static Path write(final Path file, final String token) throws IOException
    {
        Files.writeString(file, token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
