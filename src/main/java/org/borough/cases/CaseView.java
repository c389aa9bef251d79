// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.borough.catalogue.Priority;
import org.borough.residents.Channel;

/** A whole case: its summary, answers, timeline (newest first) and attachments. */
public record CaseView(
    CaseSummary summary,
    String description,
    String address,
    Long uprn,
    BigDecimal latitude,
    BigDecimal longitude,
    Channel channel,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt,
    int timesReopened,
    String duplicateOfReference,
    List<Answer> answers,
    List<TimelineEntry> timeline,
    List<Attachment> attachments,
    int version) {

  public CaseId id() {
    return summary.id();
  }

  public String reference() {
    return summary.reference();
  }

  public CaseStatus status() {
    return summary.status();
  }

  public Priority priority() {
    return summary.priority();
  }

  /** An answer to one of the service's questions, with list keys turned into their names. */
  public record Answer(String code, String label, List<String> values) {}

  /** One line of the case's history. {@code publicNote} lines are shown to the resident. */
  public record TimelineEntry(
      long id,
      Instant at,
      String actor,
      String kind,
      boolean publicNote,
      CaseStatus fromStatus,
      CaseStatus toStatus,
      String text) {}

  public record Attachment(
      java.util.UUID id,
      String filename,
      String contentType,
      long sizeBytes,
      Instant uploadedAt,
      String uploadedBy) {}
}
