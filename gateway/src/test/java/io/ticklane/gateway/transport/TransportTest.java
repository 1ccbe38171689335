package io.ticklane.gateway.transport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportTest
{
    @TempDir
    Path tmp;

    @Test
    void aSecondEmbeddedDriverInARunningDriversDirectoryIsRefusedAndTheFirstKeepsItsFiles()
    {
        final String dir = tmp.resolve("aeron").toString();
        try (Transport first = Transport.launch(new TransportContext().aeronDirectoryName(dir)))
        {
            final MediaDriverDirectoryException ex = assertThrows(MediaDriverDirectoryException.class,
                () -> Transport.launch(new TransportContext().aeronDirectoryName(dir)));
            assertTrue(ex.getMessage().startsWith("a media driver is already running in " + dir), ex.getMessage());
            assertTrue(Files.exists(Path.of(dir, "cnc.dat")));

            try (Transport joined = Transport.launch(new TransportContext().aeronDirectoryName(dir).embeddedDriver(false)))
            {
                assertTrue(joined.aeron().clientId() != first.aeron().clientId(), "a client may join it instead");
            }
        }
        assertFalse(Files.exists(Path.of(dir)), "the embedded driver deletes its directory when closed");
    }

    @Test
    void joiningADirectoryWithoutADriverIsRefusedAsABadSetting()
    {
        final String dir = tmp.resolve("no-driver").toString();
        final MediaDriverDirectoryException ex = assertThrows(MediaDriverDirectoryException.class,
            () -> Transport.launch(new TransportContext().aeronDirectoryName(dir).embeddedDriver(false)));
        assertTrue(ex.getMessage().startsWith("no media driver in " + dir), ex.getMessage());
    }
}
