package io.ticklane.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteCommandTest
{
    @Test
    void glftPublishedVectorIsPrintedWithRoundedQuotes()
    {
        // hftbacktest GLFT tutorial vector: half-spread 20.472091, skew 9.763274 per lot; q = 2:
        // r = 100000 − 19.526548 = 99980.473452; bid 99960.0014 → 99960; ask 100000.9455 → 100001.
        final CliRun run = CliRun.run("quote", "--model", "glft(gamma=0.05,order_size=1)", "--mid", "100000",
            "--inventory", "2", "--sigma", "10.69", "--a", "2.98616", "--k", "0.0423574");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("reservation  99980.4734"), run.out);
        assertTrue(run.out.contains("half-spread  20.47209"), run.out);
        assertTrue(run.out.contains("skew         19.52654"), run.out);
        assertTrue(run.out.contains("bid          99960 x 1"), run.out);
        assertTrue(run.out.contains("ask          100001 x 1"), run.out);
    }

    @Test
    void jsonCarriesTheTakeOrderOfTheHedgingModel()
    {
        // as-hedge, q = 6 ≥ threshold 5, target 0, max_take 2: sell 2 at best bid 99 − collar 1 = 98; no bid.
        final CliRun run = CliRun.run("quote", "--model",
            "as-hedge(gamma=0.1,sigma=2,k=1.5,hedge_threshold=5,max_take=2,collar_ticks=1)",
            "--mid", "100", "--inventory", "6", "--best-bid", "99", "--best-ask", "101", "--json");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        final String out = run.out.replaceAll("\\s", "");
        assertTrue(out.contains("\"bid\":null"), run.out);
        assertTrue(out.contains("\"take\":{\"side\":\"SELL\",\"price\":98,\"size\":2}"), run.out);
    }

    @Test
    void fixedSkewsByInventoryAndStaysPostOnly()
    {
        // mid 100.5, q = 3, S = 1, H = 2: r = 97.5; bid 95.5 → 95; ask 99.5 → 100, at the best bid: post-only 101.
        final CliRun run = CliRun.run("quote", "--model", "fixed(half_spread_ticks=2,skew_ticks_per_lot=1,size=2)",
            "--mid", "100.5", "--inventory", "3", "--best-bid", "100", "--best-ask", "101");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("reservation  97.5000"), run.out);
        assertTrue(run.out.contains("bid          95 x 2"), run.out);
        assertTrue(run.out.contains("ask          101 x 2"), run.out);
    }

    @Test
    void touchQuotesTheOneSideOfAOneSidedBook()
    {
        final CliRun run = CliRun.run("quote", "--model", "touch(offset_ticks=1)", "--mid", "100", "--inventory", "0",
            "--best-bid", "99");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("bid          99 x 1"), run.out);
        assertTrue(run.out.contains("ask          none"), run.out);
    }

    @Test
    void gridPrintsEveryLevel()
    {
        // mid 100.5, step 2: bids on the even prices below it, 100, 98, 96; asks above it, 102, 104, 106
        final CliRun run = CliRun.run("quote", "--model", "grid(levels=3,step_ticks=2,size=4)", "--mid", "100.5",
            "--inventory", "0", "--best-bid", "100", "--best-ask", "101");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("bid          100 x 4"), run.out);
        assertTrue(run.out.contains("ask          102 x 4"), run.out);
        assertTrue(run.out.contains("level 1      bid 98 x 4, ask 104 x 4"), run.out);
        assertTrue(run.out.contains("level 2      bid 96 x 4, ask 106 x 4"), run.out);

        final CliRun json = CliRun.run("quote", "--model", "grid(levels=2,size=4)", "--mid", "100.5",
            "--inventory", "0", "--best-bid", "100", "--best-ask", "101", "--json");
        assertEquals(ExitCodes.OK, json.exitCode, json.toString());
        assertTrue(json.out.replaceAll("\\s", "").contains(
            "\"bidLevels\":[{\"price\":100,\"size\":4},{\"price\":99,\"size\":4}]"), json.out);
    }

    @Test
    void missingInputsSayWhyThereIsNoQuote()
    {
        final CliRun run = CliRun.run("quote", "--model", "glft", "--mid", "100", "--inventory", "0");
        assertEquals(ExitCodes.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("no quote"), run.out);
    }

    @Test
    void badInputIsExitCodeTwo()
    {
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "glft(gama=1)", "--mid", "100", "--inventory", "0").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "nope", "--mid", "100", "--inventory", "0").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "glft", "--mid", "NaN", "--inventory", "0").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "glft", "--mid", "100", "--inventory", "0",
            "--best-bid", "101", "--best-ask", "100").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "glft", "--mid", "100").exitCode);
        assertEquals(ExitCodes.BAD_INPUT, CliRun.run("quote", "--model", "glft", "--mid", "100", "--inventory", "0",
            "--k", "-1").exitCode);
    }
}
