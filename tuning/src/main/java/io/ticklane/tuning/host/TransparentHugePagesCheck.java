package io.ticklane.tuning.host;

import java.util.List;
import java.util.Optional;

/**
 * Transparent huge pages: {@code always} makes khugepaged collapse pages under a running process and
 * {@code defrag=always} makes page faults stall in direct compaction. {@code madvise} or {@code never} keeps both
 * off the hot path (Ticklane pre-touches its memory).
 */
final class TransparentHugePagesCheck implements HostCheck
{
    static final String ENABLED = "/sys/kernel/mm/transparent_hugepage/enabled";
    static final String DEFRAG = "/sys/kernel/mm/transparent_hugepage/defrag";

    public List<Finding> check(final HostFiles files)
    {
        return List.of(
            judge(files, "thp.enabled", ENABLED, "madvise", "transparent_hugepage=madvise"),
            judge(files, "thp.defrag", DEFRAG, "madvise", "transparent_hugepage_defrag=madvise"));
    }

    private static Finding judge(
        final HostFiles files, final String check, final String path, final String wanted, final String bootParameter)
    {
        final Optional<String> content = files.read(path);
        if (content.isEmpty())
        {
            return Finding.unknown(check, path);
        }
        final Optional<String> selected = selected(content.get());
        if (selected.isEmpty())
        {
            return Finding.unknown(check, path + " (no [selected] value in '" + content.get() + "')");
        }
        final String observed = path + ": " + selected.get();
        if (selected.get().equals("always"))
        {
            return Finding.warn(check, observed, "echo " + wanted + " > " + path + " (boot: " + bootParameter + ")");
        }
        return Finding.ok(check, observed);
    }

    static Optional<String> selected(final String content)
    {
        final int open = content.indexOf('[');
        final int close = content.indexOf(']', open + 1);
        return open >= 0 && close > open ? Optional.of(content.substring(open + 1, close)) : Optional.empty();
    }
}
