// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;

/** A case was given to a team, and possibly an officer. */
public record CaseAssigned(CaseId caseId, UUID teamId, UUID officerId, Instant at)
    implements CaseEvent {}
