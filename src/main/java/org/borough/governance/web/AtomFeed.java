// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.borough.governance.Decision;
import org.borough.governance.DecisionItem;

/** Writes an Atom 1.0 feed (RFC 4287) of published decisions with a streaming XML writer. */
final class AtomFeed {

  static final String NS = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  static String write(
      String title, String selfUrl, String htmlUrl, String author, List<Decision> decisions) {
    Instant updated =
        decisions.stream().map(Decision::updatedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(NS);
      text(x, "title", title);
      text(x, "id", selfUrl);
      link(x, "self", "application/atom+xml", selfUrl);
      link(x, "alternate", "text/html", htmlUrl);
      text(x, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
      x.writeStartElement("author");
      text(x, "name", author);
      x.writeEndElement();
      for (Decision d : decisions) {
        x.writeStartElement("entry");
        text(x, "title", d.details().decisionDate() + " - " + d.details().title());
        text(x, "id", "urn:uuid:" + d.id());
        link(x, "alternate", "text/html", htmlUrl + "/" + d.id());
        text(
            x, "published", DateTimeFormatter.ISO_INSTANT.format(d.versions().get(0).recordedAt()));
        text(x, "updated", DateTimeFormatter.ISO_INSTANT.format(d.updatedAt()));
        if (d.details().keyDecision()) {
          x.writeEmptyElement("category");
          x.writeAttribute("term", "key-decision");
          x.writeAttribute("label", "Key decision");
        }
        text(x, "summary", summary(d));
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the decisions feed", e);
    }
    return out.toString();
  }

  private static String summary(Decision d) {
    StringBuilder s = new StringBuilder(d.details().decisionMaker().name()).append(':');
    for (DecisionItem i : d.details().items()) {
      s.append(' ')
          .append(i.number())
          .append(". ")
          .append(i.verb().label())
          .append(' ')
          .append(i.text());
    }
    return s.toString();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value == null ? "" : value);
    x.writeEndElement();
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href)
      throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href);
  }
}
