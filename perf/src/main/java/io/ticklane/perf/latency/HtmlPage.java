package io.ticklane.perf.latency;

/**
 * The one look of Ticklane's HTML reports: a self-contained page (inline CSS, no scripts, no external resources) so
 * a report can be mailed, archived or opened on a host with no network.
 */
final class HtmlPage
{
    private static final String STYLE = String.join("\n",
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em;color:#222}",
        "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}",
        "table{border-collapse:collapse;font-variant-numeric:tabular-nums}",
        "th,td{border:1px solid #ccc;padding:.3em .6em}th{background:#f3f3f3}td.n{text-align:right}",
        "td.worse{background:#fde0e0}td.better{background:#e0f5e0}",
        ".meta{color:#666;font-size:.9em}figure{margin:1.5em 0}",
        ".invalid{border:3px solid #b00;background:#fde0e0;color:#600;padding:.6em 1em;font-weight:bold}");

    private final StringBuilder html = new StringBuilder(16 * 1024);

    HtmlPage(final String title)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n<h1>")
            .append(escape(title)).append("</h1>\n");
    }

    HtmlPage paragraph(final String cssClass, final String text)
    {
        html.append("<p class=\"").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
        return this;
    }

    HtmlPage heading(final String text)
    {
        html.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    HtmlPage raw(final String trustedHtml)
    {
        html.append(trustedHtml).append('\n');
        return this;
    }

    String finish()
    {
        return html.append("</body>\n</html>\n").toString();
    }

    static String escape(final String text)
    {
        final StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
