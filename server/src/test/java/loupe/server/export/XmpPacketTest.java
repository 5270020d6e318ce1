// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class XmpPacketTest {
  private static final String PHOTOSHOP_LIKE = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"Adobe XMP Core 7.0\">"
      + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
      + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
      + " xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\""
      + " Iptc4xmpExt:DigitalSourceType=\"%s\">"
      + "<dc:rights><rdf:Alt><rdf:li xml:lang=\"x-default\">© Studio Nord</rdf:li></rdf:Alt></dc:rights>"
      + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static String declared(String xml) throws Exception {
    NodeList props = parse(xml).getElementsByTagNameNS(XmpPacket.IPTC_EXT, "DigitalSourceType");
    assertThat(props.getLength()).isEqualTo(1);
    return props.item(0).getTextContent();
  }

  @Test
  void a_new_packet_declares_only_the_source_type() throws Exception {
    XmpPacket p = XmpPacket.of(null, DigitalSourceType.COMPOSITE);
    assertThat(p.xml()).startsWith("<?xpacket begin=\"\uFEFF\"").endsWith("<?xpacket end=\"w\"?>");
    assertThat(declared(p.xml())).isEqualTo("http://cv.iptc.org/newscodes/digitalsourcetype/composite");
    assertThat(p.digitalSourceType()).isEqualTo(DigitalSourceType.COMPOSITE.uri());
    assertThat(p.note()).isNull();
    assertThat(XmpPacket.of(null, null)).isNull();
  }

  @Test
  void the_documents_packet_keeps_its_properties_and_gets_loupes_term_in_place_of_a_capture_term() throws Exception {
    String existing = String.format(PHOTOSHOP_LIKE, "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture");
    XmpPacket p = XmpPacket.of(existing, DigitalSourceType.ALGORITHMICALLY_ENHANCED);
    assertThat(declared(p.xml())).isEqualTo(DigitalSourceType.ALGORITHMICALLY_ENHANCED.uri());
    Document doc = parse(p.xml());
    assertThat(doc.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "rights").item(0).getTextContent())
        .isEqualTo("© Studio Nord");
    assertThat(doc.getDocumentElement().getAttributeNS("adobe:ns:meta/", "xmptk")).isEqualTo("Adobe XMP Core 7.0");
  }

  @Test
  void a_generative_ai_declaration_is_never_weakened() {
    String existing = String.format(PHOTOSHOP_LIKE, "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia");
    XmpPacket p = XmpPacket.of(existing, DigitalSourceType.COMPOSITE);
    assertThat(p.xml()).isEqualTo(existing);
    assertThat(p.digitalSourceType()).endsWith("/trainedAlgorithmicMedia");
    assertThat(p.note()).contains("never weakened");
  }

  @Test
  void without_a_term_the_documents_packet_is_copied_unchanged() {
    String existing = String.format(PHOTOSHOP_LIKE, "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture");
    XmpPacket p = XmpPacket.of(existing, null);
    assertThat(p.xml()).isEqualTo(existing);
    assertThat(p.digitalSourceType()).endsWith("/digitalCapture");
  }

  @Test
  void an_unreadable_or_hostile_packet_is_replaced_by_loupes_own() throws Exception {
    String hostile = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">&e;</x:xmpmeta>";
    for (String bad : new String[] {"<x:xmpmeta", hostile, "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>"}) {
      XmpPacket p = XmpPacket.of(bad, DigitalSourceType.COMPOSITE);
      assertThat(declared(p.xml())).isEqualTo(DigitalSourceType.COMPOSITE.uri());
      assertThat(p.xml()).doesNotContain("root:");
      assertThat(p.note()).contains("could not be parsed");
    }
  }
}
