import java.io.File;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Build step of fix-codecs (run as a single-file java program before Artio's generator): copies FIX44.xml with the
 * key field of the Instrument and UnderlyingInstrument components marked optional. Artio 0.175 encodes an optional
 * component unconditionally and throws "Missing Field" for its unset required fields, so an OrderMassStatusRequest
 * for all orders (no Instrument) or an OrderMassCancelRequest (never an UnderlyingInstrument) could not be encoded.
 * The wire format does not change: both components stay optional where FIX 4.4 says so, and the mapping checks
 * Symbol itself on every message it reads. Fails the build if the dictionary does not look as expected.
 */
public final class OptionalComponentKeys
{
    private static final Map<String, String> KEYS = Map.of("Instrument", "Symbol", "UnderlyingInstrument", "UnderlyingSymbol");

    public static void main(final String[] args) throws Exception
    {
        final Document dictionary = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(args[0]));
        final NodeList components = dictionary.getElementsByTagName("component");
        int patched = 0;
        for (int i = 0; i < components.getLength(); i++)
        {
            final Element component = (Element)components.item(i);
            final String key = KEYS.get(component.getAttribute("name"));
            if (null == key || !"components".equals(component.getParentNode().getNodeName()))
            {
                continue;
            }
            for (Node child = component.getFirstChild(); null != child; child = child.getNextSibling())
            {
                if (child instanceof Element field && "field".equals(field.getTagName()) &&
                    key.equals(field.getAttribute("name")) && "Y".equals(field.getAttribute("required")))
                {
                    field.setAttribute("required", "N");
                    patched++;
                }
            }
        }
        if (patched != KEYS.size())
        {
            throw new IllegalStateException("expected to mark " + KEYS + " optional, marked " + patched + " fields");
        }
        final var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        transformer.transform(new DOMSource(dictionary), new StreamResult(new File(args[1])));
    }
}
