// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.List;

/**
 * One question a service's form asks; {@code values} only for list types. An inactive question is
 * no longer asked but still labels the answers cases gave while it was.
 */
public record ServiceAttribute(
    String code,
    String label,
    AttributeType type,
    boolean required,
    int order,
    String helpText,
    List<Value> values,
    boolean active) {

  public ServiceAttribute {
    values = List.copyOf(values);
  }

  /** An active question. */
  public ServiceAttribute(
      String code,
      String label,
      AttributeType type,
      boolean required,
      int order,
      String helpText,
      List<Value> values) {
    this(code, label, type, required, order, helpText, values, true);
  }

  /** A choice in a list: the key is stored, the name is shown. */
  public record Value(String key, String name) {}

  /**
   * The form field that asks this question, on every form that does (staff and resident alike);
   * {@link ServiceCatalogue#validateAnswers} keys its errors the same way.
   */
  public String fieldName() {
    return FIELD_PREFIX + code;
  }

  /** Prefix of the form fields that carry answers, {@code attr-CODE}. */
  public static final String FIELD_PREFIX = "attr-";

  public String nameOf(String key) {
    return values.stream()
        .filter(v -> v.key().equals(key))
        .map(Value::name)
        .findFirst()
        .orElse(key);
  }
}
