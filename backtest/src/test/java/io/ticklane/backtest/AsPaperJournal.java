package io.ticklane.backtest;

import io.ticklane.journal.queue.Direction;
import io.ticklane.journal.queue.JournalHeader;
import io.ticklane.journal.queue.JournalInstrument;
import io.ticklane.journal.queue.JournalWriter;
import io.ticklane.marketmaking.research.AsPaperSimulation;
import io.ticklane.sbe.AggressorSide;
import io.ticklane.sbe.L2Action;
import io.ticklane.sbe.L2SnapshotEncoder;
import io.ticklane.sbe.L2UpdateEncoder;
import io.ticklane.sbe.MessageHeaderEncoder;
import io.ticklane.sbe.Side;
import io.ticklane.sbe.TradeEncoder;
import io.ticklane.sbe.TradeType;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one path of the Avellaneda–Stoikov (2008) market as a journal the simulated venue can trade against: the
 * paper's binomial mid (s₀ = 100, ±σ√dt per step of dt = 5 ms, σ = 2, T = 1 s) on a grid of {@link #TICK} = 0.001
 * price units, and at every step one market buy and one market sell whose prints reach past a quote at distance δ
 * from the mid with probability min(1, A·dt·e^(−kδ)), the paper's per-step fill probability, cap included.
 * <p>
 * Per step i, at t = T0 + i·dt: the book is the mid ± {@link #HALF_BOOK_TICKS} (one level a side; only its mid
 * matters, and it is wide enough that no quote of ours ever crosses it), then, 1 µs later, a sell print at
 * mid − D_b and a buy print at mid + D_a, with D = (ln(A·dt) − ln U)/k for a fresh uniform U per side, so that
 * P(D &gt; δ) = P(U &lt; A·dt·e^(−kδ)). Under the venue's risk-averse queue (nothing displayed at our price, so a print
 * at or through it fills it) a quote at δ is filled in a step with exactly the paper's probability, up to the
 * 0.001 tick rounding of the quote and the print. Both prints carry the same time, so both see the quotes made at the
 * step's start (a requote after a fill reaches the venue only after the tie), as in the paper; the mid then moves.
 * Uniforms per step in the paper's order: bid, ask, move.
 */
final class AsPaperJournal
{
    /** Price units per tick. */
    static final double TICK = 0.001;
    /** Half width of the synthetic book, ticks (5 price units). */
    static final long HALF_BOOK_TICKS = 5_000;
    /** Start of every path, epoch ns. */
    static final long T0 = 1_700_000_000_000_000_000L;
    /** Steps of one path. */
    static final int STEPS = (int)Math.round(AsPaperSimulation.HORIZON_S / AsPaperSimulation.DT);
    /** One step, ns. */
    static final long STEP_NS = Math.round(AsPaperSimulation.DT * 1e9);

    private static final double MOVE = AsPaperSimulation.SIGMA * Math.sqrt(AsPaperSimulation.DT);
    private static final double LOG_A_DT = Math.log(AsPaperSimulation.A * AsPaperSimulation.DT);
    private static final long PRINT_DELAY_NS = 1_000;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final L2SnapshotEncoder snapshot = new L2SnapshotEncoder();
    private final L2UpdateEncoder update = new L2UpdateEncoder();
    private final TradeEncoder trade = new TradeEncoder();

    /**
     * @param dir    journal directory to create.
     * @param random the path's random numbers.
     * @return the path's terminal mid, ticks (what the venue marks the inventory at).
     * @throws IOException if the journal cannot be written.
     */
    long write(final Path dir, final SplittableRandom random) throws IOException
    {
        final JournalInstrument instrument = new JournalInstrument(1, "ASPAPER", 1, 1, (byte)-3, (byte)0);
        try (JournalWriter writer = JournalWriter.create(dir, JournalHeader.current(List.of(instrument), "none", "test",
            "Avellaneda-Stoikov 2008 synthetic market")))
        {
            double s = AsPaperSimulation.S0;
            long mid = Math.round(s / TICK);
            long sequence = 1;
            long tradeId = 0;
            for (int step = 0; step < STEPS; step++)
            {
                final long timeNs = T0 + step * STEP_NS;
                final long newMid = Math.round(s / TICK);
                if (0 == step)
                {
                    snapshot.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs)
                        .instrumentId(1).sequence(sequence);
                    snapshot.levelsCount(2)
                        .next().side(Side.BUY).price(newMid - HALF_BOOK_TICKS).quantity(1)
                        .next().side(Side.SELL).price(newMid + HALF_BOOK_TICKS).quantity(1);
                    append(writer, timeNs, snapshot.encodedLength());
                }
                else
                {
                    sequence++;
                    update.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs)
                        .instrumentId(1).sequence(sequence).prevSequence(sequence - 1);
                    update.levelsCount(4)
                        .next().side(Side.BUY).action(L2Action.DELETE).price(mid - HALF_BOOK_TICKS).quantity(0)
                        .next().side(Side.BUY).action(L2Action.NEW).price(newMid - HALF_BOOK_TICKS).quantity(1)
                        .next().side(Side.SELL).action(L2Action.DELETE).price(mid + HALF_BOOK_TICKS).quantity(0)
                        .next().side(Side.SELL).action(L2Action.NEW).price(newMid + HALF_BOOK_TICKS).quantity(1);
                    append(writer, timeNs, update.encodedLength());
                }
                mid = newMid;

                final double bidDraw = random.nextDouble();
                final double askDraw = random.nextDouble();
                final double moveDraw = random.nextDouble();
                final long printNs = timeNs + PRINT_DELAY_NS;
                print(writer, printNs, ++tradeId, mid - depthTicks(bidDraw), AggressorSide.SELL);
                print(writer, printNs, ++tradeId, mid + depthTicks(askDraw), AggressorSide.BUY);
                s += moveDraw < 0.5 ? MOVE : -MOVE;
            }
            // the path's last mid s_T, at T: the inventory is marked there
            final long endNs = T0 + STEPS * STEP_NS;
            final long lastMid = Math.round(s / TICK);
            sequence++;
            update.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(endNs).receiveTimeNs(endNs)
                .instrumentId(1).sequence(sequence).prevSequence(sequence - 1);
            update.levelsCount(4)
                .next().side(Side.BUY).action(L2Action.DELETE).price(mid - HALF_BOOK_TICKS).quantity(0)
                .next().side(Side.BUY).action(L2Action.NEW).price(lastMid - HALF_BOOK_TICKS).quantity(1)
                .next().side(Side.SELL).action(L2Action.DELETE).price(mid + HALF_BOOK_TICKS).quantity(0)
                .next().side(Side.SELL).action(L2Action.NEW).price(lastMid + HALF_BOOK_TICKS).quantity(1);
            append(writer, endNs, update.encodedLength());
            return lastMid;
        }
    }

    /**
     * @param uniform U in [0, 1).
     * @return D/tick rounded, D = (ln(A·dt) − ln U)/k: P(D &gt; δ) = min(1, A·dt·e^(−kδ)).
     */
    static long depthTicks(final double uniform)
    {
        final double u = Math.max(uniform, Double.MIN_NORMAL);
        return Math.round((LOG_A_DT - Math.log(u)) / AsPaperSimulation.K / TICK);
    }

    private void print(final JournalWriter writer, final long timeNs, final long tradeId, final long price,
        final AggressorSide aggressor)
    {
        trade.wrapAndApplyHeader(buffer, 0, header).exchangeTimeNs(timeNs).receiveTimeNs(timeNs).instrumentId(1)
            .sequence(tradeId).tradeId(tradeId).priceUnits(price).quantity(1).aggressorSide(aggressor)
            .tradeType(TradeType.REGULAR);
        append(writer, timeNs, trade.encodedLength());
    }

    private void append(final JournalWriter writer, final long timeNs, final int bodyLength)
    {
        writer.append(Direction.IN, 1, timeNs, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
