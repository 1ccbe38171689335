package io.ticklane.gateway.transport;

import io.ticklane.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the edge's table honest against the schema itself: every message of the schema has a shape with its groups,
 * and no field has a {@code sinceVersion} yet, which is what lets a shape have one least block length for every
 * version (adding such a field must come with older versions' shorter blocks in {@link TemplateShape}).
 */
class StreamTemplatesTest
{
    @Test
    void everyMessageOfTheSchemaHasAShapeAndNoFieldIsNewerThanItsMessage() throws Exception
    {
        final Document schema;
        try (InputStream in = MessageHeaderDecoder.class.getResourceAsStream("/sbe/ticklane-schema.xml"))
        {
            assertNotNull(in, "the schema is packaged with the codecs");
            final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            schema = factory.newDocumentBuilder().parse(in);
        }
        final NodeList messages = schema.getElementsByTagNameNS("*", "message");
        assertTrue(messages.getLength() >= 18, "messages found: " + messages.getLength());
        for (int i = 0; i < messages.getLength(); i++)
        {
            final Element message = (Element)messages.item(i);
            final int templateId = Integer.parseInt(message.getAttribute("id"));
            final String name = message.getAttribute("name");
            assertNotNull(StreamTemplates.shape(templateId), name + " has no shape");
            assertEquals(templateId, StreamTemplates.shape(templateId).templateId());
            final NodeList fields = message.getElementsByTagName("field");
            for (int f = 0; f < fields.getLength(); f++)
            {
                final Element field = (Element)fields.item(f);
                assertFalse(field.hasAttribute("sinceVersion"), name + "." + field.getAttribute("name") +
                    " has a sinceVersion: give TemplateShape the shorter block of older versions");
            }
            assertEquals(0, message.getElementsByTagName("data").getLength(),
                name + " has var data: declare its length prefixes in StreamTemplates");
        }
    }

    @Test
    void noTemplateIsAllowedOnTwoExternalStreams()
    {
        for (int templateId = 0; templateId < StreamTemplates.MAX_TEMPLATE_ID; templateId++)
        {
            int external = 0;
            for (final StreamRole role : new StreamRole[]{StreamRole.MARKET_DATA, StreamRole.REPORTS, StreamRole.ADMIN})
            {
                external += StreamTemplates.isAllowed(role, templateId) ? 1 : 0;
            }
            assertTrue(external <= 1, "template " + templateId + " on " + external + " external streams");
        }
    }
}
