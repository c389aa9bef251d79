// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.information;

import java.time.Instant;
import java.util.List;
import org.borough.cases.CaseEvent;
import org.borough.cases.CaseId;
import org.borough.system.EventType;

/**
 * A request for information after any of its steps (received, clarification asked and given,
 * extended, answered, reviewed), whole, so that applying it again or out of turn leaves what the
 * latest says. It holds what the year's figures count and nothing that names anyone: no reference,
 * no reasons, no disclosure-log words.
 *
 * @param outcome a {@link Disclosure}'s name, null while unanswered
 * @param exemptions the {@link Exemption}s' names applied to what was withheld
 * @param reviewOutcome a {@link ReviewOutcome}'s name, null unless reviewed
 */
@EventType("information-request.changed")
public record InformationRequestChanged(
    CaseId caseId,
    String regime,
    Instant receivedAt,
    Instant dueBy,
    Instant firstDueBy,
    boolean clarificationAsked,
    boolean extended,
    Instant respondedAt,
    String outcome,
    List<String> exemptions,
    boolean published,
    Instant reviewRequestedAt,
    Instant reviewedAt,
    String reviewOutcome)
    implements CaseEvent {

  public InformationRequestChanged {
    exemptions = List.copyOf(exemptions);
  }

  static InformationRequestChanged of(InformationRequest r) {
    return new InformationRequestChanged(
        r.caseId(),
        r.regime().name(),
        r.receivedAt(),
        r.dueBy(),
        r.firstDueBy(),
        r.clarificationAskedAt() != null,
        r.extensionReason() != null,
        r.respondedAt(),
        r.outcome() == null ? null : r.outcome().name(),
        r.exemptions().stream().map(Enum::name).toList(),
        r.published(),
        r.reviewRequestedAt(),
        r.reviewedAt(),
        r.reviewOutcome() == null ? null : r.reviewOutcome().name());
  }
}
