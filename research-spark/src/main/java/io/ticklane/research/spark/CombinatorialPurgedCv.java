package io.ticklane.research.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Combinatorial purged cross-validation over days (López de Prado, Advances in Financial Machine Learning, ch. 12)
 * and the probability of backtest overfitting (Bailey, Borwein, López de Prado and Zhu, 2015). Each instrument
 * group's days are cut into G contiguous blocks; every choice of k blocks is one split, testing on those k blocks and
 * training on the others less the E days after each test block (the embargo). A day's backtest starts flat from its
 * own journal, so no training day's outcome overlaps a test day: purging removes nothing beyond the embargo. Each
 * split picks like a walk-forward window ({@link WalkForwardSelection}, training days only); its pick's
 * out-of-sample rank among all combinations gives the logit, and PBO is the fraction of splits whose logit is at most
 * 0 (the in-sample best does no better than the out-of-sample median).
 */
public final class CombinatorialPurgedCv
{
    private CombinatorialPurgedCv()
    {
    }

    /**
     * One split's result.
     *
     * @param split            the split as a window (test blocks in {@code testBlocks}), with its pick and figures.
     * @param testBlocks       the blocks it tests on, ascending.
     * @param outOfSampleSharpe the pick's mean {@code metrics.sharpe} over the test journals, or NaN.
     * @param relativeRank     ω = the pick's out-of-sample rank among the combinations with a defined value (1 = worst,
     *                         ties at their mean rank) / (their number + 1), or NaN.
     * @param logit            λ = ln(ω / (1 - ω)), or NaN.
     */
    public record Split(WindowResult split, List<Integer> testBlocks, double outOfSampleSharpe, double relativeRank, double logit)
    {
    }

    /**
     * @param catalog     the catalogue.
     * @param blocks      G, at least 2.
     * @param testBlocks  k, from 1 to G - 1.
     * @param embargoDays E, days after each test block left out of training.
     * @return the splits as windows (index = split number in lexicographic order of test blocks), with their blocks.
     * @throws IllegalArgumentException if G or k is out of range, or a group has fewer days than G.
     */
    public static List<Map.Entry<WalkForwardWindow, List<Integer>>> splits(
        final List<CatalogEntry> catalog, final int blocks, final int testBlocks, final int embargoDays)
    {
        if (blocks < 2 || testBlocks < 1 || testBlocks >= blocks || embargoDays < 0)
        {
            throw new IllegalArgumentException(String.format(
                "--cpcv G,K needs G >= 2 and 1 <= K < G, and --embargo-days >= 0: %d,%d, %d", blocks, testBlocks, embargoDays));
        }
        final List<Map.Entry<WalkForwardWindow, List<Integer>>> splits = new ArrayList<>();
        for (final Map.Entry<String, TreeMap<LocalDate, List<Integer>>> group : WalkForwardPlan.days(catalog).entrySet())
        {
            final List<LocalDate> days = new ArrayList<>(group.getValue().keySet());
            if (days.size() < blocks)
            {
                throw new IllegalArgumentException(String.format("%s has %d day(s) with data %s, fewer than %d blocks",
                    group.getKey(), days.size(), days, blocks));
            }
            final int[] start = new int[blocks + 1];
            for (int b = 0; b <= blocks; b++)
            {
                start[b] = (int)((long)b * days.size() / blocks);
            }
            int index = 0;
            for (final List<Integer> chosen : combinations(blocks, testBlocks))
            {
                final boolean[] test = new boolean[days.size()];
                final boolean[] embargoed = new boolean[days.size()];
                for (final int b : chosen)
                {
                    for (int d = start[b]; d < start[b + 1]; d++)
                    {
                        test[d] = true;
                    }
                    for (int d = start[b + 1]; d < Math.min(days.size(), start[b + 1] + embargoDays); d++)
                    {
                        embargoed[d] = true;
                    }
                }
                final List<LocalDate> trainDays = new ArrayList<>();
                final List<LocalDate> testDays = new ArrayList<>();
                for (int d = 0; d < days.size(); d++)
                {
                    if (test[d])
                    {
                        testDays.add(days.get(d));
                    }
                    else if (!embargoed[d])
                    {
                        trainDays.add(days.get(d));
                    }
                }
                if (trainDays.isEmpty())
                {
                    throw new IllegalArgumentException(group.getKey() + ": the embargo leaves split " + chosen +
                        " no training day");
                }
                splits.add(Map.entry(new WalkForwardWindow(group.getKey(), index++, List.copyOf(trainDays), List.copyOf(testDays),
                    journals(group.getValue(), trainDays), journals(group.getValue(), testDays)), chosen));
            }
        }
        return splits;
    }

    /**
     * @param splits       the splits ({@link #splits}).
     * @param results      every task's result.
     * @param combinations the grid's number of combinations.
     * @param objective    what picks and ranks.
     * @return each split's pick, out-of-sample Sharpe, rank and logit.
     */
    public static List<Split> evaluate(final List<Map.Entry<WalkForwardWindow, List<Integer>>> splits, final List<TaskResult> results,
        final int combinations, final Objective objective)
    {
        final List<WalkForwardWindow> windows = splits.stream().map(Map.Entry::getKey).toList();
        final List<WindowResult> picks = WalkForwardSelection.select(windows, results, combinations, objective);
        final Map<Integer, TaskResult> byId = new TreeMap<>();
        results.forEach((r) -> byId.put(r.task().taskId(), r));
        final List<Split> evaluated = new ArrayList<>();
        for (int s = 0; s < picks.size(); s++)
        {
            final WindowResult pick = picks.get(s);
            double sharpe = Double.NaN;
            double omega = Double.NaN;
            if (pick.ok())
            {
                sharpe = Objective.SHARPE.of(test(pick.window(), pick.bestCombination(), combinations, byId));
                double below = 0;
                double equal = 0;
                int defined = 0;
                for (int c = 0; c < combinations; c++)
                {
                    final List<TaskResult> runs = test(pick.window(), c, combinations, byId);
                    final double value = runs.stream().allMatch(TaskResult::ok) ? objective.of(runs) : Double.NaN;
                    if (Double.isNaN(value))
                    {
                        continue;
                    }
                    defined++;
                    below += value < pick.outOfSample() ? 1 : 0;
                    equal += value == pick.outOfSample() ? 1 : 0;
                }
                // rank 1 = worst; the pick ties with itself, so the mean rank of the tied block is below + (equal + 1) / 2
                omega = (below + (equal + 1) / 2.0) / (defined + 1);
            }
            evaluated.add(new Split(pick, splits.get(s).getValue(), sharpe, omega, Math.log(omega / (1 - omega))));
        }
        return evaluated;
    }

    /**
     * @param splits evaluated splits.
     * @return the fraction of those with a logit whose logit is at most 0, or NaN if none has one.
     */
    public static double pbo(final List<Split> splits)
    {
        int defined = 0;
        int overfit = 0;
        for (final Split split : splits)
        {
            if (!Double.isNaN(split.logit()))
            {
                defined++;
                overfit += split.logit() <= 0 ? 1 : 0;
            }
        }
        return defined > 0 ? (double)overfit / defined : Double.NaN;
    }

    static List<List<Integer>> combinations(final int n, final int k)
    {
        final List<List<Integer>> all = new ArrayList<>();
        combine(n, k, 0, new ArrayList<>(), all);
        return all;
    }

    private static void combine(final int n, final int k, final int from, final List<Integer> chosen, final List<List<Integer>> all)
    {
        if (chosen.size() == k)
        {
            all.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i < n; i++)
        {
            chosen.add(i);
            combine(n, k, i + 1, chosen, all);
            chosen.remove(chosen.size() - 1);
        }
    }

    private static List<TaskResult> test(
        final WalkForwardWindow window, final int combination, final int combinations, final Map<Integer, TaskResult> byId)
    {
        final List<TaskResult> runs = new ArrayList<>();
        for (final int journal : window.testJournals())
        {
            runs.add(byId.get(journal * combinations + combination));
        }
        return runs;
    }

    private static List<Integer> journals(final TreeMap<LocalDate, List<Integer>> byDay, final List<LocalDate> days)
    {
        final TreeSet<Integer> journals = new TreeSet<>();
        days.forEach((d) -> journals.addAll(byDay.get(d)));
        return List.copyOf(journals);
    }
}
