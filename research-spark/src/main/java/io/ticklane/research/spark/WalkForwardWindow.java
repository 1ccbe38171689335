package io.ticklane.research.spark;

import java.time.LocalDate;
import java.util.List;

/**
 * One walk-forward window of one group (market and instruments): the days it trains on, the days it tests on, and the catalogue
 * indices of the journals of each.
 *
 * @param group           its journals' market and instruments ({@link WalkForwardPlan#group}).
 * @param index           the window's number within its group, from 0.
 * @param trainDays       training days (UTC dates with data), in order.
 * @param testDays        test days, after the training days and the embargo.
 * @param trainJournals   catalogue indices of the training days' journals, ascending.
 * @param testJournals    catalogue indices of the test days' journals, ascending.
 */
public record WalkForwardWindow(
    String group,
    int index,
    List<LocalDate> trainDays,
    List<LocalDate> testDays,
    List<Integer> trainJournals,
    List<Integer> testJournals)
{
}
