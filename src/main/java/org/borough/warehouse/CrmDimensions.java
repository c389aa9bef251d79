// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.util.List;
import org.borough.catalogue.ServiceCatalogue;
import org.borough.identity.StaffDirectory;
import org.springframework.stereotype.Component;

/** The dimensions' source in the running application: the catalogue and the staff directory. */
@Component
class CrmDimensions implements DimensionSource {

  private final ServiceCatalogue catalogue;
  private final StaffDirectory directory;

  CrmDimensions(ServiceCatalogue catalogue, StaffDirectory directory) {
    this.catalogue = catalogue;
    this.directory = directory;
  }

  @Override
  public List<Service> services() {
    return catalogue.services().stream()
        .map(
            s ->
                new Service(
                    s.code(),
                    s.name(),
                    s.group(),
                    s.priority().name(),
                    s.sla().target(),
                    s.sla().unit().name(),
                    s.active(),
                    s.defaultTeam() == null ? null : s.defaultTeam().value()))
        .toList();
  }

  @Override
  public List<Ward> wards() {
    return catalogue.wards().stream().map(w -> new Ward(w.gssCode(), w.name())).toList();
  }

  @Override
  public List<Team> teams() {
    return directory.teams().stream()
        .map(t -> new Team(t.id().value(), t.code(), t.name()))
        .toList();
  }
}
