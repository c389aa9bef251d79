// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.time.Instant;
import java.util.UUID;
import org.borough.system.EventType;

/**
 * A member of staff wrote to the case's reporter; the words are the timeline entry {@code entryId}
 * (staff-only), which the notifications module emails, and stay in the CRM.
 */
@EventType("case.reply-sent")
public record CaseReplySent(CaseId caseId, UUID residentId, long entryId, Instant at)
    implements CaseEvent {}
