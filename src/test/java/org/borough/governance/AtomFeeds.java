// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks a document against the rules of Atom 1.0 (RFC 4287) that a feed reader relies on. */
final class AtomFeeds {

  static final String NS = "http://www.w3.org/2005/Atom";

  private AtomFeeds() {}

  /**
   * Parses {@code xml} as an Atom feed and checks it: the feed and each entry have exactly one id
   * (an absolute IRI), title and updated (RFC 3339); the feed has an author; each entry links to
   * its page. Returns the entries.
   */
  static List<Element> assertValidAtom(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    Element feed = doc.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(NS);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    for (String required : List.of("id", "title", "updated", "author")) {
      assertThat(children(feed, required)).as("feed/" + required).hasSize(1);
    }
    assertThat(URI.create(text(feed, "id")).isAbsolute()).as("feed/id is an IRI").isTrue();
    assertThat(children(children(feed, "author").get(0), "name")).hasSize(1);
    Instant.parse(text(feed, "updated"));
    List<Element> entries = children(feed, "entry");
    for (Element e : entries) {
      for (String required : List.of("id", "title", "updated")) {
        assertThat(children(e, required)).as("entry/" + required).hasSize(1);
      }
      assertThat(text(e, "id")).startsWith("urn:uuid:");
      Instant.parse(text(e, "updated"));
      assertThat(children(e, "link").stream().map(l -> l.getAttribute("rel")))
          .contains("alternate");
      // Without content, an entry with an alternate link must still carry a summary (4.1.1.1).
      assertThat(children(e, "summary")).hasSize(1);
    }
    return entries;
  }

  static String text(Element parent, String name) {
    return children(parent, name).get(0).getTextContent();
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e
          && NS.equals(e.getNamespaceURI())
          && name.equals(e.getLocalName())) {
        found.add(e);
      }
    }
    return found;
  }
}
