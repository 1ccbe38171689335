package io.ticklane.runtime.daemon;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ticklane.gateway.transport.FrameRefusal;
import io.ticklane.gateway.transport.InboundFrameValidator;
import io.ticklane.gateway.transport.InboundStamp;
import io.ticklane.gateway.transport.StreamRole;
import io.ticklane.marketmaking.config.StrategyConfig;
import io.ticklane.marketmaking.strategy.QuotingStrategy;
import io.ticklane.sbe.AdminCommandDecoder;
import io.ticklane.sbe.ExecType;
import io.ticklane.sbe.ExecutionReportDecoder;
import io.ticklane.sbe.InstrumentDefinitionEncoder;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.MessageHeaderDecoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.NewOrderDecoder;
import io.ticklane.sbe.ReplaceOrderDecoder;
import io.ticklane.sbe.Side;
import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile frames through the daemon's edge into the strategy, as the receiver and the trading agent take them: each
 * frame is validated for the stream role it came on ({@link InboundFrameValidator}), an AdminCommand from outside is
 * authenticated ({@link AdminAuthenticator}), an accepted frame is stamped ({@link InboundStamp}) and handed to a
 * {@link QuotingStrategy} that holds a book and working quotes. Findings:
 * <ul>
 *     <li>any exception from the validator, the authenticator or the strategy on a frame the edge let in (the trading
 *     agent would contain it, but halting on hostile bytes is a wedge by another name);</li>
 *     <li>a position that moves on anything but a fill of an order the strategy had sent, or a STATUS report while
 *     the strategy waits for the venue's answer to its own order status request (the venue's truth, by design);</li>
 *     <li>an AdminCommand from outside that reaches the strategy without the operator's token.</li>
 * </ul>
 * Input: a mode byte (bit 0: an L3 book rather than L2), then frames, each a role byte (0 market data, 1 reports,
 * 2 admin: the streams outsiders can publish on), a 16-bit big-endian length and that many bytes. Every input starts
 * from a fresh strategy given an instrument definition and a two-sided snapshot, so it quotes and the fuzzer has
 * order ids to aim fills at. Time is the input's own: 1 ms a frame from a fixed start, so a finding replays.
 * Corpus: src/test/resources/io/ticklane/runtime/daemon/InboundFrameFuzzTestInputs/&lt;method&gt;/.
 */
class InboundFrameFuzzTest
{
    private static final int INSTRUMENT = 1;
    private static final int SLOT_CAPACITY = 512;
    private static final long START_NS = 1_700_000_000_000_000_000L;
    private static final long FRAME_NS = 1_000_000L;
    private static final String TOKEN = "fuzz-operator-token-0123456789";
    private static final StreamRole[] ROLES = {StreamRole.MARKET_DATA, StreamRole.REPORTS, StreamRole.ADMIN};
    private static final String CONFIG = "instrument.id=" + INSTRUMENT + "\n" +
        "quoter=glft(gamma=0.1,sigma_fallback=1,a_fallback=1,k_fallback=1,order_size=2)\n" +
        "risk.max_order_quantity=10\nrisk.max_position=50\nrisk.max_notional=100000000000\nrisk.price_collar_ticks=1000\n" +
        // small books: a fresh strategy per input must cost microseconds, not the default books' megabytes
        "book.ladder_capacity=256\nbook.max_orders=1024\norders.capacity=16\n";

    private static Path dir;
    private static StrategyConfig l2;
    private static StrategyConfig l3;
    private static OperatorToken token;

    private final InboundFrameValidator validator = new InboundFrameValidator(SLOT_CAPACITY);
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[SLOT_CAPACITY]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final MessageHeaderDecoder sentHeader = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final ReplaceOrderDecoder replace = new ReplaceOrderDecoder();
    /** Every client order id the strategy sent in this input: a fill of any may be its own (even a late one). */
    private final LongHashSet sent = new LongHashSet();

    @BeforeAll
    static void configure() throws IOException
    {
        dir = Files.createTempDirectory("inbound-frame-fuzz");
        l2 = StrategyConfig.load(Files.writeString(dir.resolve("l2.properties"), CONFIG));
        l3 = StrategyConfig.load(Files.writeString(dir.resolve("l3.properties"), CONFIG + "book.type=l3\n"));
        final Path tokenFile = Files.writeString(dir.resolve("admin.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        token = OperatorToken.fromFile(tokenFile);
    }

    @AfterAll
    static void clean() throws IOException
    {
        for (final String name : new String[]{"l2.properties", "l3.properties", "admin.token"})
        {
            Files.deleteIfExists(dir.resolve(name));
        }
        Files.deleteIfExists(dir);
    }

    @FuzzTest
    void hostileFramesAreRefusedOrTakenWithoutAnExceptionOrAPhantomPosition(final byte[] data)
    {
        final boolean l3Book = data.length > 0 && 0 != (data[0] & 1);
        sent.clear();
        final QuotingStrategy strategy = (l3Book ? l3 : l2).newStrategy((type, buffer, index, length) ->
        {
            sentHeader.wrap(buffer, index);
            if (NewOrderDecoder.TEMPLATE_ID == sentHeader.templateId())
            {
                sent.add(newOrder.wrapAndApplyHeader(buffer, index, sentHeader).clientOrderId());
            }
            else if (ReplaceOrderDecoder.TEMPLATE_ID == sentHeader.templateId())
            {
                sent.add(replace.wrapAndApplyHeader(buffer, index, sentHeader).clientOrderId());
            }
        });
        final AtomicCounter rejected = counter();
        final AtomicCounter throttled = counter();
        final AdminAuthenticator authenticator =
            new AdminAuthenticator(token, new AdminThrottle(5, 60_000_000_000L, 60_000_000_000L), rejected, throttled);
        long nowNs = START_NS;
        assertTrue(take(strategy, authenticator, StreamRole.MARKET_DATA, definition(nowNs), nowNs), "definition");
        nowNs += FRAME_NS;
        assertTrue(take(strategy, authenticator, StreamRole.MARKET_DATA, snapshot(nowNs), nowNs), "snapshot");
        if (!l3Book)
        {
            assertTrue(sent.size() >= 2, "the strategy quotes both sides before the fuzzed frames: " + sent);
        }

        int at = 1;
        while (at + 3 <= data.length)
        {
            final StreamRole role = ROLES[(data[at] & 0xFF) % ROLES.length];
            final int length = Math.min(((data[at + 1] & 0xFF) << 8) | (data[at + 2] & 0xFF), data.length - at - 3);
            final int kept = Math.min(length, SLOT_CAPACITY);
            slot.setMemory(0, SLOT_CAPACITY, (byte)0);
            slot.putBytes(0, data, at + 3, kept);
            at += 3 + length;
            nowNs += FRAME_NS;
            take(strategy, authenticator, role, length, nowNs);
        }
    }

    /**
     * One frame, already in the slot, as the receiver and then the trading agent take it.
     *
     * @return true if the edge let it in.
     */
    private boolean take(
        final QuotingStrategy strategy, final AdminAuthenticator authenticator, final StreamRole role, final int length,
        final long nowNs)
    {
        final int refusal = validator.validate(role, slot, 0, length);
        if (FrameRefusal.ACCEPTED != refusal)
        {
            return false;
        }
        final int templateId = header.wrap(slot, 0).templateId();
        if (AdminCommandDecoder.TEMPLATE_ID == templateId)
        {
            final boolean tokenInFrame = token.matches(slot, MessageHeaderDecoder.ENCODED_LENGTH +
                AdminCommandDecoder.authTokenEncodingOffset());
            if (!authenticator.authenticate(slot, 0, length, nowNs))
            {
                return false;
            }
            assertTrue(tokenInFrame, "an admin command without the operator's token was let in");
        }
        InboundStamp.stamp(templateId, slot, 0, nowNs);

        final long positionBefore = strategy.position().position();
        final boolean isReport = ExecutionReportDecoder.TEMPLATE_ID == templateId;
        final boolean fillOfOurs = isReport && sent.contains(report.wrapAndApplyHeader(slot, 0, header).clientOrderId());
        // the venue's answer to an order status request is its truth: an order unknown here that it reports filled
        // is booked (sent just before a crash, never recorded); only a request this side made opens that door
        final boolean statusAnswer = isReport && ExecType.STATUS.value() == report.execTypeRaw() &&
            strategy.reconciliation().inProgress();
        try
        {
            strategy.onMessage(templateId, slot, 0, length);
        }
        catch (final RuntimeException ex)
        {
            fail("the strategy threw on a frame the edge let in (" + role + ", template " + templateId + ", " + length +
                " bytes): " + ex, ex);
        }
        final long positionAfter = strategy.position().position();
        if (positionAfter != positionBefore && !fillOfOurs && !statusAnswer)
        {
            assertEquals(positionBefore, positionAfter, "the position moved on template " + templateId + " from " + role +
                ", which is no fill of an order the strategy sent");
        }
        return true;
    }

    private int definition(final long nowNs)
    {
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(slot, 0, headerEncoder).exchangeTimeNs(nowNs).receiveTimeNs(0).instrumentId(INSTRUMENT)
            .sequence(0).symbol("FUZZ").priceExponent((byte)-2).tickSize(1).quantityExponent((byte)0).lotSize(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    private int snapshot(final long nowNs)
    {
        final L2SnapshotEncoder snapshot = new L2SnapshotEncoder().wrapAndApplyHeader(slot, 0, headerEncoder)
            .exchangeTimeNs(nowNs).receiveTimeNs(0).instrumentId(INSTRUMENT).sequence(1);
        final L2SnapshotEncoder.LevelsEncoder levels = snapshot.levelsCount(4);
        levels.next().side(Side.BUY).price(9_999).quantity(10);
        levels.next().side(Side.BUY).price(9_998).quantity(20);
        levels.next().side(Side.SELL).price(10_001).quantity(10);
        levels.next().side(Side.SELL).price(10_002).quantity(20);
        return MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength();
    }

    private static AtomicCounter counter()
    {
        return new AtomicCounter(new UnsafeBuffer(new byte[128]), 0);
    }
}
