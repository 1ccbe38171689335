package io.ticklane.journal.reader.binance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Opens the bytes of a capture file. The reader opens files ({@code Files::newInputStream}); tests and fuzzing hand it
 * bytes from memory under a file's name, so everything after the open is the code that reads real files.
 */
@FunctionalInterface
interface CaptureSource
{
    /**
     * @param file the capture file.
     * @return its (gzipped) bytes; the caller closes the stream.
     * @throws IOException if it cannot be opened.
     */
    InputStream open(Path file) throws IOException;
}
