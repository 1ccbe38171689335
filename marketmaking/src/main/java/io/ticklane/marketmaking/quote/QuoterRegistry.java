package io.ticklane.marketmaking.quote;

import io.ticklane.microstructure.ComponentSpec;
import io.ticklane.microstructure.Parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quoters by name, so configuration and the command line choose and parameterise the model with a spec such as
 * {@code glft(gamma=0.05,order_size=1)}. Unknown names and parameters are errors at start.
 */
public final class QuoterRegistry
{
    private final Map<String, QuoterFactory> factories = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /**
     * @return a registry holding every quoter Ticklane ships.
     */
    public static QuoterRegistry standard()
    {
        final QuoterRegistry registry = new QuoterRegistry();
        QuoterCatalogue.registerAll(registry);
        return registry;
    }

    /**
     * @param id          the name the quoter is selected by.
     * @param description one line: the model and its source.
     * @param factory     creates it from parameters.
     * @return this.
     */
    public QuoterRegistry register(final String id, final String description, final QuoterFactory factory)
    {
        if (null != factories.putIfAbsent(id, factory))
        {
            throw new IllegalStateException("quoter '" + id + "' registered twice");
        }
        descriptions.put(id, description);
        return this;
    }

    /**
     * @return registered names, in registration order.
     */
    public List<String> ids()
    {
        return Collections.unmodifiableList(new ArrayList<>(factories.keySet()));
    }

    /**
     * @param id quoter name.
     * @return its one-line description.
     */
    public String description(final String id)
    {
        return descriptions.get(id);
    }

    /**
     * @param spec one quoter: {@code id} or {@code id(name=value,...)}.
     * @return the quoter.
     * @throws IllegalArgumentException on an unknown name, unknown or bad parameters, or a malformed spec.
     */
    public Quoter create(final String spec)
    {
        final ComponentSpec entry = ComponentSpec.parse(spec);
        return create(entry.id(), new Parameters(entry.id(), entry.parameters()));
    }

    /**
     * Creates a quoter from parameters already parsed (used by quoters that wrap another one).
     *
     * @param id     quoter name.
     * @param params its parameters; all must be used.
     * @return the quoter.
     */
    public Quoter create(final String id, final Parameters params)
    {
        final QuoterFactory factory = factories.get(id);
        if (null == factory)
        {
            throw new IllegalArgumentException("unknown quoter '" + id + "'; known: " + String.join(",", factories.keySet()));
        }
        final Quoter quoter = factory.create(params, this);
        params.requireAllUsed();
        return quoter;
    }
}
