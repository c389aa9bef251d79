// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import org.borough.system.EventType;

/** A case moved from one status to another. */
@EventType("case.status-changed")
public record CaseStatusChanged(
    CaseId caseId, CaseStatus from, CaseStatus to, Instant at, Instant dueAt, boolean reopened)
    implements CaseEvent {}
