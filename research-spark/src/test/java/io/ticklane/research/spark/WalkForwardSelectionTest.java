package io.ticklane.research.spark;

import io.ticklane.journal.queue.JournalSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window plan and the pick, over hand-made catalogues and results (no backtest, no Spark), with every expected
 * figure worked out by hand in the comments.
 */
class WalkForwardSelectionTest
{
    private static final List<String> KEYS = List.of("quoter.gamma");
    private static final List<String> GAMMAS = List.of("0.01", "0.1", "0.5");
    private static final LocalDate D0 = LocalDate.of(2024, 7, 18);

    /**
     * Net PnL per day (row) and combination (column). Combination 2 is planted: best on days 0 and 1 by far, worst on
     * days 2 and 3. Window 0 trains on days 0-1 (sums 20, 40, 200: picks 2) and tests on day 2 (-500), although
     * combination 1 (30) is best there. Window 1 trains on days 1-2 (sums 15, 50, -400: picks 1) and tests on day 3
     * (1), although combination 0 (40) is best there.
     */
    private static final double[][] NET = {
        { 10, 20, 100 },
        { 10, 20, 100 },
        { 5, 30, -500 },
        { 40, 1, -1000 },
    };

    @Test
    void theConfigurationBestOnTheTrainingDaysIsPickedEvenWhenItIsWorstOnTheTestDays()
    {
        final List<CatalogEntry> catalog = catalog("BTCUSDT", 0, 1, 2, 3);
        final List<WalkForwardWindow> windows = WalkForwardPlan.windows(catalog, 2, 1, 0);

        final List<WindowResult> picks = WalkForwardSelection.select(windows, results(catalog, NET, null), 3, Objective.NET_PNL);

        assertEquals(2, picks.size());
        final WindowResult first = picks.get(0);
        assertEquals(List.of(D0, D0.plusDays(1)), first.window().trainDays());
        assertEquals(List.of(D0.plusDays(2)), first.window().testDays());
        assertEquals(WindowResult.OK, first.status());
        assertEquals(2, first.bestCombination());
        assertEquals(List.of("0.5"), first.bestGrid());
        assertEquals(200.0, first.inSample());
        assertEquals(-500.0, first.outOfSample());
        assertEquals(100.0, first.inSamplePerDay());
        assertEquals(600.0, first.gapPerDay());
        assertEquals(List.of(2, 5), first.inSampleTasks(), "journal x 3 + combination 2, journals 0 and 1");
        assertEquals(List.of(8), first.outOfSampleTasks());

        final WindowResult second = picks.get(1);
        assertEquals(1, second.bestCombination());
        assertEquals(50.0, second.inSample());
        assertEquals(1.0, second.outOfSample());
        assertEquals(List.of(10), second.outOfSampleTasks());

        // per day: in-sample (100 + 25) / 2 = 62.5, out-of-sample (-500 + 1) / 2 = -249.5; total -499
        final WalkForwardOverall overall = WalkForwardSelection.overall(picks);
        assertEquals(2, overall.okWindows());
        assertEquals(62.5, overall.inSamplePerDay());
        assertEquals(-249.5, overall.outOfSamplePerDay());
        assertEquals(312.0, overall.gapPerDay());
        assertEquals(-499.0, overall.outOfSampleTotal());
    }

    @Test
    void testDayResultsOfConfigurationsNotPickedAreNeverRead()
    {
        // every test-day result but the pick's replaced by a failure: the picks and figures do not move
        final List<CatalogEntry> catalog = catalog("BTCUSDT", 0, 1, 2, 3);
        final List<WindowResult> picks = WalkForwardSelection.select(WalkForwardPlan.windows(catalog, 3, 1, 0),
            results(catalog, NET, (j, c) -> j == 3 && c != 1), 3, Objective.NET_PNL);

        // days 0-2: sums 25, 70, -300 -> combination 1; day 3 gives it 1
        assertEquals(1, picks.size());
        assertEquals(WindowResult.OK, picks.get(0).status());
        assertEquals(1, picks.get(0).bestCombination());
        assertEquals(70.0, picks.get(0).inSample());
        assertEquals(1.0, picks.get(0).outOfSample());
    }

    @Test
    void aTieGoesToTheFirstCombinationInTheGridsOrderAndAnUndefinedRatioNeverWins()
    {
        final List<CatalogEntry> catalog = catalog("BTCUSDT", 0, 1);
        final double[][] sharpe = { { Double.NaN, 2.0, 2.0 }, { 7.0, -1.0, 3.0 } };

        final List<WindowResult> picks = WalkForwardSelection.select(WalkForwardPlan.windows(catalog, 1, 1, 0),
            results(catalog, sharpe, null), 3, Objective.SHARPE);

        // day 0: combination 0 undefined, 1 and 2 tie at 2.0 -> 1; its day 1 Sharpe is -1
        assertEquals(1, picks.get(0).bestCombination());
        assertEquals(2.0, picks.get(0).inSample());
        assertEquals(-1.0, picks.get(0).outOfSample());
        assertEquals(-1.0, picks.get(0).outOfSamplePerDay(), "a ratio is not divided by days");
    }

    @Test
    void aFailedTrainingTaskMarksTheWindowFailedWithTheTaskAndItsError()
    {
        final List<CatalogEntry> catalog = catalog("BTCUSDT", 0, 1, 2);
        final List<WindowResult> picks = WalkForwardSelection.select(WalkForwardPlan.windows(catalog, 1, 1, 0),
            results(catalog, NET, (j, c) -> j == 1 && c == 0), 3, Objective.NET_PNL);

        // window 0 trains on day 0 (fine: picks 2, then day 1's task 5 is fine); window 1 trains on day 1, where task 3 failed
        assertEquals(WindowResult.OK, picks.get(0).status());
        assertEquals(WindowResult.FAILED, picks.get(1).status());
        assertEquals(-1, picks.get(1).bestCombination());
        assertTrue(picks.get(1).error().contains("task 3") && picks.get(1).error().contains("planted failure"),
            picks.get(1).error());
        assertEquals(1, WalkForwardSelection.overall(picks).okWindows());
    }

    @Test
    void windowsRollByTheTestLengthPerInstrumentOverDaysWithDataAfterTheEmbargo()
    {
        // BTCUSDT on days 0, 1, 2, 5, 6 (3 and 4 have no data) with two journals on day 1; ETHUSDT on days 0-3
        final List<CatalogEntry> catalog = new ArrayList<>(catalog("BTCUSDT", 0, 1, 1, 2, 5, 6));
        catalog.addAll(catalog("ETHUSDT", 0, 1, 2, 3));

        final List<WalkForwardWindow> windows = WalkForwardPlan.windows(catalog, 1, 2, 1);

        // BTCUSDT: 5 days -> starts 0 and 2 (step 2): train [0] test [2, 5]; train [2] test [6, ...] does not fit
        assertEquals(2, windows.size());
        assertEquals("binance-usdm_futures BTCUSDT", windows.get(0).group());
        assertEquals(List.of(D0), windows.get(0).trainDays());
        assertEquals(List.of(D0.plusDays(2), D0.plusDays(5)), windows.get(0).testDays());
        assertEquals(List.of(0), windows.get(0).trainJournals());
        assertEquals(List.of(3, 4), windows.get(0).testJournals());
        assertEquals("binance-usdm_futures ETHUSDT", windows.get(1).group());
        assertEquals(List.of(D0.plusDays(2), D0.plusDays(3)), windows.get(1).testDays());
        assertEquals(List.of(8, 9), windows.get(1).testJournals());
    }

    @Test
    void fewerDaysThanTrainEmbargoAndTestIsRefusedNamingTheInstrumentAndItsDays()
    {
        final List<CatalogEntry> catalog = catalog("BTCUSDT", 0, 1);

        final IllegalArgumentException refused =
            assertThrows(IllegalArgumentException.class, () -> WalkForwardPlan.windows(catalog, 1, 1, 1));

        assertTrue(refused.getMessage().contains("BTCUSDT has 2 day(s) with data [2024-07-18, 2024-07-19]"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalkForwardPlan.windows(catalog, 0, 1, 0));
    }

    @Test
    void oneSymbolOnTwoMarketsIsTwoGroupsNeverMixed()
    {
        // Binance spot and USD-M futures both trade a BTCUSDT, on the same days
        final List<CatalogEntry> catalog = new ArrayList<>(catalog("BTCUSDT", 0, 1, 2));
        catalog.addAll(catalog("BTCUSDT", "SPOT", 0, 1, 2));

        final List<WalkForwardWindow> windows = WalkForwardPlan.windows(catalog, 1, 1, 0);

        assertEquals(4, windows.size(), "two windows per market");
        assertEquals("binance-spot BTCUSDT", windows.get(0).group());
        assertEquals(List.of(3), windows.get(0).trainJournals());
        assertEquals(List.of(4), windows.get(0).testJournals());
        assertEquals("binance-usdm_futures BTCUSDT", windows.get(2).group());
        assertEquals(List.of(0), windows.get(2).trainJournals());
        assertEquals(List.of(1), windows.get(2).testJournals());
    }

    static List<CatalogEntry> catalog(final String instrument, final int... days)
    {
        return catalog(instrument, "USDM_FUTURES", days);
    }

    static List<CatalogEntry> catalog(final String instrument, final String market, final int... days)
    {
        final List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < days.length; i++)
        {
            final long firstNs = D0.plusDays(days[i]).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + 3_600_000_000_000L;
            entries.add(new CatalogEntry("/journals/" + market + "-" + instrument + "-" + days[i] + "-" + i,
                "sha" + market + instrument + i, instrument, JournalSource.binanceCapture(market, " test"), firstNs, firstNs + 1,
                10, 0, 0, ""));
        }
        return entries;
    }

    /**
     * @param failed which (journal, combination) fail, or null for none.
     */
    static List<TaskResult> results(final List<CatalogEntry> catalog, final double[][] values, final Failed failed)
    {
        final List<TaskResult> results = new ArrayList<>();
        for (int j = 0; j < catalog.size(); j++)
        {
            for (int c = 0; c < GAMMAS.size(); c++)
            {
                final SweepTask task = new SweepTask(j * GAMMAS.size() + c, catalog.get(j).path(), catalog.get(j).journalSha256(),
                    catalog.get(j).instruments(), c, KEYS, List.of(GAMMAS.get(c)), "quoter=glft(gamma=" + GAMMAS.get(c) + ")\n");
                if (null != failed && failed.at(j, c))
                {
                    results.add(new TaskResult(task, "cfg", false, "IllegalStateException: planted failure", "",
                        new LinkedHashMap<>(), 0));
                    continue;
                }
                final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
                final double value = values[j][c];
                fields.put("metrics.pnl.net", value);
                fields.put("metrics.sharpe", Double.isNaN(value) ? null : value);
                results.add(new TaskResult(task, "cfg", true, "", "report" + j + "-" + c, fields, 0));
            }
        }
        return results;
    }

    interface Failed
    {
        boolean at(int journal, int combination);
    }
}
