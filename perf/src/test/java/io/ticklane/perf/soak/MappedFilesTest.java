package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MappedFilesTest
{
    private static final String MAPS = """
        55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1234                       /usr/lib/jvm/bin/java
        7f5800c00000-7f5802401000 rw-s 00000000 fe:00 2146704                    /soak/aeron/publications/7.logbuffer
        7f5807400000-7f5857400000 rw-s 00000000 fe:00 2146702                    /soak/runs/1/journal/20261206F.cq4
        7f5857400000-7f5857500000 rw-s 05000000 fe:00 2146702                    /soak/runs/1/journal/20261206F.cq4
        7f5860000000-7f5860021000 rw-p 00000000 00:00 0
        7f5861000000-7f5861001000 r--s 00000000 fe:00 2146705                    /soak/runs/1/journal/metadata.cq4t
        7f5862000000-7f5862002000 rw-s 00000000 fe:00 2146706                    /soak/runs/1/journal2/other.cq4
        7f5863000000-7f5863004000 rw-s 00000000 fe:00 2146707                    /soak/runs/1/journal/old chunk.cq4 (deleted)
        7ffd1c5e0000-7ffd1c601000 rw-p 00000000 00:00 0                          [stack]
        """;

    @Test
    void sumsTheMappingsOfFilesBelowTheDirectoryOnly()
    {
        final long bytes = MappedFiles.bytesUnder(MAPS, "/soak/runs/1/journal");

        // 0x50000000 + 0x100000 for the queue file, 0x1000 for the metadata, 0x4000 for the deleted chunk;
        // not journal2's file, not the driver's log buffer, not anonymous memory
        assertEquals(0x5000_0000L + 0x10_0000L + 0x1000L + 0x4000L, bytes);
    }

    @Test
    void aTrailingSlashOrNoMatchChangesNothing()
    {
        assertEquals(MappedFiles.bytesUnder(MAPS, "/soak/runs/1/journal"),
            MappedFiles.bytesUnder(MAPS, "/soak/runs/1/journal/"));
        assertEquals(0, MappedFiles.bytesUnder(MAPS, "/elsewhere"));
        assertEquals(0, MappedFiles.bytesUnder("", "/soak"));
    }

    @Test
    void aMatchingLineWithoutAnAddressRangeIsRefused()
    {
        assertThrows(IllegalArgumentException.class,
            () -> MappedFiles.bytesUnder("garbage rw-s 0 fe:00 1 /soak/x.cq4\n", "/soak"));
        assertThrows(IllegalArgumentException.class,
            () -> MappedFiles.bytesUnder("7f00-7fzz rw-s 0 fe:00 1 /soak/x.cq4\n", "/soak"));
    }
}
