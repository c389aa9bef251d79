// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/** A case's SLA clock passed its due time while the case was still active. */
@EventType("case.sla-breached")
public record SlaBreached(
    CaseId caseId, String reference, UUID teamId, Instant dueAt, Instant detectedAt)
    implements CaseEvent {}
