// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The XMP packet of an export: the document's own packet (resource 1060) carried over, with the
 * IPTC Photo Metadata property {@code Iptc4xmpExt:DigitalSourceType} set to Loupe's term. A
 * declaration of generative AI already in the document is never replaced by a weaker one.
 *
 * @param xml the packet, xpacket wrapper included
 * @param digitalSourceType the source type URI the packet declares, or null
 * @param note what happened to the document's packet, or null when nothing worth saying
 */
record XmpPacket(String xml, String digitalSourceType, String note) {
  static final String IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
  static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  private static final String PROPERTY = "DigitalSourceType";
  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
  /** Terms that say a generative model made or edited the image. */
  private static final Set<String> GENERATIVE =
      Set.of("trainedAlgorithmicMedia", "compositeWithTrainedAlgorithmicMedia", "compositeSynthetic");
  private static final String EMPTY = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + RDF + "\">"
      + "<rdf:Description rdf:about=\"\"/></rdf:RDF></x:xmpmeta>";

  int bytes() {
    return xml.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * The packet to embed, or null when the document has none and no type is to be declared.
   *
   * @param existing the document's XMP packet, or null
   * @param type the term to declare, or null to carry the document's packet over unchanged
   */
  static XmpPacket of(String existing, DigitalSourceType type) {
    if (existing == null && type == null) {
      return null;
    }
    Document doc;
    try {
      doc = parse(existing != null ? existing : EMPTY);
    } catch (Exception e) {
      if (type == null) {
        return new XmpPacket(existing, null, "the document's XMP could not be parsed; it was copied unchanged");
      }
      return new XmpPacket(serialize(parseTrusted(EMPTY), type), type.uri(),
          "the document's XMP could not be parsed (" + e.getMessage() + "); Loupe wrote its own packet instead");
    }
    String declared = declared(doc);
    if (type == null) {
      return new XmpPacket(existing, declared, null);
    }
    String code = declared == null ? null : declared.substring(declared.lastIndexOf('/') + 1);
    if (code != null && GENERATIVE.contains(code)) {
      return new XmpPacket(existing, declared,
          "the document already declares " + declared + "; kept (a generative-AI declaration is never weakened)");
    }
    return new XmpPacket(serialize(doc, type), type.uri(), null);
  }

  /** The DigitalSourceType value in any rdf:Description: attribute, element text or rdf:resource. */
  private static String declared(Document doc) {
    for (Element d : descriptions(doc)) {
      if (d.hasAttributeNS(IPTC_EXT, PROPERTY)) {
        return d.getAttributeNS(IPTC_EXT, PROPERTY).trim();
      }
      NodeList props = d.getElementsByTagNameNS(IPTC_EXT, PROPERTY);
      if (props.getLength() > 0) {
        Element p = (Element) props.item(0);
        return p.hasAttributeNS(RDF, "resource") ? p.getAttributeNS(RDF, "resource").trim() : p.getTextContent().trim();
      }
    }
    return null;
  }

  /** Removes every existing declaration and adds Loupe's to the first rdf:Description. */
  private static String serialize(Document doc, DigitalSourceType type) {
    List<Element> descriptions = descriptions(doc);
    for (Element d : descriptions) {
      d.removeAttributeNS(IPTC_EXT, PROPERTY);
      NodeList props = d.getElementsByTagNameNS(IPTC_EXT, PROPERTY);
      for (int i = props.getLength() - 1; i >= 0; i--) {
        props.item(i).getParentNode().removeChild(props.item(i));
      }
    }
    Element target = descriptions.get(0);
    target.setAttributeNS(XMLNS, "xmlns:Iptc4xmpExt", IPTC_EXT);
    Element property = doc.createElementNS(IPTC_EXT, "Iptc4xmpExt:" + PROPERTY);
    property.setTextContent(type.uri());
    target.appendChild(property);
    StringWriter out = new StringWriter();
    out.write("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.transform(new DOMSource(doc.getDocumentElement()), new StreamResult(out));
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise an XMP packet", e);
    }
    out.write("\n<?xpacket end=\"w\"?>");
    return out.toString();
  }

  private static List<Element> descriptions(Document doc) {
    List<Element> out = new ArrayList<>();
    NodeList rdf = doc.getElementsByTagNameNS(RDF, "RDF");
    if (rdf.getLength() == 0) {
      throw new IllegalArgumentException("no rdf:RDF element");
    }
    for (Node n = rdf.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && RDF.equals(e.getNamespaceURI()) && "Description".equals(e.getLocalName())) {
        out.add(e);
      }
    }
    if (out.isEmpty()) {
      Element d = doc.createElementNS(RDF, "rdf:Description");
      d.setAttributeNS(RDF, "rdf:about", "");
      rdf.item(0).appendChild(d);
      out.add(d);
    }
    return out;
  }

  /** Namespace-aware, no DTDs or external entities: the packet comes from a user's file. */
  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    DocumentBuilder b = f.newDocumentBuilder();
    b.setErrorHandler(new DefaultHandler());
    Document doc = b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    descriptions(doc);
    return doc;
  }

  private static Document parseTrusted(String xml) {
    try {
      return parse(xml);
    } catch (Exception e) {
      throw new IllegalStateException("the built-in XMP template does not parse", e);
    }
  }
}
