// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Instant;
import java.util.List;
import org.borough.cases.CaseEvent;
import org.borough.cases.CaseId;
import org.borough.system.EventType;

/**
 * A complaint after any of its steps (received, acknowledged, extended, answered, escalated, linked
 * to a case, referred to an Ombudsman), whole: applying it again, or an older one after it, leaves
 * what the latest says, so a reader needs no history. It holds what the performance report counts
 * and nothing that names anyone: no reference, no extension reason, no words.
 *
 * @param aboutService the code of the service complained about; null until a case is linked
 */
@EventType("complaint.changed")
public record ComplaintChanged(
    CaseId caseId, String aboutService, boolean referredToOmbudsman, List<Stage> stages)
    implements CaseEvent {

  /** One stage's clocks; {@code outcome} is an {@link Outcome}'s name, null while open. */
  public record Stage(
      int stage,
      Instant startedAt,
      Instant acknowledgeBy,
      Instant acknowledgedAt,
      Instant respondBy,
      Instant firstRespondBy,
      boolean extended,
      Instant respondedAt,
      String outcome) {}

  public ComplaintChanged {
    stages = List.copyOf(stages);
  }

  static ComplaintChanged of(Complaint c) {
    return new ComplaintChanged(
        c.caseId(),
        c.aboutService(),
        c.referred(),
        c.stages().stream()
            .map(
                s ->
                    new Stage(
                        s.stage(),
                        s.startedAt(),
                        s.acknowledgeBy(),
                        s.acknowledgedAt(),
                        s.respondBy(),
                        s.firstRespondBy(),
                        s.extended(),
                        s.respondedAt(),
                        s.outcome() == null ? null : s.outcome().name()))
            .toList());
  }
}
