package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatusTest
{
    private static final String STATUS = """
        Name:\tjava
        Umask:\t0022
        State:\tS (sleeping)
        VmPeak:\t 9123456 kB
        VmHWM:\t  812345 kB
        VmRSS:\t  801234 kB
        RssAnon:\t  268000 kB
        RssFile:\t  533000 kB
        RssShmem:\t     234 kB
        VmData:\t 1234567 kB
        Threads:\t31
        """;

    @Test
    void readsTheResidentSetAndItsThreeParts()
    {
        final ProcStatus status = ProcStatus.parse(STATUS);

        assertEquals(new ProcStatus(801_234, 268_000, 533_000, 234), status);
    }

    @Test
    void aFieldTheKernelDoesNotPrintIsMinusOne()
    {
        final ProcStatus status = ProcStatus.parse("Name:\tjava\nVmRSS:\t  1024 kB\n");

        assertEquals(new ProcStatus(1024, -1, -1, -1), status);
    }

    @Test
    void aResidentLineThatIsNotKilobytesIsRefusedNamingTheLine()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> ProcStatus.parse("VmRSS:\t  lots kB\n"));

        assertTrue(ex.getMessage().contains("VmRSS:\t  lots kB"), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcStatus.parse("RssAnon:\t 12 pages\n"));
    }

    @Test
    void thisProcessHasAResidentSetOnLinux() throws Exception
    {
        final ProcStatus self = ProcStatus.readSelf(new ProcText());

        if (ProcStatus.UNAVAILABLE != self)
        {
            assertTrue(self.vmRssKb() > 0 && self.rssAnonKb() > 0 && self.vmRssKb() >= self.rssAnonKb(), self.toString());
        }
    }
}
