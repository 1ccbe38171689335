package io.ticklane.gateway.feed.kraken;

import io.ticklane.orderbook.BookState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.ticklane.gateway.feed.kraken.KrakenMessages.asksUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.bidsUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.bothUpdate;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.level;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.republished;
import static io.ticklane.gateway.feed.kraken.KrakenMessages.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample files for {@code ticklane feed kraken --verify-file} (one Kraken v1 message per line) are generated here
 * from {@link ReferenceBook}, the independent model, so every checksum in them is the reference's, and the first
 * update is Kraken's documented example (974947235). The committed files must equal what this test generates; run
 * with {@code -Dticklane.kraken.sample.update=true} to rewrite them.
 */
class KrakenSampleFileTest
{
    static final Path CLEAN = Path.of("src/test/resources/kraken/xbtusd-book10.jsonl");
    static final Path CORRUPTED = Path.of("src/test/resources/kraken/xbtusd-book10-corrupted.jsonl");
    private static final String VOL = "0.00000500";
    private static final String ZERO = "0.00000000";

    @Test
    void committedSamplesAreTheGeneratedOnes() throws IOException
    {
        check(CLEAN, clean(new ReferenceBook(10)));
        check(CORRUPTED, corrupted());
    }

    @Test
    void cleanSampleVerifiesEveryChecksum() throws IOException
    {
        final KrakenFileVerification.Result result = verify(CLEAN);
        assertEquals("updates=7 checksums_ok=7 checksums_failed=0 resyncs=0 crossed=0", result.counters().summaryLine());
        assertEquals(BookState.LIVE, result.finalState());
        assertTrue(result.passed());
    }

    @Test
    void corruptedSampleFailsOneChecksumIgnoresOneUpdateAndResyncsOnTheFreshSnapshot() throws IOException
    {
        final KrakenFileVerification.Result result = verify(CORRUPTED);
        assertEquals("updates=10 checksums_ok=8 checksums_failed=1 resyncs=1 crossed=0", result.counters().summaryLine());
        assertEquals(1, result.counters().ignoredWhileNotLive());
        assertEquals(1, result.counters().resubscribeRequests());
        assertEquals(BookState.LIVE, result.finalState());
        assertFalse(result.passed());
    }

    private static KrakenFileVerification.Result verify(final Path file) throws IOException
    {
        return new KrakenFileVerification(new KrakenBookContext().pair("XBT/USD").depth(10), (t, b, o, l) -> { }).run(file);
    }

    private static void check(final Path file, final List<String> lines) throws IOException
    {
        final String text = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("ticklane.kraken.sample.update"))
        {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        assertEquals(text, Files.readString(file, StandardCharsets.UTF_8), file + ": regenerate with -Dticklane.kraken.sample.update=true");
    }

    private static List<String> clean(final ReferenceBook book)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("{\"connectionID\":18266300427528990701,\"event\":\"systemStatus\",\"status\":\"online\",\"version\":\"1.9.2\"}");
        lines.add(subscribed(336));
        final List<String[]> asks = new ArrayList<>();
        for (final String price : new String[] {
            "0.05005", "0.05010", "0.05015", "0.05020", "0.05025", "0.05030", "0.05035", "0.05040", "0.05045", "0.05050" })
        {
            asks.add(level(price, "0.05050".equals(price) ? "0.00001000" : VOL));
        }
        final List<String[]> bids = new ArrayList<>();
        for (final String price : new String[] {
            "0.05000", "0.04995", "0.04990", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955", "0.04950" })
        {
            bids.add(level(price, VOL));
        }
        book.clear();
        asks.forEach((l) -> book.ask(l[0], l[1]));
        bids.forEach((l) -> book.bid(l[0], l[1]));
        lines.add(snapshot(asks, bids));

        book.ask("0.05050", VOL);
        assertEquals(974_947_235L, book.checksum(), "the documented example's book");
        lines.add(asksUpdate(List.<String[]>of(level("0.05050", VOL)), book.checksum()));
        lines.add("{\"event\":\"heartbeat\"}");

        book.bid("0.04985", VOL);
        lines.add(bidsUpdate(List.<String[]>of(level("0.04985", VOL)), book.checksum()));
        book.bid("0.05000", ZERO);
        lines.add(bidsUpdate(List.<String[]>of(level("0.05000", ZERO)), book.checksum()));
        book.bid("0.04950", VOL);
        lines.add(bidsUpdate(List.<String[]>of(republished("0.04950", VOL)), book.checksum()));

        book.ask("0.05005", ZERO);
        book.ask("0.05055", "1.25000000");
        book.bid("0.04995", "0.00200000");
        lines.add(bothUpdate(List.of(level("0.05005", ZERO), level("0.05055", "1.25000000")),
            List.<String[]>of(level("0.04995", "0.00200000")), book.checksum()));
        book.ask("0.05001", "0.31415926");
        lines.add(asksUpdate(List.<String[]>of(level("0.05001", "0.31415926")), book.checksum()));
        book.ask("0.05010", "0.00000700");
        book.ask("0.05010", "0.00000600");
        lines.add(asksUpdate(List.of(level("0.05010", "0.00000700"), level("0.05010", "0.00000600")), book.checksum()));
        return lines;
    }

    private static List<String> corrupted()
    {
        final ReferenceBook book = new ReferenceBook(10);
        final List<String> lines = clean(book);
        book.bid("0.04999", "0.10000000");
        lines.add(bidsUpdate(List.<String[]>of(level("0.04999", "0.10000000")), book.checksum() ^ 0x10));
        book.bid("0.04999", ZERO);
        lines.add(bidsUpdate(List.<String[]>of(level("0.04999", ZERO)), book.checksum()));
        lines.add("{\"channelID\":336,\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\"," +
            "\"status\":\"unsubscribed\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}");
        lines.add(subscribed(337));
        lines.add(snapshot(book.asks(), book.bids()));
        book.bid("0.04990", "0.00000900");
        lines.add(bidsUpdate(List.<String[]>of(level("0.04990", "0.00000900")), book.checksum()));
        return lines;
    }

    private static String subscribed(final int channelId)
    {
        return "{\"channelID\":" + channelId + ",\"channelName\":\"book-10\",\"event\":\"subscriptionStatus\",\"pair\":\"XBT/USD\"," +
            "\"status\":\"subscribed\",\"subscription\":{\"depth\":10,\"name\":\"book\"}}";
    }
}
