package io.ticklane.research.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A sweep's ranking for people: successful tasks by net PnL (best first; ties by task id), then every failed task
 * with its inputs and error. As a text table and as a self-contained HTML page.
 */
public final class SweepSummary
{
    private static final String NET = "metrics.pnl.net";
    private static final String SHARPE = "metrics.sharpe";
    private static final String FILLS = "result.fills";

    private SweepSummary()
    {
    }

    /**
     * @param results a sweep's results.
     * @return the successful ones, ranked.
     */
    public static List<TaskResult> ranked(final List<TaskResult> results)
    {
        final List<TaskResult> ranked = new ArrayList<>();
        for (final TaskResult result : results)
        {
            if (result.ok())
            {
                ranked.add(result);
            }
        }
        ranked.sort(Comparator.comparingDouble((TaskResult r) -> -number(r, NET)).thenComparingInt((r) -> r.task().taskId()));
        return ranked;
    }

    /**
     * @param results a sweep's results.
     * @return the ranking and the failures as a text table.
     */
    public static String text(final List<TaskResult> results)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-4s %-6s %-14s %-40s %14s %10s %8s %-12s%n",
            "rank", "task", "journal", "grid", "net pnl", "sharpe", "fills", "report"));
        int rank = 1;
        for (final TaskResult r : ranked(results))
        {
            out.append(String.format(Locale.ROOT, "%-4d %-6d %-14s %-40s %14.2f %10s %8d %-12s%n", rank++, r.task().taskId(),
                journal(r.task()), grid(r.task()), number(r, NET), sharpe(r), (long)number(r, FILLS),
                r.reportSha256().substring(0, 12)));
        }
        for (final TaskResult r : results)
        {
            if (!r.ok())
            {
                out.append(String.format(Locale.ROOT, "FAILED task %d journal %s grid %s: %s%n", r.task().taskId(),
                    journal(r.task()), grid(r.task()), r.error()));
            }
        }
        return out.toString();
    }

    /**
     * @param results a sweep's results.
     * @param title   the page's heading.
     * @return the ranking and the failures as an HTML page.
     */
    public static String html(final List<TaskResult> results, final String title)
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title))
            .append("</title><style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{padding:2px 8px;")
            .append("border-bottom:1px solid #ddd}td.n{text-align:right}.failed{color:#a00}</style></head><body>\n<h1>")
            .append(escape(title)).append("</h1>\n<table><tr><th>rank</th><th>task</th><th>journal</th><th>instruments</th>")
            .append("<th>grid</th><th>net pnl</th><th>sharpe</th><th>fills</th><th>report sha256</th></tr>\n");
        int rank = 1;
        for (final TaskResult r : ranked(results))
        {
            out.append(String.format(Locale.ROOT, "<tr><td class=n>%d</td><td class=n>%d</td><td>%s</td><td>%s</td><td>%s</td>" +
                "<td class=n>%.2f</td><td class=n>%s</td><td class=n>%d</td><td><code>%s</code></td></tr>%n", rank++,
                r.task().taskId(), escape(journal(r.task())), escape(r.task().instruments()), escape(grid(r.task())),
                number(r, NET), sharpe(r), (long)number(r, FILLS), r.reportSha256()));
        }
        out.append("</table>\n");
        for (final TaskResult r : results)
        {
            if (!r.ok())
            {
                out.append("<p class=failed>FAILED task ").append(r.task().taskId()).append(", journal ")
                    .append(escape(journal(r.task()))).append(", grid ").append(escape(grid(r.task()))).append(": ")
                    .append(escape(r.error())).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String journal(final SweepTask task)
    {
        return task.journalSha256().isEmpty() ? "unreadable" : task.journalSha256().substring(0, 12);
    }

    private static String grid(final SweepTask task)
    {
        final StringBuilder grid = new StringBuilder();
        for (int i = 0; i < task.gridKeys().size(); i++)
        {
            grid.append(i > 0 ? " " : "").append(task.gridKeys().get(i)).append('=').append(task.gridValues().get(i));
        }
        return grid.toString();
    }

    private static double number(final TaskResult result, final String key)
    {
        final Object value = result.fields().get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String sharpe(final TaskResult result)
    {
        final double sharpe = number(result, SHARPE);
        return Double.isNaN(sharpe) ? "undefined" : String.format(Locale.ROOT, "%.3f", sharpe);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
