// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.UUID;

/** A case now belongs to another resident record (after a merge). */
public record CaseResidentChanged(CaseId caseId, UUID fromResident, UUID toResident)
    implements CaseEvent {}
