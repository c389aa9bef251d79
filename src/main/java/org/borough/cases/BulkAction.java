// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.UUID;

/**
 * One action applied to a selection of cases, all or nothing: assign to a team (and officer),
 * change status, or add a note.
 */
public sealed interface BulkAction {

  record Assign(UUID teamId, UUID officerId) implements BulkAction {}

  record ChangeStatus(CaseStatus status, String note) implements BulkAction {}

  record AddNote(String text, boolean publicNote) implements BulkAction {}
}
