// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.governance.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.borough.governance.Decision;
import org.borough.governance.DecisionItem;
import org.borough.governance.ForwardPlanNotice;

/**
 * Writes an Atom 1.0 feed (RFC 4287) with a streaming XML writer: of published decisions, or of the
 * forward plan's notices.
 */
final class AtomFeed {

  static final String NS = "http://www.w3.org/2005/Atom";

  /** One entry; {@code keyDecision} adds the category "key-decision". */
  record Entry(
      String title,
      String id,
      String link,
      Instant published,
      Instant updated,
      boolean keyDecision,
      String summary) {}

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private AtomFeed() {}

  static Entry entry(Decision d, String htmlUrl) {
    StringBuilder s = new StringBuilder(d.details().decisionMaker().name()).append(':');
    for (DecisionItem i : d.details().items()) {
      s.append(' ')
          .append(i.number())
          .append(". ")
          .append(i.verb().label())
          .append(' ')
          .append(i.text());
    }
    return new Entry(
        d.details().decisionDate() + " - " + d.details().title(),
        "urn:uuid:" + d.id(),
        htmlUrl + "/" + d.id(),
        published(d),
        d.updatedAt(),
        d.details().keyDecision(),
        s.toString());
  }

  /**
   * When the decision was published: the moment Borough published it, or, for a past decision
   * imported later, the start of its publication date in London (the import's time says nothing to
   * a reader of the feed).
   */
  static Instant published(Decision d) {
    Instant first = d.versions().get(0).recordedAt();
    LocalDate on = d.details().publicationDate();
    if (on == null || first.atZone(LONDON).toLocalDate().equals(on)) {
      return first;
    }
    return on.atStartOfDay(LONDON).toInstant();
  }

  static Entry entry(ForwardPlanNotice n, String htmlUrl) {
    StringBuilder s =
        new StringBuilder(n.status().label())
            .append(". Decision by ")
            .append(n.details().decisionMaker())
            .append(", expected on ")
            .append(n.details().expectedDecisionDate())
            .append(". Notice published on ")
            .append(n.publishedOn())
            .append('.');
    if (n.details().summary() != null) {
      s.append(' ').append(n.details().summary());
    }
    if (n.withdrawalReason() != null) {
      s.append(" Withdrawn: ").append(n.withdrawalReason());
    }
    return new Entry(
        n.details().expectedDecisionDate() + " - " + n.details().title(),
        "urn:uuid:" + n.id(),
        htmlUrl + "/" + n.id(),
        n.recordedAt(),
        n.updatedAt(),
        n.details().keyDecision(),
        s.toString());
  }

  static String write(
      String title, String selfUrl, String htmlUrl, String author, List<Entry> entries) {
    Instant updated =
        entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
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
      for (Entry e : entries) {
        x.writeStartElement("entry");
        text(x, "title", e.title());
        text(x, "id", e.id());
        link(x, "alternate", "text/html", e.link());
        text(x, "published", DateTimeFormatter.ISO_INSTANT.format(e.published()));
        text(x, "updated", DateTimeFormatter.ISO_INSTANT.format(e.updated()));
        if (e.keyDecision()) {
          x.writeEmptyElement("category");
          x.writeAttribute("term", "key-decision");
          x.writeAttribute("label", "Key decision");
        }
        text(x, "summary", e.summary());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Could not write the feed " + selfUrl, e);
    }
    return out.toString();
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
