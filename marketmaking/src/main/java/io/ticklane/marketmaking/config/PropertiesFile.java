package io.ticklane.marketmaking.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A properties file's bytes read strictly, for every configuration loader: text that is not UTF-8 is an error naming
 * the file and line, and a syntax error of {@link Properties} names the file, so a bad byte never surfaces as a
 * {@code MalformedInputException: Input length = 1} nor a malformed escape as a message without a file.
 */
public final class PropertiesFile
{
    private PropertiesFile()
    {
    }

    /**
     * @param source the file, as errors name it.
     * @param bytes  its content.
     * @return the properties it holds.
     * @throws IllegalArgumentException naming the source (and line) when the bytes are not UTF-8 properties.
     */
    public static Properties parse(final String source, final byte[] bytes)
    {
        final String text = utf8(source, bytes);
        final Properties properties = new Properties();
        try
        {
            properties.load(new StringReader(text));
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("reading a string cannot fail", ex);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(source + ": not a properties file: " + ex.getMessage(), ex);
        }
        return properties;
    }

    private static String utf8(final String source, final byte[] bytes)
    {
        final ByteBuffer in = ByteBuffer.wrap(bytes);
        try
        {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in)
                .toString();
        }
        catch (final CharacterCodingException ex)
        {
            int line = 1;
            for (int i = 0; i < in.position(); i++)
            {
                line += '\n' == bytes[i] ? 1 : 0;
            }
            throw new IllegalArgumentException(source + ": line " + line + " is not UTF-8 text", ex);
        }
    }
}
