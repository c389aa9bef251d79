// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/**
 * A case's SLA clock passed its due time while the case was still active.
 *
 * @param officerId the officer it is assigned to; null when it waits in its team's queue (absent
 *     from entries written before it was added)
 */
@EventType("case.sla-breached")
public record SlaBreached(
    CaseId caseId, String reference, UUID teamId, UUID officerId, Instant dueAt, Instant detectedAt)
    implements CaseEvent {}
