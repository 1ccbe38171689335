package io.ticklane.research.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The windows of a walk-forward over a catalogue. Journals are grouped by market and instrument (the catalogue's
 * {@code market} and {@code instruments}: Binance spot and USD-M BTCUSDT are two groups), then by the UTC date of
 * their first inbound record; a group's days are the dates that have data, in order (calendar gaps are skipped).
 * Window i of a group trains on days [s, s+N) and tests on [s+N+E, s+N+E+M) with s = i x M: test windows follow one
 * another without overlap. Every group must have at least N+E+M days, or nothing runs.
 */
public final class WalkForwardPlan
{
    private WalkForwardPlan()
    {
    }

    /**
     * @param catalog     the catalogue, in its order (the indices windows refer to).
     * @param trainDays   N, at least 1.
     * @param testDays    M, at least 1.
     * @param embargoDays E, days left out between training and test, at least 0.
     * @return the windows, by group (market and instruments, in alphabetical order) then in time order.
     * @throws IllegalArgumentException if a group has fewer than N+E+M days, or a length is out of range.
     */
    public static List<WalkForwardWindow> windows(
        final List<CatalogEntry> catalog, final int trainDays, final int testDays, final int embargoDays)
    {
        checkLengths(trainDays, testDays, embargoDays);
        final List<WalkForwardWindow> windows = new ArrayList<>();
        for (final Map.Entry<String, TreeMap<LocalDate, List<Integer>>> group : days(catalog).entrySet())
        {
            final List<LocalDate> days = new ArrayList<>(group.getValue().keySet());
            if (days.size() < trainDays + embargoDays + testDays)
            {
                throw new IllegalArgumentException(String.format(
                    "%s has %d day(s) with data %s, fewer than --train-days %d + --embargo-days %d + --test-days %d",
                    group.getKey(), days.size(), days, trainDays, embargoDays, testDays));
            }
            int index = 0;
            for (int start = 0; start + trainDays + embargoDays + testDays <= days.size(); start += testDays)
            {
                final List<LocalDate> train = days.subList(start, start + trainDays);
                final int testStart = start + trainDays + embargoDays;
                final List<LocalDate> test = days.subList(testStart, testStart + testDays);
                windows.add(new WalkForwardWindow(group.getKey(), index++, List.copyOf(train), List.copyOf(test),
                    journals(group.getValue(), train), journals(group.getValue(), test)));
            }
        }
        if (windows.isEmpty())
        {
            throw new IllegalArgumentException("the catalogue has no readable journal");
        }
        return windows;
    }

    /**
     * @param catalog a catalogue.
     * @return its readable journals' indices by group ({@link #group}), then by the UTC date of their first inbound record.
     */
    public static TreeMap<String, TreeMap<LocalDate, List<Integer>>> days(final List<CatalogEntry> catalog)
    {
        final TreeMap<String, TreeMap<LocalDate, List<Integer>>> groups = new TreeMap<>();
        for (int j = 0; j < catalog.size(); j++)
        {
            final CatalogEntry entry = catalog.get(j);
            if (entry.readable())
            {
                groups.computeIfAbsent(group(entry), (k) -> new TreeMap<>())
                    .computeIfAbsent(day(entry), (k) -> new ArrayList<>()).add(j);
            }
        }
        return groups;
    }

    /**
     * @param entry a journal.
     * @return its walk-forward group: market and instruments ("binance-spot BTCUSDT"), so one symbol on two markets
     *         makes two groups.
     */
    public static String group(final CatalogEntry entry)
    {
        return entry.market() + " " + entry.instruments();
    }

    /**
     * @param entry a readable journal.
     * @return the UTC date of its first inbound record.
     */
    public static LocalDate day(final CatalogEntry entry)
    {
        return Instant.ofEpochSecond(0, entry.firstReceiveNs()).atZone(ZoneOffset.UTC).toLocalDate();
    }

    static void checkLengths(final int trainDays, final int testDays, final int embargoDays)
    {
        if (trainDays < 1 || testDays < 1 || embargoDays < 0)
        {
            throw new IllegalArgumentException(String.format(
                "--train-days and --test-days must be at least 1 and --embargo-days at least 0: %d, %d, %d",
                trainDays, testDays, embargoDays));
        }
    }

    private static List<Integer> journals(final TreeMap<LocalDate, List<Integer>> byDay, final List<LocalDate> days)
    {
        final TreeSet<Integer> journals = new TreeSet<>();
        for (final LocalDate day : days)
        {
            journals.addAll(byDay.get(day));
        }
        return List.copyOf(journals);
    }
}
