package io.ticklane.cockpit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket, for tests that must send what a browser's fetch API or Java's HttpClient will not
 * (a forged Host, a missing or foreign Origin): one request per connection, the answer read to the end.
 */
final class RawHttp
{
    /** An answer. */
    record Response(int status, Map<String, List<String>> headers, String body)
    {
        String header(final String name)
        {
            final List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return null == values ? null : values.get(0);
        }
    }

    private RawHttp()
    {
    }

    static Response send(final int port, final String method, final String path, final Map<String, String> headers,
        final String body) throws IOException
    {
        final byte[] content = null == body ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        final StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        final Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", "127.0.0.1:" + port);
        all.putAll(headers);
        all.put("Connection", "close");
        if (null != body)
        {
            all.put("Content-Type", "application/x-www-form-urlencoded");
            all.put("Content-Length", Integer.toString(content.length));
        }
        all.forEach((k, v) ->
        {
            if (null != v)
            {
                request.append(k).append(": ").append(v).append("\r\n");
            }
        });
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            socket.setSoTimeout(30_000);
            final OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Response parse(final byte[] raw) throws IOException
    {
        final String text = new String(raw, StandardCharsets.ISO_8859_1);
        final int end = text.indexOf("\r\n\r\n");
        if (end < 0)
        {
            throw new IOException("no header end in: " + text);
        }
        final String[] lines = text.substring(0, end).split("\r\n");
        final int status = Integer.parseInt(lines[0].split(" ")[1]);
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++)
        {
            final int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
                .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.containsKey("transfer-encoding") && headers.get("transfer-encoding").get(0).contains("chunked"))
        {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(final byte[] body) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true)
        {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n'))
            {
                lineEnd++;
            }
            final String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            final int size = Integer.parseInt(sizeText, 16);
            if (0 == size)
            {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
            if (at > body.length)
            {
                throw new IOException("truncated chunked body");
            }
        }
    }

    static String readAll(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
