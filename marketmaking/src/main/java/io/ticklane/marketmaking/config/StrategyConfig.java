package io.ticklane.marketmaking.config;

import io.ticklane.microstructure.catalogue.FactorCatalogue;
import io.ticklane.marketmaking.order.Orders;
import io.ticklane.marketmaking.order.Position;
import io.ticklane.marketmaking.quote.Quoter;
import io.ticklane.marketmaking.quote.QuoterRegistry;
import io.ticklane.marketmaking.risk.RiskGate;
import io.ticklane.marketmaking.risk.RiskLimits;
import io.ticklane.marketmaking.strategy.QuoteInputsBinder;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.marketmaking.strategy.StrategyCheckpoint;
import io.ticklane.microstructure.FactorEngine;
import io.ticklane.orderbook.L2Book;
import io.ticklane.orderbook.L3Book;
import io.ticklane.orderbook.OrderBook;
import org.agrona.concurrent.MessageHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The configuration of one strategy run (replay, backtest, daemon) from a properties file: the book, the factors,
 * which factors feed the quoter, the quoter, the quote manager, position accounting and risk limits. Every key has a
 * default; unknown keys and bad values are errors that name the file and the key, so a typo never silently runs a
 * default. The file's SHA-256 identifies the configuration in journals and reports. The operator token is no strategy
 * setting (the daemon authenticates commands before the strategy sees them), so no strategy file carries it.
 * <p>
 * Over 500 lines: it is the one table of keys (defaults, validation naming the key, and the builders that read
 * them); splitting it by section would spread one key's default, check and use over files.
 */
public final class StrategyConfig
{
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    private static final String RETIRED_TOKEN_KEY = "risk.admin_token";
    /**
     * book.type's default: the book the data needs, which a run that reads the data first decides ({@link #forData}; the
     * backtest does): order-by-order events fed to a price-level book leave it wrong, and a strategy quoting from it
     * had 48 of 50 post-only orders rejected as would-take on the LOBSTER AMZN day. Without data to look at, l2.
     */
    private static final String AUTO_BOOK = "auto";
    /** A fixed passive collar, ticks; empty (the default) = use {@link #PRICE_COLLAR_BPS}. */
    private static final String PRICE_COLLAR_TICKS = "risk.price_collar_ticks";
    /** The relative passive collar, bps of the reference price: the default, unless the ticks key is given. */
    private static final String PRICE_COLLAR_BPS = "risk.price_collar_bps";

    static
    {
        DEFAULTS.put("instrument.id", "1");
        DEFAULTS.put("book.type", AUTO_BOOK);
        DEFAULTS.put("book.ladder_capacity", Integer.toString(OrderBook.DEFAULT_LADDER_CAPACITY));
        DEFAULTS.put("book.max_orders", Integer.toString(L3Book.DEFAULT_MAX_ORDERS));
        DEFAULTS.put("factors", "mid,realized_vol_ewma,intensity_a_bid,intensity_a_ask,intensity_k_bid,intensity_k_ask,vpin");
        DEFAULTS.put("quoter", "glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1)");
        DEFAULTS.put("inputs.sigma", "realized_vol_ewma");
        DEFAULTS.put("inputs.a_bid", "intensity_a_bid");
        DEFAULTS.put("inputs.a_ask", "intensity_a_ask");
        DEFAULTS.put("inputs.k_bid", "intensity_k_bid");
        DEFAULTS.put("inputs.k_ask", "intensity_k_ask");
        DEFAULTS.put("inputs.toxicity", "vpin");
        DEFAULTS.put("inputs.order_flow", "");
        DEFAULTS.put("inputs.microprice", "");
        DEFAULTS.put("quotes.replace_ticks", "1");
        DEFAULTS.put("quotes.replace_lots", "1");
        DEFAULTS.put("quotes.min_quote_life_ms", "0");
        DEFAULTS.put("quotes.max_orders_per_second", "50");
        DEFAULTS.put("orders.capacity", "64");
        DEFAULTS.put("position.tick_value", "1");
        DEFAULTS.put("fees.maker_bps", "0");
        DEFAULTS.put("fees.taker_bps", "0");
        DEFAULTS.put("risk.max_order_quantity", Long.toString(RiskLimits.MAX_ORDER_QUANTITY_DEFAULT));
        DEFAULTS.put("risk.max_position", Long.toString(RiskLimits.MAX_POSITION_DEFAULT));
        DEFAULTS.put("risk.max_notional", Long.toString(RiskLimits.MAX_NOTIONAL_DEFAULT));
        DEFAULTS.put("risk.tick_value", Long.toString(RiskLimits.TICK_VALUE_DEFAULT));
        DEFAULTS.put(PRICE_COLLAR_TICKS, "");
        DEFAULTS.put(PRICE_COLLAR_BPS, Long.toString(RiskLimits.PRICE_COLLAR_BPS_DEFAULT));
        DEFAULTS.put("risk.aggressive_collar_ticks", Long.toString(RiskLimits.AGGRESSIVE_COLLAR_TICKS_DEFAULT));
        DEFAULTS.put("risk.flatten_collar_ticks", Long.toString(RiskLimits.FLATTEN_COLLAR_TICKS_DEFAULT));
        DEFAULTS.put("risk.max_open_orders", Integer.toString(RiskLimits.MAX_OPEN_ORDERS_DEFAULT));
        DEFAULTS.put("risk.max_orders_per_second", Integer.toString(RiskLimits.MAX_ORDERS_PER_SECOND_DEFAULT));
        DEFAULTS.put("risk.max_cancels_per_second", Integer.toString(RiskLimits.MAX_CANCELS_PER_SECOND_DEFAULT));
        DEFAULTS.put("risk.max_daily_loss", Long.toString(RiskLimits.MAX_DAILY_LOSS_DEFAULT));
        DEFAULTS.put("risk.max_drawdown", Long.toString(RiskLimits.MAX_DRAWDOWN_DEFAULT));
        DEFAULTS.put("risk.stale_market_data_ms", Long.toString(RiskLimits.STALE_MARKET_DATA_MS_DEFAULT));
        DEFAULTS.put("risk.venue_silence_ms", Long.toString(RiskLimits.VENUE_SILENCE_MS_DEFAULT));
    }

    /** A price ladder's least capacity ({@link io.ticklane.orderbook.PriceLadder}). */
    private static final long MIN_LADDER_CAPACITY = 4;
    /** The most any rate limit may allow a second: each sizes a ring of up to twice that many event times (16 MB). */
    static final int MAX_RATE_PER_SECOND = 1_000_000;
    private static final String[] INPUT_KEYS = {"inputs.sigma", "inputs.a_bid", "inputs.a_ask", "inputs.k_bid", "inputs.k_ask",
        "inputs.toxicity", "inputs.order_flow", "inputs.microprice"};

    private final String source;
    private final Map<String, String> values;
    private final String sha256;
    private final Set<String> given;

    private StrategyConfig(final String source, final Map<String, String> values, final String sha256, final Set<String> given)
    {
        this.source = source;
        this.values = values;
        this.sha256 = sha256;
        this.given = given;
    }

    /**
     * @param file properties file.
     * @return the configuration, every value validated.
     * @throws IOException              if the file cannot be read.
     * @throws IllegalArgumentException naming the file and key of the first bad or unknown setting.
     */
    public static StrategyConfig load(final Path file) throws IOException
    {
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /**
     * The configuration in a file's bytes, read once so the SHA-256 is of exactly the text that was parsed.
     *
     * @param source the file, as errors name it.
     * @param bytes  its content.
     * @return the configuration, every value validated.
     * @throws IllegalArgumentException naming the source and key of the first bad or unknown setting, or the source when
     *                                  the text is not UTF-8 properties.
     */
    static StrategyConfig parse(final String source, final byte[] bytes)
    {
        final Properties properties = PropertiesFile.parse(source, bytes);
        final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        final Set<String> unknown = new TreeSet<>();
        if (properties.containsKey(RETIRED_TOKEN_KEY))
        {
            // never echo the value: it is a secret
            throw new IllegalArgumentException(source + ": " + RETIRED_TOKEN_KEY + " is no longer a setting: delete the line" +
                " (a daemon reads the operator token from the file daemon.admin_token_file names, or from" +
                " TICKLANE_ADMIN_TOKEN; strategy files are copied into run directories and reports)");
        }
        for (final String key : properties.stringPropertyNames())
        {
            if (!DEFAULTS.containsKey(key))
            {
                unknown.add(key);
            }
            values.put(key, properties.getProperty(key).trim());
        }
        if (!unknown.isEmpty())
        {
            throw new IllegalArgumentException(source + ": unknown key(s) " + unknown + "; known: " + DEFAULTS.keySet());
        }

        final StrategyConfig config = new StrategyConfig(source, values, sha256(bytes), properties.stringPropertyNames());
        config.validate();
        return config;
    }

    /**
     * @return SHA-256 of the file, hex: identifies the configuration in journals and reports.
     */
    public String sha256()
    {
        return sha256;
    }

    /**
     * @param key a configuration key.
     * @return true when it is a strategy setting this class knows.
     */
    public static boolean isKey(final String key)
    {
        return DEFAULTS.containsKey(key);
    }

    /**
     * @return every key, in the order of the defaults.
     */
    static Set<String> keys()
    {
        return Collections.unmodifiableSet(DEFAULTS.keySet());
    }

    /**
     * @return the instrument the strategy trades.
     */
    public int instrumentId()
    {
        return positiveInt("instrument.id");
    }

    /**
     * @return the quoter spec.
     */
    public String quoterSpec()
    {
        return values.get("quoter");
    }

    /**
     * Builds the book named by the configuration.
     *
     * @return a new, empty book.
     */
    public OrderBook newBook()
    {
        final int capacity = positiveInt("book.ladder_capacity");
        switch (values.get("book.type"))
        {
            case "l2":
            case AUTO_BOOK:
                return new L2Book(instrumentId(), capacity);
            case "l3":
                return new L3Book(instrumentId(), capacity, positiveInt("book.max_orders"));
            default:
                throw error("book.type", "must be l2, l3 or auto");
        }
    }

    /**
     * This configuration for a run over known data: book.type=auto becomes l3 for order-by-order data and l2 otherwise;
     * an explicit l2 or l3 is kept. The file's SHA-256 stays that of the file.
     *
     * @param orderByOrder true when the market data has order-by-order (L3) events.
     * @return this, or a copy with the book type resolved.
     */
    public StrategyConfig forData(final boolean orderByOrder)
    {
        if (!AUTO_BOOK.equals(values.get("book.type")))
        {
            return this;
        }
        final Map<String, String> resolved = new LinkedHashMap<>(values);
        resolved.put("book.type", orderByOrder ? "l3" : "l2");
        return new StrategyConfig(source, resolved, sha256, given);
    }

    /**
     * @return the book type: l2, l3, or auto (l2 until {@link #forData} resolves it).
     */
    public String bookType()
    {
        return values.get("book.type");
    }

    /**
     * Builds the whole strategy over a new book.
     *
     * @param outbound receives every order frame the strategy sends.
     * @return the strategy.
     */
    public QuotingStrategy newStrategy(final MessageHandler outbound)
    {
        final FactorEngine engine = new FactorEngine(newBook(), FactorCatalogue.standard().create(values.get("factors")));
        final QuoteInputsBinder binder = new QuoteInputsBinder(
            engine.snapshot(),
            optional("inputs.sigma"),
            optional("inputs.a_bid"),
            optional("inputs.a_ask"),
            optional("inputs.k_bid"),
            optional("inputs.k_ask"),
            optional("inputs.toxicity"),
            optional("inputs.order_flow"),
            optional("inputs.microprice"));
        return new QuotingStrategy(
            engine,
            binder,
            QuoterRegistry.standard().create(quoterSpec()),
            new Orders(orderCapacity()),
            new Position(instrumentId(), positiveDouble("position.tick_value"), number("fees.maker_bps"),
                number("fees.taker_bps")),
            new RiskGate(riskLimits()),
            instrumentId(),
            positiveLong("quotes.replace_ticks"),
            positiveLong("quotes.replace_lots"),
            nonNegativeLong("quotes.min_quote_life_ms"),
            ratePerSecond("quotes.max_orders_per_second"),
            outbound);
    }

    /**
     * @return the risk limits, validated (package-private for tests of what a file's keys become).
     */
    RiskLimits riskLimits()
    {
        final RiskLimits limits = new RiskLimits();
        passiveCollar(limits);
        try
        {
            return limits
                .maxOrderQuantity(positiveLong("risk.max_order_quantity"))
                .maxPosition(positiveLong("risk.max_position"))
                .maxNotional(positiveLong("risk.max_notional"))
                .tickValue(positiveLong("risk.tick_value"))
                .aggressiveCollarTicks(positiveLong("risk.aggressive_collar_ticks"))
                .flattenCollarTicks(nonNegativeLong("risk.flatten_collar_ticks"))
                .maxOpenOrders(positiveInt("risk.max_open_orders"))
                .maxOrdersPerSecond(ratePerSecond("risk.max_orders_per_second"))
                .maxCancelsPerSecond(ratePerSecond("risk.max_cancels_per_second"))
                .maxDailyLoss(positiveLong("risk.max_daily_loss"))
                .maxDrawdown(positiveLong("risk.max_drawdown"))
                .staleMarketDataMs(positiveLong("risk.stale_market_data_ms"))
                .venueSilenceMs(nonNegativeLong("risk.venue_silence_ms"))
                .conclude();
        }
        catch (final IllegalStateException ex)
        {
            throw new IllegalArgumentException(source + ": risk: " + ex.getMessage(), ex);
        }
    }

    /**
     * The passive price collar: relative (risk.price_collar_bps, default) unless risk.price_collar_ticks is given; both
     * given is an error naming both, because either could be the one the author meant.
     */
    private void passiveCollar(final RiskLimits limits)
    {
        final boolean ticksGiven = !values.get(PRICE_COLLAR_TICKS).isEmpty();
        if (ticksGiven && given.contains(PRICE_COLLAR_BPS))
        {
            throw new IllegalArgumentException(source + ": " + PRICE_COLLAR_TICKS + "=" + values.get(PRICE_COLLAR_TICKS) + " and " +
                PRICE_COLLAR_BPS + "=" + values.get(PRICE_COLLAR_BPS) + " are both set: give one (ticks: a fixed collar; bps: " +
                "relative to the reference price, the default)");
        }
        if (ticksGiven)
        {
            limits.priceCollarTicks(positiveLong(PRICE_COLLAR_TICKS));
            return;
        }
        final long bps = positiveLong(PRICE_COLLAR_BPS);
        if (bps > RiskLimits.PRICE_COLLAR_BPS_MAX)
        {
            throw error(PRICE_COLLAR_BPS, "must be at most " + RiskLimits.PRICE_COLLAR_BPS_MAX + " (the whole price)");
        }
        limits.priceCollarBps(bps);
    }

    /**
     * Checks every setting once at load, without building the full-size book (that happens once, in
     * {@link #newStrategy}): factors and the inputs bound to them over a tiny book, the quoter, risk limits, sizes.
     */
    private void validate()
    {
        try
        {
            final String bookType = values.get("book.type");
            if (!"l2".equals(bookType) && !"l3".equals(bookType) && !AUTO_BOOK.equals(bookType))
            {
                throw error("book.type", "must be l2, l3 or auto");
            }
            final long capacity = positiveLong("book.ladder_capacity");
            if (Long.bitCount(capacity) != 1 || capacity < MIN_LADDER_CAPACITY || capacity > (1 << 30))
            {
                throw error("book.ladder_capacity", "must be a power of two from " + MIN_LADDER_CAPACITY + " to 2^30");
            }
            positiveInt("book.max_orders");
            final int instrumentId = instrumentId();
            final FactorEngine engine = keyed("factors",
                () -> new FactorEngine(new L2Book(instrumentId, 4), FactorCatalogue.standard().create(values.get("factors"))));
            for (final String input : INPUT_KEYS)
            {
                final String factor = optional(input);
                if (null != factor)
                {
                    keyed(input, () -> engine.snapshot().indexOf(factor));
                }
            }
            final Quoter quoter = keyed("quoter", () -> QuoterRegistry.standard().create(quoterSpec()));
            final RiskLimits limits = riskLimits();
            final int orderCapacity = orderCapacity();
            roomForEveryLevel(quoter, limits, orderCapacity);
            new Position(instrumentId(), positiveDouble("position.tick_value"), number("fees.maker_bps"),
                number("fees.taker_bps"));
            positiveLong("quotes.replace_ticks");
            positiveLong("quotes.replace_lots");
            nonNegativeLong("quotes.min_quote_life_ms");
            ratePerSecond("quotes.max_orders_per_second");
        }
        catch (final IllegalArgumentException ex)
        {
            throw ex.getMessage().startsWith(source) ? ex : new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Parses a setting with the parser of what it names (factor list, factor id, quoter spec), whose error then names
     * the key and its value as every other setting's does.
     */
    private <T> T keyed(final String key, final Supplier<T> parse)
    {
        try
        {
            return parse.get();
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(key, "(" + ex.getMessage() + ")");
        }
    }

    private String optional(final String key)
    {
        final String value = values.get(key);
        return value.isEmpty() ? null : value;
    }

    /**
     * A quoter of several levels a side needs room for all of them at once (both sides), or the levels past the room
     * are refused on every event: found at start, naming the key to raise.
     */
    private void roomForEveryLevel(final Quoter quoter, final RiskLimits limits, final int orderCapacity)
    {
        final int orders = 2 * quoter.levelsPerSide();
        if (orderCapacity < orders)
        {
            throw error("orders.capacity", "must be at least " + orders + " for the quoter's " + quoter.levelsPerSide()
                + " levels a side");
        }
        if (limits.maxOpenOrders() < orders)
        {
            throw error("risk.max_open_orders", "must be at least " + orders + " for the quoter's "
                + quoter.levelsPerSide() + " levels a side");
        }
    }

    private int orderCapacity()
    {
        final int capacity = positiveInt("orders.capacity");
        if (capacity > StrategyCheckpoint.MAX_ORDER_CAPACITY)
        {
            throw error("orders.capacity", "must be at most " + StrategyCheckpoint.MAX_ORDER_CAPACITY + " (what a checkpoint holds)");
        }
        return capacity;
    }

    /**
     * A rate limit, which sizes a ring of event times preallocated at build: found by StrategyConfigFuzzTest, 2^31 - 1
     * loaded and then failed to build (a negative array size, or gigabytes of ring).
     */
    private int ratePerSecond(final String key)
    {
        final int value = positiveInt(key);
        if (value > MAX_RATE_PER_SECOND)
        {
            throw error(key, "must be at most " + MAX_RATE_PER_SECOND + " a second");
        }
        return value;
    }

    private int positiveInt(final String key)
    {
        final long value = positiveLong(key);
        if (value > Integer.MAX_VALUE)
        {
            throw error(key, "must be at most " + Integer.MAX_VALUE);
        }
        return (int)value;
    }

    private long positiveLong(final String key)
    {
        final long value = longValue(key);
        if (value <= 0)
        {
            throw error(key, "must be positive");
        }
        return value;
    }

    private long nonNegativeLong(final String key)
    {
        final long value = longValue(key);
        if (value < 0)
        {
            throw error(key, "must not be negative");
        }
        return value;
    }

    private long longValue(final String key)
    {
        try
        {
            return Long.parseLong(values.get(key));
        }
        catch (final NumberFormatException ex)
        {
            throw error(key, "must be an integer");
        }
    }

    private double number(final String key)
    {
        try
        {
            final double value = Double.parseDouble(values.get(key));
            if (Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // reported below
        }
        throw error(key, "must be a finite number");
    }

    private double positiveDouble(final String key)
    {
        final double value = number(key);
        if (value <= 0)
        {
            throw error(key, "must be positive");
        }
        return value;
    }

    private IllegalArgumentException error(final String key, final String problem)
    {
        return new IllegalArgumentException(source + ": " + key + "=" + values.get(key) + " " + problem);
    }

    private static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every JVM", ex);
        }
    }
}
