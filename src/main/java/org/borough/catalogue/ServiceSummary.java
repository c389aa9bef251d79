// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.List;

/** What the catalogue's events say about a service: no free text beyond its name and group. */
public record ServiceSummary(
    String name,
    String group,
    boolean active,
    String priority,
    int slaTarget,
    String slaUnit,
    List<String> activeAttributeCodes) {

  static ServiceSummary of(ServiceDefinition s) {
    return new ServiceSummary(
        s.name(),
        s.group(),
        s.active(),
        s.priority().name(),
        s.sla().target(),
        s.sla().unit().name(),
        s.activeAttributes().stream().map(ServiceAttribute::code).toList());
  }
}
