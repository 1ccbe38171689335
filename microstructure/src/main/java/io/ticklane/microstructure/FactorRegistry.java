package io.ticklane.microstructure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Factors by name, so configuration and the command line select and parameterise them with a spec such as
 * {@code ofi_l1,ofi_ml(levels=10),vpin(bucket_volume=5000,window=50)}. Unknown names and parameters are errors.
 */
public final class FactorRegistry
{
    private final Map<String, FactorFactory> factories = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Map<String, String> requiredParameters = new LinkedHashMap<>();

    /**
     * @param id          the name the factor is selected by.
     * @param description one line: what it measures, in what unit.
     * @param factory     creates it from parameters.
     * @return this.
     */
    public FactorRegistry register(final String id, final String description, final FactorFactory factory)
    {
        if (null != factories.putIfAbsent(id, factory))
        {
            throw new IllegalStateException("factor '" + id + "' registered twice");
        }
        descriptions.put(id, description);
        return this;
    }

    /**
     * Registers a factor that cannot be created without a parameter (e.g. a fitted model file): it is left out of
     * {@link #createAll()} and must be named with that parameter.
     *
     * @param id          the name the factor is selected by.
     * @param description one line: what it measures, in what unit.
     * @param required    the parameter it needs, e.g. {@code model}.
     * @param factory     creates it from parameters.
     * @return this.
     */
    public FactorRegistry registerRequiring(
        final String id, final String description, final String required, final FactorFactory factory)
    {
        register(id, description, factory);
        requiredParameters.put(id, required);
        return this;
    }

    /**
     * @param id factor id.
     * @return the parameter the factor cannot do without, or null.
     */
    public String requiredParameter(final String id)
    {
        return requiredParameters.get(id);
    }

    /**
     * @return registered ids, in registration order.
     */
    public List<String> ids()
    {
        return Collections.unmodifiableList(new ArrayList<>(factories.keySet()));
    }

    /**
     * @param id factor id.
     * @return its one-line description.
     */
    public String description(final String id)
    {
        return descriptions.get(id);
    }

    /**
     * Creates every registered factor that works with default parameters (all but those registered with
     * {@link #registerRequiring}).
     *
     * @return the factors, in registration order.
     */
    public List<Factor> createAll()
    {
        final List<String> ids = new ArrayList<>(factories.keySet());
        ids.removeAll(requiredParameters.keySet());
        return create(String.join(",", ids));
    }

    /**
     * @param spec comma-separated ids, each optionally followed by {@code (name=value,...)}.
     * @return the factors in spec order.
     * @throws IllegalArgumentException on unknown ids, unknown or bad parameters, or a malformed spec.
     */
    public List<Factor> create(final String spec)
    {
        final List<Factor> factors = new ArrayList<>();
        final Map<Object, Object> shared = new HashMap<>();
        for (final ComponentSpec entry : ComponentSpec.parseList(spec))
        {
            final FactorFactory factory = factories.get(entry.id());
            if (null == factory)
            {
                throw new IllegalArgumentException(
                    "unknown factor '" + entry.id() + "'; known: " + String.join(",", factories.keySet()));
            }
            final Parameters params = new Parameters(entry.id(), entry.parameters(), shared);
            final Factor factor = factory.create(params);
            params.requireAllUsed();
            factors.add(factor);
        }
        return factors;
    }
}
