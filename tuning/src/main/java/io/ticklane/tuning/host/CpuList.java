package io.ticklane.tuning.host;

import java.util.BitSet;

/**
 * The kernel's CPU list syntax ({@code 0-3,8,10-11}), as used by {@code isolcpus}, {@code online} and
 * {@code smp_affinity_list}. Flags the kernel allows in front of {@code isolcpus} lists ({@code domain},
 * {@code managed_irq}, {@code nohz}) are skipped.
 */
public final class CpuList
{
    private CpuList()
    {
    }

    /**
     * @param text CPU list; may be empty.
     * @return the CPUs named.
     * @throws IllegalArgumentException when a range is malformed.
     */
    public static BitSet parse(final String text)
    {
        final BitSet cpus = new BitSet();
        for (final String rawPart : text.strip().split(","))
        {
            final String part = rawPart.strip();
            if (part.isEmpty() || !Character.isDigit(part.charAt(0)))
            {
                continue;
            }
            final int dash = part.indexOf('-');
            try
            {
                if (dash < 0)
                {
                    cpus.set(Integer.parseInt(part));
                }
                else
                {
                    final String last = part.substring(dash + 1).split(":")[0];
                    cpus.set(Integer.parseInt(part.substring(0, dash)), Integer.parseInt(last) + 1);
                }
            }
            catch (final NumberFormatException | IndexOutOfBoundsException ex)
            {
                throw new IllegalArgumentException("bad CPU list '" + text + "': " + part, ex);
            }
        }
        return cpus;
    }

    /**
     * @param cpus CPUs.
     * @return them in the kernel's syntax, e.g. {@code 0-3,8}; empty for none.
     */
    public static String format(final BitSet cpus)
    {
        final StringBuilder text = new StringBuilder();
        int start = cpus.nextSetBit(0);
        while (start >= 0)
        {
            final int end = cpus.nextClearBit(start) - 1;
            if (text.length() > 0)
            {
                text.append(',');
            }
            text.append(start);
            if (end > start)
            {
                text.append('-').append(end);
            }
            start = cpus.nextSetBit(end + 1);
        }
        return text.toString();
    }
}
