// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.warehouse;

import java.util.List;
import java.util.UUID;

/** Where the slowly changing dimensions come from: the catalogue's and identity's current state. */
interface DimensionSource {

  List<Service> services();

  List<Ward> wards();

  List<Team> teams();

  record Service(
      String code,
      String name,
      String group,
      String priority,
      int slaTarget,
      String slaUnit,
      boolean active,
      UUID defaultTeam) {}

  record Ward(String gssCode, String name) {}

  record Team(UUID id, String code, String name) {}
}
