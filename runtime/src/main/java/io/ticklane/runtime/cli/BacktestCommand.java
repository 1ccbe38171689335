package io.ticklane.runtime.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.gateway.venue.BpsFeeModel;
import io.ticklane.gateway.venue.VenueContext;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalReader;
import io.ticklane.runtime.backtest.BacktestDriver;
import io.ticklane.runtime.backtest.BacktestResult;
import io.ticklane.runtime.config.StrategyConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ticklane backtest}: runs the strategy of a configuration against the simulated venue over a journal's market
 * data and writes what it earned, with the models used and the hashes needed to reproduce it, to {@code report.json}.
 * It runs twice, with a risk-averse and an optimistic queue model, and states how net PnL moves between them: the
 * fill-illusion guard, which makes a strategy that only works with fantasy fills visible.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
        "Backtest the strategy of --config against the simulated venue over the market data of --journal.",
        "Prints a summary table, progress with events/s on stderr, and writes DIR/report.json.",
        "Fill-illusion guard: the run is repeated with the other queue model (risk-averse vs --optimistic-queue)",
        "and both net PnLs are reported with their difference. PnL is in ticks x lots; fees are the venue's."
    })
public final class BacktestCommand implements Callable<Integer>
{
    static final String RISK_AVERSE = "risk-averse";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "Journal directory.")
    private Path journal;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "Strategy configuration (.properties).")
    private Path config;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for report.json (created).")
    private Path out;

    @Option(names = "--queue", paramLabel = "MODEL", defaultValue = RISK_AVERSE,
        description = "Queue model of the main run: risk-averse, prob-power:N, prob-log, fifo-l3. Default: ${DEFAULT-VALUE}.")
    private String queue;

    @Option(names = "--optimistic-queue", paramLabel = "MODEL", defaultValue = "prob-power:3",
        description = "Queue model the guard compares the risk-averse one with. Default: ${DEFAULT-VALUE}.")
    private String optimisticQueue;

    @Option(names = "--latency", paramLabel = "MODEL", defaultValue = "constant:0,0,0",
        description = "Latency model: constant:FEED,ENTRY,RESPONSE (ns) or feed-derived:ENTRY_X,RESPONSE_X,MIN_NS. " +
            "Default: ${DEFAULT-VALUE}.")
    private String latency;

    @Option(names = "--maker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue maker fee, bps of notional (negative: rebate). Default: ${DEFAULT-VALUE}.")
    private double makerBps;

    @Option(names = "--taker-bps", paramLabel = "B", defaultValue = "0",
        description = "Venue taker fee, bps of notional. Default: ${DEFAULT-VALUE}.")
    private double takerBps;

    public Integer call() throws IOException
    {
        final StrategyConfig strategyConfig = StrategyConfig.load(config);
        final PrintWriter err = spec.commandLine().getErr();
        final String guardQueue = RISK_AVERSE.equals(queue) ? optimisticQueue : RISK_AVERSE;
        final long unitsPerTick = tickSize(strategyConfig.instrumentId());
        // both contexts are checked before anything runs, so a bad model name fails fast
        final VenueContext mainContext = venueContext(strategyConfig, unitsPerTick, queue).conclude();
        final VenueContext guardContext = venueContext(strategyConfig, unitsPerTick, guardQueue).conclude();

        final BacktestResult main = run(strategyConfig, mainContext, err);
        final BacktestResult guard = run(strategyConfig, guardContext, err);
        final BacktestResult riskAverse = RISK_AVERSE.equals(queue) ? main : guard;
        final BacktestResult optimistic = RISK_AVERSE.equals(queue) ? guard : main;
        final String optimisticName = RISK_AVERSE.equals(queue) ? guardQueue : queue;

        Files.createDirectories(out);
        final Path reportFile = out.resolve("report.json");
        writeReport(reportFile, strategyConfig, mainContext, main, riskAverse, optimistic, optimisticName);

        final PrintWriter stdout = spec.commandLine().getOut();
        printSummary(stdout, mainContext, main, riskAverse, optimistic, optimisticName);
        stdout.println("report=" + reportFile);
        stdout.flush();
        return ExitCodes.OK;
    }

    private BacktestResult run(final StrategyConfig strategyConfig, final VenueContext context, final PrintWriter err)
        throws IOException
    {
        final String name = context.queueModel().name();
        try (JournalReader reader = JournalReader.open(journal))
        {
            final BacktestDriver driver = new BacktestDriver(context, strategyConfig::newStrategy);
            final BacktestResult result = driver.run(reader, (events, elapsedNs) ->
            {
                err.printf("backtest[%s]: %,d events, %,.0f events/s%n", name, events, events * 1e9 / Math.max(1, elapsedNs));
                err.flush();
            });
            err.printf("backtest[%s]: done, %,d events in %.3f s, %,.0f events/s%n",
                name, result.events(), result.wallClockNs() / 1e9, result.eventsPerSecond());
            err.flush();
            return result;
        }
    }

    private VenueContext venueContext(final StrategyConfig strategyConfig, final long unitsPerTick, final String queueModel)
    {
        return new VenueContext()
            .instrumentId(strategyConfig.instrumentId())
            .priceUnitsPerTick(unitsPerTick)
            .queueModel(queueModel)
            .latencyModel(latency)
            .feeModel(new BpsFeeModel(makerBps, takerBps));
    }

    private long tickSize(final int instrumentId) throws IOException
    {
        final StringBuilder held = new StringBuilder();
        try (JournalReader reader = JournalReader.open(journal))
        {
            for (final JournalInstrument instrument : reader.header().instruments())
            {
                if (instrument.id() == instrumentId)
                {
                    return instrument.tickSize();
                }
                held.append(held.length() > 0 ? "," : "").append(instrument.id());
            }
        }
        throw new IllegalArgumentException(
            config + ": instrument.id=" + instrumentId + " but journal " + journal + " holds instrument(s) [" + held + "]");
    }

    private void printSummary(
        final PrintWriter stdout,
        final VenueContext context,
        final BacktestResult r,
        final BacktestResult riskAverse,
        final BacktestResult optimistic,
        final String optimisticName)
    {
        stdout.println("journal=" + journal + " config=" + config);
        stdout.println("queue=" + context.queueModel().name() + " latency=" + context.latencyModel().name() +
            " fees=" + context.feeModel().name());
        row(stdout, "events", String.format("%,d (%,d market, %,d reports)", r.events(), r.marketEvents(), r.reportsDelivered()));
        row(stdout, "events/s", String.format("%,.0f (wall clock %.3f s)", r.eventsPerSecond(), r.wallClockNs() / 1e9));
        row(stdout, "orders", String.format("new %d, cancel %d, replace %d", r.newOrders(), r.cancels(), r.replaces()));
        row(stdout, "fills", String.format("%d (maker %d lots, taker %d lots)", r.fills(), r.makerQuantity(), r.takerQuantity()));
        row(stdout, "rejects", String.format("venue %d, risk %d", r.venueRejects(), r.riskRejections()));
        row(stdout, "position", String.format("%d lots (last mid %s ticks)", r.position(),
            Long.MIN_VALUE == r.lastMid() ? "none" : Long.toString(r.lastMid())));
        row(stdout, "realised", String.format("%.2f ticks x lots", r.realisedPnl()));
        row(stdout, "unrealised", String.format("%.2f ticks x lots", r.unrealisedPnl()));
        row(stdout, "fees", String.format("%.2f ticks x lots", r.fees()));
        row(stdout, "net pnl", String.format("%.2f ticks x lots", r.netPnl()));
        row(stdout, "guard", String.format("net pnl %s %.2f, %s %.2f, difference %.2f", RISK_AVERSE, riskAverse.netPnl(),
            optimisticName, optimistic.netPnl(), optimistic.netPnl() - riskAverse.netPnl()));
    }

    private static void row(final PrintWriter stdout, final String name, final String value)
    {
        stdout.printf("%-12s %s%n", name, value);
    }

    private void writeReport(
        final Path file,
        final StrategyConfig strategyConfig,
        final VenueContext context,
        final BacktestResult main,
        final BacktestResult riskAverse,
        final BacktestResult optimistic,
        final String optimisticName) throws IOException
    {
        try (JsonGenerator gen = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8))
        {
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("journal", journal.toAbsolutePath().toString());
            gen.writeStringField("config", config.toAbsolutePath().toString());
            gen.writeStringField("config_sha256", strategyConfig.sha256());
            gen.writeStringField("code_version", TicklaneVersion.codeVersion());
            gen.writeObjectFieldStart("models");
            gen.writeStringField("queue", context.queueModel().name());
            gen.writeStringField("latency", context.latencyModel().name());
            gen.writeStringField("fees", context.feeModel().name());
            gen.writeNumberField("maker_bps", makerBps);
            gen.writeNumberField("taker_bps", takerBps);
            gen.writeEndObject();
            gen.writeStringField("pnl_unit", "ticks x lots");
            gen.writeFieldName("result");
            result(gen, main);
            gen.writeObjectFieldStart("fill_illusion_guard");
            gen.writeStringField("risk_averse_queue", RISK_AVERSE);
            gen.writeNumberField("risk_averse_net_pnl", riskAverse.netPnl());
            gen.writeNumberField("risk_averse_fills", riskAverse.fills());
            gen.writeStringField("optimistic_queue", optimisticName);
            gen.writeNumberField("optimistic_net_pnl", optimistic.netPnl());
            gen.writeNumberField("optimistic_fills", optimistic.fills());
            gen.writeNumberField("net_pnl_difference", optimistic.netPnl() - riskAverse.netPnl());
            gen.writeEndObject();
            gen.writeObjectFieldStart("timing");
            gen.writeNumberField("wall_clock_s", main.wallClockNs() / 1e9);
            gen.writeNumberField("events_per_second", main.eventsPerSecond());
            gen.writeNumberField("guard_wall_clock_s", (RISK_AVERSE.equals(queue) ? optimistic : riskAverse).wallClockNs() / 1e9);
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    private static void result(final JsonGenerator gen, final BacktestResult r) throws IOException
    {
        gen.writeStartObject();
        gen.writeNumberField("events", r.events());
        gen.writeNumberField("market_events", r.marketEvents());
        gen.writeNumberField("reports", r.reportsDelivered());
        gen.writeNumberField("first_event_ns", r.firstEventNs());
        gen.writeNumberField("last_event_ns", r.lastEventNs());
        gen.writeNumberField("position", r.position());
        if (Long.MIN_VALUE == r.lastMid())
        {
            gen.writeNullField("last_mid");
        }
        else
        {
            gen.writeNumberField("last_mid", r.lastMid());
        }
        gen.writeNumberField("realised_pnl", r.realisedPnl());
        gen.writeNumberField("unrealised_pnl", r.unrealisedPnl());
        gen.writeNumberField("fees", r.fees());
        gen.writeNumberField("net_pnl", r.netPnl());
        gen.writeObjectFieldStart("orders");
        gen.writeNumberField("new", r.newOrders());
        gen.writeNumberField("cancel", r.cancels());
        gen.writeNumberField("replace", r.replaces());
        gen.writeEndObject();
        gen.writeNumberField("fills", r.fills());
        gen.writeNumberField("maker_quantity", r.makerQuantity());
        gen.writeNumberField("taker_quantity", r.takerQuantity());
        gen.writeNumberField("venue_rejects", r.venueRejects());
        gen.writeNumberField("risk_rejections", r.riskRejections());
        gen.writeEndObject();
    }
}
