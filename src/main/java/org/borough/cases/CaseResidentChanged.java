// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.util.UUID;
import org.borough.system.EventType;

/** A case now belongs to another resident record (after a merge). */
@EventType("case.resident-changed")
public record CaseResidentChanged(CaseId caseId, UUID fromResident, UUID toResident)
    implements CaseEvent {}
