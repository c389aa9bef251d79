// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.util.UUID;
import org.borough.catalogue.Priority;

/**
 * One action applied to a selection of cases, all or nothing: assign to a team (and officer),
 * change status, add a note, or change their details.
 */
public sealed interface BulkAction {

  record Assign(UUID teamId, UUID officerId) implements BulkAction {}

  record ChangeStatus(CaseStatus status, String note) implements BulkAction {}

  record AddNote(String text, boolean publicNote) implements BulkAction {}

  /**
   * Changes the priority, the service (re-timing the SLA clock) or the location; a null part stays
   * as it is. The reason is required and goes on each case's timeline.
   */
  record ChangeDetails(Priority priority, String serviceCode, Location location, String reason)
      implements BulkAction {}

  /** Where a case is: every part optional; given as a whole, it replaces the case's. */
  record Location(
      String address, Long uprn, BigDecimal latitude, BigDecimal longitude, String wardCode) {}
}
