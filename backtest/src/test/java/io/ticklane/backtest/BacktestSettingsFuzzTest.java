package io.ticklane.backtest;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.gateway.sim.venue.VenueContext;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzed backtest settings, as the command line and a sweep give them: the numbers {@link BacktestSettings#conclude()}
 * checks, the queue and latency model names the venue parses, and the {@code --sweep key=v1,v2} specifications
 * {@link SweepPlan} turns into one configuration file per combination. Each is accepted or refused with an
 * {@link IllegalArgumentException} (the class itself, not a leaked subclass); an accepted sweep has at most
 * {@link SweepPlan#MAX_COMBINATIONS} combinations, and each configuration text checked (all of a small grid, the first
 * and last 256 of a large one) holds exactly its overrides over the base (nothing smuggled in, nothing lost). Anything
 * else is a finding.
 * <p>
 * Input: UTF-8 lines: the queue model, the latency model, then "makerBps takerBps timerIntervalMs sampleIntervalNs
 * threads", then up to six sweep specifications.
 * Corpus: src/test/resources/io/ticklane/backtest/BacktestSettingsFuzzTestInputs/&lt;method&gt;/.
 */
class BacktestSettingsFuzzTest
{
    private static final String BASE_QUOTER = "glft(gamma=0.05,order_size=10)";
    private static final String BASE = "instrument.id=1\nquoter=" + BASE_QUOTER + "\nrisk.max_position=50";
    private static final int MAX_SWEEPS = 6;
    /** A grid of up to 10,000 combinations is checked at its first and last this many, not all, to keep fuzzing fast. */
    private static final int CHECKED_AT_EACH_END = 256;

    @DictionaryEntries({"prob-power:", "prob-log", "fifo-l3", "risk-averse", "constant:", "feed-derived:", "quoter.", "gamma=",
        "risk.max_position=", "quotes.replace_ticks=", "factors=", ",", ":", " ", "=", "(", ")", "#", "!", "\\"})
    @FuzzTest
    void settingsAndSweepsAreAcceptedOrRefused(final byte[] data) throws IOException
    {
        final String[] lines = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        final String queueModel = line(lines, 0);
        final String latencyModel = line(lines, 1);
        final String[] numbers = line(lines, 2).split(" ", -1);
        final List<String> sweeps = new ArrayList<>();
        for (int i = 3; i < lines.length && sweeps.size() < MAX_SWEEPS; i++)
        {
            sweeps.add(lines[i]);
        }
        final BacktestSettings settings = new BacktestSettings()
            .journal(Path.of("journal")).config(Path.of("strategy.properties")).out(Path.of("out"))
            .queueModel(queueModel).latencyModel(latencyModel)
            .sweeps(sweeps);
        try
        {
            settings.makerBps(Double.parseDouble(field(numbers, 0))).takerBps(Double.parseDouble(field(numbers, 1)))
                .timerIntervalMs(Long.parseLong(field(numbers, 2))).sampleIntervalNs(Long.parseLong(field(numbers, 3)))
                .threads(Integer.parseInt(field(numbers, 4)));
        }
        catch (final NumberFormatException ex)
        {
            // the command line refuses such numbers before they reach the settings: keep the defaults
        }

        accepted(settings::conclude);
        accepted(() -> new VenueContext().queueModel(queueModel).latencyModel(latencyModel).conclude());
        if (!sweeps.isEmpty())
        {
            accepted(() -> checkSweep(sweeps));
        }
    }

    private static String line(final String[] lines, final int index)
    {
        return index < lines.length ? lines[index] : "";
    }

    private static String field(final String[] fields, final int index)
    {
        return index < fields.length ? fields[index] : "0";
    }

    private static void checkSweep(final List<String> sweeps) throws IOException
    {
        final SweepPlan plan = SweepPlan.parse(sweeps);
        final Properties base = properties(BASE);
        final List<Map<String, String>> combinations = plan.combinations();
        assertTrue(combinations.size() <= SweepPlan.MAX_COMBINATIONS, () -> combinations.size() + " combinations");
        for (int index = 0; index < combinations.size(); index++)
        {
            if (index == CHECKED_AT_EACH_END && combinations.size() > 2 * CHECKED_AT_EACH_END)
            {
                index = combinations.size() - CHECKED_AT_EACH_END; // the middle is made the same way: check the ends
            }
            final Map<String, String> overrides = combinations.get(index);
            assertEquals(plan.keys(), List.copyOf(overrides.keySet()));
            final String name = SweepPlan.directoryName(index, overrides);
            assertTrue(name.matches("[0-9]{3,}[A-Za-z0-9._=-]*"), () -> "a directory name of safe characters: " + name);

            final Properties config = properties(SweepPlan.configText(BASE, BASE_QUOTER, overrides));
            final Properties expected = new Properties();
            expected.putAll(base);
            String quoter = overrides.getOrDefault("quoter", BASE_QUOTER);
            for (final Map.Entry<String, String> entry : overrides.entrySet())
            {
                if ("quoter".equals(entry.getKey()))
                {
                    continue;
                }
                if (entry.getKey().startsWith("quoter."))
                {
                    quoter = SweepPlan.withParameter(quoter, entry.getKey().substring("quoter.".length()), entry.getValue());
                }
                else
                {
                    expected.setProperty(entry.getKey(), entry.getValue());
                }
            }
            expected.setProperty("quoter", quoter);
            assertEquals(expected, config, () -> "the configuration of " + overrides + " is the base with exactly those overrides");
        }
    }

    private static Properties properties(final String text) throws IOException
    {
        final Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private static void accepted(final Check check) throws IOException
    {
        try
        {
            check.run();
        }
        catch (final IllegalArgumentException ex)
        {
            assertEquals(IllegalArgumentException.class, ex.getClass(),
                () -> "a leaked " + ex.getClass().getName() + ": " + ex.getMessage());
            assertTrue(!ex.getMessage().isBlank(), "the error says what is wrong");
        }
    }

    /**
     * One of the settings' checks.
     */
    @FunctionalInterface
    private interface Check
    {
        void run() throws IOException;
    }
}
