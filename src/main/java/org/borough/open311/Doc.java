// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonpCharacterEscapes;

/**
 * An Open311 response written once and rendered as XML (the reference format, with StAX) or as JSON
 * (with Jackson) by the spec's Spark convention: the root element is dropped, a list element
 * becomes an array of its items, an element with children becomes an object, and an empty element
 * becomes {@code null}. One model for both formats means they cannot drift apart.
 *
 * @param root the XML root element, e.g. {@code services}
 * @param value an {@link Obj} or a {@link Arr}
 */
record Doc(String root, Object value) {

  /** Element children in order; values are String, Boolean, Number, Obj, Arr or null. */
  static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    Obj put(String name, Object value) {
      fields.put(name, value);
      return this;
    }

    Map<String, Object> fields() {
      return fields;
    }
  }

  /** A list element: in XML each item is an {@code itemName} element. */
  record Arr(String itemName, List<?> items) {}

  static Obj obj() {
    return new Obj();
  }

  // --- XML ---------------------------------------------------------------------------------

  /** The JDK's own StAX writer, whatever else is on the classpath: clients compare bytes. */
  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  /**
   * Jackson's generator, with U+2028 and U+2029 escaped (they break JavaScript that evals JSON).
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .characterEscapes(JsonpCharacterEscapes.instance())
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .build();

  /** Written with StAX, indented by two spaces an element as clients' golden files expect. */
  String xml() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XML.createXMLStreamWriter(out);
      x.writeStartDocument("utf-8", "1.0");
      x.writeCharacters("\n");
      element(x, root, value, 0);
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Open311 XML could not be written", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter x, String name, Object value, int depth)
      throws XMLStreamException {
    x.writeCharacters("  ".repeat(depth));
    if (value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Arr a && a.items().isEmpty())) {
      x.writeEmptyElement(name);
      x.writeCharacters("\n");
      return;
    }
    x.writeStartElement(name);
    if (value instanceof Obj o) {
      x.writeCharacters("\n");
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        element(x, e.getKey(), e.getValue(), depth + 1);
      }
      x.writeCharacters("  ".repeat(depth));
    } else if (value instanceof Arr a) {
      x.writeCharacters("\n");
      for (Object item : a.items()) {
        element(x, a.itemName(), item, depth + 1);
      }
      x.writeCharacters("  ".repeat(depth));
    } else {
      x.writeCharacters(xmlCharacters(scalar(value)));
    }
    x.writeEndElement();
    x.writeCharacters("\n");
  }

  /**
   * Drops what XML 1.0 cannot carry (most control characters, a lone surrogate): StAX escapes
   * markup but would write these as they are, and the document would not parse.
   */
  private static String xmlCharacters(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (c == '\t'
          || c == '\n'
          || c == '\r'
          || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  // --- JSON --------------------------------------------------------------------------------

  String json() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json(g, value);
    }
    return out.toString();
  }

  private static void json(JsonGenerator g, Object value) {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof Obj o) {
      g.writeStartObject();
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        g.writeName(e.getKey());
        json(g, e.getValue() instanceof String s && s.isEmpty() ? null : e.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof Arr a) {
      g.writeStartArray();
      for (Object item : a.items()) {
        json(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (value instanceof Number n) {
      g.writeNumber(n.toString());
    } else {
      g.writeString(value.toString());
    }
  }

  private static String scalar(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}
