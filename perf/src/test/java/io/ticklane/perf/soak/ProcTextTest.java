package io.ticklane.perf.soak;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcTextTest
{
    @TempDir
    Path tmp;

    @Test
    void aFileLargerThanTheBufferIsReadWholeAndTheBufferIsReused() throws Exception
    {
        final Path large = tmp.resolve("maps");
        final String line = "7f5807400000-7f5857400000 rw-s 00000000 fe:00 2146702   /soak/journal/20261206F.cq4\n";
        Files.writeString(large, line.repeat(2_000)); // 170 kB, over the first buffer
        final Path small = tmp.resolve("status");
        Files.writeString(small, "VmRSS:\t 1024 kB\n");
        final ProcText text = new ProcText();

        assertTrue(text.read(large));
        assertEquals(line.length() * 2_000, text.length());
        assertEquals(line.repeat(2_000), text.toString());
        assertEquals(2_000L * 0x5000_0000L, MappedFiles.bytesUnder(text, "/soak/journal"));

        assertTrue(text.read(small));
        assertEquals("VmRSS:\t 1024 kB\n", text.toString());
        assertEquals(1024, ProcStatus.parse(text).vmRssKb());
    }

    @Test
    void aFileThatCannotBeReadIsNoTextNotAnError() throws Exception
    {
        final ProcText text = new ProcText();

        assertFalse(text.read(tmp.resolve("no-such-file")));
        assertEquals(0, text.length());
    }
}
