// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases.web;

import java.util.Map;
import org.borough.catalogue.ServiceAttribute;
import org.springframework.stereotype.Component;

/**
 * A list attribute's values as the options map the choice fragments take; templates call it as
 * {@code @attributeOptions.of(a)} (Thymeleaf does not allow static calls).
 */
@Component("attributeOptions")
class AttributeOptions {

  public Map<String, String> of(ServiceAttribute attribute) {
    return Options.of(
        attribute.values(), ServiceAttribute.Value::key, ServiceAttribute.Value::name);
  }
}
