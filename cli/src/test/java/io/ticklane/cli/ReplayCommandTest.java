package io.ticklane.cli;

import io.ticklane.journal.RealData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest
{
    @TempDir
    Path tmp;

    private Path journal;
    private Path config;

    @BeforeEach
    void importCapture() throws IOException
    {
        journal = tmp.resolve("usdm");
        final CliRun imported = CliRun.run("import", "binance",
            "--input", RealData.file("binance/usdm/btcusdt_20240718.gz").toString(),
            "--instrument", "BTCUSDT", "--out", journal.toString());
        assertEquals(ExitCodes.OK, imported.exitCode, imported.toString());
        config = write("glft.properties",
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nquoter=glft(gamma=0.05,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=10)\n");
    }

    @Test
    void twoReplaysOfOneJournalGiveTheSameHash()
    {
        final CliRun first = CliRun.run("replay", "--journal", journal.toString(), "--config", config.toString());
        final CliRun second = CliRun.run("replay", "--journal", journal.toString(), "--config", config.toString());

        assertEquals(ExitCodes.OK, first.exitCode, first.toString());
        assertTrue(first.lastLine().matches("sha256=[0-9a-f]{64}"), first.lastLine());
        assertTrue(first.out.contains("inbound=11410 "), first.out);
        assertTrue(first.out.contains(" new=2 "), "no venue answers: the two first quotes stay in flight\n" + first.out);
        assertEquals(first.lastLine(), second.lastLine());
    }

    @Test
    void anotherQuoterGivesAnotherHash() throws IOException
    {
        final Path asFinite = write("as.properties",
            "risk.max_order_quantity=1000\nrisk.max_notional=100000000000\n" +
            "risk.price_collar_ticks=1000\nquoter=as-finite(gamma=0.05,horizon_s=60,sigma_fallback=1,k_fallback=1,order_size=10)\n");

        final CliRun glft = CliRun.run("replay", "--journal", journal.toString(), "--config", config.toString());
        final CliRun finite = CliRun.run("replay", "--journal", journal.toString(), "--config", asFinite.toString());

        assertEquals(ExitCodes.OK, finite.exitCode, finite.toString());
        assertNotEquals(glft.lastLine(), finite.lastLine());
    }

    @Test
    void configForAnotherInstrumentIsBadInput() throws IOException
    {
        final Path other = write("other.properties", "instrument.id=42\n");

        final CliRun run = CliRun.run("replay", "--journal", journal.toString(), "--config", other.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("instrument.id=42 but journal"), run.err);
    }

    @Test
    void badConfigIsBadInputNamingTheKey() throws IOException
    {
        final Path bad = write("bad.properties", "quotes.replace_tiks=2\n");

        final CliRun run = CliRun.run("replay", "--journal", journal.toString(), "--config", bad.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("quotes.replace_tiks"), run.err);
    }

    @Test
    void missingJournalIsBadInput()
    {
        final CliRun run = CliRun.run("replay", "--journal", tmp.resolve("nope").toString(), "--config", config.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exitCode, run.toString());
    }

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(tmp.resolve(name), content);
    }
}
