package io.ticklane.cli;

import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.backtest.replay.JournalReplay;
import io.ticklane.backtest.replay.ReplayRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ticklane replay}: drives the trading pipeline from a journal's inbound records, with time taken only from
 * the records, and prints the SHA-256 of the outbound order frames. The same journal and configuration give the same
 * hash on every run and every machine: the proof that live and replay run the same deterministic code.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay a journal's inbound records through the strategy of --config and hash what it sends.",
        "Prints records replayed, orders sent by kind and sha256=<hex> of the outbound SBE frames, in order.",
        "Without a venue nothing answers the orders: an imported market data journal shows the first decisions;",
        "a journal of a live run (reports included) reproduces the run."
    })
public final class ReplayCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private JournalConfigOptions inputs = new JournalConfigOptions();

    public Integer call() throws IOException
    {
        final Path journal = inputs.journal();
        final Path config = inputs.config();
        final StrategyConfig strategyConfig = StrategyConfig.load(config);
        final PrintWriter err = spec.commandLine().getErr();
        final JournalReplay replay = ReplayRun.run(journal, strategyConfig, config,
            (records) -> err.printf("replay: %,d records...%n", records));

        final JournalReplay.FrameHash outbound = replay.outbound();
        final QuotingStrategy strategy = replay.strategy();
        final PrintWriter out = spec.commandLine().getOut();
        out.println("journal=" + journal + " config=" + config + " config_sha256=" + strategyConfig.sha256());
        out.println("inbound=" + replay.replayed() + " new=" + outbound.news() + " cancel=" + outbound.cancels() +
            " replace=" + outbound.replaces() + " risk_rejections=" + strategy.riskRejections() +
            " position=" + strategy.position().position());
        out.println("sha256=" + outbound.sha256());
        out.flush();
        return ExitCodes.OK;
    }
}
