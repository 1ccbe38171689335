package io.ticklane.backtest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepPlanTest
{
    @Test
    void cartesianProductVariesTheFirstKeySlowest()
    {
        final SweepPlan plan = SweepPlan.parse(List.of("gamma=0.01,0.1", "quotes.replace_ticks=1,2,3"));

        assertEquals(List.of("quoter.gamma", "quotes.replace_ticks"), plan.keys());
        assertEquals(6, plan.combinations().size());
        assertEquals(Map.of("quoter.gamma", "0.01", "quotes.replace_ticks", "1"), plan.combinations().get(0));
        assertEquals(Map.of("quoter.gamma", "0.01", "quotes.replace_ticks", "3"), plan.combinations().get(2));
        assertEquals(Map.of("quoter.gamma", "0.1", "quotes.replace_ticks", "1"), plan.combinations().get(3));
    }

    @Test
    void quoterParameterIsReplacedInPlaceOrAppended()
    {
        assertEquals("glft(gamma=0.5,order_size=10)", SweepPlan.withParameter("glft(gamma=0.05,order_size=10)", "gamma", "0.5"));
        assertEquals("glft(gamma=0.05,k_fallback=2)", SweepPlan.withParameter("glft(gamma=0.05)", "k_fallback", "2"));
        assertEquals("glft(gamma=1)", SweepPlan.withParameter("glft", "gamma", "1"));
    }

    @Test
    void configTextAppendsOverridesSoTheyWin()
    {
        final String text = SweepPlan.configText("quoter=glft(gamma=0.05)", "glft(gamma=0.05)",
            Map.of("quoter.gamma", "0.2"));

        assertEquals("quoter=glft(gamma=0.05)\n# sweep overrides\nquoter=glft(gamma=0.2)\n", text);
    }

    @Test
    void directoryNamesAreIndexedAndFileSystemSafe()
    {
        assertEquals("007_quoter.gamma=0.1_a-b=x-y", SweepPlan.directoryName(7, new java.util.LinkedHashMap<>(
            Map.of("quoter.gamma", "0.1"))) + "_a-b=x-y");
        assertEquals("000_k=a-b", SweepPlan.directoryName(0, Map.of("k", "a/b")));
    }

    @Test
    void malformedSpecsAreRejected()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("gamma")))
            .getMessage().contains("expected key=v1,v2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("gamma=1,,2")))
            .getMessage().contains("bad value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("gamma=1", "quoter.gamma=2")))
            .getMessage().contains("swept twice"));
    }

    @Test
    void aValueGivenTwiceOrAGridPastTenThousandCombinationsIsRefusedBeforeAnyIsMade()
    {
        assertEquals("--sweep 'gamma=0.1, 0.2,0.1': value '0.1' is given twice",
            assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("gamma=0.1, 0.2,0.1"))).getMessage());

        // found by BacktestSettingsFuzzTest: six keys of many values were multiplied out (241,920 combinations, seconds)
        final String hundred = String.join(",", java.util.stream.IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        assertEquals("--sweep quoter.gamma quoter.kappa quoter.order_size: more than 10000 combinations (100 x 100 x 100 values):" +
            " narrow the grid", assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(
                List.of("gamma=" + hundred, "kappa=" + hundred, "order_size=" + hundred))).getMessage());
        assertEquals(10_000, SweepPlan.parse(List.of("gamma=" + hundred, "kappa=" + hundred)).combinations().size());
    }

    @Test
    void sweptQuoterParametersApplyToTheSweptQuoter()
    {
        // found by BacktestSettingsFuzzTest: the parameters were applied to the base quoter and that line came last,
        // so sweeping quoter=as-finite,glft with gamma ran the base quoter in every combination
        final Map<String, String> overrides = new java.util.LinkedHashMap<>();
        overrides.put("quoter", "as-finite");
        overrides.put("quoter.gamma", "0.2");
        assertEquals("# sweep overrides\nquoter=as-finite(gamma=0.2)\n", SweepPlan.configText("", "glft(gamma=0.05)", overrides));
        assertEquals("# sweep overrides\nquoter=as-finite\n", SweepPlan.configText("", "glft(gamma=0.05)", Map.of("quoter", "as-finite")));
    }

    @Test
    void aKeyOrValueCannotSmuggleASettingIntoTheCombinationsFile()
    {
        // found by BacktestSettingsFuzzTest: a ':' or space ended the key early in the file written (':' separates a key
        // from its value in a properties file), and a '\r' ended the value, so the file set what the plan never said
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("risk.admin_token:abc=1")))
            .getMessage().contains("bad key 'risk.admin_token:abc'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPlan.parse(List.of("quotes.replace ticks=1")))
            .getMessage().contains("bad key"));
        final String text = SweepPlan.configText("", "glft", Map.of("risk.admin_token", "a\rrisk.max_position=5"));
        assertEquals("# sweep overrides\nrisk.admin_token=a\\rrisk.max_position=5\n", text);
    }
}
