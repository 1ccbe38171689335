package io.ticklane.research.spark;

import io.ticklane.backtest.BacktestRun;
import io.ticklane.backtest.BacktestSettings;
import io.ticklane.backtest.SweepPlan;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one task exactly as {@code ticklane backtest --journal J --config C} would: the task's configuration is written
 * to its directory and {@link BacktestRun} runs it (the guard's run after the main one, since a sweep already keeps
 * every core busy), so the report is that of a single-machine backtest of the same files. Any failure becomes a failed
 * result with its error; nothing escapes, so one bad combination never stops the others.
 */
public final class TaskRunner
{
    /**
     * How paths under the task root appear in error messages, so results do not depend on where a sweep ran.
     */
    public static final String TASKS = "<tasks>";
    /** The report field holding the hash of the journal a backtest read. */
    static final String JOURNAL_SHA256 = "journal_sha256";

    private TaskRunner()
    {
    }

    /**
     * @param task    what to run.
     * @param options settings shared by the sweep.
     * @return its result, failed or not.
     */
    public static TaskResult run(final SweepTask task, final SweepOptions options)
    {
        final long startNs = System.nanoTime();
        final String configSha256 = sha256(task.configText().getBytes(StandardCharsets.UTF_8));
        try
        {
            final Path dir = Path.of(options.tasksRoot()).resolve(directoryName(task));
            Files.createDirectories(dir);
            final Path config = Files.writeString(dir.resolve("config.properties"), task.configText(), StandardCharsets.UTF_8);
            final BacktestSettings settings = new BacktestSettings()
                .journal(JournalLocation.local(task.journalPath())).config(config).out(dir)
                .sampleIntervalNs(options.sampleIntervalNs())
                .makerBps(options.makerBps()).takerBps(options.takerBps())
                .timerIntervalMs(options.timerIntervalMs());
            BacktestRun.run(settings, null, false);
            final ReportFields report = ReportFields.read(dir.resolve("report.json"));
            final Object journalSha256 = report.values().get(JOURNAL_SHA256);
            if (!task.journalSha256().equals(journalSha256))
            {
                throw new IllegalStateException(task.journalPath() + " is not the journal the catalogue lists: its sha256 is " +
                    journalSha256 + ", the catalogue's " + task.journalSha256() + " (catalogue it again)");
            }
            final LinkedHashMap<String, Object> fields = new LinkedHashMap<>(report.values());
            return new TaskResult(task, configSha256, true, "", report.sha256(), fields, System.nanoTime() - startNs);
        }
        catch (final Exception ex)
        {
            final String error = TaskError.describe(ex).replace(options.tasksRoot(), TASKS);
            return new TaskResult(task, configSha256, false, error, "", new LinkedHashMap<>(), System.nanoTime() - startNs);
        }
    }

    /**
     * @param task a task.
     * @return its directory under the task root: id, journal hash prefix and the combination, as a sweep names it.
     */
    public static String directoryName(final SweepTask task)
    {
        final Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < task.gridKeys().size(); i++)
        {
            overrides.put(task.gridKeys().get(i), task.gridValues().get(i));
        }
        final String journal = task.journalSha256().isEmpty() ? "unreadable" :
            task.journalSha256().substring(0, Math.min(12, task.journalSha256().length()));
        return String.format("%05d_%s_%s", task.taskId(), journal, SweepPlan.directoryName(task.combination(), overrides));
    }

    static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
