package io.ticklane.research.spark;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A walk-forward for people: per window the training and test days, the pick, its in-sample and out-of-sample
 * figures and their gap, then the aggregate and every window that is not ok with why. As a text table
 * ({@code walk_forward.txt}) and a self-contained HTML page ({@code walk_forward.html}: no script, no external link).
 */
public final class WalkForwardSummary
{
    private WalkForwardSummary()
    {
    }

    /**
     * @param results windows.
     * @return the format of a left-aligned column as wide as the longest group's name ("binance-usdm_futures BTCUSDT").
     */
    static String groupColumn(final List<WindowResult> results)
    {
        int width = "group".length();
        for (final WindowResult r : results)
        {
            width = Math.max(width, r.window().group().length());
        }
        return "%-" + width + "s";
    }

    /**
     * @param heading  first line: the objective, lengths and grid.
     * @param keys     the grid's keys.
     * @param results  the windows' results.
     * @param overall  their aggregate.
     * @return the text table.
     */
    public static String text(
        final String heading, final List<String> keys, final List<WindowResult> results, final WalkForwardOverall overall)
    {
        final StringBuilder out = new StringBuilder();
        out.append(heading).append('\n');
        final String columns = groupColumn(results) + " %3s %-23s %-23s %-9s %-32s %14s %14s %14s %14s %14s%n";
        out.append(String.format(Locale.ROOT, columns, "group", "win",
            "train", "test", "status", "pick (combination: grid)", "in-sample", "out-of-sample", "in/day", "out/day", "gap/day"));
        for (final WindowResult r : results)
        {
            final WalkForwardWindow w = r.window();
            out.append(String.format(Locale.ROOT, columns, w.group(),
                w.index(), days(w.trainDays()), days(w.testDays()), r.status(), pick(r, keys), number(r.inSample()),
                number(r.outOfSample()), number(r.inSamplePerDay()), number(r.outOfSamplePerDay()), number(r.gapPerDay())));
        }
        out.append(overall(results, overall)).append('\n');
        for (final WindowResult r : results)
        {
            if (!r.ok())
            {
                out.append(String.format(Locale.ROOT, "%s window %s %d: %s%n", r.status().toUpperCase(Locale.ROOT),
                    r.window().group(), r.window().index(), r.error()));
            }
        }
        return out.toString();
    }

    /**
     * @return the page.
     */
    public static String html(
        final String heading, final List<String> keys, final List<WindowResult> results, final WalkForwardOverall overall)
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Ticklane walk-forward</title><style>")
            .append("body{font-family:sans-serif}table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd}")
            .append("td.n{text-align:right}.bad{color:#a00}</style></head><body>\n<h1>Ticklane walk-forward</h1>\n<p>")
            .append(escape(heading)).append("</p>\n<table><tr><th>group</th><th>window</th><th>train days</th><th>test days</th>")
            .append("<th>status</th><th>pick</th><th>in-sample</th><th>out-of-sample</th><th>in-sample / day</th>")
            .append("<th>out-of-sample / day</th><th>gap / day</th><th>out-of-sample tasks</th></tr>\n");
        for (final WindowResult r : results)
        {
            final WalkForwardWindow w = r.window();
            out.append(String.format(Locale.ROOT, "<tr%s><td>%s</td><td class=n>%d</td><td>%s</td><td>%s</td><td>%s</td>" +
                "<td>%s</td><td class=n>%s</td><td class=n>%s</td><td class=n>%s</td><td class=n>%s</td><td class=n>%s</td>" +
                "<td>%s</td></tr>%n", r.ok() ? "" : " class=bad", escape(w.group()), w.index(), days(w.trainDays()),
                days(w.testDays()), r.status(), escape(pick(r, keys)), number(r.inSample()), number(r.outOfSample()),
                number(r.inSamplePerDay()), number(r.outOfSamplePerDay()), number(r.gapPerDay()), r.outOfSampleTasks()));
        }
        out.append("</table>\n<p><b>").append(escape(overall(results, overall))).append("</b></p>\n");
        for (final WindowResult r : results)
        {
            if (!r.ok())
            {
                out.append("<p class=bad>").append(r.status().toUpperCase(Locale.ROOT)).append(" window ")
                    .append(escape(r.window().group())).append(' ').append(r.window().index()).append(": ")
                    .append(escape(r.error())).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String overall(final List<WindowResult> results, final WalkForwardOverall overall)
    {
        final Objective objective = results.get(0).objective();
        return String.format(Locale.ROOT, "overall (%s): %d window(s), %d with both figures; in-sample %s, out-of-sample %s, " +
            "gap %s (%s)%s", objective.cliName(), overall.windows(), overall.okWindows(), number(overall.inSamplePerDay()),
            number(overall.outOfSamplePerDay()), number(overall.gapPerDay()),
            objective.additive() ? "mean per day over windows" : "mean over windows",
            objective.additive() ? "; out-of-sample total " + number(overall.outOfSampleTotal()) : "");
    }

    private static String pick(final WindowResult r, final List<String> keys)
    {
        if (r.bestCombination() < 0)
        {
            return "none";
        }
        final StringBuilder text = new StringBuilder().append(r.bestCombination()).append(':');
        for (int k = 0; k < keys.size(); k++)
        {
            text.append(' ').append(keys.get(k)).append('=').append(r.bestGrid().get(k));
        }
        return text.toString();
    }

    private static String days(final List<LocalDate> days)
    {
        return days.get(0) + ".." + days.get(days.size() - 1);
    }

    private static String number(final double value)
    {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
