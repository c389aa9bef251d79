// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.borough.cases.CaseId;

/**
 * A complaint: its case, its stages (first to last) and, once the resident took it further, the
 * Ombudsman's referral.
 *
 * @param aboutService the code of the service the complaint is about, from the first case linked to
 *     it; null until one is
 * @param linked the references of the service cases it is about
 */
public record Complaint(
    CaseId caseId,
    String reference,
    Instant receivedAt,
    String aboutService,
    List<ComplaintStage> stages,
    List<String> linked,
    Ombudsman ombudsman,
    LocalDate referredOn,
    String ombudsmanReference) {

  public ComplaintStage current() {
    return stages.get(stages.size() - 1);
  }

  public boolean referred() {
    return referredOn != null;
  }

  /** Whether the council has sent at least one response. */
  public boolean answered() {
    return stages.stream().anyMatch(s -> !s.open());
  }

  /** A stage 1 answer can be escalated; a stage 2 answer is the council's final response. */
  public boolean canEscalate() {
    return current().stage() == 1 && !current().open();
  }

  public boolean finalResponseGiven() {
    return current().stage() == 2 && !current().open();
  }
}
