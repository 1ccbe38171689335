package io.ticklane.tuning.host;

import org.junit.jupiter.api.Test;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuListTest
{
    @Test
    void rangesAndSinglesRoundTrip()
    {
        final BitSet cpus = CpuList.parse("0-3,8,10-11\n");

        assertEquals(7, cpus.cardinality());
        assertEquals("0-3,8,10-11", CpuList.format(cpus));
    }

    @Test
    void isolcpusFlagsAreSkippedAndEmptyIsNone()
    {
        assertEquals("2-4", CpuList.format(CpuList.parse("managed_irq,domain,2-4")));
        assertTrue(CpuList.parse("").isEmpty());
    }

    @Test
    void garbledRangeIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> CpuList.parse("2-x"));
    }
}
