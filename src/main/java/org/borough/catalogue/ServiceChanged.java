// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/**
 * A service's definition changed; {@code previousCode} differs from {@code code} only when the code
 * was changed (possible only before any case was raised). {@code change} says what, in words.
 */
@EventType("service.changed")
public record ServiceChanged(
    String code, String previousCode, String change, ServiceSummary service)
    implements DomainEvent {

  static ServiceChanged of(String previousCode, String change, ServiceDefinition s) {
    return new ServiceChanged(s.code(), previousCode, change, ServiceSummary.of(s));
  }

  @Override
  public String aggregateType() {
    return "service";
  }

  @Override
  public String aggregateId() {
    return code;
  }
}
