// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/** A case was given to a team, and possibly an officer. */
@EventType("case.assigned")
public record CaseAssigned(CaseId caseId, UUID teamId, UUID officerId, Instant at)
    implements CaseEvent {}
