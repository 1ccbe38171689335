package io.ticklane.backtest;

/**
 * The fill-illusion guard: every backtest runs twice, once with the risk-averse queue model (a quote fills only after
 * the whole queue ahead of it has traded) and once with an optimistic one, and the report states both net PnLs and
 * their difference. A strategy whose profit only exists under the optimistic model is earning on fantasy fills; the
 * guard makes that visible in every report instead of leaving it to whoever chose the model.
 */
public final class FillIllusionGuard
{
    /** The queue model the guard always holds one side of the comparison with. */
    public static final String RISK_AVERSE = "risk-averse";

    private final String mainQueueModel;
    private final String optimisticQueueModel;

    /**
     * @param mainQueueModel       queue model of the main run.
     * @param optimisticQueueModel the model compared with the risk-averse one when the main run is risk-averse.
     */
    public FillIllusionGuard(final String mainQueueModel, final String optimisticQueueModel)
    {
        this.mainQueueModel = mainQueueModel;
        this.optimisticQueueModel = optimisticQueueModel;
    }

    /**
     * @return the queue model of the second run: the optimistic one after a risk-averse main run, else risk-averse.
     */
    public String guardQueueModel()
    {
        return isMainRiskAverse() ? optimisticQueueModel : RISK_AVERSE;
    }

    /**
     * @param main  the main run's result.
     * @param guard the guard run's result.
     * @return the comparison the report carries: which run was the risk-averse one and which the optimistic one.
     */
    public BacktestReport.Guard compare(final BacktestResult main, final BacktestResult guard)
    {
        return isMainRiskAverse() ?
            new BacktestReport.Guard(main, guard, optimisticQueueModel) :
            new BacktestReport.Guard(guard, main, mainQueueModel);
    }

    private boolean isMainRiskAverse()
    {
        return RISK_AVERSE.equals(mainQueueModel);
    }
}
