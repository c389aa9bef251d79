// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.borough.catalogue.ServiceAttribute;
import org.springframework.stereotype.Component;

/**
 * A list question's values as the options map the choice fragments take, for every form that asks
 * a service's questions (fragments/attribute-field.html); templates call it as {@code
 * @attributeOptions.of(a)} (Thymeleaf does not allow static calls).
 */
@Component("attributeOptions")
class AttributeOptions {

  public Map<String, String> of(ServiceAttribute attribute) {
    Map<String, String> options = new LinkedHashMap<>();
    attribute.values().forEach(v -> options.put(v.key(), v.name()));
    return options;
  }
}
