package io.ticklane.research.spark;

import java.util.List;
import java.util.Locale;

/**
 * What a walk-forward window ranks configurations by, and how it aggregates one configuration's reports over the
 * window's journals. PnL objectives add up (a window's PnL is the sum of its journals'); ratio objectives average
 * (the mean of the journals' annualised ratios: a report carries the ratio of its sampled returns, not their mean and
 * variance, so the ratio of the concatenated returns cannot be computed from reports). For a one-journal window either
 * way the figure is the report's own. Definitions: docs/decisions/research-spark.md.
 */
public enum Objective
{
    /** Sum of {@code metrics.pnl.net} (ticks x lots). */
    NET_PNL("net_pnl", "metrics.pnl.net", true),
    /** Mean of {@code metrics.sharpe} (annualised, sampled returns). */
    SHARPE("sharpe", "metrics.sharpe", false),
    /** Mean of {@code metrics.sortino}. */
    SORTINO("sortino", "metrics.sortino", false),
    /** Sum of {@code fill_illusion_guard.risk_averse_net_pnl}: net PnL under the pessimistic queue model. */
    RISK_AVERSE_NET_PNL("risk_averse_net_pnl", "fill_illusion_guard.risk_averse_net_pnl", true);

    private final String cliName;
    private final String reportField;
    private final boolean additive;

    Objective(final String cliName, final String reportField, final boolean additive)
    {
        this.cliName = cliName;
        this.reportField = reportField;
        this.additive = additive;
    }

    /**
     * @param name the option's value, e.g. {@code net_pnl}.
     * @return the objective.
     * @throws IllegalArgumentException naming the known ones.
     */
    public static Objective of(final String name)
    {
        for (final Objective objective : values())
        {
            if (objective.cliName.equals(name))
            {
                return objective;
            }
        }
        throw new IllegalArgumentException("--objective must be one of " + names() + ": " + name);
    }

    /**
     * @return the names the option takes.
     */
    public static List<String> names()
    {
        return List.of(NET_PNL.cliName, SHARPE.cliName, SORTINO.cliName, RISK_AVERSE_NET_PNL.cliName);
    }

    /**
     * @return the option's value for it.
     */
    public String cliName()
    {
        return cliName;
    }

    /**
     * @return the flattened report field it reads.
     */
    public String reportField()
    {
        return reportField;
    }

    /**
     * @return true if a window's value is the sum over its journals (false: the mean).
     */
    public boolean additive()
    {
        return additive;
    }

    /**
     * @param results one configuration's successful results over a window's journals.
     * @return the sum or mean of the field, or NaN if a report lacks it or has it null (an undefined ratio).
     */
    public double of(final List<TaskResult> results)
    {
        if (results.isEmpty())
        {
            return Double.NaN;
        }
        double sum = 0;
        for (final TaskResult result : results)
        {
            if (!(result.fields().get(reportField) instanceof Number value))
            {
                return Double.NaN;
            }
            sum += value.doubleValue();
        }
        return additive ? sum : sum / results.size();
    }

    /**
     * @param value a window's value.
     * @param days  its days.
     * @return the value per day for PnL objectives, the value itself for ratios (already a mean).
     */
    public double perDay(final double value, final int days)
    {
        return additive ? value / days : value;
    }

    @Override
    public String toString()
    {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
