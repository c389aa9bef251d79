// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.identity;

import java.util.List;
import java.util.Optional;

/** Who works here and in which teams; the read side other modules use. */
public interface StaffDirectory {

  Optional<Staff> findStaff(StaffId id);

  Optional<Staff> findByUsername(String username);

  /** The member of staff signed in on this request (console session or API token). */
  Optional<Staff> current();

  List<Team> teams();

  Optional<Team> findTeam(TeamId id);

  Optional<Team> findTeamByCode(String code);

  List<Team> teamsOf(StaffId staff);

  List<Staff> membersOf(TeamId team);
}
