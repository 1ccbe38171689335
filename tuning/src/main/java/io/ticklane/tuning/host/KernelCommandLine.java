package io.ticklane.tuning.host;

import java.util.Optional;

/**
 * The boot parameters of {@code /proc/cmdline}, looked up by name: isolation, tick and clocksource settings are
 * decided there and can only be changed by rebooting.
 */
final class KernelCommandLine
{
    static final String PATH = "/proc/cmdline";

    private final String[] words;

    private KernelCommandLine(final String text)
    {
        this.words = text.strip().split("\\s+");
    }

    static Optional<KernelCommandLine> read(final HostFiles files)
    {
        return files.read(PATH).map(KernelCommandLine::new);
    }

    /**
     * @param name parameter name, e.g. {@code isolcpus}.
     * @return its value (the last one wins, as in the kernel), or empty when absent.
     */
    Optional<String> value(final String name)
    {
        String value = null;
        for (final String word : words)
        {
            if (word.equals("--"))
            {
                break;
            }
            if (word.startsWith(name + "="))
            {
                value = word.substring(name.length() + 1);
            }
        }
        return Optional.ofNullable(value);
    }
}
