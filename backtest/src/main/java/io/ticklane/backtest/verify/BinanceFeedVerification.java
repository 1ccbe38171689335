package io.ticklane.backtest.verify;

import io.ticklane.gateway.feed.binance.BinanceFeed;
import io.ticklane.gateway.feed.binance.BinanceFeedAgent;
import io.ticklane.gateway.feed.binance.BinanceFeedContext;
import io.ticklane.journal.reader.binance.TickLotSizes;
import io.ticklane.orderbook.OrderBook;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.MessageHandler;

import java.net.http.HttpClient;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code feed binance --verify}: runs the live Binance feed handler until the venue closes the stream normally
 * ({@code feed serve} does at the end of its capture) and puts every frame it publishes through the same
 * {@link BinanceTopOfBookCheck} {@code book verify} uses, so the handler's tallies over a socket and the reader's over
 * the file are computed by one piece of code and can be compared one to one.
 */
public final class BinanceFeedVerification
{
    private BinanceFeedVerification()
    {
    }

    /**
     * @param context   handler settings; {@code stopOnNormalClose} is set here, and unless given, giving up after 8
     *                  connection attempts in a row that never opened (about 13 s of backoff), so a stand-in that is
     *                  gone ends the run instead of hanging it.
     * @param client    HTTP client for the WebSocket and the REST snapshots.
     * @param publisher wraps the check into the sink the handler writes to (e.g. to publish to Aeron as well).
     * @param stop      polled every duty cycle; true ends the run early.
     * @return the outcome with the handler that produced it.
     */
    public static Outcome run(
        final BinanceFeedContext context,
        final HttpClient client,
        final Function<MessageHandler, MessageHandler> publisher,
        final BooleanSupplier stop)
    {
        context.stopOnNormalClose(true);
        if (0 == context.giveUpAfterFailedConnects())
        {
            context.giveUpAfterFailedConnects(8);
        }
        final TickLotSizes sizes = BinanceFeed.sizes(context, client);
        final BinanceTopOfBookCheck check = new BinanceTopOfBookCheck(context.instrumentId());
        final BinanceFeedAgent agent = BinanceFeed.run(
            context, sizes, publisher.apply(check::onFrame), client, new BackoffIdleStrategy(), stop);
        return new Outcome(check.finish(sizes, agent.decoder().counters()), agent, check.book());
    }

    /**
     * @param result the verification.
     * @param agent  the handler, stopped, for its wire counters.
     * @param book   the book the handler's frames built, as it ended.
     */
    public record Outcome(BinanceVerification.Result result, BinanceFeedAgent agent, OrderBook book)
    {
    }
}
