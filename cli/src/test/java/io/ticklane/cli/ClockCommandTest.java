package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ticklane.clock.LoopbackNtpResponder;
import io.ticklane.clock.LoopbackNtpResponder.Behaviour;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockCommandTest
{
    private static final long SERVER_AHEAD_NS = 2_500_000_000L;
    private static final long TOLERANCE_NS = 2_500_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureOutput()
    {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput()
    {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void givenLoopbackServerAheadWhenCheckedThenTablePrintsOffsetDelayStratumAndResolutionAndExitsOk() throws Exception
    {
        try (LoopbackNtpResponder responder = aheadResponder(Behaviour.ANSWER))
        {
            final int exitCode = TicklaneCli.execute(
                "clock", "check", "--server", "127.0.0.1", "--port", Integer.toString(responder.port()),
                "--samples", "4", "--interval-ms", "0");

            final String table = out.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCodes.OK, exitCode, table + err);
            assertTrue(table.contains("4 of 4 requests answered"), table);
            final Matcher offset = Pattern.compile("offset\\s+\\+(\\d+)\\.(\\d{3}) us").matcher(table);
            assertTrue(offset.find(), table);
            final long offsetNs = Long.parseLong(offset.group(1)) * 1_000 + Long.parseLong(offset.group(2));
            assertTrue(Math.abs(offsetNs - SERVER_AHEAD_NS) < TOLERANCE_NS, table);
            assertTrue(Pattern.compile("round-trip delay\\s+\\d+\\.\\d{3} us").matcher(table).find(), table);
            assertTrue(Pattern.compile("stratum\\s+1\\b").matcher(table).find(), table);
            assertTrue(table.contains(LoopbackNtpResponder.REFERENCE_ID), table);
            assertTrue(Pattern.compile("system epoch clock\\s+\\d+\\.\\d{3} us").matcher(table).find(), table);
            assertTrue(Pattern.compile("System.nanoTime\\s+\\d+\\.\\d{3} us").matcher(table).find(), table);
            assertEquals(1, countOccurrences(table, "<- best"), table);
        }
    }

    @Test
    void givenJsonFlagWhenCheckedThenOffsetAndSamplesAreMachineReadable() throws Exception
    {
        try (LoopbackNtpResponder responder = aheadResponder(Behaviour.ANSWER))
        {
            final int exitCode = TicklaneCli.execute(
                "clock", "check", "--server", "127.0.0.1", "--port", Integer.toString(responder.port()),
                "--samples", "3", "--interval-ms", "0", "--json");

            final String json = out.toString(StandardCharsets.UTF_8);
            assertEquals(ExitCodes.OK, exitCode, json + err);
            assertTrue(Math.abs(topLevelLong(json, "offsetNs") - SERVER_AHEAD_NS) < TOLERANCE_NS, json);
            assertEquals(3, topLevelLong(json, "answered"), json);
            assertEquals(1, topLevelLong(json, "stratum"), json);
            assertEquals(3, countOccurrences(json, "\"t4Ns\""), json);
        }
    }

    @Test
    void givenSilentServerWhenCheckedThenCheckFailsWithExitOne() throws Exception
    {
        try (LoopbackNtpResponder responder = aheadResponder(Behaviour.SILENT))
        {
            final int exitCode = TicklaneCli.execute(
                "clock", "check", "--server", "127.0.0.1", "--port", Integer.toString(responder.port()),
                "--samples", "2", "--timeout-ms", "100", "--interval-ms", "0");

            assertEquals(ExitCodes.CHECK_FAILED, exitCode);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("no reply from 127.0.0.1"), err.toString());
        }
    }

    @Test
    void givenKissOfDeathWhenCheckedThenCheckFailsWithExitOne() throws Exception
    {
        try (LoopbackNtpResponder responder = aheadResponder(Behaviour.KISS_OF_DEATH))
        {
            final int exitCode = TicklaneCli.execute(
                "clock", "check", "--server", "127.0.0.1", "--port", Integer.toString(responder.port()));

            assertEquals(ExitCodes.CHECK_FAILED, exitCode);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("kiss-of-death"), err.toString());
        }
    }

    @Test
    void givenUnknownHostWhenCheckedThenBadInputWithExitTwo()
    {
        final int exitCode = TicklaneCli.execute("clock", "check", "--server", "no-such-host.invalid", "--timeout-ms", "100");

        assertEquals(ExitCodes.BAD_INPUT, exitCode);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown host: no-such-host.invalid"), err.toString());
    }

    @Test
    void givenOutOfRangeOptionsWhenCheckedThenBadUsageWithExitTwo()
    {
        assertEquals(ExitCodes.BAD_INPUT, TicklaneCli.execute("clock", "check", "--server", "127.0.0.1", "--port", "0"));
        assertEquals(ExitCodes.BAD_INPUT, TicklaneCli.execute("clock", "check", "--server", "127.0.0.1", "--samples", "0"));
        assertEquals(ExitCodes.BAD_INPUT, TicklaneCli.execute("clock", "check", "--port", "123"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port must be 1 to 65535"), err.toString());
    }

    @Test
    void givenClockGroupWithoutSubCommandThenBadUsageAndHelpWorksOnBoth()
    {
        assertEquals(ExitCodes.BAD_INPUT, TicklaneCli.execute("clock"));
        assertEquals(ExitCodes.OK, TicklaneCli.execute("clock", "--help"));
        assertEquals(ExitCodes.OK, TicklaneCli.execute("clock", "check", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--timeout-ms"), out.toString());
    }

    @Test
    void microsecondsKeepNanosecondPrecision()
    {
        assertEquals("+2500000.123", ClockCheckCommand.micros(2_500_000_123L, true));
        assertEquals("-0.007", ClockCheckCommand.micros(-7, true));
        assertEquals("12.050", ClockCheckCommand.micros(12_050, false));
    }

    private static LoopbackNtpResponder aheadResponder(final Behaviour behaviour) throws IOException
    {
        return new LoopbackNtpResponder(new SystemEpochNanoClock(), SERVER_AHEAD_NS, 1_000_000L, behaviour);
    }

    private static long topLevelLong(final String json, final String field) throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (name.equals(field))
                {
                    return parser.getLongValue();
                }
                if (value.isStructStart())
                {
                    parser.skipChildren();
                }
            }
        }
        throw new AssertionError("no top-level field " + field + " in " + json);
    }

    private static int countOccurrences(final String text, final String part)
    {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1))
        {
            count++;
        }
        return count;
    }
}
