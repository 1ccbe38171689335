package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.clock.ClockResolution;
import io.ticklane.clock.NtpCheckException;
import io.ticklane.clock.NtpCheckResult;
import io.ticklane.clock.NtpClockCheck;
import io.ticklane.clock.NtpSample;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ticklane clock check}: how far this host's epoch clock is from an NTP server, how much to trust that
 * (round-trip delay, stratum) and how finely the local clocks tick, so an operator can tell whether journaled
 * timestamps and latency figures mean what they say.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = TicklaneVersion.class,
    description = {
        "Estimate this host's clock offset against an NTP server and measure local clock resolution.",
        "Offset is server minus local (positive: the local clock is behind), taken from the sample",
        "with the smallest round-trip delay; the true offset lies within +/- half that delay.",
        "Exit codes: 0 ok; 1 no usable reply (timeout, kiss-of-death, unsynchronized, malformed);",
        "2 bad usage or input (e.g. unknown host)." })
public final class ClockCheckCommand implements Callable<Integer>
{
    private static final int RESOLUTION_READS = 1_000_000;
    private static final int MAX_SAMPLES = 64;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "HOST", description = "NTP server name or address.")
    private String server;

    @Option(names = "--port", defaultValue = "123", paramLabel = "PORT", description = "UDP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--samples", defaultValue = "8", paramLabel = "N",
        description = "Requests to send, 1 to " + MAX_SAMPLES + " (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Option(names = "--timeout-ms", defaultValue = "1000", paramLabel = "MS",
        description = "Wait for each reply (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Option(names = "--interval-ms", defaultValue = "200", paramLabel = "MS",
        description = "Pause between requests, to respect server rate limits (default: ${DEFAULT-VALUE}).")
    private long intervalMs;

    @Option(names = "--json", description = "Print the result as JSON, times in nanoseconds.")
    private boolean json;

    public Integer call() throws IOException
    {
        validate();
        final EpochNanoClock localClock = new SystemEpochNanoClock();
        final NtpCheckResult result;
        try
        {
            result = new NtpClockCheck(localClock, samples, timeoutMs, intervalMs).check(server, port);
        }
        catch (final NtpCheckException ex)
        {
            final PrintWriter err = spec.commandLine().getErr();
            if (ex.failure() == NtpCheckException.Failure.UNKNOWN_HOST)
            {
                err.println("ticklane clock check: error: " + ex.getMessage());
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("ticklane clock check: check failed: " + ex.getMessage());
            err.flush();
            return ExitCodes.CHECK_FAILED;
        }

        final ClockResolution systemClock = ClockResolution.measure(localClock, RESOLUTION_READS);
        final ClockResolution offsetClock = ClockResolution.measure(new OffsetEpochNanoClock(), RESOLUTION_READS);
        final ClockResolution nanoTime = ClockResolution.measureNanoTime(RESOLUTION_READS);

        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            printJson(out, result, systemClock, offsetClock, nanoTime);
        }
        else
        {
            printTable(out, result, systemClock, offsetClock, nanoTime);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void validate()
    {
        final CommandLine commandLine = spec.commandLine();
        if (port < 1 || port > 65_535)
        {
            throw new CommandLine.ParameterException(commandLine, "--port must be 1 to 65535: " + port);
        }
        if (samples < 1 || samples > MAX_SAMPLES)
        {
            throw new CommandLine.ParameterException(commandLine, "--samples must be 1 to " + MAX_SAMPLES + ": " + samples);
        }
        if (timeoutMs < 1 || timeoutMs > Integer.MAX_VALUE)
        {
            throw new CommandLine.ParameterException(commandLine, "--timeout-ms must be at least 1: " + timeoutMs);
        }
        if (intervalMs < 0)
        {
            throw new CommandLine.ParameterException(commandLine, "--interval-ms must not be negative: " + intervalMs);
        }
    }

    private static void printTable(
        final PrintWriter out,
        final NtpCheckResult result,
        final ClockResolution systemClock,
        final ClockResolution offsetClock,
        final ClockResolution nanoTime)
    {
        final List<NtpSample> samples = result.samples();
        out.printf("NTP check against %s:%d, %d of %d requests answered%n",
            result.server(), result.port(), samples.size(), result.requestsSent());
        out.printf("  %-18s %18s us  (server minus local, sample with minimum delay)%n", "offset", micros(result.offsetNs(), true));
        out.printf("  %-18s %18s us%n", "round-trip delay", micros(result.delayNs(), false));
        out.printf("  %-18s %18d%n", "stratum", result.stratum());
        out.printf("  %-18s %18s%n", "reference", result.referenceId());
        out.printf("  %-18s %18d%n", "leap indicator", result.leapIndicator());
        out.printf("  %-18s %18s%n", "server precision", "2^" + result.precisionExponent() + " s");
        out.printf("%nsamples%n");
        out.printf("  %3s %21s %21s%n", "#", "offset (us)", "delay (us)");
        final NtpSample best = result.best();
        for (int i = 0; i < samples.size(); i++)
        {
            final NtpSample sample = samples.get(i);
            out.printf("  %3d %21s %21s%s%n",
                i + 1, micros(sample.offsetNs(), true), micros(sample.delayNs(), false), sample == best ? "  <- best" : "");
        }
        out.printf("%nlocal clock resolution (smallest step between successive reads)%n");
        out.printf("  %-30s %12s us%n", "system epoch clock", resolution(systemClock));
        out.printf("  %-30s %12s us%n", "offset-calibrated epoch clock", resolution(offsetClock));
        out.printf("  %-30s %12s us%n", "System.nanoTime", resolution(nanoTime));
    }

    private static void printJson(
        final PrintWriter out,
        final NtpCheckResult result,
        final ClockResolution systemClock,
        final ClockResolution offsetClock,
        final ClockResolution nanoTime) throws IOException
    {
        try (JsonGenerator json = new JsonFactory().createGenerator(out))
        {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("server", result.server());
            json.writeNumberField("port", result.port());
            json.writeNumberField("requestsSent", result.requestsSent());
            json.writeNumberField("answered", result.samples().size());
            json.writeNumberField("offsetNs", result.offsetNs());
            json.writeNumberField("delayNs", result.delayNs());
            json.writeNumberField("stratum", result.stratum());
            json.writeStringField("referenceId", result.referenceId());
            json.writeNumberField("leapIndicator", result.leapIndicator());
            json.writeNumberField("precisionExponent", result.precisionExponent());
            json.writeNumberField("bestSample", result.samples().indexOf(result.best()));
            json.writeArrayFieldStart("samples");
            for (final NtpSample sample : result.samples())
            {
                json.writeStartObject();
                json.writeNumberField("t1Ns", sample.originateNs());
                json.writeNumberField("t2Ns", sample.receiveNs());
                json.writeNumberField("t3Ns", sample.transmitNs());
                json.writeNumberField("t4Ns", sample.destinationNs());
                json.writeNumberField("offsetNs", sample.offsetNs());
                json.writeNumberField("delayNs", sample.delayNs());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("resolutionNs");
            json.writeNumberField("systemEpochClock", systemClock.minStepNs());
            json.writeNumberField("offsetEpochClock", offsetClock.minStepNs());
            json.writeNumberField("nanoTime", nanoTime.minStepNs());
            json.writeEndObject();
            json.writeEndObject();
        }
        out.println();
    }

    private static String resolution(final ClockResolution resolution)
    {
        return resolution.minStepNs() == ClockResolution.NO_STEP_OBSERVED ? "no step seen" : micros(resolution.minStepNs(), false);
    }

    static String micros(final long nanos, final boolean signed)
    {
        final String sign = nanos < 0 ? "-" : (signed ? "+" : "");
        final long magnitude = Math.abs(nanos);
        return sign + (magnitude / 1_000) + '.' + String.format("%03d", magnitude % 1_000);
    }
}
