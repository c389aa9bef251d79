// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A personal data breach on the log. The ICO must hear within {@link #ICO_DEADLINE} of the council
 * becoming aware ({@code foundAt}) unless the breach is assessed as unlikely to result in a risk.
 */
public record Breach(
    UUID id,
    String summary,
    String dataAffected,
    Integer peopleAffected,
    Instant foundAt,
    Instant recordedAt,
    String recordedBy,
    Risk risk,
    LocalDate icoToldOn,
    String icoReference,
    LocalDate peopleToldOn,
    Instant closedAt) {

  /** One dated line of a breach's history: a step taken, a decision, a note. */
  public record HistoryEntry(Instant at, String actor, String text) {}

  /** Article 33: "not later than 72 hours after having become aware of it". */
  public static final Duration ICO_DEADLINE = Duration.ofHours(72);

  /** The assessment of the risk to the people whose data it was. */
  public enum Risk {
    UNLIKELY("Unlikely to result in a risk to people: recorded, not reported"),
    RISK("A risk to people: report to the ICO"),
    HIGH("A high risk to people: report to the ICO and tell the people affected");

    private final String label;

    Risk(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public Instant icoDeadline() {
    return foundAt.plus(ICO_DEADLINE);
  }

  /** Whether the ICO must be told and has not been: not yet assessed counts as must. */
  public boolean icoReportDue() {
    return risk != Risk.UNLIKELY && icoToldOn == null;
  }

  public boolean icoReportOverdue(Instant now) {
    return icoReportDue() && now.isAfter(icoDeadline());
  }

  public boolean peopleMustBeTold() {
    return risk == Risk.HIGH && peopleToldOn == null;
  }

  public boolean open() {
    return closedAt == null;
  }
}
