// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import org.borough.system.EventType;

/**
 * A case's deadline was set by hand rather than by its service's SLA: a complaint's next stage or
 * an extension agreed with the resident.
 */
@EventType("case.deadline-changed")
public record CaseDeadlineChanged(CaseId caseId, Instant dueAt, Instant at) implements CaseEvent {}
