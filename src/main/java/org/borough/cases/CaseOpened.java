// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/** A case was raised. Ids only: the outbox and the warehouse hold no personal data. */
@EventType("case.opened")
public record CaseOpened(
    CaseId caseId,
    String reference,
    String serviceCode,
    UUID residentId,
    String wardCode,
    UUID teamId,
    String channel,
    String priority,
    Instant openedAt,
    Instant dueAt,
    UUID contactId)
    implements CaseEvent {}
