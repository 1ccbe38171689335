package io.ticklane.gateway.feed.kraken;

import java.util.List;

/**
 * Builds Kraken v1 book messages in the documented shapes for tests and for the sample verify file:
 * {@code [channelID, {"as":[...],"bs":[...]}, "book-10", pair]} and
 * {@code [channelID, {"a":[...]}, {"b":[...],"c":"..."}, "book-10", pair]}. A level is {price, volume} or
 * {price, volume, "r"} for a republished update.
 */
final class KrakenMessages
{
    static final String PAIR = "XBT/USD";
    static final int CHANNEL_ID = 336;
    static final String TIMESTAMP = "1582905487.684110";

    private KrakenMessages()
    {
    }

    static String snapshot(final List<String[]> asks, final List<String[]> bids)
    {
        return "[" + CHANNEL_ID + ",{\"as\":" + levels(asks) + ",\"bs\":" + levels(bids) + "},\"book-10\",\"" + PAIR + "\"]";
    }

    static String asksUpdate(final List<String[]> asks, final long checksum)
    {
        return "[" + CHANNEL_ID + ",{\"a\":" + levels(asks) + ",\"c\":\"" + checksum + "\"},\"book-10\",\"" + PAIR + "\"]";
    }

    static String bidsUpdate(final List<String[]> bids, final long checksum)
    {
        return "[" + CHANNEL_ID + ",{\"b\":" + levels(bids) + ",\"c\":\"" + checksum + "\"},\"book-10\",\"" + PAIR + "\"]";
    }

    static String bothUpdate(final List<String[]> asks, final List<String[]> bids, final long checksum)
    {
        return "[" + CHANNEL_ID + ",{\"a\":" + levels(asks) + "},{\"b\":" + levels(bids) + ",\"c\":\"" + checksum + "\"},\"book-10\",\"" +
            PAIR + "\"]";
    }

    static String levels(final List<String[]> levels)
    {
        final StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < levels.size(); i++)
        {
            final String[] level = levels.get(i);
            text.append(i > 0 ? "," : "").append("[\"").append(level[0]).append("\",\"").append(level[1]).append("\",\"")
                .append(TIMESTAMP).append('"');
            if (level.length > 2)
            {
                text.append(",\"").append(level[2]).append('"');
            }
            text.append(']');
        }
        return text.append(']').toString();
    }

    static String[] level(final String price, final String volume)
    {
        return new String[] { price, volume };
    }

    static String[] republished(final String price, final String volume)
    {
        return new String[] { price, volume, "r" };
    }
}
