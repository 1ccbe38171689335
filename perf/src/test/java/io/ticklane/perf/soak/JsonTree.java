package io.ticklane.perf.soak;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read strictly (no NaN, no trailing garbage) into maps, lists, strings, numbers, booleans and
 * nulls, so a test can check a report's fields by path.
 */
final class JsonTree
{
    private JsonTree()
    {
    }

    static Map<String, Object> parse(final String json) throws IOException
    {
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("not a JSON object");
            }
            @SuppressWarnings("unchecked")
            final Map<String, Object> root = (Map<String, Object>)value(parser);
            if (null != parser.nextToken())
            {
                throw new IOException("trailing content after the object");
            }
            return root;
        }
    }

    static Object at(final Map<String, Object> root, final String path)
    {
        Object node = root;
        for (final String key : path.split("\\."))
        {
            node = node instanceof List<?> list ? list.get(Integer.parseInt(key)) : ((Map<?, ?>)node).get(key);
        }
        return node;
    }

    private static Object value(final JsonParser parser) throws IOException
    {
        switch (parser.currentToken())
        {
            case START_OBJECT:
                final Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            case START_ARRAY:
                final List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + parser.currentToken());
        }
    }
}
