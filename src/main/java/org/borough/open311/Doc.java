// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.open311;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Open311 response written once and rendered as XML (the reference format) or as JSON by the
 * spec's Spark convention: the root element is dropped, a list element becomes an array of its
 * items, an element with children becomes an object, and an empty element becomes {@code null}. One
 * model for both formats means they cannot drift apart.
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

  String xml() {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    element(out, root, value, 0);
    return out.toString();
  }

  private static void element(StringBuilder out, String name, Object value, int depth) {
    indent(out, depth);
    if (value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Arr a && a.items().isEmpty())) {
      out.append('<').append(name).append("/>\n");
      return;
    }
    out.append('<').append(name).append('>');
    if (value instanceof Obj o) {
      out.append('\n');
      o.fields.forEach((k, v) -> element(out, k, v, depth + 1));
      indent(out, depth);
    } else if (value instanceof Arr a) {
      out.append('\n');
      a.items().forEach(item -> element(out, a.itemName(), item, depth + 1));
      indent(out, depth);
    } else {
      escapeXml(out, scalar(value));
    }
    out.append("</").append(name).append(">\n");
  }

  private static void indent(StringBuilder out, int depth) {
    out.append("  ".repeat(depth));
  }

  /** Escapes markup and drops characters XML 1.0 cannot carry (most control characters). */
  private static void escapeXml(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
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
      }
    }
  }

  // --- JSON --------------------------------------------------------------------------------

  String json() {
    StringBuilder out = new StringBuilder();
    json(out, value);
    return out.toString();
  }

  private static void json(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Obj o) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(out, e.getKey());
        out.append(':');
        json(out, e.getValue() instanceof String s && s.isEmpty() ? null : e.getValue());
      }
      out.append('}');
    } else if (value instanceof Arr a) {
      out.append('[');
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        json(out, a.items().get(i));
      }
      out.append(']');
    } else if (value instanceof Boolean || value instanceof Number) {
      out.append(scalar(value));
    } else {
      quote(out, value.toString());
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // Also escapes U+2028/2029, which break JavaScript that evals JSON.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String scalar(Object value) {
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}
