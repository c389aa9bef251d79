// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borough.cases.internal.CaseRow;
import org.borough.identity.Permission;
import org.borough.identity.StaffDirectory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Which cases the signed-in member of staff may work on. A caseworker (CASE_WORK without
 * CASE_WORK_ANY_TEAM) changes status, assigns, adds notes and acts in bulk only on cases of their
 * own teams, or on a case no team holds yet; they may still read other teams' cases (CASE_READ),
 * and every view is audited. Supervisors (CASE_WORK_ANY_TEAM) rebalance work across teams. The
 * contact centre (no CASE_WORK) adds notes to any case for the residents it speaks to, and system
 * principals (Open311 clients, the portal) are not members of staff, so neither is limited here.
 */
@Component
class TeamScope {

  private final StaffDirectory staff;

  TeamScope(StaffDirectory staff) {
    this.staff = staff;
  }

  /** The teams the signed-in user is limited to, or empty when they are not limited. */
  Optional<Set<UUID>> current() {
    return staff
        .current()
        .filter(
            me -> {
              var can = Permission.of(me.roles());
              return can.contains(Permission.CASE_WORK)
                  && !can.contains(Permission.CASE_WORK_ANY_TEAM);
            })
        .map(
            me ->
                staff.teamsOf(me.id()).stream()
                    .map(t -> t.id().value())
                    .collect(Collectors.toUnmodifiableSet()));
  }

  /** Refuses (403) a case outside {@code scope}. */
  static void require(CaseRow row, Optional<Set<UUID>> scope) {
    if (row.teamId() != null && scope.isPresent() && !scope.get().contains(row.teamId())) {
      throw new AccessDeniedException(
          "Case " + row.reference() + " belongs to another team: only its team can work on it");
    }
  }
}
