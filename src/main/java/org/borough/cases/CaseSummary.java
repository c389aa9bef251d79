// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.catalogue.Priority;

/**
 * A queue row: what a caseworker needs to choose the next case.
 *
 * @param version the case's version when read; a bulk action from a queue names it, so a case
 *     changed since the queue was drawn refuses the whole action
 */
public record CaseSummary(
    CaseId id,
    String reference,
    String serviceCode,
    String serviceName,
    CaseStatus status,
    Priority priority,
    UUID residentId,
    String wardCode,
    UUID teamId,
    UUID officerId,
    Instant openedAt,
    Instant dueAt,
    SlaState sla,
    boolean paused,
    int version) {}
