// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import org.borough.system.DomainEvent;
import org.borough.system.EventType;

/** A service was added to the catalogue. */
@EventType("service.defined")
public record ServiceDefined(String code, ServiceSummary service) implements DomainEvent {

  static ServiceDefined of(ServiceDefinition s) {
    return new ServiceDefined(s.code(), ServiceSummary.of(s));
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
