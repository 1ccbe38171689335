package io.ticklane.cockpit.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Delivers alerts to a webhook as an HTTP POST of a small JSON document, on a thread of its own so that a slow or
 * dead receiver never blocks the cockpit: {@link #accept} only queues (a full queue drops the alert, counted and
 * logged). Each alert is tried once and then retried with doubling backoff up to {@link AlertRules#webhookRetries()}
 * times; one still not taken is given up, logged and counted, and never sent later (an alert hours late would
 * mislead). Order is kept: a resolution is never sent before its alert. The document has a {@code text} field, so
 * chat tools' incoming webhooks (Slack, Mattermost, Teams' connectors) show it as is.
 */
public final class WebhookSender implements Consumer<Alert>, AutoCloseable
{
    private static final Alert STOP = new Alert(AlertCondition.DAEMON_GONE, false, "", 0, "");
    private static final JsonFactory JSON = new JsonFactory();

    private final AlertRules rules;
    private final URI url;
    private final Consumer<String> log;
    private final BlockingQueue<Alert> queue;
    private final HttpClient client;
    private final Thread thread;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param rules the webhook's URL, timeout, retries and backoff ({@link AlertRules#webhook()} must be set).
     * @param log   told each alert given up or dropped, one line; called on the sender's thread or the caller's.
     */
    public WebhookSender(final AlertRules rules, final Consumer<String> log)
    {
        if (null == rules.webhook())
        {
            throw new IllegalArgumentException("alert.webhook.url is not set");
        }
        this.rules = rules;
        this.url = rules.webhook();
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(rules.queueCapacity());
        this.client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofMillis(rules.webhookTimeoutMs()))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.thread = new Thread(this::run, "ticklane-alert-webhook");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues an alert; never blocks.
     *
     * @param alert to send.
     */
    public void accept(final Alert alert)
    {
        if (closed || !queue.offer(alert))
        {
            dropped.incrementAndGet();
            log.accept("alert webhook: queue full or closed, dropped: " + alert.text());
        }
    }

    /**
     * @return alerts the webhook took (a 2xx answer).
     */
    public long delivered()
    {
        return delivered.get();
    }

    /**
     * @return attempts that failed (no answer in time, refused, or not 2xx).
     */
    public long failedAttempts()
    {
        return failedAttempts.get();
    }

    /**
     * @return alerts given up after every retry failed.
     */
    public long givenUp()
    {
        return givenUp.get();
    }

    /**
     * @return alerts dropped because the queue was full or the sender closed.
     */
    public long dropped()
    {
        return dropped.get();
    }

    /**
     * Sends what is queued within one request timeout more, then stops the thread.
     */
    public void close()
    {
        closed = true;
        queue.offer(STOP);
        try
        {
            thread.join(rules.webhookTimeoutMs() + 1_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    /**
     * @param alert an alert.
     * @return the JSON document POSTed for it.
     */
    public static String document(final Alert alert)
    {
        final StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out))
        {
            json.writeStartObject();
            json.writeStringField("text", alert.text());
            json.writeStringField("condition", alert.condition().id());
            json.writeStringField("state", alert.state());
            json.writeStringField("message", alert.message());
            json.writeStringField("daemon", alert.daemon());
            json.writeStringField("time", Instant.ofEpochMilli(alert.timeMs()).toString());
            json.writeNumberField("time_ms", alert.timeMs());
            json.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    private void run()
    {
        try
        {
            while (true)
            {
                final Alert alert = queue.take();
                if (STOP == alert)
                {
                    return;
                }
                deliver(alert);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(final Alert alert) throws InterruptedException
    {
        final HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(Duration.ofMillis(rules.webhookTimeoutMs()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(document(alert)))
            .build();
        long backoffMs = rules.backoffMs();
        String lastFailure = "";
        for (int attempt = 0; attempt <= rules.webhookRetries(); attempt++)
        {
            if (attempt > 0)
            {
                TimeUnit.MILLISECONDS.sleep(backoffMs);
                backoffMs = Math.min(rules.backoffMaxMs(), backoffMs * 2);
            }
            try
            {
                final int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 300)
                {
                    delivered.incrementAndGet();
                    return;
                }
                lastFailure = "HTTP " + status;
                failedAttempts.incrementAndGet();
                if (status >= 400 && status < 500 && 408 != status && 429 != status)
                {
                    break; // the receiver refuses this request as such: sending it again cannot help
                }
            }
            catch (final IOException ex)
            {
                lastFailure = ex.getClass().getSimpleName() + (null == ex.getMessage() ? "" : ": " + ex.getMessage());
                failedAttempts.incrementAndGet();
            }
        }
        givenUp.incrementAndGet();
        log.accept("alert webhook: given up after " + lastFailure + ": " + alert.text());
    }
}
