package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.marketmaking.research.AsPaperResult;
import io.ticklane.marketmaking.research.AsPaperSimulation;
import io.ticklane.marketmaking.research.StrategyOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ticklane research as-paper}: the Avellaneda &amp; Stoikov (2008) §3.3 simulation on the {@code as-finite}
 * quoter, the inventory strategy next to the symmetric one, printed like the paper's tables so the quoter can be
 * compared with the published numbers by eye.
 */
@Command(
    name = "as-paper",
    mixinStandardHelpOptions = true,
    description = {
        "Avellaneda & Stoikov (2008) section 3.3 simulation: s0=100, T=1, sigma=2, dt=0.005, A=140, k=1.5,",
        "mid +-sigma*sqrt(dt) per step, fills with probability A*exp(-k*delta)*dt. The inventory strategy quotes the",
        "as-finite quoter around its reservation price; the symmetric strategy quotes its average spread around the",
        "mid. Both see the same paths. Prints mean and std of terminal profit and inventory per strategy and gamma."
    })
public final class AsPaperCommand implements Callable<Integer>
{
    private static final int PROGRESS_EVERY = 10_000;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--gamma", paramLabel = "G", split = ",",
        description = "Risk aversion; repeatable or a comma list (default: the paper's 0.1,0.01,0.5).")
    private List<Double> gammas;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "1000",
        description = "Simulated paths per gamma, at least 2 (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
        description = "Random seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--json", description = "Print the results as JSON.")
    private boolean json;

    public Integer call() throws IOException
    {
        final List<AsPaperSimulation> simulations = new ArrayList<>();
        if (null == gammas)
        {
            for (final double gamma : AsPaperSimulation.PAPER_GAMMAS)
            {
                simulations.add(new AsPaperSimulation(gamma, runs, seed));
            }
        }
        else
        {
            for (final double gamma : gammas)
            {
                simulations.add(new AsPaperSimulation(gamma, runs, seed));
            }
        }

        final PrintWriter err = spec.commandLine().getErr();
        final List<AsPaperResult> results = new ArrayList<>();
        for (final AsPaperSimulation simulation : simulations)
        {
            final double gamma = simulation.gamma();
            results.add(simulation.run(
                (done) -> err.printf(Locale.ROOT, "research as-paper: gamma=%s %,d/%,d runs...%n", gamma, done, runs),
                PROGRESS_EVERY));
        }

        final PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(json ? toJson(results) : toTable(results));
        stdout.flush();
        return ExitCodes.OK;
    }

    static String toTable(final List<AsPaperResult> results)
    {
        final StringBuilder table = new StringBuilder(1024);
        table.append(String.format(Locale.ROOT, "Avellaneda & Stoikov (2008) simulation: s0=%s T=%s sigma=%s dt=%s A=%s k=%s%n",
            AsPaperSimulation.S0, AsPaperSimulation.HORIZON_S, AsPaperSimulation.SIGMA, AsPaperSimulation.DT,
            AsPaperSimulation.A, AsPaperSimulation.K));
        for (final AsPaperResult result : results)
        {
            table.append(String.format(Locale.ROOT, "%ngamma=%s  runs=%d  seed=%d%n", result.gamma(), result.runs(), result.seed()));
            table.append(String.format(Locale.ROOT, "%-10s %8s %8s %12s %8s %13s%n",
                "strategy", "spread", "profit", "std(profit)", "final q", "std(final q)"));
            row(table, "inventory", result.averageSpread(), result.inventory());
            row(table, "symmetric", result.averageSpread(), result.symmetric());
        }
        return table.toString();
    }

    private static void row(final StringBuilder table, final String name, final double spread, final StrategyOutcome o)
    {
        table.append(String.format(Locale.ROOT, "%-10s %8.2f %8.2f %12.2f %8.2f %13.2f%n",
            name, spread, o.meanProfit(), o.stdProfit(), o.meanInventory(), o.stdInventory()));
    }

    static String toJson(final List<AsPaperResult> results) throws IOException
    {
        final StringWriter writer = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(writer))
        {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("model", "Avellaneda & Stoikov (2008) section 3.3, quoter as-finite");
            out.writeObjectFieldStart("settings");
            out.writeNumberField("s0", AsPaperSimulation.S0);
            out.writeNumberField("horizon_s", AsPaperSimulation.HORIZON_S);
            out.writeNumberField("sigma", AsPaperSimulation.SIGMA);
            out.writeNumberField("dt", AsPaperSimulation.DT);
            out.writeNumberField("a", AsPaperSimulation.A);
            out.writeNumberField("k", AsPaperSimulation.K);
            out.writeEndObject();
            out.writeArrayFieldStart("results");
            for (final AsPaperResult result : results)
            {
                out.writeStartObject();
                out.writeNumberField("gamma", result.gamma());
                out.writeNumberField("runs", result.runs());
                out.writeNumberField("seed", result.seed());
                out.writeNumberField("average_spread", result.averageSpread());
                strategy(out, "inventory", result.inventory());
                strategy(out, "symmetric", result.symmetric());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return writer.append(System.lineSeparator()).toString();
    }

    private static void strategy(final JsonGenerator out, final String name, final StrategyOutcome o) throws IOException
    {
        out.writeObjectFieldStart(name);
        out.writeNumberField("mean_profit", o.meanProfit());
        out.writeNumberField("std_profit", o.stdProfit());
        out.writeNumberField("mean_final_q", o.meanInventory());
        out.writeNumberField("std_final_q", o.stdInventory());
        out.writeEndObject();
    }
}
