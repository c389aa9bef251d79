// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/**
 * A case's priority, service or location changed: its details as they are now, with the deadline a
 * new service gave it and the team it went to.
 */
@EventType("case.details-changed")
public record CaseDetailsChanged(
    CaseId caseId,
    String serviceCode,
    String priority,
    String wardCode,
    UUID teamId,
    Instant dueAt,
    Instant at)
    implements CaseEvent {}
