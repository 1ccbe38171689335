package io.ticklane.cockpit.alert;

import io.ticklane.runtime.daemon.DaemonCountersReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The cockpit's alerting loop: reads the daemon's counters file every {@link AlertRules#pollMs()} on a thread of its
 * own (as {@code ticklane stat} does, never disturbing the daemon), feeds an {@link AlertEvaluator}, and hands each
 * alert to the log and, when one is configured, to a {@link WebhookSender}. Nothing here can block on the webhook.
 */
public final class AlertMonitor implements AutoCloseable
{
    private static final String NOT_RUNNING = "(not running)";

    private final Path aeronDir;
    private final AlertRules rules;
    private final DaemonCountersReader reader;
    private final AlertEvaluator evaluator;
    private final WebhookSender webhook;
    private final Consumer<String> log;
    private final LongSupplier clockMs;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param aeronDir the daemon's media driver directory (where its counters file is).
     * @param rules    what to alert on and where to send it.
     * @param log      told every alert and every delivery problem, one line each (with its time).
     * @param clockMs  epoch milliseconds.
     */
    public AlertMonitor(final Path aeronDir, final AlertRules rules, final Consumer<String> log, final LongSupplier clockMs)
    {
        this.aeronDir = aeronDir;
        this.rules = rules;
        this.reader = new DaemonCountersReader(aeronDir);
        this.log = (line) -> log.accept(Instant.ofEpochMilli(clockMs.getAsLong()) + " " + line);
        this.clockMs = clockMs;
        this.webhook = null == rules.webhook() ? null : new WebhookSender(rules, this.log);
        this.evaluator = new AlertEvaluator(rules, this::dispatch);
        this.thread = new Thread(this::run, "ticklane-alerts");
        thread.setDaemon(true);
    }

    /**
     * Starts the polling thread.
     *
     * @return this.
     */
    public AlertMonitor start()
    {
        thread.start();
        return this;
    }

    /**
     * One reading, on the caller's thread (the polling thread calls it every interval).
     */
    public void pollOnce()
    {
        final long nowMs = clockMs.getAsLong();
        final Map<String, Long> counters;
        final String owner;
        try
        {
            counters = reader.read();
            owner = reader.owner();
        }
        catch (final RuntimeException ex)
        {
            evaluator.onDaemonGone("no daemon counters in " + aeronDir + ": " + ex.getMessage(), nowMs);
            return;
        }
        if (owner.endsWith(NOT_RUNNING))
        {
            evaluator.onDaemonGone("the daemon that wrote the counters in " + aeronDir + " has exited: " + owner, nowMs);
            return;
        }
        evaluator.onCounters(counters, owner, nowMs);
    }

    /**
     * @return the evaluator's state (for the cockpit's page and tests).
     */
    public AlertEvaluator evaluator()
    {
        return evaluator;
    }

    /**
     * @return the webhook sender, or null when alerts go to the log only.
     */
    public WebhookSender webhook()
    {
        return webhook;
    }

    /**
     * Stops polling and sends what the webhook still has queued (within its timeout).
     */
    public void close()
    {
        running = false;
        thread.interrupt();
        try
        {
            thread.join(rules.pollMs() + 1_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (null != webhook)
        {
            webhook.close();
        }
    }

    private void dispatch(final Alert alert)
    {
        log.accept(alert.text());
        if (null != webhook)
        {
            webhook.accept(alert);
        }
    }

    private void run()
    {
        while (running)
        {
            try
            {
                pollOnce();
            }
            catch (final RuntimeException ex)
            {
                log.accept("alerts: reading failed, carrying on: " + ex);
            }
            try
            {
                Thread.sleep(rules.pollMs());
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }
}
