package io.ticklane.marketmaking.risk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskLimitsTest
{
    static Stream<Arguments> invalidSettings()
    {
        return Stream.of(
            invalid("maxOrderQuantity", l -> l.maxOrderQuantity(0)),
            invalid("maxPosition", l -> l.maxPosition(-1)),
            invalid("maxNotional", l -> l.maxNotional(0)),
            invalid("tickValue", l -> l.tickValue(0)),
            invalid("priceCollarTicks", l -> l.priceCollarTicks(-1)),
            invalid("priceCollarBps", l -> l.priceCollarBps(0)),
            invalid("priceCollarBps", l -> l.priceCollarBps(10_001)),
            invalid("aggressiveCollarTicks", l -> l.aggressiveCollarTicks(-1)),
            invalid("flattenCollarTicks", l -> l.flattenCollarTicks(-1)),
            invalid("maxOpenOrders", l -> l.maxOpenOrders(0)),
            invalid("maxOrdersPerSecond", l -> l.maxOrdersPerSecond(0)),
            invalid("maxCancelsPerSecond", l -> l.maxCancelsPerSecond(-5)),
            invalid("maxDailyLoss", l -> l.maxDailyLoss(0)),
            invalid("maxDrawdown", l -> l.maxDrawdown(0)),
            invalid("staleMarketDataMs", l -> l.staleMarketDataMs(0)));
    }

    private static Arguments invalid(final String name, final Consumer<RiskLimits> breakIt)
    {
        return Arguments.of(name, breakIt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingIsAConfigurationErrorNamingIt(final String name, final Consumer<RiskLimits> breakIt)
    {
        final RiskLimits limits = RiskFixture.limits();
        breakIt.accept(limits);

        final IllegalStateException error = assertThrows(IllegalStateException.class, limits::conclude);
        assertTrue(error.getMessage().startsWith(name), error.getMessage());
        assertThrows(IllegalStateException.class, () -> new RiskGate(limits));
    }

    @Test
    void defaultsConclude()
    {
        assertTrue(new RiskLimits().conclude().isConcluded());
    }
}
