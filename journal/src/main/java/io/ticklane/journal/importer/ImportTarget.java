package io.ticklane.journal.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The all-or-nothing rule every import follows: the target must not exist, the output is written into a hidden
 * sibling named for this process, and only a finished output is renamed onto the target, atomically. Shared by the
 * one-journal ({@link JournalImport}) and one-journal-per-day ({@link DailyJournalImport}) imports.
 */
final class ImportTarget
{
    private ImportTarget()
    {
    }

    /**
     * @param target where the import is to be published.
     * @return it, absolute and normalised.
     * @throws FileAlreadyExistsException if it exists: imports never overwrite.
     */
    static Path checked(final Path target) throws FileAlreadyExistsException
    {
        final Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute))
        {
            throw new FileAlreadyExistsException(target + " already exists; refusing to overwrite it");
        }
        return absolute;
    }

    /**
     * @param target an absolute target.
     * @return the hidden sibling the import writes into: {@code .<name>.importing-<pid>}.
     */
    static Path hiddenSibling(final Path target)
    {
        return target.resolveSibling("." + target.getFileName() + ".importing-" + ProcessHandle.current().pid());
    }

    /**
     * @param written the finished output in its hidden sibling.
     * @param target  where it goes.
     * @throws IOException if the target appeared meanwhile, or the rename fails.
     */
    static void publish(final Path written, final Path target) throws IOException
    {
        if (Files.exists(target))
        {
            throw new FileAlreadyExistsException(target + " appeared during the import; refusing to overwrite it");
        }
        Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * @param dir an abandoned output, deleted with everything under it (nothing if it does not exist).
     */
    static void delete(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("could not delete the partial import " + dir, ex);
        }
    }
}
