package io.ticklane.clock;

/**
 * Where the pipeline's components mark that an event reached a {@link PipelineStage}: the book and factor engine,
 * the strategy and the order encoder call it, and a latency profile reads the clock there. Replays and backtests use
 * {@link #NONE}, which does nothing, so stamping costs them nothing and never touches a clock.
 */
@FunctionalInterface
public interface StageStamps
{
    /** Stamps nothing. */
    StageStamps NONE = (stage) ->
    {
    };

    /**
     * The current event reached a stage.
     *
     * @param stage a {@link PipelineStage} constant.
     */
    void stamp(int stage);
}
