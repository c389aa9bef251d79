// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/**
 * A resident started following a case: they reported the same problem, or their own report was
 * marked as a duplicate of it. Ids only.
 */
@EventType("case.followed")
public record CaseFollowed(CaseId caseId, UUID residentId, Instant at) implements CaseEvent {}
