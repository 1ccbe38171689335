package io.ticklane.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ticklane.marketmaking.quote.QuoteInputs;
import io.ticklane.marketmaking.quote.Quoter;
import io.ticklane.marketmaking.quote.QuoterRegistry;
import io.ticklane.marketmaking.quote.TargetQuote;
import io.ticklane.orderbook.PriceLadder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code ticklane quote}: one quote from one model for inputs typed by hand, so a parameter set can be checked
 * against a paper or a spreadsheet before it trades. Prints the model's reservation price, half-spread and skew and
 * the rounded, post-only, size-checked bid and ask the runtime would send.
 */
@Command(
    name = "quote",
    mixinStandardHelpOptions = true,
    description = {
        "Compute one quote: the model's reservation price, half-spread and skew, and the rounded bid/ask (price x size).",
        "Prices in ticks, sizes and inventory in lots, sigma in ticks/sqrt(s), A per second, k per tick.",
        "Example: ticklane quote --model 'glft(gamma=0.05)' --mid 100000 --inventory 2 --sigma 10.69 --a 2.98616 --k 0.0423574"
    })
public final class QuoteCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "SPEC", required = true,
        description = "Quoter and parameters, e.g. glft(gamma=0.05,order_size=1) or as-microprice(base=glft). "
            + "Known: as-finite, as-infinite, glft, as-inventory, as-adverse, as-hedge, as-microprice, "
            + "and the reference quoters touch(offset_ticks,size), fixed(half_spread_ticks,skew_ticks_per_lot,size) "
            + "and grid(levels,step_ticks,size,max_position).")
    private String model;

    @Option(names = "--mid", paramLabel = "TICKS", required = true, description = "Mid price, ticks.")
    private double mid;

    @Option(names = "--inventory", paramLabel = "LOTS", required = true, description = "Signed position, lots.")
    private long inventory;

    @Option(names = "--sigma", paramLabel = "S", description = "Volatility, ticks/sqrt(s) (as from the factor engine).")
    private Double sigma;

    @Option(names = "--a", paramLabel = "A", description = "Order arrival intensity at the touch, per second.")
    private Double intensityA;

    @Option(names = "--k", paramLabel = "K", description = "Decay of the arrival intensity with distance, per tick.")
    private Double intensityK;

    @Option(names = "--best-bid", paramLabel = "TICKS", description = "Best bid (default: no bids).")
    private Long bestBid;

    @Option(names = "--best-ask", paramLabel = "TICKS", description = "Best ask (default: no asks).")
    private Long bestAsk;

    @Option(names = "--micro-price", paramLabel = "TICKS", description = "Micro-price, ticks (as-microprice).")
    private Double microPrice;

    @Option(names = "--toxicity", paramLabel = "V", description = "Toxicity in [0, 1], e.g. VPIN (as-adverse).")
    private Double toxicity;

    @Option(names = "--flow", paramLabel = "F", description = "Signed order flow, e.g. normalised OFI (as-adverse).")
    private Double flow;

    @Option(names = "--time-s", paramLabel = "T", defaultValue = "0",
        description = "Seconds since the quoter started (as-finite: T - t = horizon_s - T; default: ${DEFAULT-VALUE}).")
    private double timeS;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    public Integer call() throws IOException
    {
        final Quoter quoter = QuoterRegistry.standard().create(model);
        final QuoteInputs in = inputs();
        final TargetQuote out = new TargetQuote();
        // A model with a clock (as-finite) starts at its first quote: quote once at 0, then at the time asked for.
        quoter.quote(in.timeNs(0), out);
        quoter.quote(in.timeNs(Math.round(timeS * 1e9)), out);

        final PrintWriter stdout = spec.commandLine().getOut();
        if (json)
        {
            printJson(stdout, quoter, out);
        }
        else
        {
            printText(stdout, out);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private QuoteInputs inputs()
    {
        requireFinite("--mid", mid);
        requireFinite("--time-s", timeS);
        if (timeS < 0)
        {
            throw bad("--time-s must be zero or positive, got " + timeS);
        }
        final double s = optional("--sigma", sigma);
        final double a = optional("--a", intensityA);
        final double k = optional("--k", intensityK);
        final double v = optional("--toxicity", toxicity);
        if (s < 0 || a <= 0 || k <= 0 || v < 0 || v > 1)
        {
            throw bad("need --sigma >= 0, --a > 0, --k > 0 and --toxicity in [0, 1]");
        }
        final long bid = null == bestBid ? PriceLadder.NULL_PRICE : bestBid;
        final long ask = null == bestAsk ? PriceLadder.NULL_PRICE : bestAsk;
        if (null != bestBid && null != bestAsk && bid >= ask)
        {
            throw bad("crossed or locked touch: --best-bid " + bid + " >= --best-ask " + ask);
        }
        return new QuoteInputs()
            .midPrice(mid)
            .inventory(inventory)
            .sigma(s)
            .intensity(a, k)
            .touch(bid, ask)
            .microPrice(optional("--micro-price", microPrice))
            .flow(v, optional("--flow", flow));
    }

    private void printText(final PrintWriter out, final TargetQuote quote)
    {
        out.printf("model        %s%n", model);
        // "no quote" only when nothing is quoted: touch quotes one side of a one-sided book, where no mid means no model values
        if (Double.isNaN(quote.reservationPrice()) && !quote.hasBid() && !quote.hasAsk() && !quote.hasTake())
        {
            out.printf("no quote     the model lacks an input it needs (mid, micro-price, sigma, A or k: give it, "
                + "or fix it or a *_fallback in the model's parameters)%n");
            return;
        }
        out.printf("reservation  %.6f ticks%n", quote.reservationPrice());
        out.printf("half-spread  %.6f ticks%n", quote.halfSpread());
        out.printf("skew         %.6f ticks (reference - reservation)%n", quote.skew());
        out.printf("bid          %s%n", quote.hasBid() ? quote.bidPrice() + " x " + quote.bidQuantity() : "none");
        out.printf("ask          %s%n", quote.hasAsk() ? quote.askPrice() + " x " + quote.askQuantity() : "none");
        for (int level = 1; level < Math.max(quote.bidLevels(), quote.askLevels()); level++)
        {
            out.printf("level %-2d     bid %s, ask %s%n", level,
                level < quote.bidLevels() ? quote.bidPrice(level) + " x " + quote.bidQuantity(level) : "none",
                level < quote.askLevels() ? quote.askPrice(level) + " x " + quote.askQuantity(level) : "none");
        }
        if (quote.hasTake())
        {
            out.printf("take         %s %d x %d (marketable)%n", quote.takeSide(), quote.takePrice(), quote.takeQuantity());
        }
    }

    private void printJson(final PrintWriter out, final Quoter quoter, final TargetQuote quote) throws IOException
    {
        try (JsonGenerator gen = new JsonFactory().createGenerator(out))
        {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            gen.writeStartObject();
            gen.writeStringField("model", model);
            gen.writeStringField("quoter", quoter.id());
            number(gen, "reservationPrice", quote.reservationPrice());
            number(gen, "halfSpread", quote.halfSpread());
            number(gen, "skew", quote.skew());
            order(gen, "bid", quote.hasBid(), null, quote.bidPrice(), quote.bidQuantity());
            order(gen, "ask", quote.hasAsk(), null, quote.askPrice(), quote.askQuantity());
            order(gen, "take", quote.hasTake(), quote.hasTake() ? quote.takeSide().name() : null,
                quote.takePrice(), quote.takeQuantity());
            if (quote.bidLevels() > 1 || quote.askLevels() > 1)
            {
                // every level, level 0 first (the bid and ask above); only for quoters of several levels (grid)
                gen.writeArrayFieldStart("bidLevels");
                for (int level = 0; level < quote.bidLevels(); level++)
                {
                    order(gen, null, true, null, quote.bidPrice(level), quote.bidQuantity(level));
                }
                gen.writeEndArray();
                gen.writeArrayFieldStart("askLevels");
                for (int level = 0; level < quote.askLevels(); level++)
                {
                    order(gen, null, true, null, quote.askPrice(level), quote.askQuantity(level));
                }
                gen.writeEndArray();
            }
            gen.writeEndObject();
        }
        out.println();
    }

    private static void number(final JsonGenerator gen, final String name, final double value) throws IOException
    {
        if (Double.isFinite(value))
        {
            gen.writeNumberField(name, value);
        }
        else
        {
            gen.writeNullField(name);
        }
    }

    private static void order(
        final JsonGenerator gen, final String name, final boolean present, final String side, final long price, final long size)
        throws IOException
    {
        if (!present)
        {
            gen.writeNullField(name);
            return;
        }
        if (null == name)
        {
            gen.writeStartObject(); // an element of an array
        }
        else
        {
            gen.writeObjectFieldStart(name);
        }
        if (null != side)
        {
            gen.writeStringField("side", side);
        }
        gen.writeNumberField("price", price);
        gen.writeNumberField("size", size);
        gen.writeEndObject();
    }

    private double optional(final String option, final Double value)
    {
        if (null == value)
        {
            return Double.NaN;
        }
        requireFinite(option, value);
        return value;
    }

    private void requireFinite(final String option, final double value)
    {
        if (!Double.isFinite(value))
        {
            throw bad(option + " must be a finite number, got " + value);
        }
    }

    private CommandLine.ParameterException bad(final String message)
    {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
