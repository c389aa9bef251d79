// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.catalogue;

import java.util.List;
import org.borough.identity.TeamId;

/** An entry in the service catalogue, with the questions its form asks in order. */
public record ServiceDefinition(
    String code,
    String name,
    String group,
    String description,
    boolean active,
    TeamId defaultTeam,
    Priority priority,
    SlaPolicy sla,
    List<ServiceAttribute> attributes) {

  /** The questions a new case is asked, in order; inactive ones only label old answers. */
  public List<ServiceAttribute> activeAttributes() {
    return attributes.stream().filter(ServiceAttribute::active).toList();
  }
}
