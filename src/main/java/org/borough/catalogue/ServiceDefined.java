// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.List;
import org.borough.system.DomainEvent;

/** A service was added to the catalogue. */
public record ServiceDefined(
    String code,
    String name,
    String group,
    boolean active,
    String priority,
    int slaTarget,
    String slaUnit,
    List<String> attributeCodes)
    implements DomainEvent {

  static ServiceDefined of(ServiceDefinition s) {
    return new ServiceDefined(
        s.code(),
        s.name(),
        s.group(),
        s.active(),
        s.priority().name(),
        s.sla().target(),
        s.sla().unit().name(),
        s.activeAttributes().stream().map(ServiceAttribute::code).toList());
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
