// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/**
 * A case's SLA clock passed its warning point while the case was still active and not yet due:
 * published once for each deadline the case has (a deadline moved later, by a hold or by hand, can
 * put it at risk again).
 *
 * @param officerId the officer it is assigned to; null when it waits in its team's queue
 */
@EventType("case.sla-at-risk")
public record SlaAtRisk(
    CaseId caseId, String reference, UUID teamId, UUID officerId, Instant dueAt, Instant detectedAt)
    implements CaseEvent {}
